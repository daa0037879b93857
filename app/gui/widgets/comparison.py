"""The comparison view: the family's photos beside the Body's, pair by pair, with
synchronised zoom and pan, per-side rotation and tone, an aligned overlay (both faces
warped onto the same landmark template and blended, or flickered), and landmarks on
demand; both sides' distinctive marks, drawn over the whole photos and linked by an
examiner. Post-mortem photos follow the user's exposure setting: the face crop by
default, the whole photo blurred until clicked."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.marks_compare import MarksCompare
from athar.app.gui.widgets.marks_panel import mark_overlays
from athar.app.gui.widgets.overlay_canvas import OverlayCanvas
from athar.app.gui.widgets.photo_canvas import Adjust, Overlay, PhotoCanvas, Shape
from athar.casework.marks.views import MarkList
from athar.casework.records.browse import PhotoView
from athar.casework.reports.weight import Weighed
from athar.casework.review.context import PairScore, ReviewContext
from athar.casework.storage.repositories.marks import MarkView

VIEW_MAX = 1600
CROP = 600
ALIGNED = 400


class SideView(QWidget):
    """One side of the comparison: a canvas and its own tools (rotate, tone, grey)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PhotoCanvas()
        self.canvas.setMinimumSize(QSize(280, 260))
        self.title = QLabel(title)
        self.title.setObjectName("sideTitle")
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Face crop"), "crop")
        self.mode.addItem(self.tr("Whole photo"), "photo")
        rotate = QPushButton(self.tr("Rotate 90°"))
        rotate.setObjectName("rotateSide")
        rotate.clicked.connect(lambda: self.canvas.turn(1))
        self.grey = QCheckBox(self.tr("Grey"))
        self.sliders: dict[str, QSlider] = {}
        tone = QHBoxLayout()
        for key, label, tip in (("brightness", self.tr("Light"), self.tr("Brightness")),
                                ("contrast", self.tr("Contrast"), self.tr("Contrast")),
                                ("gamma", self.tr("Gamma"), self.tr("Gamma"))):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setObjectName(f"{key}Slider")
            slider.setRange(-100, 100)
            slider.setToolTip(tip)
            slider.valueChanged.connect(self._adjust)
            self.sliders[key] = slider
            tone.addWidget(QLabel(label))
            tone.addWidget(slider)
        self.grey.toggled.connect(self._adjust)
        top = QHBoxLayout()
        for w in (self.title, self.mode, rotate, self.grey):
            top.addWidget(w)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(tone)

    def _adjust(self) -> None:
        s = self.sliders
        self.canvas.set_adjust(Adjust(
            brightness=s["brightness"].value() / 200.0,
            contrast=2.0 ** (s["contrast"].value() / 50.0),
            gamma=2.0 ** (s["gamma"].value() / 50.0), grey=self.grey.isChecked()))


@dataclass
class _Loaded:
    am_photos: dict[int, PhotoView]
    pm_photos: dict[int, PhotoView]


class ComparisonView(QWidget):
    """Both sides of a candidate, pair by pair (see the module docstring)."""

    pair_changed = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.context: ReviewContext | None = None
        self.loaded = _Loaded({}, {})
        self.revealed: set[int] = set()
        self.blur = True
        """The user's choice: whole post-mortem photos blurred until clicked."""
        self._images: dict[tuple[str, int, bool], QImage] = {}
        self.pairs = QListWidget()
        self.pairs.setObjectName("pairList")
        self.pairs.setMaximumHeight(110)
        self.pairs.currentRowChanged.connect(self._pair_chosen)
        self.am = SideView(self.tr("Family photo"))
        self.am.mode.setCurrentIndex(1)
        self.pm = SideView(self.tr("Post-mortem"))
        for side in (self.am, self.pm):
            side.mode.currentIndexChanged.connect(lambda _i: self._show_pair())
        self.pm.canvas.reveal_requested.connect(self._reveal)
        self.overlay = OverlayCanvas()
        self.overlay.setObjectName("alignedOverlay")
        self._build_tools()
        self.marks = MarksCompare(services, tasks)
        self.marks.setFixedWidth(360)
        self.marks.mark_chosen.connect(self._mark_chosen)
        self.marks.linked.connect(self.reload_marks)
        self.forced: dict[str, int] = {}
        """A side's photo chosen through one of its marks (instead of the pair's)."""
        self.chosen_marks: dict[str, int | None] = {"am": None, "pm": None}
        sides = QWidget()
        row = QHBoxLayout(sides)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.am, 1)
        row.addWidget(self.pm, 1)
        row.addWidget(self.marks)
        self.stack = QStackedWidget()
        self.stack.addWidget(sides)
        self.stack.addWidget(self.overlay)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pairs)
        layout.addLayout(self.tools)
        layout.addWidget(self.stack, 1)
        self.am.canvas.view_changed.connect(lambda z, x, y: self._sync(self.pm, z, x, y))
        self.pm.canvas.view_changed.connect(lambda z, x, y: self._sync(self.am, z, x, y))

    def _build_tools(self) -> None:
        """Sync, fit, 1:1, overlay (opacity, flicker), landmarks."""
        self.sync = QCheckBox(self.tr("Zoom and pan together"))
        self.sync.setChecked(True)
        fit = QPushButton(self.tr("Fit"))
        fit.clicked.connect(self.fit)
        actual = QPushButton(self.tr("1:1"))
        actual.clicked.connect(self.actual_size)
        self.overlay_toggle = QCheckBox(self.tr("Aligned overlay"))
        self.overlay_toggle.setObjectName("overlayToggle")
        self.overlay_toggle.setToolTip(self.tr("Both faces warped onto the same five-point "
                                               "template and laid over each other (Ctrl+O)"))
        self.overlay_toggle.toggled.connect(self.set_overlay)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setObjectName("overlayOpacity")
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.setMaximumWidth(140)
        self.opacity.valueChanged.connect(self._opacity)
        self.flicker = QCheckBox(self.tr("Flicker"))
        self.flicker.setObjectName("overlayFlicker")
        self.flicker.toggled.connect(self.overlay.set_flicker)
        self.landmarks = QCheckBox(self.tr("Landmarks"))
        self.landmarks.setObjectName("landmarksToggle")
        self.landmarks.toggled.connect(lambda _on: self._show_pair())
        self.tools = QHBoxLayout()
        for w in (self.sync, fit, actual, self.overlay_toggle, QLabel(self.tr("Opacity")),
                  self.opacity, self.flicker, self.landmarks):
            self.tools.addWidget(w)
        self.tools.addStretch(1)

    # -- content ----------------------------------------------------------------------------

    def set_candidate(self, context: ReviewContext, am_photos: tuple[PhotoView, ...],
                      pm_photos: tuple[PhotoView, ...]) -> None:
        """Show a candidate: its pairs (best first, or by id while scores are hidden)."""
        self.context = context
        self.loaded = _Loaded({p.id: p for p in am_photos}, {p.id: p for p in pm_photos})
        self.revealed.clear()
        self.forced.clear()
        self.chosen_marks = {"am": None, "pm": None}
        self.marks.set_marks(MarkList((), ()), MarkList((), ()), None)
        self.reload_marks()
        self.pairs.blockSignals(True)
        self.pairs.clear()
        for i, pair in enumerate(context.pairs, start=1):
            score = (self.tr("score hidden until you decide") if pair.score is None
                     else self.tr("score %1").replace("%1", f"{pair.score:.3f}"))
            item = QListWidgetItem(self.tr("Pair %1: family photo %2 × post-mortem photo %3 — "
                                           "%4").replace("%1", str(i))
                                   .replace("%2", str(pair.am_photo_id))
                                   .replace("%3", str(pair.pm_photo_id)).replace("%4", score))
            self.pairs.addItem(item)
        self.pairs.blockSignals(False)
        if context.pairs:
            self.pairs.setCurrentRow(0)
            self._pair_chosen(0)

    def current_pair(self) -> PairScore | None:
        """The pair shown."""
        row = self.pairs.currentRow()
        if self.context is None or not 0 <= row < len(self.context.pairs):
            return None
        return self.context.pairs[row]

    def step_pair(self, delta: int) -> None:
        """Show the next (1) or previous (-1) pair."""
        if self.context and self.context.pairs:
            self.pairs.setCurrentRow((self.pairs.currentRow() + delta) % len(self.context.pairs))

    def fit(self) -> None:
        """Both sides whole."""
        self.am.canvas.fit()
        self.pm.canvas.fit()

    def actual_size(self) -> None:
        """Both sides at one photo pixel per screen pixel."""
        self.am.canvas.actual_size()
        self.pm.canvas.actual_size()

    def zoom(self, factor: float) -> None:
        """Zoom both sides (they follow each other when synchronised)."""
        self.am.canvas.zoom_by(factor)
        if not self.sync.isChecked():
            self.pm.canvas.zoom_by(factor)

    def set_overlay(self, on: bool) -> None:
        """Show the aligned overlay instead of the two sides."""
        if self.overlay_toggle.isChecked() != on:
            self.overlay_toggle.setChecked(on)
            return
        self.stack.setCurrentIndex(1 if on else 0)
        if on:
            self._load_overlay()

    def reload_marks(self) -> None:
        """Load both sides' marks, their links and what they say about each other."""
        ctx = self.context
        if ctx is None:
            return

        def load(_p: object) -> tuple[int, MarkList, MarkList, Weighed]:
            return (ctx.candidate_id, self.services.marks(person_id=ctx.person_id),
                    self.services.marks(body_id=ctx.body_id), self.services.evidence_of(ctx))

        self.tasks.submit(load, self._marks_loaded, lambda _m: None, latest=(self, "marks"))

    def _marks_loaded(self, data: tuple[int, MarkList, MarkList, Weighed]) -> None:
        candidate, am, pm, weighed = data
        if self.context is None or self.context.candidate_id != candidate:
            return
        self.marks.set_marks(am, pm, weighed.marks)
        self.marks.set_records(weighed.records, weighed)
        self._show_pair()

    def _mark_chosen(self, side: str, mark: MarkView | None) -> None:
        self.chosen_marks[side] = None if mark is None else mark.id
        if mark is not None and mark.photo_id is not None:
            self.forced[side] = mark.photo_id
            view = self.am if side == "am" else self.pm
            view.mode.setCurrentIndex(view.mode.findData("photo"))
        self._show_pair()

    def _mark_overlays(self, kind: str, photo: PhotoView | None) -> list[Overlay]:
        if photo is None:
            return []
        marks = self.marks.am_marks if kind == "am" else self.marks.pm_marks
        return mark_overlays(marks, photo.id, self.marks.colours(), self.chosen_marks[kind])

    def _pair_chosen(self, row: int) -> None:
        self.forced.clear()
        self.pair_changed.emit(row)
        self._show_pair()
        if self.overlay_toggle.isChecked():
            self._load_overlay()

    def _sync(self, other: SideView, zoom: float, x: float, y: float) -> None:
        if self.sync.isChecked() and other.canvas.photo is not None:
            other.canvas.set_view(zoom, x, y)

    def _opacity(self, value: int) -> None:
        self.overlay.opacity = value / 100.0
        self.overlay.update()

    # -- loading -----------------------------------------------------------------------------

    def _show_pair(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        am_photo = self.forced.get("am", pair.am_photo_id)
        pm_photo = self.forced.get("pm", pair.pm_photo_id)
        self._side(self.am, "am", pair.am_face_id, self.loaded.am_photos.get(am_photo),
                   blur=False)
        self._side(self.pm, "pm", pair.pm_face_id, self.loaded.pm_photos.get(pm_photo),
                   blur=self._blur_pm(pm_photo))

    def _blur_pm(self, photo_id: int) -> bool:
        return self.blur and photo_id not in self.revealed

    def _side(self, side: SideView, kind: str, face_id: int, photo: PhotoView | None,
              blur: bool) -> None:
        whole = side.mode.currentData() == "photo" and photo is not None
        key = ("photo", photo.id, blur) if whole and photo is not None else ("face", face_id, False)
        shown = photo if whole and photo is not None else None
        image = self._images.get(key)
        if image is not None:
            view = shown or PhotoView(-face_id, "", image.width(), image.height(), True, ())
            side.canvas.set_photo(view, image, blur and whole)
            side.canvas.set_overlays([*self._landmarks(shown, face_id),
                                      *self._mark_overlays(kind, shown)])
            return
        side.canvas.set_photo(shown, None, False)
        self.tasks.submit(lambda _p: self._render(key), lambda img: self._arrived(key, img),
                          lambda _m: None)

    def _render(self, key: tuple[str, int, bool]) -> QImage:
        kind, ident, blur = key
        if kind == "photo":
            return QImage.fromData(self.services.photo(ident, VIEW_MAX, blur).png)
        if kind == "aligned":
            return QImage.fromData(self.services.aligned_face(ident, ALIGNED).png)
        return QImage.fromData(self.services.face_crop(ident, CROP).png)

    def _arrived(self, key: tuple[str, int, bool], image: QImage) -> None:
        self._images[key] = image
        if key[0] == "aligned":
            self._overlay_ready()
        else:
            self._show_pair()

    def _landmarks(self, photo: PhotoView | None, face_id: int) -> list[Overlay]:
        if photo is None or not self.landmarks.isChecked():
            return []
        face = next((f for f in photo.faces if f.id == face_id), None)
        if face is None or not face.landmarks:
            return []
        return [Overlay(Shape("point", face.landmarks), "#ffeb3b")]

    def _reveal(self) -> None:
        pair = self.current_pair()
        if pair is not None:
            self.revealed.add(self.forced.get("pm", pair.pm_photo_id))
            self._show_pair()

    def _load_overlay(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        for face in (pair.am_face_id, pair.pm_face_id):
            self._load_aligned(face)
        self._overlay_ready()

    def _load_aligned(self, face_id: int) -> None:
        key = ("aligned", face_id, False)
        if key not in self._images:
            self.tasks.submit(lambda _p: self._render(key), lambda img: self._arrived(key, img),
                              lambda _m: None)

    def _overlay_ready(self) -> None:
        from athar.casework.records.pictures import TEMPLATE

        pair = self.current_pair()
        if pair is None:
            return
        self.overlay.am = self._images.get(("aligned", pair.am_face_id, False))
        self.overlay.pm = self._images.get(("aligned", pair.pm_face_id, False))
        self.overlay.landmarks = self.landmarks.isChecked()
        self.overlay.template = tuple((float(x), float(y)) for x, y in TEMPLATE)
        self.overlay.update()
