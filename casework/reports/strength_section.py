"""The report's strength-of-evidence section: the frozen face score as a likelihood ratio
(with its calibration's provenance and the verbal scale), and the fused score with every
term it adds up and the assumptions behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from athar.casework.checks.fusion import MARK_WEIGHTS, RECORD_RATES
from athar.casework.checks.strength import lr_figure
from athar.casework.reports.content import ReportContent, frozen_before_pooling

if TYPE_CHECKING:
    from athar.casework.reports.pdf import Writer

BODY, SMALL = 9.5, 7.5


def _ratio(w: Writer, log10_lr: float, verbal: str, for_same: bool) -> str:
    side = w.w("that the two are the same person") if for_same else w.w(
        "that the two are different people")
    return w.w("{lr} (log10 {log:+.2f}): {verbal} for the proposition {side}",
               lr=lr_figure(log10_lr), log=log10_lr, verbal=w.w(verbal), side=side)


def _term(w: Writer, source: str) -> str:
    kind, _, value = source.partition(":")
    if kind == "face":
        return w.w("face score")
    if kind == "records":
        return w.w("records: {rule}", rule=w.w(value))
    return w.w("marks: {agreement}", agreement=w.w(value))


def strength_section(w: Writer, c: ReportContent) -> None:
    """Likelihood ratios, never a percentage."""
    w.heading(w.w("Strength of evidence"))
    model = c.ident.evidence.get("model_id")
    if c.calibration is not None and frozen_before_pooling(c.ident.evidence):
        w.para(w.w("The score was frozen before the search's current rank rule (the best "
                   "pair with the pooled faces); the calibration of model {model} reads "
                   "that rule's scores, so this score is not expressed as a likelihood "
                   "ratio.", model=model), BODY)
        return
    if c.calibration is None or c.face is None:
        w.para(w.w("No calibration is stored for model {model}: its score is not expressed "
                   "as a likelihood ratio.", model=model), BODY)
        return
    cal = c.calibration
    w.field("Face: likelihood ratio", _ratio(w, c.face.log10_lr, c.face.verbal,
                                             c.face.for_same))
    w.field("Calibration", w.w(
        "{fitted_on}; fitted {date} on {same} same-person and {different} different-person "
        "pairs; on held-out pairs Cllr {cllr}, ECE {ece}", fitted_on=cal.fitted_on,
        date=cal.date, same=cal.pairs.get("same"), different=cal.pairs.get("different"),
        cllr=cal.held_out.get("cllr"), ece=cal.held_out.get("ece")))
    w.para(w.w("STRENGTH_MEANING"), SMALL)
    if c.fused is None:
        return
    w.y -= 3
    if len(c.fused.terms) == 1:
        w.para(w.w("The records and the marks hold nothing to weigh yet: all the evidence "
                   "is the face's."), BODY)
        return
    w.field("All evidence", _ratio(w, c.fused.log10_lr, c.fused.verbal,
                                                         c.fused.for_same))
    w.y -= 2
    w.table(["evidence", "log10 of its likelihood ratio"],
            [[_term(w, t.source), f"{t.log10_lr:+.2f}"] for t in c.fused.terms], [0, 70])
    rates = ", ".join(w.w("{rule}: error {error:.0%}, chance {chance:.0%}", rule=w.w(rule),
                          error=rate.error, chance=rate.chance)
                      for rule, rate in RECORD_RATES.items())
    marks = ", ".join(f"{w.w(k)} {v:+.1f}" for k, v in MARK_WEIGHTS.items() if v)
    w.para(w.w("FUSION_MEANING", rates=rates, marks=marks), SMALL)
