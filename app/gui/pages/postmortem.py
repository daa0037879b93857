"""Post-mortem: collections, the grid of Bodies, and the way into a Body page."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.itemmodels.bodies import BODY_ROLE, THUMB, BodyGridModel
from athar.app.gui.pages.body import BodyView
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import ThumbnailCache
from athar.app.gui.widgets.common import NameFilter
from athar.casework.domain.permissions import Permission
from athar.casework.records.browse import BodySummary, CollectionView


class PostMortemView(QWidget):
    """Collections on one side, the Bodies of the chosen one as a grid; a Body page on top."""

    import_requested = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.loaded_bodies = False
        browse_page = self._build_browser()
        self.stack = QStackedWidget()
        self.body_page = BodyView(services, tasks, thumbs)
        self.body_page.back.connect(lambda: self.stack.setCurrentIndex(0))
        self.stack.addWidget(browse_page)
        self.stack.addWidget(self.body_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        services.events.changed.connect(self._changed)

    def _build_grid(self) -> None:
        """The Body grid over its item model, filtered by label."""
        self.model = BodyGridModel(self.thumbs)
        self.proxy = NameFilter()
        self.proxy.setSourceModel(self.model)
        self.grid = QListView()
        self.grid.setObjectName("bodyGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(THUMB, THUMB))
        self.grid.setGridSize(QSize(THUMB + 28, THUMB + 40))
        self.grid.setUniformItemSizes(True)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setLayoutMode(QListView.LayoutMode.Batched)
        self.grid.setBatchSize(500)
        self.grid.setModel(self.proxy)
        self.grid.activated.connect(self._open_index)
        self.grid.doubleClicked.connect(self._open_index)

    def _build_browser(self) -> QWidget:
        """Collections on one side, the filter, count, Import and the grid on the other."""
        self.collections = QListWidget()
        self.collections.setObjectName("collections")
        self.collections.currentItemChanged.connect(lambda *_: self.load_bodies())
        self._build_grid()
        self.filter = QLineEdit()
        self.filter.setObjectName("bodyFilter")
        self.filter.setPlaceholderText(self.tr("Filter Bodies by label…"))
        self.filter.textChanged.connect(self.proxy.set_needle)
        self.count = QLabel()
        import_button = QPushButton(self.tr("Import post-mortem photos…"))
        import_button.setObjectName("importButton")
        import_button.clicked.connect(self.import_requested.emit)
        import_button.setEnabled(self.services.may(Permission.IMPORT))
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(import_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.grid, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Collections")))
        left_layout.addWidget(self.collections)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 800])
        browse_page = QWidget()
        title = QLabel(self.tr("Post-mortem"))
        title.setObjectName("pageTitle")
        browse_layout = QVBoxLayout(browse_page)
        browse_layout.addWidget(title)
        browse_layout.addWidget(split, 1)
        return browse_page

    def refresh(self) -> None:
        """Reload the collections (then the Bodies of the chosen one)."""
        self.tasks.submit(lambda _p: (self.services.collections(),
                                      self.services.blur_pm_photos()),
                          self._show_collections, lambda _m: None, latest=(self, "collections"))

    def _changed(self, what: str) -> None:
        if what in ("face", "settings"):
            self.thumbs.clear()
        if self.isVisible() or self.loaded_bodies:
            self.refresh()
        if what in ("face", "body") and self.stack.currentIndex() == 1:
            self.body_page.reload()

    def _show_collections(self, result: tuple[list[CollectionView], bool]) -> None:
        found, blur = result
        self.model.blur = blur
        self.body_page.blur = blur
        current = self.collections.currentItem()
        wanted = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.collections.blockSignals(True)
        self.collections.clear()
        all_item = QListWidgetItem(self.tr("All collections"))
        all_item.setData(Qt.ItemDataRole.UserRole, None)
        self.collections.addItem(all_item)
        select = all_item
        for c in found:
            item = QListWidgetItem(f"{c.name}  ({c.bodies})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.collections.addItem(item)
            if c.id == wanted:
                select = item
        self.collections.setCurrentItem(select)
        self.collections.blockSignals(False)
        self.load_bodies()

    def load_bodies(self) -> None:
        """Load the Bodies of the chosen collection (in the background)."""
        item = self.collections.currentItem()
        cid = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.tasks.submit(lambda _p: self.services.bodies(cid), self._show_bodies,
                          lambda _m: None, latest=(self, "bodies"))

    def _show_bodies(self, rows: list[BodySummary]) -> None:
        self.model.set_bodies(rows)
        self.loaded_bodies = True
        self.count.setText(self.tr("Bodies: %n", "", len(rows)))

    def _open_index(self, index: QModelIndex) -> None:
        self.open_body(int(index.data(BODY_ROLE)))

    def open_body(self, body_id: int) -> None:
        """Show a Body's page."""
        self.body_page.load(body_id)
        self.stack.setCurrentIndex(1)
