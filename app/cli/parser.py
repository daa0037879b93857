"""The arguments of every `athar` command, with help written for the people who use it."""

from __future__ import annotations

import argparse
import os

from athar.app.cli import duplicates, marks, models, victims
from athar.casework.domain.entities import CandidateState, IdentificationState, Role, Side
from athar.casework.matching.search import DEFAULT_TOP
from athar.models.devices import DEVICES

DESCRIPTION = """\
Athar: an offline workbench that helps a documentation team identify the dead in
post-mortem photographs. It ranks candidate matches between a family's photos of a
missing person and the photographed Bodies, for people to review; the software never
records an identification.

Every command works on a workspace folder (WS). It asks for the workspace passphrase,
your user name and password, or reads ATHAR_PASSPHRASE, ATHAR_USER and ATHAR_PASSWORD.
Run `athar COMMAND --help` for one command. With no command, the desktop application
opens."""

EPILOG = """\
exit status: 0 done; 1 done, with problems listed (nothing imported, verification
failed); 2 refused with one line on stderr, nothing changed; 130 interrupted (Ctrl-C:
what was done is kept)."""

WS_HELP = "the workspace folder"


def _ws(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", metavar="WS", help=WS_HELP)


def _json(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def _model(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--model", metavar="ID", help=f"{what}; 'default' or 'mirrored' (the "
                   "embedded models), or an installed pack's id or an unambiguous beginning "
                   "of it (athar models list)")
    p.add_argument("--device", choices=DEVICES, default="auto",
                   help="where an ONNX pack computes: cuda needs the GPU extra "
                   "(README); auto takes CUDA when present, else the CPU (default)")


def _imports(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, side in (("import-pm", Side.PM), ("import-am", Side.AM)):
        if side is Side.PM:
            s = sub.add_parser(name, help="import post-mortem photos: one Body per folder, "
                               "file or CSV row", description="Import a folder of post-mortem "
                               "photos into a collection. Resumable: run it again after an "
                               "interruption. Every file not imported is listed with its "
                               "reason.")
        else:
            s = sub.add_parser(name, help="import families' photos: one missing person per "
                               "folder", description="Import families' photos. Each folder "
                               "becomes a new missing person (a folder named like an existing "
                               "person makes a new record, never a merge); --into adds every "
                               "photo to one existing person.")
        _ws(s)
        s.add_argument("dir", metavar="DIR", help="the folder to import (read recursively)")
        if side is Side.PM:
            s.add_argument("--collection", required=True, metavar="NAME",
                           help="the collection the Bodies belong to (created when new)")
            s.add_argument("--group-by", default="folder", metavar="MODE",
                           help="folder: one Body per subfolder (default); file: one Body "
                           "per file; csv:PATH: a CSV with columns file, body, detainee_no, "
                           "branch_no, forensic_no, photo_date")
        else:
            s.add_argument("--group-by", default="folder", choices=["folder", "file"],
                           help="one person per subfolder (default) or per file")
            s.add_argument("--into", type=int, metavar="ID",
                           help="add every photo of DIR to the existing missing person ID")
        s.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="worker processes analysing photos (default: one per core)")
        s.add_argument("--quiet", action="store_true", help="no progress bar")
        _model(s, "detect and embed with this model (default: the embedded default model)")
        s.set_defaults(side=side)


def _add_person(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("add-person", help="register one missing person with the family's "
                       "photos", description="Register a missing person from a family's "
                       "report. The photos are checked first (each must exist, be readable "
                       "and not be filed already): if one is not, nothing is recorded.")
    _ws(s)
    s.add_argument("--name", required=True, help="the name as the family gives it (Latin "
                   "script or as written)")
    s.add_argument("--name-ar", metavar="NAME", help="the name in Arabic script")
    s.add_argument("--label", help="how the record is labelled (default: the name; made "
                   "unique with #2, #3...)")
    s.add_argument("--sex", choices=["male", "female", "unknown"], help="as reported")
    dates = "YYYY, YYYY-MM or YYYY-MM-DD"
    s.add_argument("--born", metavar="DATE", help=f"birth date or year ({dates})")
    s.add_argument("--origin", help="place of origin")
    s.add_argument("--arrest-date", metavar="DATE", help=f"date of arrest ({dates})")
    s.add_argument("--arrest-place", metavar="PLACE", help="where the person was arrested")
    s.add_argument("--arresting-branch", metavar="BRANCH", help="the branch that arrested "
                   "them, as the family names it")
    s.add_argument("--father", metavar="NAME", help="the father's name (matched with "
                   "victims' lists)")
    s.add_argument("--mother", metavar="NAME", help="the mother's name")
    s.add_argument("--description", help="physical description")
    s.add_argument("--marks", help="distinctive marks known to the family, in their words")
    s.add_argument("--submitter", help="who handed in the report")
    s.add_argument("--contact", help="the submitter's contact (needs the contact grant)")
    s.add_argument("--photo", nargs="+", metavar="FILE", help="the family's photos")


def _read_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("search", help="rank Bodies for missing persons (or persons for a "
                       "Body) and store them as candidates for review")
    _ws(s)
    group = s.add_mutually_exclusive_group(required=True)
    group.add_argument("--person", type=int, action="append", metavar="ID",
                       help="search for this missing person (repeatable)")
    group.add_argument("--all", action="store_true", help="search for every missing person")
    group.add_argument("--body", type=int, action="append", metavar="ID",
                       help="rank missing persons for this Body (repeatable)")
    s.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="K",
                   help=f"length of each ranked list (default {DEFAULT_TOP})")
    _json(s, "the ranked lists, with candidate, face and search-run ids,")
    s.add_argument("--csv", metavar="FILE", help="also write the ranked lists to this CSV")
    _model(s, "search with this model's vectors (default: the workspace's active model; "
           "the faces need its vectors: athar reembed)")
    s.add_argument("--fuse", action="append", metavar="ID", help="also score with this "
                   "model's stored vectors and rank by the mean of the models' calibrated "
                   "scores, each model's score shown (repeatable; every model needs a "
                   "calibration)")
    s = sub.add_parser("persons", help="list missing persons with their ids")
    _ws(s)
    _json(s, "the list")
    s = sub.add_parser("bodies", help="list Bodies, or find one by its numbers")
    _ws(s)
    s.add_argument("--collection", metavar="NAME", help="only this collection's Bodies")
    s.add_argument("--number", metavar="N", help="only Bodies whose detainee, branch or "
                   "forensic number is N")
    _json(s, "the list")
    s = sub.add_parser("collections", help="list post-mortem collections")
    _ws(s)
    _json(s, "the list")
    s = sub.add_parser("candidates", help="show stored candidates as they are (no search "
                       "is run)")
    _ws(s)
    group = s.add_mutually_exclusive_group()
    group.add_argument("--person", type=int, metavar="ID", help="this person's candidates")
    group.add_argument("--body", type=int, metavar="ID", help="this Body's candidates")
    s.add_argument("--state", choices=[c.value for c in CandidateState],
                   help="only candidates in this review state")
    s.add_argument("--records", choices=["disagree", "agree"],
                   help="only candidates whose two records disagree on some rule (sex, "
                   "age, dates, branch), or only those where none does")
    s.add_argument("--order", choices=["face", "fused"], default="face",
                   help="face: by the face score (the search's ranks); fused: by all the "
                   "evidence, the face's likelihood ratio times what the records and the "
                   "marks say (README, \"Fused score\")")
    _json(s, "the candidates")


def _review(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("review", help="record your review of a candidate (every review is "
                       "kept; add a later one to change your mind)")
    _ws(s)
    s.add_argument("candidate", type=int, metavar="CANDIDATE",
                   help="the candidate id (athar candidates, athar search --json)")
    s.add_argument("--decision", required=True,
                   choices=["excluded", "possible", "needs_info", "propose"],
                   help="propose: propose the identification for a supervisor's sign-off")
    s.add_argument("--rationale", required=True, metavar="TEXT",
                   help="what you compared and why you decided so (required)")
    s = sub.add_parser("identifications", help="proposed, confirmed, returned and revoked "
                       "identifications with their history")
    _ws(s)
    s.add_argument("--state", choices=[st.value for st in IdentificationState],
                   help="only identifications in this state")
    _json(s, "the identifications with their evidence, history and reviews")
    for name, what in (("confirm", "confirm a proposed identification (a supervisor who "
                        "did not propose it)"),
                       ("return", "return a proposal to review, saying why (supervisors)"),
                       ("revoke", "revoke a confirmed identification, saying why; the "
                        "record stays (supervisors)")):
        s = sub.add_parser(name, help=what)
        _ws(s)
        s.add_argument("identification", type=int, metavar="IDENT",
                       help="the identification id (athar identifications)")
        s.add_argument("--reason", required=True, metavar="TEXT", help="why (required)")
    s = sub.add_parser("report", help="the PDF report of a confirmed (or revoked) "
                       "identification")
    _ws(s)
    s.add_argument("identification", type=int, metavar="IDENT",
                   help="the identification id")
    s.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    s.add_argument("--full-body", action="store_true",
                   help="also show the full post-mortem photos (face crops only otherwise)")
    s.add_argument("--contact", action="store_true",
                   help="include the submitter's contact (needs the contact grant; audited)")
    s.add_argument("--language", choices=["en", "ar"], default="en",
                   help="the report's language (ar: Arabic, right to left)")


def _integrity(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("verify", help="check the audit chain, every evidence file and the "
                       "indexes (exit 1 on damage)")
    _ws(s)
    s.add_argument("--checkpoint", metavar="FILE",
                   help="also prove the log still extends this signed checkpoint")
    s = sub.add_parser("audit", help="signed checkpoints, the verifier key and export of "
                       "the audit log")
    audit_sub = s.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    origin_help = "the log's name in the checkpoint (default athar-audit-log)"
    a = audit_sub.add_parser("checkpoint", help="print (and save) a signed checkpoint of "
                             "the log's head (supervisors)")
    _ws(a)
    a.add_argument("--origin", default="athar-audit-log", help=origin_help)
    a.add_argument("--out", metavar="FILE", help="also save the checkpoint to FILE")
    a = audit_sub.add_parser("key", help="print the checkpoints' verifier key (signed-note "
                             "form) for partners who check them without Athar")
    _ws(a)
    a.add_argument("--origin", default="athar-audit-log", help=origin_help)
    a = audit_sub.add_parser("export", help="write the log with its chain, one `HASH JSON` "
                             "line per event (supervisors)")
    _ws(a)
    a.add_argument("out", metavar="FILE", help="the file to write")


def _admin(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("user", help="add or deactivate user accounts (supervisors)")
    user_sub = s.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    u = user_sub.add_parser("add", help="add a user (password from ATHAR_NEW_PASSWORD or "
                            "asked)")
    _ws(u)
    u.add_argument("name", metavar="NAME", help="the new user's login name")
    u.add_argument("--role", required=True, choices=[r.value for r in Role],
                   help="identifier: imports, intake, search, review; examiner: marks and "
                   "assessments; supervisor: all that, sign-off and administration")
    u.add_argument("--contact", action="store_true",
                   help="may see and record submitters' contact details")
    u = user_sub.add_parser("deactivate", help="deactivate a user (kept in the audit trail)")
    _ws(u)
    u.add_argument("name", metavar="NAME", help="the user's login name")
    s = sub.add_parser("passphrase", help="change the workspace passphrase (new one from "
                       "ATHAR_NEW_PASSPHRASE or asked)")
    _ws(s)
    s = sub.add_parser("settings", help="workspace settings (supervisors)")
    _ws(s)
    s.add_argument("--idle-lock", type=int, metavar="SECONDS",
                   help="lock an idle session after this long (60 to 28800)")
    s.add_argument("--blind-scores", choices=["on", "off"],
                   help="on: reviewers see no face score or rank until they have recorded "
                   "their own review (others' decisions are always hidden until then)")
    s = sub.add_parser("backup", help="a consistent copy of a (possibly running) workspace")
    _ws(s)
    s.add_argument("dest", metavar="DEST", help="the backup folder to create")
    s = sub.add_parser("restore", help="restore a backup into a new folder and verify it")
    s.add_argument("backup", metavar="BACKUP", help="the backup folder")
    s.add_argument("dest", metavar="DEST", help="the new workspace folder")
    s = sub.add_parser("reindex", help="rebuild the search indexes from the database")
    _ws(s)
    s = sub.add_parser("reembed", help="add a model's vectors to every face (supervisors; "
                       "resumable: run it again after an interruption)",
                       description="Compute an installed model's vectors for every face "
                       "that has none yet (keypoints fitted in the stored face box); "
                       "nothing already stored changes.")
    _ws(s)
    _model(s, "the model to add (required)")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s = sub.add_parser("demo", help="import a folder of identities and measure the ranking "
                       "(test photos only)")
    s.add_argument("dir", nargs="?", metavar="DIR", help="one subfolder of photos per "
                   "identity (default ../shared/data/faces-dev)")
    s.add_argument("--workspace", metavar="WS", help="keep the demo workspace here")
    s.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes (default: one per core)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="athar", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = p.add_subparsers(dest="command", required=False, metavar="COMMAND")
    sub.add_parser("gui", help="open the desktop application (the default with no command)")
    s = sub.add_parser("init", help="create a workspace folder (passphrase and first "
                       "supervisor)")
    s.add_argument("workspace", metavar="WS", help="the new folder (must be empty or absent)")
    _imports(sub)
    _add_person(sub)
    _read_commands(sub)
    _review(sub)
    marks.add_parsers(sub)
    victims.add_parsers(sub)
    duplicates.add_parsers(sub)
    models.add_parsers(sub)
    _integrity(sub)
    _admin(sub)
    return p
