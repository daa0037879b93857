"""Review: the queue of candidates awaiting review, the comparison view, and one key per
decision with a rationale, straight on to the next. Blind review shows: other reviewers'
decisions appear only after you have recorded yours (and, with the workspace setting, the
scores and ranks too)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.itemmodels.candidates import (
    COL_AM,
    COL_BODY,
    COL_SCORE,
    FACE,
    CandidateTableModel,
    load_agreements,
)
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import ThumbnailCache
from athar.app.gui.widgets.common import show_error
from athar.app.gui.widgets.comparison import ComparisonView
from athar.casework.domain.entities import CandidateState, ReviewDecision, utcnow
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import PersonDetail
from athar.casework.matching.candidates import CandidateView
from athar.casework.records.browse import BodyDetail
from athar.casework.review.context import ReviewContext
from athar.casework.review.queue import QueueNews
from athar.casework.review.reviews import ReviewResult

DECISIONS = (ReviewDecision.EXCLUDED, ReviewDecision.POSSIBLE, ReviewDecision.NEEDS_INFO,
             ReviewDecision.PROPOSE)
"""Ctrl+1 to Ctrl+4, in this order."""


class ReviewQueueView(QWidget):
    """The review queue and the review of the chosen candidate."""

    reviewed = Signal(object)
    """A ReviewResult, after a review was recorded."""

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.context: ReviewContext | None = None
        self._open_id: int | None = None
        self._person: PersonDetail | None = None
        self._body: BodyDetail | None = None
        self._visit: datetime | None = None
        """When the user came to the queue this time (None until the page first loads)."""
        self._since: datetime | None = None
        """The visit before it (None: the user's first visit)."""
        self._since_known = False
        left = self._build_queue()
        self.comparison = ComparisonView(services, tasks)
        decide = self._build_decision()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.comparison, 1)
        right_layout.addWidget(decide)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 860])
        title = QLabel(self.tr("Review"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(split, 1)
        self._shortcuts()
        services.events.changed.connect(self._changed)

    # -- building ---------------------------------------------------------------------------

    def _build_queue(self) -> QWidget:
        """Filters (person, collection, state) over the queue in rank order per person."""
        self.person = QComboBox()
        self.person.setObjectName("queuePerson")
        self.person.addItem(self.tr("Every person"), None)
        self.collection = QComboBox()
        self.collection.setObjectName("queueCollection")
        self.collection.addItem(self.tr("Every collection"), None)
        self.state = QComboBox()
        self.state.setObjectName("queueState")
        self.state.addItem(self.tr("Awaiting review"), None)
        for s in CandidateState:
            self.state.addItem(labels.state_name(s), s.value)
        for combo in (self.person, self.collection, self.state):
            combo.currentIndexChanged.connect(lambda _i: self.load())
        self.model = CandidateTableModel(self.thumbs)
        self.table = QTableView()
        self.table.setObjectName("reviewQueue")
        self.table.setModel(self.model)
        self.table.setIconSize(QSize(FACE // 2 + 12, FACE // 2 + 12))
        self.table.verticalHeader().setDefaultSectionSize(FACE // 2 + 18)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_BODY, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_AM, True)  # the same family photo on every row
        self.table.setColumnHidden(COL_SCORE, True)  # the rank orders them; the pair list
        # beside shows every score (or hides them, blind)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._chosen(cur))
        self.news = QLabel()
        self.news.setObjectName("queueNews")
        self.news.setWordWrap(True)
        self.news.setStyleSheet("background: #e3f2fd; padding: 6px; border-radius: 4px;")
        self.news.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.news)
        for w in (self.person, self.collection, self.state):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        return box

    def _build_decision(self) -> QGroupBox:
        """Others' reviews (once yours is recorded), the decision keys and the rationale."""
        self.others = QLabel()
        self.others.setObjectName("otherReviews")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.attention = QLabel()
        self.attention.setObjectName("candidateAttention")
        self.attention.setWordWrap(True)
        self.attention.setStyleSheet("color: #b71c1c;")
        self.decisions = QButtonGroup(self)
        row = QHBoxLayout()
        for i, decision in enumerate(DECISIONS, start=1):
            button = QRadioButton(f"{labels.decision_name(decision)} (Ctrl+{i})")
            button.setObjectName(f"decision_{decision.value}")
            self.decisions.addButton(button, i)
            row.addWidget(button)
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("rationale")
        self.rationale.setPlaceholderText(self.tr("What you compared and why you decide so "
                                                  "(required)"))
        self.rationale.setFixedHeight(70)
        self.record = QPushButton(self.tr("Record review and go to the next (Ctrl+Enter)"))
        self.record.setObjectName("recordReview")
        self.record.clicked.connect(self.record_review)
        self.record.setEnabled(self.services.may(Permission.REVIEW))
        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        box = QGroupBox(self.tr("Your review"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.attention)
        layout.addWidget(self.others)
        layout.addLayout(row)
        layout.addWidget(self.rationale)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.record)
        layout.addLayout(bottom)
        return box

    def _shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], None]]] = [
            (f"Ctrl+{i}", partial(self.decide, decision))
            for i, decision in enumerate(DECISIONS, start=1)]
        keys += [("Ctrl+Return", self.record_review), ("Ctrl+Enter", self.record_review),
                 ("Ctrl+Down", partial(self.step_candidate, 1)),
                 ("Ctrl+Up", partial(self.step_candidate, -1)),
                 ("Ctrl+Right", partial(self.comparison.step_pair, 1)),
                 ("Ctrl+Left", partial(self.comparison.step_pair, -1)),
                 ("Ctrl+=", partial(self.comparison.zoom, 1.25)),
                 ("Ctrl+-", partial(self.comparison.zoom, 0.8)),
                 ("Ctrl+0", self.comparison.fit), ("Ctrl+O", self.toggle_overlay)]
        self._keys = []
        for seq, slot in keys:
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._keys.append(shortcut)

    def toggle_overlay(self) -> None:
        """The aligned overlay on or off (Ctrl+O)."""
        self.comparison.set_overlay(not self.comparison.overlay_toggle.isChecked())

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the filters' choices and the queue; the first time, record the visit
        (what is new is counted from the visit before)."""
        if self._visit is None and self.services.may(Permission.REVIEW):
            self._visit = utcnow()
            self.tasks.submit(lambda _p: self.services.queue_news(), self._first_news,
                              lambda _m: None)
        self.tasks.submit(lambda _p: (self.services.persons(), self.services.collections(),
                                      self.services.blur_pm_photos()),
                          self._filters, lambda _m: None, latest=(self, "filters"))

    def _filters(self, data: tuple[list[object], list[object], bool]) -> None:
        persons, collections, blur = data
        self.comparison.blur = blur
        for combo, rows in ((self.person, [(p.label, p.id) for p in persons]),  # type: ignore[attr-defined]
                            (self.collection, [(c.name, c.name) for c in collections])):  # type: ignore[attr-defined]
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in rows:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.load()

    def _first_news(self, news: QueueNews) -> None:
        self._since, self._since_known = news.since, True
        self._show_news(news)
        self.tasks.submit(lambda _p: self.services.record_queue_visit(), lambda _r: None,
                          lambda _m: None, write=True)

    def _show_news(self, news: QueueNews) -> None:
        """The notice of what is new since the last visit; new rows in bold, tagged."""
        self.model.set_new(news.new_ids)
        n = len(news.new_ids)
        if news.since is None:
            text = (self.tr("Your first visit: %1 candidates await review (persons: %2, "
                            "Bodies: %3).") if n else
                    self.tr("Your first visit: nothing awaits review yet."))
        else:
            text = (self.tr("New since your last visit (%4): %1 candidates (persons: %2, "
                            "Bodies: %3).") if n else
                    self.tr("Nothing new since your last visit (%4)."))
            text = text.replace("%4", f"{news.since:%Y-%m-%d %H:%M} UTC")
        self.news.setText(text.replace("%1", str(n)).replace("%2", str(news.persons))
                          .replace("%3", str(news.bodies)))
        self.news.show()

    def _news_since(self) -> QueueNews | None:
        if not self._since_known or not self.services.may(Permission.REVIEW):
            return None
        return self.services.queue_news(self._since or datetime.min.replace(tzinfo=UTC))

    def load(self) -> None:
        """Load the queue with the current filters."""
        person, collection = self.person.currentData(), self.collection.currentData()
        state = self.state.currentData()
        states = frozenset({CandidateState(state)}) if state else None
        self.tasks.submit(lambda _p: (self.services.review_queue(person, collection, states),
                                      self._news_since()),
                          self._show_loaded, self.message.setText, latest=(self, "queue"))

    def _show_loaded(self, loaded: tuple[list[CandidateView], QueueNews | None]) -> None:
        rows, news = loaded
        self._show(rows)
        if news is not None:  # what a background search added meanwhile counts as new too
            self._show_news(replace(news, since=self._since))

    def _show(self, rows: list[CandidateView]) -> None:
        keep = self._open_id
        self.model.set_candidates(rows)
        load_agreements(self.model, self.services, self.tasks)
        for r, c in enumerate(rows):
            if c.id == keep:
                self.select_row(r)
                return
        if rows and keep is None:
            self.select_row(0)
        elif not rows:
            self.message.setText(self.tr("Nothing awaits review with these filters."))

    def show_candidate(self, candidate_id: int) -> None:
        """Show one candidate whatever the filters (e.g. from the sign-off screen)."""
        self.state.setCurrentIndex(0)
        self._open_id = None
        self.tasks.submit(lambda _p: self._one(candidate_id), self._show_one,
                          self.message.setText)

    def _one(self, candidate_id: int) -> list[CandidateView]:
        ctx = self.services.review_context(candidate_id)
        return [c for c in self.services.review_queue(ctx.person_id, None,
                                                       frozenset(CandidateState))
                if c.id == candidate_id] or [c for c in self.services.candidates(
                    ctx.person_id, None) if c.id == candidate_id]

    def _show_one(self, rows: list[CandidateView]) -> None:
        self.model.set_candidates(rows)
        if rows:
            self.select_row(0)

    def select_row(self, row: int) -> None:
        """Make a queue row the current one (which opens its candidate)."""
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)

    def _changed(self, what: str) -> None:
        if what in ("review", "search", "person", "import") and self.isVisible():
            self.load()
        elif what in ("marks", "body"):
            load_agreements(self.model, self.services, self.tasks)
            self.comparison.reload_marks()

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        cand = self.model.candidate(index.row())
        if cand.id == self._open_id:
            return
        self._leave()
        self._open_id = cand.id
        self.rationale.clear()
        self.decisions.setExclusive(False)
        for b in self.decisions.buttons():
            b.setChecked(False)
        self.decisions.setExclusive(True)
        self.tasks.submit(lambda _p: self._open(cand), self._opened, self._open_failed,
                          write=True)

    def _open(self, cand: CandidateView) -> tuple[ReviewContext, PersonDetail, BodyDetail]:
        ctx = self.services.open_candidate(cand.id)
        return ctx, self.services.person(ctx.person_id), self.services.body(ctx.body_id)

    def _opened(self, data: tuple[ReviewContext, PersonDetail, BodyDetail]) -> None:
        ctx, person, body = data
        if ctx.candidate_id != self._open_id:
            return
        self.context, self._person, self._body = ctx, person, body
        self.comparison.set_candidate(ctx, person.photos, body.photos)
        self.attention.setText(ctx.attention or "")
        self.attention.setVisible(bool(ctx.attention))
        self._show_others(ctx)
        self.message.setText(self.tr("Candidate %1: %2 and Body %3").replace(
            "%1", str(ctx.candidate_id)).replace("%2", ctx.person_label)
            .replace("%3", ctx.body_label))

    def _show_others(self, ctx: ReviewContext) -> None:
        if ctx.others_hidden:
            self.others.setText(self.tr("%n other review(s) of this pair will be shown once you "
                                        "have recorded yours (blind review).", "",
                                        ctx.others_hidden))
            return
        lines = [f"{r.reviewer} ({labels.decision_name(r.decision.value)}): {r.rationale}"
                 for r in (*ctx.other_reviews, *ctx.my_reviews)]
        self.others.setText("\n".join(lines) if lines else self.tr("No review yet."))

    def _open_failed(self, message: str) -> None:
        self._open_id = None
        show_error(self, self.tr("Cannot open the candidate"), message)

    def _leave(self) -> None:
        if self._open_id is not None:
            cid = self._open_id
            self.tasks.submit(lambda _p: self.services.close_candidate(cid), lambda _r: None,
                              lambda _m: None, write=True)

    # -- deciding ---------------------------------------------------------------------------

    def decide(self, decision: ReviewDecision) -> None:
        """Choose a decision (Ctrl+1 to Ctrl+4)."""
        button = self.decisions.button(DECISIONS.index(decision) + 1)
        button.setChecked(True)
        self.rationale.setFocus()

    def chosen_decision(self) -> ReviewDecision | None:
        """The decision chosen, if any."""
        i = self.decisions.checkedId()
        return DECISIONS[i - 1] if i > 0 else None

    def record_review(self) -> None:
        """Record the review (decision + rationale), then go to the next candidate."""
        decision, cid = self.chosen_decision(), self._open_id
        if cid is None:
            return
        if decision is None:
            self.message.setText(self.tr("Choose a decision first (Ctrl+1 to Ctrl+4)."))
            return
        text = self.rationale.toPlainText()
        self.record.setEnabled(False)
        self.tasks.submit(lambda _p: self.services.record_review(cid, decision, text),
                          self._recorded, self._record_failed, write=True)

    def _recorded(self, result: ReviewResult) -> None:
        self.record.setEnabled(True)
        self.message.setText(
            self.tr("Review recorded; the pair is now: %1.").replace(
                "%1", labels.state_name(result.state))
            + (" " + self.tr("Identification %1 is proposed for a supervisor's sign-off.")
               .replace("%1", str(result.identification_id))
               if result.identification_id else ""))
        self._open_id = None
        self.reviewed.emit(result)
        self.step_candidate(1)

    def _record_failed(self, message: str) -> None:
        self.record.setEnabled(True)
        self.message.setText(message)

    def step_candidate(self, delta: int) -> None:
        """The next (1) or previous (-1) candidate in the queue."""
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        self.select_row(max(0, min(rows - 1, current + delta)))
