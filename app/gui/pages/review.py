"""Where the side-by-side review of candidates will live."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)


class ReviewPlaceholder(QWidget):
    """Where the side-by-side review screen will live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Review"))
        title.setObjectName("pageTitle")
        text = QLabel(self.tr("The side-by-side review of candidates comes in a later "
                              "version. Until then, candidates stay queued."))
        text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)
