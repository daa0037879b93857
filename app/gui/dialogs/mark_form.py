"""The forms of distinctive marks: a mark's category, location and words (new, described
by the family, or edited with a reason), a withdrawal's reason, and a link's judgement
and note. The services check every value; the forms only collect them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.casework.domain.marks import DESCRIBED_LOCATIONS, LOCATIONS, LinkRelation, MarkCategory
from athar.casework.storage.repositories.marks import MarkView


@dataclass(frozen=True)
class MarkValues:
    """What the mark form collected."""

    category: str
    location: str
    description: str
    family_words: str
    reason: str


def _combo(name: str, items: list[tuple[str, str]], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, code in items:
        combo.addItem(text, code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def category_combo(current: str | None = None, any_text: str | None = None) -> QComboBox:
    """The categories, translated (with an "any" first entry when `any_text` is given)."""
    items = [(labels.category_name(c.value), c.value) for c in MarkCategory]
    combo = _combo("markCategory", items, current)
    if any_text is not None:
        combo.insertItem(0, any_text, None)
        combo.setCurrentIndex(0 if current is None else combo.findData(current))
    return combo


def location_combo(described: bool, current: str | None = None,
                   any_text: str | None = None) -> QComboBox:
    """The body locations, translated (limb parts without side for described marks)."""
    codes = DESCRIBED_LOCATIONS if described else LOCATIONS
    combo = _combo("markLocation", [(labels.location_name(c), c) for c in codes], current)
    if any_text is not None:
        combo.insertItem(0, any_text, None)
        combo.setCurrentIndex(0 if current is None else combo.findData(current))
    return combo


class MarkDialog(QDialog):
    """A new mark (drawn or described) or an edit of one."""

    def __init__(self, parent: QWidget | None, *, described: bool,
                 mark: MarkView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self.setWindowTitle(self.tr("Edit mark %1").replace("%1", str(mark.id)) if mark
                            else self.tr("Mark the family described") if described
                            else self.tr("New mark"))
        self.category = category_combo(mark.category if mark else None)
        self.location = location_combo(described, mark.location if mark else None)
        self.description = QPlainTextEdit(mark.description or "" if mark else "")
        self.description.setObjectName("markDescription")
        self.description.setPlaceholderText(self.tr("What it shows: motif, colour, size, "
                                                    "words written (Arabic or Latin)"))
        self.description.setFixedHeight(70)
        self.words = QPlainTextEdit(mark.family_words or "" if mark else "")
        self.words.setObjectName("markFamilyWords")
        self.words.setPlaceholderText(self.tr("The family's own words, exactly as told"))
        self.words.setFixedHeight(70)
        self.reason = QLineEdit()
        self.reason.setObjectName("markReason")
        self.reason.setPlaceholderText(self.tr("Why it changes (kept in its history)"))
        form = QFormLayout()
        form.addRow(self.tr("Kind of mark"), self.category)
        form.addRow(self.tr("Where on the body"), self.location)
        form.addRow(self.tr("Description"), self.description)
        if described:
            form.addRow(self.tr("Family's words"), self.words)
        if mark is not None:
            form.addRow(self.tr("Reason"), self.reason)
        note = QLabel(self.tr("Left and right are the body's own, as a forensic examiner "
                              "records them."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> MarkValues:
        """What was entered."""
        return MarkValues(str(self.category.currentData()), str(self.location.currentData()),
                          self.description.toPlainText().strip(),
                          self.words.toPlainText().strip(), self.reason.text().strip())


class ReasonDialog(QDialog):
    """A required written reason (withdrawing a mark)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonText")
        self.text.setFixedHeight(80)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def reason(self) -> str:
        """The reason typed."""
        return self.text.toPlainText().strip()


def relation_combo() -> QComboBox:
    """corresponding / similar / not corresponding, translated."""
    return _combo("linkRelation", [(labels.relation_name(r.value), r.value)
                                   for r in LinkRelation], None)
