"""The marks beside a photo: drawing a new one (rectangle, ellipse, polygon) on the photo
canvas, the list of marks (drawn over the photo, toggle), selecting one to highlight it,
editing or withdrawing it, and for a missing person the marks the family described.

Everything is recorded through the services, which check the user's role; the panel only
greys out what the user may not do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.dialogs.mark_form import MarkDialog, MarkValues, ReasonDialog
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import show_error
from athar.app.gui.widgets.photo_canvas import Overlay, PhotoCanvas
from athar.app.gui.widgets.photo_canvas import Shape as Region
from athar.casework.domain.marks import Shape, ShapeKind
from athar.casework.domain.permissions import Permission
from athar.casework.marks.annotate import AddMark, DescribeMark, EditMark, WithdrawMark
from athar.casework.marks.views import MarkList
from athar.casework.storage.repositories.marks import LinkView, MarkView

MARK_COLOUR = "#40c4ff"
LINK_COLOURS = ("#ff4081", "#76ff03", "#ffab40", "#e040fb", "#18ffff", "#ffff00",
                "#ff6e40", "#b2ff59")
"""Linked marks share a colour, on both sides."""
MARK_ROLE = Qt.ItemDataRole.UserRole


def region(shape: Shape) -> Region:
    """A stored mark's shape as the canvas draws it."""
    if shape.kind is ShapeKind.POLYGON:
        return Region("poly", tuple(shape.points))
    x, y, w, h = shape.bounds
    return Region(shape.kind.value, ((x, y), (x + w, y + h)))


def stored_shape(drawn: Region) -> Shape:
    """A shape drawn on the canvas as the services take it (rounded to 0.1 px)."""
    if drawn.kind == "poly":
        return Shape(ShapeKind.POLYGON, tuple(round(v, 1) for p in drawn.points for v in p))
    b = drawn.bounds()
    return Shape(ShapeKind(drawn.kind), tuple(round(v, 1) for v in
                                              (b.left, b.top, b.width, b.height)))


def link_colours(links: list[LinkView] | tuple[LinkView, ...]) -> dict[int, str]:
    """Mark id -> the colour of its current link (both marks of a link share it)."""
    colours: dict[int, str] = {}
    for n, link in enumerate(k for k in links if k.current):
        colour = LINK_COLOURS[n % len(LINK_COLOURS)]
        colours.setdefault(link.am_mark_id, colour)
        colours.setdefault(link.pm_mark_id, colour)
    return colours


def mark_text(mark: MarkView) -> str:
    """One line naming a mark: its id, kind, place and words."""
    words = " / ".join(t for t in (mark.description, mark.family_words) if t)
    text = f"#{mark.id} {labels.category_name(mark.category)} — " \
           f"{labels.location_name(mark.location)}"
    if words:
        text += f": {words}"
    if mark.withdrawn:
        text += " " + QCoreApplication.translate("MarksPanel", "(withdrawn by %1: %2)").replace(
            "%1", mark.withdrawn_by or "").replace("%2", mark.withdraw_reason or "")
    return text


def mark_overlays(marks: list[MarkView], photo_id: int | None, colours: dict[int, str],
                  selected: int | None) -> list[Overlay]:
    """The marks of one photo as canvas overlays (withdrawn ones are not drawn)."""
    return [Overlay(region(m.shape), colours.get(m.id, MARK_COLOUR), label=f"#{m.id}",
                    selected=m.id == selected, key=("mark", m.id))
            for m in marks if m.photo_id == photo_id and m.shape is not None
            and not m.withdrawn]


class MarksPanel(QWidget):
    """The marks of a Body's or a person's photos, drawn on `canvas`."""

    changed = Signal()
    """A mark was recorded, edited or withdrawn (the host reloads the marks)."""

    def __init__(self, services: Services, tasks: TaskRunner, canvas: PhotoCanvas, *,
                 person_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.canvas = services, tasks, canvas
        self.person_id = person_id
        self.listed = MarkList((), ())
        self.photo_id: int | None = None
        self.selected: int | None = None
        self.dialog: QDialog | None = None
        """The form open now (kept so that it lives while shown)."""
        self.extra: list[Overlay] = []
        """Other overlays the host draws on the canvas (landmarks)."""
        self.may_annotate = services.may(Permission.ANNOTATE)
        self._build()
        canvas.shape_drawn.connect(self._drawn)
        canvas.overlay_clicked.connect(self._clicked)

    def _build(self) -> None:
        self.draw_group = QButtonGroup(self)
        self.draw_group.setExclusive(False)
        draw_row = QHBoxLayout()
        draw_row.addWidget(QLabel(self.tr("Draw a mark:")))
        for kind, text in (("rect", self.tr("Rectangle")), ("ellipse", self.tr("Ellipse")),
                           ("poly", self.tr("Polygon"))):
            button = QPushButton(text)
            button.setObjectName(f"draw_{kind}")
            button.setCheckable(True)
            button.setEnabled(self.may_annotate)
            button.toggled.connect(lambda on, k=kind: self._draw_mode(k, on))
            self.draw_group.addButton(button)
            draw_row.addWidget(button)
        draw_row.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.show_marks = QCheckBox(self.tr("Show marks on the photo"))
        self.show_marks.setObjectName("showMarks")
        self.show_marks.setChecked(True)
        self.show_marks.toggled.connect(lambda _on: self.apply())
        self.list = QListWidget()
        self.list.setObjectName("markList")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(150)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._chosen(cur))
        self.describe = QPushButton(self.tr("Describe a mark the family told…"))
        self.describe.setObjectName("describeMark")
        self.describe.setVisible(self.person_id is not None)
        self.describe.clicked.connect(self._describe)
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setObjectName("editMark")
        self.edit.clicked.connect(self._edit)
        self.withdraw = QPushButton(self.tr("Withdraw…"))
        self.withdraw.setObjectName("withdrawMark")
        self.withdraw.clicked.connect(self._withdraw)
        buttons = QHBoxLayout()
        for b in (self.describe, self.edit, self.withdraw):
            b.setEnabled(self.may_annotate)
            buttons.addWidget(b)
        self.message = QLabel()
        self.message.setObjectName("marksMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(draw_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.show_marks)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # inside a dialog, Enter closes a polygon instead
        self._buttons_state()

    # -- what is shown ----------------------------------------------------------------------

    def set_marks(self, listed: MarkList) -> None:
        """The owner's marks (all photos, described ones, withdrawn ones) and links."""
        self.listed = listed
        self._fill()

    def set_photo(self, photo_id: int | None) -> None:
        """The photo now on the canvas."""
        self.photo_id = photo_id
        self._fill()

    def shown_marks(self) -> list[MarkView]:
        """The marks listed: the photo's, then the described ones (for a person)."""
        return [m for m in self.listed.marks
                if m.photo_id == self.photo_id or (m.photo_id is None
                                                   and self.person_id is not None)]

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        colours = link_colours(self.listed.links)
        for m in self.shown_marks():
            item = QListWidgetItem(mark_text(m) if m.photo_id else
                                   self.tr("Described: %1").replace("%1", mark_text(m)))
            item.setData(MARK_ROLE, m.id)
            if m.withdrawn:
                item.setForeground(QBrush(QColor("#9e9e9e")))
            elif m.id in colours:
                item.setForeground(QBrush(QColor(colours[m.id]).darker(150)))
            self.list.addItem(item)
            if m.id == self.selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._buttons_state()
        self.apply()

    def apply(self) -> None:
        """Draw the photo's marks (and the host's overlays) on the canvas."""
        marks = mark_overlays(list(self.listed.marks), self.photo_id,
                              link_colours(self.listed.links), self.selected) \
            if self.show_marks.isChecked() else []
        self.canvas.set_overlays([*self.extra, *marks])

    def selected_mark(self) -> MarkView | None:
        """The mark chosen in the list."""
        return next((m for m in self.listed.marks if m.id == self.selected), None)

    def select(self, mark_id: int | None) -> None:
        """Choose a mark (highlighted on the photo)."""
        self.selected = mark_id
        self._fill()

    def _chosen(self, item: QListWidgetItem | None) -> None:
        self.selected = None if item is None else int(item.data(MARK_ROLE))
        self._buttons_state()
        self.apply()

    def _clicked(self, key: object) -> None:
        if isinstance(key, tuple) and key[0] == "mark":
            self.select(int(key[1]))

    def _buttons_state(self) -> None:
        mark = self.selected_mark()
        usable = self.may_annotate and mark is not None and not mark.withdrawn
        self.edit.setEnabled(usable)
        self.withdraw.setEnabled(usable)

    # -- drawing and changing -----------------------------------------------------------------

    def _draw_mode(self, kind: str, on: bool) -> None:
        if on:
            for button in self.draw_group.buttons():
                if button.objectName() != f"draw_{kind}" and button.isChecked():
                    button.setChecked(False)
            if self.canvas.blurred:
                self.canvas.reveal_requested.emit()
        elif self.canvas.draw_mode != kind:
            return
        self.canvas.cancel_drawing()
        self.canvas.draw_mode = kind if on else None
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        self.hint.setText(self.tr("Click the corners; double-click, Enter or a click on the "
                                  "first point closes the polygon; Esc drops it.")
                          if on and kind == "poly" else
                          self.tr("Drag over the mark.") if on else "")
        self.hint.setVisible(on)

    def stop_drawing(self) -> None:
        """Leave drawing mode."""
        for button in self.draw_group.buttons():
            button.setChecked(False)

    def _drawn(self, drawn: Region) -> None:
        if self.canvas.draw_mode is None or self.photo_id is None:
            return
        dialog = MarkDialog(self, described=False)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._add(drawn, dialog.values()))
        dialog.rejected.connect(self.stop_drawing)
        dialog.open()

    def _add(self, drawn: Region, values: MarkValues) -> None:
        self.stop_drawing()
        cmd = AddMark(str(self.photo_id), values.category, values.location,
                      stored_shape(drawn), values.description or None)
        self._run(cmd, self.tr("Mark %1 recorded."))

    def _describe(self) -> None:
        if self.person_id is None:
            return
        dialog = MarkDialog(self, described=True)
        self.dialog = dialog
        person = self.person_id
        dialog.accepted.connect(lambda: self._run(DescribeMark(
            person, dialog.values().category, dialog.values().location,
            dialog.values().description or None, dialog.values().family_words or None),
            self.tr("Mark %1 recorded as the family described it.")))
        dialog.open()

    def _edit(self) -> None:
        mark = self.selected_mark()
        if mark is None:
            return
        dialog = MarkDialog(self, described=mark.photo_id is None, mark=mark)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save_edit(mark, dialog.values()))
        dialog.open()

    def _save_edit(self, mark: MarkView, v: MarkValues) -> None:
        def changed(new: str, old: str | None) -> str | None:
            return new if new != (old or "") else None

        cmd = EditMark(mark.id, changed(v.category, mark.category),
                       changed(v.location, mark.location), None,
                       changed(v.description, mark.description),
                       changed(v.family_words, mark.family_words) if mark.photo_id is None
                       else None, v.reason or None)
        self._run(cmd, self.tr("Mark %1 changed; its history keeps the old values."),
                  mark.id)

    def _withdraw(self) -> None:
        mark = self.selected_mark()
        if mark is None:
            return
        dialog = ReasonDialog(self, self.tr("Withdraw mark %1").replace("%1", str(mark.id)),
                              self.tr("Why is this mark withdrawn? It stays in the record "
                                      "with your reason."))
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._run(WithdrawMark(mark.id, dialog.reason()),
                                                  self.tr("Mark %1 withdrawn."), mark.id))
        dialog.open()

    def _run(self, cmd: AddMark | DescribeMark | EditMark | WithdrawMark, done: str,
             mark_id: int | None = None) -> None:
        self.message.setText(self.tr("Saving…"))

        def finished(result: int | None) -> None:
            shown = mark_id if mark_id is not None else result
            self.message.setText(done.replace("%1", str(shown)))
            if mark_id is None and result is not None:
                self.selected = result
            self.changed.emit()

        def failed(message: str) -> None:
            self.message.setText("")
            show_error(self, self.tr("The mark was not saved"), message)

        self.tasks.submit(lambda _p: self.services.change_mark(cmd), finished, failed,
                          write=True)
