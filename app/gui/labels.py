"""User-visible names of the domain's values, translated (one place for every screen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from athar.casework.checks.strength import lr_figure
from athar.casework.domain.entities import CandidateState


def state_name(state: CandidateState | str | None) -> str:
    """A review state as people say it (None: others decided; shown after your review)."""
    if state is None:
        return QCoreApplication.translate("Labels", "Reviewed by others (shown after yours)")
    names = {
        "queued": QCoreApplication.translate("Labels", "Queued"),
        "in_review": QCoreApplication.translate("Labels", "In review"),
        "excluded": QCoreApplication.translate("Labels", "Excluded"),
        "possible": QCoreApplication.translate("Labels", "Possible"),
        "needs_info": QCoreApplication.translate("Labels", "Needs information"),
        "proposed": QCoreApplication.translate("Labels", "Proposed identification"),
    }
    return names.get(str(state), str(state))


def body_field(name: str) -> str:
    """A Body number's label."""
    names = {
        "detainee_no": QCoreApplication.translate("Labels", "Detainee number"),
        "branch_no": QCoreApplication.translate("Labels", "Branch number"),
        "forensic_no": QCoreApplication.translate("Labels", "Forensic report number"),
        "photo_date": QCoreApplication.translate("Labels", "Date photographed"),
    }
    return names.get(name, name)


def count_name(name: str) -> str:
    """A count on the overview."""
    names = {
        "collections": QCoreApplication.translate("Labels", "Collections"),
        "bodies": QCoreApplication.translate("Labels", "Bodies"),
        "photos": QCoreApplication.translate("Labels", "Photos"),
        "faces": QCoreApplication.translate("Labels", "Faces"),
        "pm_faces": QCoreApplication.translate("Labels", "Post-mortem faces"),
        "manual_faces": QCoreApplication.translate("Labels", "Faces marked by hand"),
        "missing_persons": QCoreApplication.translate("Labels", "Missing persons"),
        "candidates": QCoreApplication.translate("Labels", "Candidates"),
        "proposed": QCoreApplication.translate("Labels", "Proposed identifications"),
        "confirmed": QCoreApplication.translate("Labels", "Confirmed identifications"),
        "returned": QCoreApplication.translate("Labels", "Returned proposals"),
        "revoked": QCoreApplication.translate("Labels", "Revoked identifications"),
    }
    return names.get(name, name)


def sex_name(value: str | None) -> str:
    """male / female / unknown."""
    names = {
        "male": QCoreApplication.translate("Labels", "Male"),
        "female": QCoreApplication.translate("Labels", "Female"),
        "unknown": QCoreApplication.translate("Labels", "Unknown"),
    }
    return names.get(value or "", "")


def role_name(value: str) -> str:
    """A user's role."""
    names = {
        "identifier": QCoreApplication.translate("Labels", "Identifier"),
        "examiner": QCoreApplication.translate("Labels", "Examiner"),
        "supervisor": QCoreApplication.translate("Labels", "Supervisor"),
    }
    return names.get(value, value)


def grouping_name(value: str) -> str:
    """How an import groups files into Bodies."""
    names = {
        "folder": QCoreApplication.translate("Labels", "One Body per folder"),
        "file": QCoreApplication.translate("Labels", "One Body per file"),
        "csv": QCoreApplication.translate("Labels", "From a CSV list (file, body, numbers)"),
    }
    return names.get(value, value)


def source_name(value: str) -> str:
    """How a face was found."""
    names = {
        "auto": QCoreApplication.translate("Labels", "detector"),
        "manual": QCoreApplication.translate("Labels", "marked by hand"),
    }
    return names.get(value, value)


def decision_name(decision: str) -> str:
    """A reviewer's decision."""
    names = {
        "excluded": QCoreApplication.translate("Labels", "Exclude"),
        "possible": QCoreApplication.translate("Labels", "Possible"),
        "needs_info": QCoreApplication.translate("Labels", "Needs information"),
        "propose": QCoreApplication.translate("Labels", "Propose identification"),
    }
    return names.get(decision, decision)


def identification_state_name(state: str) -> str:
    """An identification's state."""
    names = {
        "proposed": QCoreApplication.translate("Labels", "Proposed"),
        "confirmed": QCoreApplication.translate("Labels", "Confirmed"),
        "returned": QCoreApplication.translate("Labels", "Returned"),
        "revoked": QCoreApplication.translate("Labels", "Revoked"),
    }
    return names.get(state, state)


def category_name(code: str) -> str:
    """A mark's category."""
    names = {
        "tattoo": QCoreApplication.translate("Labels", "Tattoo"),
        "scar": QCoreApplication.translate("Labels", "Scar"),
        "mole_birthmark": QCoreApplication.translate("Labels", "Mole or birthmark"),
        "deformity_amputation": QCoreApplication.translate("Labels", "Deformity or amputation"),
        "dental": QCoreApplication.translate("Labels", "Dental feature"),
        "other": QCoreApplication.translate("Labels", "Other mark"),
    }
    return names.get(code, code)


def location_name(code: str) -> str:
    """Where on the body a mark is (the body's own left and right)."""
    names = {
        "head": QCoreApplication.translate("Labels", "Head"),
        "face": QCoreApplication.translate("Labels", "Face"),
        "neck": QCoreApplication.translate("Labels", "Neck"),
        "chest": QCoreApplication.translate("Labels", "Chest"),
        "abdomen": QCoreApplication.translate("Labels", "Abdomen"),
        "back": QCoreApplication.translate("Labels", "Back"),
        "upper_arm_left": QCoreApplication.translate("Labels", "Left upper arm"),
        "upper_arm_right": QCoreApplication.translate("Labels", "Right upper arm"),
        "forearm_left": QCoreApplication.translate("Labels", "Left forearm"),
        "forearm_right": QCoreApplication.translate("Labels", "Right forearm"),
        "hand_left": QCoreApplication.translate("Labels", "Left hand"),
        "hand_right": QCoreApplication.translate("Labels", "Right hand"),
        "thigh_left": QCoreApplication.translate("Labels", "Left thigh"),
        "thigh_right": QCoreApplication.translate("Labels", "Right thigh"),
        "lower_leg_left": QCoreApplication.translate("Labels", "Left lower leg"),
        "lower_leg_right": QCoreApplication.translate("Labels", "Right lower leg"),
        "foot_left": QCoreApplication.translate("Labels", "Left foot"),
        "foot_right": QCoreApplication.translate("Labels", "Right foot"),
        "upper_arm": QCoreApplication.translate("Labels", "Upper arm (side not known)"),
        "forearm": QCoreApplication.translate("Labels", "Forearm (side not known)"),
        "hand": QCoreApplication.translate("Labels", "Hand (side not known)"),
        "thigh": QCoreApplication.translate("Labels", "Thigh (side not known)"),
        "lower_leg": QCoreApplication.translate("Labels", "Lower leg (side not known)"),
        "foot": QCoreApplication.translate("Labels", "Foot (side not known)"),
    }
    return names.get(code, code)


def relation_name(code: str) -> str:
    """An examiner's judgement of two marks, or what a Body's marks say about a person's."""
    names = {
        "corresponding": QCoreApplication.translate("Labels", "Corresponding"),
        "similar": QCoreApplication.translate("Labels", "Similar"),
        "not_corresponding": QCoreApplication.translate("Labels", "Not corresponding"),
        "compatible": QCoreApplication.translate("Labels", "Compatible (same kind, same place)"),
        "other_at_location": QCoreApplication.translate("Labels", "Another kind of mark there"),
        "none_recorded": QCoreApplication.translate("Labels", "No mark recorded there"),
    }
    return names.get(code, code)


def outcome_name(value: str) -> str:
    """What a consistency rule says."""
    names = {
        "consistent": QCoreApplication.translate("Labels", "consistent"),
        "inconsistent": QCoreApplication.translate("Labels", "inconsistent"),
        "unknown": QCoreApplication.translate("Labels", "unknown"),
    }
    return names.get(value, value)


def rule_name(value: str) -> str:
    """A consistency rule."""
    names = {
        "sex": QCoreApplication.translate("Labels", "Sex"),
        "age": QCoreApplication.translate("Labels", "Age"),
        "dates": QCoreApplication.translate("Labels", "Dates"),
        "branch": QCoreApplication.translate("Labels", "Branch"),
    }
    return names.get(value, value)


def verbal_name(value: str) -> str:
    """The verbal scale's words (casework.checks.strength.VERBAL)."""
    names = {
        "no support either way": QCoreApplication.translate("Labels", "no support either way"),
        "weak support": QCoreApplication.translate("Labels", "weak support"),
        "moderate support": QCoreApplication.translate("Labels", "moderate support"),
        "moderately strong support": QCoreApplication.translate(
            "Labels", "moderately strong support"),
        "strong support": QCoreApplication.translate("Labels", "strong support"),
        "very strong support": QCoreApplication.translate("Labels", "very strong support"),
    }
    return names.get(value, value)


def strength_text(log10_lr: float, verbal: str, for_same: bool) -> str:
    """A likelihood ratio as the screens say it: its order of magnitude and the verbal
    scale, for the same person or for different people (never a percentage)."""
    words = verbal_name(verbal)
    if abs(log10_lr) < 1:
        side = ""
    elif for_same:
        side = " " + QCoreApplication.translate("Labels", "for the same person")
    else:
        side = " " + QCoreApplication.translate("Labels", "for different people")
    return QCoreApplication.translate("Labels", "LR %1, %2").replace(
        "%1", lr_figure(log10_lr)).replace("%2", words + side)


def term_name(source: str) -> str:
    """One term of the fused score ("face", "records:<rule>", "marks:<agreement>")."""
    kind, _, value = source.partition(":")
    if kind == "face":
        return QCoreApplication.translate("Labels", "Face")
    if kind == "records":
        return QCoreApplication.translate("Labels", "Records: %1").replace(
            "%1", rule_name(value))
    return QCoreApplication.translate("Labels", "Marks: %1").replace(
        "%1", relation_name(value))


def reason_text(code: str, values: dict[str, object]) -> str:
    """A consistency rule's reason, translated, with its values filled in."""
    t = {
        "sex.same": QCoreApplication.translate("Labels", "both records say {sex}"),
        "sex.differs": QCoreApplication.translate(
            "Labels", "the family reports {family}; the examiner estimated {body}"),
        "sex.unrecorded": QCoreApplication.translate(
            "Labels", "the sex is not recorded for the {missing}"),
        "age.fits": QCoreApplication.translate(
            "Labels", "aged {low}-{high} at the {what} ({when}), within the estimated "
            "{est_min}-{est_max}"),
        "age.outside": QCoreApplication.translate(
            "Labels", "aged {low}-{high} at the {what} ({when}), outside the estimated "
            "{est_min}-{est_max} (±{margin} years)"),
        "age.unrecorded": QCoreApplication.translate("Labels", "no {missing} recorded"),
        "dates.after_arrest": QCoreApplication.translate(
            "Labels", "the {what} ({when}) comes after the arrest ({arrest})"),
        "dates.before_arrest": QCoreApplication.translate(
            "Labels", "the {what} ({when}) comes before the arrest the family reports "
            "({arrest})"),
        "dates.photo_before_death": QCoreApplication.translate(
            "Labels", "the photo ({photo}) comes before the certified death ({death})"),
        "dates.cannot_tell": QCoreApplication.translate(
            "Labels", "the {what} ({when}) and the arrest ({arrest}) are given too roughly "
            "to tell"),
        "dates.unrecorded": QCoreApplication.translate("Labels", "no {missing} recorded"),
        "branch.same": QCoreApplication.translate("Labels", "branch {number} on both records"),
        "branch.differs": QCoreApplication.translate(
            "Labels", "branch {body} on the Body, {family} named by the family (a detainee "
            "may have been moved between branches)"),
        "branch.no_number": QCoreApplication.translate(
            "Labels", "the family names the branch without a number ({family})"),
        "branch.unrecorded": QCoreApplication.translate(
            "Labels", "no branch recorded for the {missing}"),
    }
    words = {
        "male": QCoreApplication.translate("Labels", "male"),
        "female": QCoreApplication.translate("Labels", "female"),
        "Body": QCoreApplication.translate("Labels", "Body"),
        "missing person": QCoreApplication.translate("Labels", "missing person"),
        "photo": QCoreApplication.translate("Labels", "photo"),
        "certified death": QCoreApplication.translate("Labels", "certified death"),
        "date of arrest": QCoreApplication.translate("Labels", "date of arrest"),
        "age estimate for the Body": QCoreApplication.translate(
            "Labels", "age estimate for the Body"),
        "birth date or year for the missing person": QCoreApplication.translate(
            "Labels", "birth date or year for the missing person"),
        "date of the photo or of death for the Body": QCoreApplication.translate(
            "Labels", "date of the photo or of death for the Body"),
    }
    shown = {k: words.get(str(v), str(v)) for k, v in values.items()}
    try:
        return t[code].format(**shown)
    except (KeyError, IndexError, ValueError):
        return code
