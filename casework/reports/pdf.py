"""The identification report as a PDF (A4), in English or Arabic (right to left): case
summary, photos, every pair's score, reviews, sign-off, the audit excerpt with the chain
head, evidence hashes. A revoked identification's report says REVOKED, with the reason,
on every page."""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from athar.casework.domain.entities import IdentificationState
from athar.casework.reports.content import ReportContent, frozen_before_pooling
from athar.casework.reports.marks_section import marks_section, records_section
from athar.casework.reports.strength_section import strength_section
from athar.casework.reports.typeset import Shaper, register_fonts
from athar.casework.reports.wording import Words

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
BODY, SMALL, HEAD = 9.5, 7.5, 13.0
LINE = 1.45
PHOTO_H = 62 * mm
LABEL_W = 48 * mm

PERSON_LABELS = {"name": "Name (Latin script)", "name_ar": "Name (Arabic script)",
                 "sex": "Sex", "born": "Born", "origin": "Place of origin",
                 "arrest_date": "Date of arrest", "arrest_place": "Place of arrest",
                 "arresting_branch": "Arresting branch", "description": "Description",
                 "known_marks": "Marks known to the family", "father_name": "Father's name",
                 "mother_name": "Mother's name"}
BODY_LABELS = {"detainee_no": "Detainee number", "branch_no": "Branch number",
               "forensic_no": "Forensic report number", "photo_date": "Photo date"}


class Writer:
    """A cursor down the page that starts new pages (with header, footer and, for a
    revoked identification, the REVOKED banner) as needed; mirrored for Arabic."""

    def __init__(self, content: ReportContent) -> None:
        self.c = content
        self.w = Words(content.language)
        self.buf = io.BytesIO()
        self.canvas = Canvas(self.buf, pagesize=A4, pageCompression=1)
        self.canvas.setTitle(self.w("Athar — identification report {id}", id=content.ident.id))
        self.canvas.setAuthor("Athar")
        self.shaper = Shaper(register_fonts())
        self.width = PAGE_W - 2 * MARGIN
        self.page = 0
        self.y = 0.0
        self._new_page()

    # -- placing text (mirrored right to left for Arabic) -------------------------------------

    def draw(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        """Draw at `x` from the page's leading margin (the right one in Arabic)."""
        if self.w.rtl:
            self.shaper.draw(self.canvas, 0, y, text, size, bold, right=PAGE_W - x)
        else:
            self.shaper.draw(self.canvas, x, y, text, size, bold)

    def draw_trailing(self, y: float, text: str, size: float) -> None:
        """Draw against the trailing margin (the left one in Arabic)."""
        if self.w.rtl:
            self.shaper.draw(self.canvas, MARGIN, y, text, size)
        else:
            self.shaper.draw(self.canvas, 0, y, text, size, right=PAGE_W - MARGIN)

    # -- pages ---------------------------------------------------------------------------

    def _revoked(self) -> bool:
        return self.c.ident.state is IdentificationState.REVOKED

    def _new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        cv, ident, w = self.canvas, self.c.ident, self.w
        if self._revoked():
            cv.saveState()
            cv.setFillColorRGB(0.85, 0.1, 0.1, alpha=0.18)
            cv.translate(PAGE_W / 2, PAGE_H / 2)
            cv.rotate(35)
            cv.setFont(self.shaper.fonts.latin_bold, 110)
            cv.drawCentredString(0, -40, "REVOKED")
            cv.restoreState()
        self.draw(MARGIN, PAGE_H - MARGIN + 4, w("Athar — identification report {id}",
                                                 id=ident.id), SMALL, bold=True)
        self.draw_trailing(PAGE_H - MARGIN + 4, w("page {n}", n=self.page), SMALL)
        self.draw(MARGIN, MARGIN - 10, w("Generated {at} by {who}. Audit log: {events} events, "
                                         "head {head}", at=self.c.generated_at,
                                         who=self.c.generated_by, events=self.c.chain_events,
                                         head=self.c.chain_head), SMALL - 1)
        self.y = PAGE_H - MARGIN - 8
        if self._revoked():
            self.y -= 2
            banner = ("REVOKED — " if w.rtl else "") + w(
                "REVOKED on {at} by {who}: {reason}", at=_day(ident.revoked_at),
                who=ident.revoked_by, reason=ident.revoke_reason)
            cv.setFillColorRGB(0.75, 0.05, 0.05)
            for line in self.shaper.wrap(banner, BODY + 1, self.width, bold=True):
                self._line(line, BODY + 1, bold=True)
            cv.setFillColorRGB(0, 0, 0)
            self.y -= 4

    def _need(self, height: float) -> None:
        if self.y - height < MARGIN + 6:
            self._new_page()

    # -- text ----------------------------------------------------------------------------

    def _line(self, text: str, size: float, bold: bool = False, indent: float = 0) -> None:
        self._need(size * LINE)
        self.y -= size * LINE
        self.draw(MARGIN + indent, self.y, text, size, bold)

    def heading(self, text: str) -> None:
        self._need(HEAD * 3)
        self.y -= HEAD * 0.6
        for line in self.shaper.wrap(text, HEAD, self.width, bold=True):
            self._line(line, HEAD, bold=True)
        self.y -= 3

    def para(self, text: str, size: float = BODY, bold: bool = False,
             indent: float = 0) -> None:
        for line in self.shaper.wrap(text, size, self.width - indent, bold):
            self._line(line, size, bold, indent)

    def field(self, label: str, value: object) -> None:
        """`label: value`, the value wrapped beside the label (label in the report's
        language, value as recorded)."""
        text = "" if value is None else str(value)
        lines = self.shaper.wrap(text or "—", BODY, self.width - LABEL_W)
        self._need(BODY * LINE * len(lines))
        for i, line in enumerate(lines):
            self.y -= BODY * LINE
            if i == 0:
                self.draw(MARGIN, self.y, self.w(label), BODY, bold=True)
            self.draw(MARGIN + LABEL_W, self.y, line, BODY)

    def table(self, header: list[str], rows: Iterable[list[str]], widths: list[float],
              size: float = SMALL) -> None:
        """Fixed columns (offsets in mm from the leading margin); the header is repeated
        on each page."""
        def row(cells: list[str], bold: bool) -> None:
            self.y -= size * LINE
            for cell, x in zip(cells, widths, strict=True):
                self.draw(MARGIN + x * mm, self.y, cell, size, bold)

        self._need(size * LINE * 2)
        row([self.w(h) for h in header], True)
        page = self.page
        for cells in rows:
            self._need(size * LINE)
            if self.page != page:
                page = self.page
                row([self.w(h) for h in header], True)
            row(cells, False)

    # -- images --------------------------------------------------------------------------

    def pictures(self) -> None:
        """The report's photographs two by two, each with its caption and hash."""
        pics = list(self.c.pictures)
        self.y -= 4
        for two in (pics[i:i + 2] for i in range(0, len(pics), 2)):
            self.image_row([(p.png, self.w(p.caption, id=p.photo_id), f"SHA-256 {p.sha256}")
                            for p in two])

    def image_row(self, items: list[tuple[bytes | None, str, str]],
                  height: float = PHOTO_H) -> None:
        """Up to two images side by side (the first on the leading side), each with a
        caption and a second line; an item without image shows its second line as a
        framed text instead (a mark described without a photo)."""
        self._need(height + 28)
        col_w = (self.width - 8 * mm) / 2
        top = self.y
        for k, (png, caption, sub) in enumerate(items):
            x = MARGIN + k * (col_w + 8 * mm)
            if self.w.rtl:  # the first picture on the right
                x = PAGE_W - MARGIN - (k + 1) * col_w - k * 8 * mm
            right = x + col_w if self.w.rtl else None
            if png is None:
                self.canvas.rect(x, top - height, col_w, height)
                lines = self.shaper.wrap(sub, BODY, col_w - 8 * mm)
                for n, line in enumerate(lines[:int(height // (BODY * LINE)) - 1]):
                    self.shaper.draw(self.canvas, x + 4 * mm, top - 8 * mm - n * BODY * LINE,
                                     line, BODY, right=None if right is None else right - 4 * mm)
                sub = ""
            else:
                with Image.open(io.BytesIO(png)) as img:
                    w, h = img.size
                scale = min(col_w / w, height / h)
                self.canvas.drawImage(ImageReader(io.BytesIO(png)), x, top - h * scale,
                                      w * scale, h * scale)
            self.shaper.draw(self.canvas, x, top - height - 10, caption, SMALL, bold=True,
                             right=right)
            if sub:
                self.shaper.draw(self.canvas, x, top - height - 19, sub, SMALL - 2,
                                 right=right)
        self.y = top - height - 26

    def finish(self) -> bytes:
        self.canvas.save()
        return self.buf.getvalue()


def _day(when: object) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if hasattr(when, "strftime") else "—"


def render(content: ReportContent) -> bytes:
    """The report's PDF bytes."""
    w = Writer(content)
    for section in (_summary, _photos, _scores, strength_section, records_section,
                    marks_section, _reviews, _signoff, _audit, _evidence):
        section(w, content)
    if content.contacts is not None:
        _contacts(w, content)
    return w.finish()


def _summary(w: Writer, c: ReportContent) -> None:
    i = c.ident
    w.heading(w.w("Identification {id}", id=i.id))
    w.field("Missing person", f"{i.person_label} (#{i.person_id})")
    w.field("is Body", f"{i.body_label} (#{i.body_id})")
    w.field("State", w.w(i.state.value))
    w.field("Collection", i.collection)
    w.heading(w.w("Missing person (family's report)"))
    for key, label in PERSON_LABELS.items():
        if c.person_fields.get(key):
            w.field(label, c.person_fields[key])
    w.heading(w.w("Body (post-mortem record)"))
    w.field("Label", i.body_label)
    for key, label in BODY_LABELS.items():
        w.field(label, c.body_fields.get(key))


def _photos(w: Writer, c: ReportContent) -> None:
    w.heading(w.w("Photographs"))
    if c.full_body:
        w.para(w.w("Warning: this report includes full post-mortem photographs."), BODY,
               bold=True)
    w.pictures()


def _scores(w: Writer, c: ReportContent) -> None:
    ev = c.ident.evidence
    w.heading(w.w("Face comparison (evidence frozen at the proposal)"))
    w.field("Model", ev.get("model_id"))
    w.field("Index version", ev.get("index_version"))
    w.field("Search run / rank", f"{ev.get('search_run')} / {ev.get('rank')}")
    if frozen_before_pooling(ev):
        w.field("Candidate score", w.w("{score} (best pair {best}, mean faces {means})",
                                       score=ev.get("score"), best=ev.get("best_pair"),
                                       means=ev.get("mean_faces")))
    else:
        w.field("Candidate score", w.w(
            "{score} (best pair {best}, pooled faces {pooled}, mean faces {means})",
            score=ev.get("score"), best=ev.get("best_pair"), pooled=ev.get("pooled"),
            means=ev.get("mean_faces")))
    w.para(w.w("SCORE_MEANING"), SMALL)
    pairs = ev.get("pairs") or []
    rows = [[str(p["am_photo"]), str(p["am_sha256"])[:16], str(p["pm_photo"]),
             str(p["pm_sha256"])[:16], f"{float(p['score']):.4f}"]
            for p in (pairs if isinstance(pairs, list) else [])]
    w.y -= 4
    w.table(["family photo", "its SHA-256 (start)", "PM photo", "its SHA-256 (start)",
             "score"], rows, [0, 24, 64, 88, 128])


def _reviews(w: Writer, c: ReportContent) -> None:
    w.heading(w.w("Reviews ({n})", n=len(c.ident.reviews)))
    for r in c.ident.reviews:
        w.para(f"{_day(r.at)} — {r.reviewer}: {w.w(r.decision.value)}", BODY, bold=True)
        w.para(r.rationale, BODY, indent=6 * mm)
        hidden = r.shown.get("hidden")
        withheld = r.shown.get("other_reviews_withheld") or 0
        items = [w.w(str(h)) for h in hidden if h in ("scores", "rank", "decision")] \
            if isinstance(hidden, list) else []
        if withheld:
            items.append(w.w("{n} other review(s)", n=withheld))
        if items:
            w.para(w.w("Blind review: withheld from this reviewer when deciding: {items}",
                       items="، ".join(items) if w.w.rtl else ", ".join(items)),
                   SMALL, indent=6 * mm)


def _signoff(w: Writer, c: ReportContent) -> None:
    i = c.ident
    w.heading(w.w("Sign-off (four eyes)"))
    w.field("Proposed by", f"{i.proposed_by}, {_day(i.proposed_at)}")
    w.field("Confirmed by", f"{i.decided_by}, {_day(i.decided_at)}")
    w.field("Reason", i.decision_reason)
    if i.revoked_by:
        w.field("Revoked by", f"{i.revoked_by}, {_day(i.revoked_at)}")
        w.field("Reason for revocation", i.revoke_reason)
    w.y -= 3
    w.table(["step", "by", "when", "reason"],
            [[w.w(s.state.value), s.actor, _day(s.at), (s.reason or "")[:70]]
             for s in i.history], [0, 24, 50, 88])


def _audit(w: Writer, c: ReportContent) -> None:
    w.heading(w.w("Audit trail of this case (excerpt)"))
    w.para(w.w("The audit log held {events} events when this report was made; the SHA-256 "
               "of the newest (the chain head) is {head}. `athar verify` checks the whole "
               "chain; a signed checkpoint proves it later.", events=c.chain_events,
               head=c.chain_head), SMALL)
    w.y -= 3
    w.table(["#", "when (UTC)", "who", "action", "about"],
            [[str(e.seq), e.at, e.actor, e.action, e.object] for e in c.audit],
            [0, 12, 46, 76, 118])


def _evidence(w: Writer, c: ReportContent) -> None:
    w.heading(w.w("Evidence files (SHA-256 of the originals)"))
    w.table(["file", "SHA-256"], [[w.w(what, id=pid), sha] for what, pid, sha in
                                  c.evidence_files], [0, 52])


def _contacts(w: Writer, c: ReportContent) -> None:
    w.heading(w.w("Submitter (included on request, by a user granted the contact)"))
    for s in c.contacts or ():
        w.field("Submitted by", s.submitter)
        w.field("Contact", s.contact)
