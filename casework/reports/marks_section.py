"""The report's sections on the evidence beyond the face: what the two records say about
each other (sex, age, dates, branch), and the distinctive marks (each examiner's link
between the person's mark and the Body's, with both crops and the note, then what the
Body's marks say about each of the person's: only what the data says)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from athar.casework.checks.consistency import REASONS, Outcome
from athar.casework.domain.marks import CATEGORY_NAMES, LOCATION_NAMES
from athar.casework.reports.content import ReportContent
from athar.casework.storage.repositories.marks import MarkView

if TYPE_CHECKING:
    from athar.casework.reports.pdf import Writer

MARK_H = 44 * mm
BODY, SMALL = 9.5, 7.5


def _what(w: Writer, mark: MarkView) -> str:
    return w.w("{category}, {location}", category=w.w(CATEGORY_NAMES[mark.category]),
               location=w.w(LOCATION_NAMES[mark.location]))


def _text(w: Writer, mark: MarkView) -> str:
    if mark.family_words:
        return w.w("The family's words: «{words}»", words=mark.family_words) + (
            f" — {mark.description}" if mark.description else "")
    return mark.description or ""


def records_section(w: Writer, c: ReportContent) -> None:
    """What the two records say about each other: each rule, its outcome, its reason."""
    if c.records is None:
        return
    w.heading(w.w("What the two records say about each other"))
    w.para(w.w("RECORDS_MEANING"), SMALL)
    w.y -= 3
    w.table(["rule", "outcome", "reason"],
            [[w.w(r.rule), (("⚠ " if r.outcome is Outcome.INCONSISTENT else "")
                            + w.w(r.outcome.value)),
              w.w(REASONS[r.code]).format(**{k: w.w(str(v)) for k, v in r.values.items()})]
             for r in c.records.results], [0, 22, 50])


def marks_section(w: Writer, c: ReportContent) -> None:
    """Linked marks with their crops and notes, then the agreement table (nothing when
    neither side has marks)."""
    if not c.mark_pairs and c.agreement is None:
        return
    w.heading(w.w("Distinctive marks"))
    w.para(w.w("MARKS_MEANING"), SMALL)
    for pair in c.mark_pairs:
        am_sub = _text(w, pair.am) if pair.am_crop is None else (
            w.w("photo {id}", id=pair.am.photo_id) + (f" — {_text(w, pair.am)}"
                                                      if _text(w, pair.am) else ""))
        pm_sub = w.w("photo {id}", id=pair.pm.photo_id) + (
            f" — {pair.pm.description}" if pair.pm.description else "")
        w.y -= 4
        w.image_row([
            (pair.am_crop, w.w("Family's mark {id}: {what}", id=pair.am.id,
                               what=_what(w, pair.am)), am_sub),
            (pair.pm_crop, w.w("Body's mark {id}: {what}", id=pair.pm.id,
                               what=_what(w, pair.pm)), pm_sub)], MARK_H)
        w.para(w.w("Examiner's link: {relation}, by {who} on {at}: {note}",
                   relation=w.w(pair.link.relation), who=pair.link.author,
                   at=pair.link.created_at.strftime("%Y-%m-%d"), note=pair.link.note),
               BODY, bold=True)
    if c.agreement is not None:
        w.y -= 4
        w.table(["the person's mark", "on this Body"],
                [[f"{i.person_mark.id}: {_what(w, i.person_mark)}"[:60],
                  w.w(i.agreement.value) + (f" ({', '.join(str(b) for b in i.body_marks)})"
                                            if i.body_marks else "")]
                 for i in c.agreement.items], [0, 80])
