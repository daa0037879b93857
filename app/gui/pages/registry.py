"""The screens of the main window, in the order of the navigation rail.

A new screen is one `PageSpec` here: its key, its translated name, and how to build it
(including the signals by which it asks the window to go elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from athar.app.gui.pages.audit import AuditView
from athar.app.gui.pages.candidates import CandidatesView
from athar.app.gui.pages.marks import MarkSearchView
from athar.app.gui.pages.models import ModelsView
from athar.app.gui.pages.overview import OverviewView
from athar.app.gui.pages.persons import PersonsView
from athar.app.gui.pages.postmortem import PostMortemView
from athar.app.gui.pages.review import ReviewQueueView
from athar.app.gui.pages.signoff import SignOffView
from athar.app.gui.pages.victims import VictimsView
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import ThumbnailCache


class Navigator(Protocol):
    """What a screen may ask of the main window."""

    def navigate(self, key: str) -> None:
        """Show the screen with this key."""

    def open_import(self) -> object:
        """Open the import dialog."""

    def show_candidates(self, person_id: int) -> None:
        """The Candidates screen for a person."""

    def show_body(self, body_id: int) -> None:
        """A Body's page."""

    def review_candidate(self, candidate_id: int) -> None:
        """A candidate in the review screen."""


@dataclass(frozen=True)
class PageContext:
    """What every screen is built with."""

    services: Services
    tasks: TaskRunner
    thumbs: ThumbnailCache
    nav: Navigator


@dataclass(frozen=True)
class PageSpec:
    """One screen: key, translated rail name, builder; `enabled` False greys it out."""

    key: str
    title: Callable[[], str]
    build: Callable[[PageContext], QWidget]
    enabled: bool = True


def _postmortem(c: PageContext) -> QWidget:
    page = PostMortemView(c.services, c.tasks, c.thumbs)
    page.import_requested.connect(c.nav.open_import)
    return page


def _persons(c: PageContext) -> QWidget:
    page = PersonsView(c.services, c.tasks, c.thumbs)
    page.search_requested.connect(c.nav.show_candidates)
    return page


def _candidates(c: PageContext) -> QWidget:
    page = CandidatesView(c.services, c.tasks, c.thumbs)
    page.open_body.connect(c.nav.show_body)
    return page


def _marks(c: PageContext) -> QWidget:
    page = MarkSearchView(c.services, c.tasks, c.thumbs)
    page.open_body.connect(c.nav.show_body)
    return page


def _review(c: PageContext) -> QWidget:
    return ReviewQueueView(c.services, c.tasks, c.thumbs)


def _signoff(c: PageContext) -> QWidget:
    page = SignOffView(c.services, c.tasks)
    page.compare_requested.connect(c.nav.review_candidate)
    return page


# Names keep the "MainWindow" translation context they always had.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", lambda: QCoreApplication.translate("MainWindow", "Overview"),
             lambda c: OverviewView(c.services, c.tasks)),
    PageSpec("postmortem", lambda: QCoreApplication.translate("MainWindow", "Post-mortem"),
             _postmortem),
    PageSpec("persons", lambda: QCoreApplication.translate("MainWindow", "Missing persons"),
             _persons),
    PageSpec("candidates", lambda: QCoreApplication.translate("MainWindow", "Candidates"),
             _candidates),
    PageSpec("marks", lambda: QCoreApplication.translate("MainWindow", "Mark search"),
             _marks),
    PageSpec("review", lambda: QCoreApplication.translate("MainWindow", "Review"), _review),
    PageSpec("signoff", lambda: QCoreApplication.translate("MainWindow", "Sign-off"),
             _signoff),
    PageSpec("victims", lambda: QCoreApplication.translate("MainWindow", "Victims' lists"),
             lambda c: VictimsView(c.services, c.tasks)),
    PageSpec("audit", lambda: QCoreApplication.translate("MainWindow", "Audit"),
             lambda c: AuditView(c.services, c.tasks)),
    PageSpec("models", lambda: QCoreApplication.translate("MainWindow", "Models"),
             lambda c: ModelsView(c.services, c.tasks)),
)
KEYS = tuple(p.key for p in PAGES)
