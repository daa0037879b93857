"""Finding Bodies by a mark, and what a person's marks say about a candidate Body.

Search: post-mortem marks (not withdrawn) of the category asked, at the location asked
(`forearm` matches both sides, `forearm_left` one), scored by the share of the query's
words their description holds (see `terms`); Bodies are ranked by their best mark.

Agreement: for a missing person's marks (described by the family or drawn on their
photos), what the Body's marks say, and nothing more: an examiner's link
(corresponding, similar, not corresponding) where one was recorded; otherwise
`compatible` (same category, same location), `other_at_location` (only marks of another
category there: a fact, not a contradiction; a scar may hide a tattoo) or
`none_recorded` (no mark is recorded there, which proves nothing either: the photos may
not show that part). Only an examiner's `not_corresponding` link is a contradiction.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Iterable
from dataclasses import dataclass

from athar.casework.domain import marks as vocab
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.marks import LinkRelation, location_matches
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.marks.terms import match, terms_of
from athar.casework.storage.repositories.marks import LinkView, MarkView
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class MarkQuery:
    """What to look for; at least one part must be given."""

    category: str | None = None
    location: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class MarkHit:
    """One post-mortem mark that answers the query."""

    mark_id: int
    score: float
    matched: tuple[str, ...]
    """The query's terms its description holds (readable: "anchor", "left")."""


@dataclass(frozen=True)
class BodyHit:
    """A Body with marks that answer the query, best mark first."""

    rank: int
    body_id: int
    body_label: str
    collection: str
    score: float
    marks: tuple[MarkHit, ...]


@dataclass(frozen=True)
class SearchResult:
    """The ranked Bodies and what the search took."""

    hits: tuple[BodyHit, ...]
    marks_searched: int
    seconds: float


def readable(term: str) -> str:
    """A search term as a person reads it (`@side:left` -> `left`)."""
    return term.lstrip("@").split(":", 1)[-1]


def _checked(query: MarkQuery) -> tuple[str | None, str | None, list[str]]:
    category = vocab.category(query.category).value if query.category else None
    location = vocab.query_location(query.location) if query.location else None
    words = terms_of(query.text)
    if query.text and query.text.strip() and not words:
        raise InvalidRequest(f"the words {query.text!r} hold nothing to search for "
                             "(only little words such as 'on' or 'the')")
    if category is None and location is None and not words:
        raise InvalidRequest("say what to look for: a category, a location or words")
    return category, location, words


def search_in(uow: UnitOfWork, query: MarkQuery, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Rank Bodies by their marks that answer the query (see the module's docstring).

    Raises:
        InvalidRequest: nothing to look for, or an unknown category or location.
    """
    started = time.perf_counter()
    category, location, words = _checked(query)
    rows = uow.marks.searchable_pm(category)
    per_body: dict[int, list[MarkHit]] = {}
    for mark_id, body_id, _cat, loc, terms in rows:
        if location is not None and not location_matches(location, loc):
            continue
        found = match(words, terms)
        if words and not found.matched:
            continue
        per_body.setdefault(body_id, []).append(
            MarkHit(mark_id, round(found.score, 4), tuple(readable(t) for t in found.matched)))
    ranked = sorted(per_body.items(), key=lambda kv: (
        -max(h.score for h in kv[1]), -sum(h.score for h in kv[1]), kv[0]))[:limit]
    labels = uow.owners.body_labels([b for b, _ in ranked])
    hits = tuple(BodyHit(i + 1, body_id, *labels.get(body_id, ("?", "?")),
                         max(h.score for h in marks),
                         tuple(sorted(marks, key=lambda h: (-h.score, h.mark_id))))
                 for i, (body_id, marks) in enumerate(ranked))
    return SearchResult(hits, len(rows), time.perf_counter() - started)


def search_marks(ws: Workspace, actor: Actor, query: MarkQuery,
                 limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Find Bodies by a mark (see `search_in`).

    Raises:
        PermissionDenied, InvalidRequest.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return search_in(uow, query, limit)


def query_of(mark: MarkView) -> MarkQuery:
    """The search a person's mark stands for: its category, its location, its words."""
    words = " ".join(t for t in (mark.description, mark.family_words) if t)
    return MarkQuery(mark.category, mark.location, words or None)


@dataclass(frozen=True)
class PersonMarkSearch:
    """One of a person's marks and the Bodies whose marks answer it."""

    mark: MarkView
    result: SearchResult


def search_for_person(ws: Workspace, actor: Actor, person_id: int,
                      limit: int = DEFAULT_LIMIT) -> list[PersonMarkSearch]:
    """Run the mark search for each of a person's marks (described or on their photos).

    Raises:
        PermissionDenied, NotFoundError.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        uow.owners.person(person_id)
        marks = uow.marks.views(person_id=person_id, side=Side.AM, include_withdrawn=False)
        return [PersonMarkSearch(m, search_in(uow, query_of(m), limit)) for m in marks]


class Agreement(enum.StrEnum):
    """What a Body's marks say about one of a person's marks."""

    CORRESPONDING = "corresponding"
    SIMILAR = "similar"
    NOT_CORRESPONDING = "not_corresponding"
    COMPATIBLE = "compatible"
    OTHER_AT_LOCATION = "other_at_location"
    NONE_RECORDED = "none_recorded"


@dataclass(frozen=True)
class MarkComparison:
    """One of the person's marks against the Body."""

    person_mark: MarkView
    agreement: Agreement
    body_marks: tuple[int, ...]
    """The Body's marks this rests on (the linked one, the compatible ones, the others at
    that location)."""
    link: LinkView | None
    """The examiner's link it rests on, if any."""


@dataclass(frozen=True)
class MarksAgreement:
    """A person's marks against a Body's, for a candidate's screens and report."""

    person_id: int
    body_id: int
    items: tuple[MarkComparison, ...]

    def count(self, *kinds: Agreement) -> int:
        """How many of the person's marks have one of these agreements."""
        return sum(1 for i in self.items if i.agreement in kinds)

    @property
    def contradicted(self) -> int:
        """Marks an examiner judged not corresponding."""
        return self.count(Agreement.NOT_CORRESPONDING)

    @property
    def supporting(self) -> int:
        """Marks linked as corresponding or similar, or compatible."""
        return self.count(Agreement.CORRESPONDING, Agreement.SIMILAR, Agreement.COMPATIBLE)


def _compare(pm: MarkView, body_marks: list[MarkView],
             links: dict[tuple[int, int], LinkView]) -> MarkComparison:
    for b in body_marks:
        link = links.get((pm.id, b.id))
        if link is not None:
            return MarkComparison(pm, Agreement(link.relation), (b.id,), link)
    here = [b for b in body_marks if location_matches(pm.location, b.location)]
    same = tuple(b.id for b in here if b.category == pm.category)
    if same:
        return MarkComparison(pm, Agreement.COMPATIBLE, same, None)
    if here:
        return MarkComparison(pm, Agreement.OTHER_AT_LOCATION, tuple(b.id for b in here),
                              None)
    return MarkComparison(pm, Agreement.NONE_RECORDED, (), None)


def agreements_in(uow: UnitOfWork, pairs: Iterable[tuple[int, int]]
                  ) -> dict[tuple[int, int], MarksAgreement]:
    """For each (person, Body) pair whose person has marks: what the Body's marks say
    (pairs of persons without marks are left out)."""
    wanted = list(dict.fromkeys(pairs))
    persons = {p for p, _ in wanted}
    bodies = {b for _, b in wanted}
    am: dict[int, list[MarkView]] = {}
    for person_id in persons:
        marks = uow.marks.views(person_id=person_id, side=Side.AM, include_withdrawn=False)
        if marks:
            am[person_id] = marks
    if not am:
        return {}
    pm: dict[int, list[MarkView]] = {}
    for m in uow.marks.views(side=Side.PM, include_withdrawn=False,
                             body_ids=sorted(bodies)):
        pm.setdefault(m.body_id or 0, []).append(m)
    ids = [m.id for marks in am.values() for m in marks]
    links = {(k.am_mark_id, k.pm_mark_id): k for k in uow.marks.links(ids, current_only=True)
             if k.relation in {r.value for r in LinkRelation}}
    return {(p, b): MarksAgreement(p, b, tuple(_compare(m, pm.get(b, []), links)
                                               for m in am[p]))
            for p, b in wanted if p in am}


def agreements(ws: Workspace, actor: Actor, pairs: Iterable[tuple[int, int]]
               ) -> dict[tuple[int, int], MarksAgreement]:
    """What each Body's marks say about its person's (see `agreements_in`)."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return agreements_in(uow, pairs)
