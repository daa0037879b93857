"""The record commands beside the marks: `athar photos`, `athar body` (numbers and
forensic estimates), `athar subject`, and `athar mark ...` (their arguments, what each
does, and what it prints)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from athar.app.cli.output import print_json
from athar.casework.bus import MessageBus
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.marks import (
    DESCRIBED_LOCATIONS,
    LOCATIONS,
    LinkRelation,
    MarkCategory,
    parse_shape,
)
from athar.casework.domain.permissions import Actor
from athar.casework.domain.text import neutralise
from athar.casework.marks import views
from athar.casework.marks.annotate import AddMark, DescribeMark, EditMark, WithdrawMark
from athar.casework.marks.links import LinkMarks
from athar.casework.marks.search import (
    MarkQuery,
    PersonMarkSearch,
    SearchResult,
    search_for_person,
    search_marks,
)
from athar.casework.records.browse import BODY_FIELDS, PhotoListing, UpdateBody, photo_list
from athar.casework.records.estimates import RecordEstimates
from athar.casework.records.subject import ChooseSubject
from athar.casework.storage.repositories.marks import LinkView, MarkView

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]

SHAPE_HELP = ("the region in the upright photo's pixels: rect:X,Y,W,H, ellipse:X,Y,W,H "
              "(inscribed in that box) or poly:X1,Y1,X2,Y2,... (three points or more)")
PHOTO_HELP = "the photo's id or its original file's SHA-256 (athar photos lists them)"
LOCATION_HELP = ("where on the body (the body's own left and right): "
                 + ", ".join(LOCATIONS))


def add_parsers(sub: Sub) -> None:
    """`athar photos` and `athar mark ACTION`."""
    s = sub.add_parser("photos", help="a Body's or a person's photos with their ids and "
                       "SHA-256s")
    s.add_argument("workspace", metavar="WS", help="the workspace folder")
    owner = s.add_mutually_exclusive_group(required=True)
    owner.add_argument("--body", type=int, metavar="ID", help="this Body's photos")
    owner.add_argument("--person", type=int, metavar="ID", help="this person's photos")
    s.add_argument("--json", action="store_true", help="print the photos as JSON")
    s = sub.add_parser("body", help="change a Body's numbers (identifiers, supervisors) or "
                       "record the forensic estimates (examiners, supervisors); audited")
    s.add_argument("workspace", metavar="WS", help="the workspace folder")
    s.add_argument("body", type=int, metavar="ID", help="the Body id (athar bodies)")
    for name, what in (("detainee-no", "the detainee number"), ("branch-no", "the branch "
                       "number"), ("forensic-no", "the forensic report number"),
                       ("photo-date", "the date photographed (YYYY, YYYY-MM or YYYY-MM-DD)")):
        s.add_argument(f"--{name}", metavar="TEXT", help=f"{what} ('' clears it)")
    s.add_argument("--est-sex", choices=["male", "female", "unknown", ""],
                   help="the examiner's estimate of the sex")
    s.add_argument("--age-min", metavar="YEARS", help="estimated age at death, from")
    s.add_argument("--age-max", metavar="YEARS", help="estimated age at death, to")
    s.add_argument("--death-date", metavar="DATE",
                   help="the date of death on a death certificate ('' clears it)")
    s = sub.add_parser("subject", help="make a face the photo's subject (the one searched), "
                       "when the import chose another person in a group photo")
    s.add_argument("workspace", metavar="WS", help="the workspace folder")
    s.add_argument("--face", required=True, type=int, metavar="ID",
                   help="the face id (athar photos --body ID | --person ID lists them)")
    s = sub.add_parser("mark", help="distinctive marks: record, describe, edit, withdraw, "
                       "link, list, search")
    actions = s.add_subparsers(dest="mark_command", required=True, metavar="ACTION")
    _add(actions)
    _link_and_list(actions)


def _ws(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", metavar="WS", help="the workspace folder")


def _add(actions: Sub) -> None:
    categories = [c.value for c in MarkCategory]
    a = actions.add_parser("add", help="record a mark drawn on a photo (examiners, "
                           "supervisors)")
    _ws(a)
    a.add_argument("--photo", required=True, metavar="ID", help=PHOTO_HELP)
    a.add_argument("--category", required=True, choices=categories, help="what kind of mark")
    a.add_argument("--location", required=True, metavar="L", help=LOCATION_HELP)
    a.add_argument("--shape", required=True, metavar="SHAPE", help=SHAPE_HELP)
    a.add_argument("--description", metavar="TEXT", help="what it shows (Arabic or Latin)")
    a = actions.add_parser("describe", help="record a mark the family described, without a "
                           "photo (examiners, supervisors)")
    _ws(a)
    a.add_argument("--person", required=True, type=int, metavar="ID", help="the missing person")
    a.add_argument("--category", required=True, choices=categories, help="what kind of mark")
    a.add_argument("--location", required=True, metavar="L",
                   help="where on the body; a limb part alone (forearm) when the family "
                   "does not know the side: " + ", ".join(DESCRIBED_LOCATIONS))
    a.add_argument("--description", metavar="TEXT", help="the mark in your words")
    a.add_argument("--words", metavar="TEXT", help="what the family said, kept verbatim")
    a = actions.add_parser("edit", help="change a mark (its history keeps the old values)")
    _ws(a)
    a.add_argument("mark", type=int, metavar="MARK", help="the mark id")
    a.add_argument("--category", choices=categories, help="a new kind of mark")
    a.add_argument("--location", metavar="L", help="a new location code")
    a.add_argument("--shape", metavar="SHAPE", help=SHAPE_HELP)
    a.add_argument("--description", metavar="TEXT", help="a new description")
    a.add_argument("--words", metavar="TEXT", help="the family's words (described marks)")
    a.add_argument("--reason", metavar="TEXT", help="why (kept in the history)")
    a = actions.add_parser("withdraw", help="withdraw a mark recorded in error, saying why "
                           "(it stays in the record)")
    _ws(a)
    a.add_argument("mark", type=int, metavar="MARK", help="the mark id")
    a.add_argument("--reason", required=True, metavar="TEXT", help="why (required)")


def _link_and_list(actions: Sub) -> None:
    a = actions.add_parser("link", help="judge an ante-mortem mark against a post-mortem "
                           "one (examiners, supervisors; a later link supersedes)")
    _ws(a)
    a.add_argument("am_mark", type=int, metavar="AM_MARK", help="the family's mark")
    a.add_argument("pm_mark", type=int, metavar="PM_MARK", help="the Body's mark")
    a.add_argument("--as", dest="relation", required=True,
                   choices=[r.value for r in LinkRelation], help="your judgement")
    a.add_argument("--note", required=True, metavar="TEXT", help="what you compared")
    a = actions.add_parser("list", help="the marks of a photo, a Body or a person, with "
                           "their links")
    _ws(a)
    owner = a.add_mutually_exclusive_group(required=True)
    owner.add_argument("--photo", metavar="ID", help=PHOTO_HELP)
    owner.add_argument("--body", type=int, metavar="ID", help="a Body's marks")
    owner.add_argument("--person", type=int, metavar="ID",
                       help="a person's marks (their photos' and the described ones)")
    a.add_argument("--json", action="store_true", help="print the marks as JSON")
    a = actions.add_parser("show", help="one mark with its whole history and links")
    _ws(a)
    a.add_argument("mark", type=int, metavar="MARK", help="the mark id")
    a.add_argument("--json", action="store_true", help="print it as JSON")
    a = actions.add_parser("search", help="Bodies with a mark like this, best first")
    _ws(a)
    a.add_argument("--category", choices=[c.value for c in MarkCategory],
                   help="only marks of this kind")
    a.add_argument("--location", metavar="L",
                   help="a location code; a limb part alone (forearm) matches both sides")
    a.add_argument("--text", metavar="WORDS", help="words of the description, Arabic or Latin")
    a.add_argument("--person", type=int, metavar="ID",
                   help="instead: search for each of this person's marks")
    a.add_argument("--top", type=int, default=20, metavar="K", help="Bodies per search")
    a.add_argument("--json", action="store_true", help="print the results as JSON")


def run(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """Carry out `athar mark ACTION` in an open session."""
    action = args.mark_command
    if action in ("add", "describe", "edit", "withdraw", "link"):
        print(_change(args, bus, actor))
    elif action == "list":
        listed = views.marks_of(bus.ws, actor, photo=args.photo, body_id=args.body,
                                person_id=args.person)
        _print_list(listed, args.json)
    elif action == "show":
        _print_detail(views.mark_detail(bus.ws, actor, args.mark), args.json)
    elif args.person is not None:
        _print_person_search(search_for_person(bus.ws, actor, args.person, args.top),
                             args.json)
    else:
        query = MarkQuery(args.category, args.location, args.text)
        _print_search(search_marks(bus.ws, actor, query, args.top), args.json)
    return 0


def _change(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> str:
    action = args.mark_command
    if action == "add":
        mark = bus.handle(AddMark(args.photo, args.category, args.location,
                                  parse_shape(args.shape), args.description), actor)
        return f"mark {mark} recorded on photo {args.photo}"
    if action == "describe":
        mark = bus.handle(DescribeMark(args.person, args.category, args.location,
                                       args.description, args.words), actor)
        return f"mark {mark} described for missing person {args.person}"
    if action == "edit":
        shape = parse_shape(args.shape) if args.shape else None
        revision = bus.handle(EditMark(args.mark, args.category, args.location, shape,
                                       args.description, args.words, args.reason), actor)
        return f"mark {args.mark} changed (revision {revision}; the history keeps the old values)"
    if action == "withdraw":
        bus.handle(WithdrawMark(args.mark, args.reason), actor)
        return f"mark {args.mark} withdrawn (kept in the record with the reason)"
    link = bus.handle(LinkMarks(args.am_mark, args.pm_mark, args.relation, args.note), actor)
    return f"link {link}: mark {args.am_mark} (AM) {args.relation} mark {args.pm_mark} (PM)"


def cmd_photos(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """`athar photos`: a record's photos with their ids and SHA-256s."""
    rows = photo_list(bus.ws, actor, body_id=args.body, person_id=args.person)
    if args.json:
        print_json([_photo_json(r) for r in rows])
        return 0
    print(f"{'id':>6}  {'side':4}  {'size':>11}  {'faces':>5}  {'marks':>5}  sha256 / file")
    for r in rows:
        print(f"{r.id:>6}  {r.side:4}  {r.width:>5}x{r.height:<5}  {r.faces:>5}  "
              f"{r.marks:>5}  {r.sha256}")
        for path in r.files:
            print(f"{'':>44}{neutralise(path)}")
        for f in r.face_views:
            b = f.box
            print(f"{'':>44}face {f.id}{' (subject)' if f.is_subject else ''}: "
                  f"{b.left:.0f},{b.top:.0f} {b.width:.0f}x{b.height:.0f} px, {f.method}, "
                  f"score {f.score:.2f}")
    if not rows:
        print("no photos")
    return 0


def cmd_body(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """`athar body`: a Body's numbers and forensic estimates."""
    numbers = {key: value for key in BODY_FIELDS
               if (value := getattr(args, key, None)) is not None}
    estimates = RecordEstimates(args.body, args.est_sex, args.age_min, args.age_max,
                                args.death_date)
    if not numbers and all(v is None for v in (args.est_sex, args.age_min, args.age_max,
                                               args.death_date)):
        raise InvalidRequest("give a number to change or an estimate to record (athar body "
                             "--help)")
    changed: dict[str, list[object]] = {}
    if numbers:
        edited = bus.handle(UpdateBody(args.body, numbers), actor)
        changed.update({k: list(v) for k, v in edited.items()})
    if estimates != RecordEstimates(args.body):
        changed.update(bus.handle(estimates, actor))
    for key, (old, new) in changed.items():
        print(f"{key}: {old if old is not None else '-'} -> {new if new is not None else '-'}")
    if not changed:
        print("nothing changed: the Body already says this")
    return 0


def cmd_subject(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """`athar subject`: choose a photo's subject by hand."""
    photo = bus.handle(ChooseSubject(args.face), actor)
    print(f"face {args.face} is now the subject of photo {photo}; run athar search again to "
          "update the candidates")
    return 0


def _photo_json(r: PhotoListing) -> dict[str, Any]:
    return {"photo": r.id, "sha256": r.sha256, "side": r.side, "width": r.width,
            "height": r.height, "faces": r.faces, "marks": r.marks, "files": list(r.files),
            "face_list": [{"face": f.id, "subject": f.is_subject, "method": f.method,
                           "score": round(f.score, 4), "box": [round(v, 1) for v in (
                               f.box.left, f.box.top, f.box.width, f.box.height)]}
                          for f in r.face_views]}


def mark_json(m: MarkView) -> dict[str, Any]:
    """A mark as JSON (text fields free of direction controls)."""
    return {"mark": m.id, "side": m.side.value, "photo": m.photo_id,
            "photo_sha256": m.photo_sha256, "body": m.body_id, "person": m.person_id,
            "owner": neutralise(m.owner_label),
            "shape": m.shape.text() if m.shape else None, "category": m.category,
            "location": m.location, "description": m.description,
            "family_words": m.family_words, "created_by": m.created_by,
            "created_at": m.created_at.isoformat(timespec="seconds"),
            "revision": m.revision, "withdrawn": m.withdrawn,
            "withdrawn_by": m.withdrawn_by, "withdraw_reason": m.withdraw_reason}


def link_json(k: LinkView) -> dict[str, Any]:
    """A link as JSON."""
    return {"link": k.id, "am_mark": k.am_mark_id, "pm_mark": k.pm_mark_id,
            "relation": k.relation, "note": k.note, "author": k.author,
            "at": k.created_at.isoformat(timespec="seconds"), "current": k.current,
            "supersedes": k.supersedes_id}


def _line(m: MarkView) -> str:
    where = f"photo {m.photo_id}" if m.photo_id else "described by the family"
    text = " / ".join(neutralise(t) for t in (m.description, m.family_words) if t)
    state = (f"  WITHDRAWN by {m.withdrawn_by}: {neutralise(m.withdraw_reason or '')}"
             if m.withdrawn else "")
    shape = f" {m.shape.text()}" if m.shape else ""
    return (f"mark {m.id:>5}  {m.side.value.upper()}  {m.category:<20} {m.location:<16} "
            f"{where}{shape}  {text}{state}")


def _print_list(listed: views.MarkList, as_json: bool) -> None:
    if as_json:
        print_json({"marks": [mark_json(m) for m in listed.marks],
                    "links": [link_json(k) for k in listed.links]})
        return
    for m in listed.marks:
        print(_line(m))
    for k in listed.links:
        flag = "" if k.current else "  (superseded)"
        print(f"link {k.id:>5}  mark {k.am_mark_id} (AM) {k.relation} mark {k.pm_mark_id} "
              f"(PM) by {k.author}: {neutralise(k.note)}{flag}")
    if not listed.marks:
        print("no marks")


def _print_detail(detail: views.MarkDetail, as_json: bool) -> None:
    if as_json:
        print_json({**mark_json(detail.mark),
                    "history": [{"revision": h.revision, "action": h.action,
                                 "actor": h.actor, "at": h.at.isoformat(timespec="seconds"),
                                 "changes": h.changes, "reason": h.reason}
                                for h in detail.history],
                    "links": [link_json(k) for k in detail.links]})
        return
    print(_line(detail.mark))
    for h in detail.history:
        changes = "; ".join(f"{key}: {value!r}" for key, value in h.changes.items())
        reason = f" ({neutralise(h.reason)})" if h.reason else ""
        print(f"  {h.revision}. {h.action} by {h.actor} at "
              f"{h.at.isoformat(timespec='seconds')}{': ' + changes if changes else ''}"
              f"{reason}")
    for k in detail.links:
        print(f"  link {k.id}: {k.relation} (AM {k.am_mark_id}, PM {k.pm_mark_id}) by "
              f"{k.author}: {neutralise(k.note)}{'' if k.current else ' (superseded)'}")


def _search_json(result: SearchResult) -> dict[str, Any]:
    return {"marks_searched": result.marks_searched,
            "ms": round(result.seconds * 1000, 2),
            "bodies": [{"rank": h.rank, "body": h.body_id, "body_label": neutralise(h.body_label),
                        "collection": neutralise(h.collection), "score": h.score,
                        "marks": [{"mark": m.mark_id, "score": m.score,
                                   "matched": list(m.matched)} for m in h.marks]}
                       for h in result.hits]}


def _print_search(result: SearchResult, as_json: bool, indent: str = "") -> None:
    if as_json:
        print_json(_search_json(result))
        return
    for h in result.hits:
        marks = ", ".join(f"mark {m.mark_id}" + (f" ({' '.join(m.matched)})" if m.matched
                                                  else "") for m in h.marks)
        print(f"{indent}{h.rank:>3}. Body {h.body_id} {neutralise(h.body_label)} "
              f"[{neutralise(h.collection)}]  score {h.score:.2f}  {marks}")
    if not result.hits:
        print(f"{indent}no Body has such a mark recorded")
    print(f"{indent}({result.marks_searched} marks searched in "
          f"{result.seconds * 1000:.1f} ms)")


def _print_person_search(found: list[PersonMarkSearch], as_json: bool) -> None:
    if as_json:
        print_json([{"person_mark": mark_json(f.mark), **_search_json(f.result)}
                    for f in found])
        return
    for f in found:
        print(_line(f.mark))
        _print_search(f.result, False, "    ")
    if not found:
        print("this person has no marks recorded (athar mark describe records the family's)")
