"""Calibration cases: cases whose grades a panel agreed, slipped unannounced into programmes.

Exam boards slip seed scripts with agreed marks among live work; here a lead
(for a panel of leads and moderators) records the agreed grade and a reason
for every criterion of a case, and the programme can then give that case to
managers as an ordinary audit. Nothing marks it to the manager before they
submit (the link lives only in ``calibration_audits``, which no manager-facing
path reads before submission); afterwards they see the agreed grades and
reasons beside their own. Each manager's distance from the agreed grades is a
second measure of leniency that owes nothing to the moderators
(``docs/statistics.md``, "Calibration").
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from moderator.domain.grades import Grade
from moderator.domain.limits import MB, read_capped
from moderator.domain.text import plain_field
from moderator.errors import BadInput, NotFound
from moderator.services.audits import assign_audit
from moderator.services.rubrics import ensure_rubric, resolve_rubric, rubric_by_hash
from moderator.services.users import Role, User, require_role
from moderator.store.db import Store

if TYPE_CHECKING:
    from moderator.anonymise.case_formats import Problems

MAX_REASON = 2_000
MAX_GRADES_FILE_BYTES = 4 * MB
GRADES_COLUMNS = ("criterion", "grade", "reason")


class AgreedGrade(BaseModel):
    """The panel's grade for one criterion, and why."""

    criterion: str
    title: str
    grade: Grade
    reason: str


class CalibrationCase(BaseModel):
    """A case with agreed grades."""

    id: int
    case_ref: str
    rubric: str
    panel: str
    agreed_at: str
    overall: Grade | None
    grades: list[AgreedGrade]


class CalibrationComparison(BaseModel):
    """A submitted calibration audit: the manager's grade beside the agreed one, per criterion."""

    audit_id: int
    criterion: str
    title: str
    manager_grade: Grade | None
    agreed_grade: Grade
    distance: int | None
    """Agreed − manager in grade steps (positive: the manager was more optimistic)."""
    reason: str


def _reason(text: str, criterion: str) -> str:
    reason = plain_field(text, f"{criterion}: the agreed grade's reason", MAX_REASON)
    assert reason is not None  # required: plain_field refuses an empty one
    return reason


def read_agreed_grades(path: Path, rubric_id: str) -> dict[str, tuple[Grade, str]]:
    """A panel's agreed grades from a ``criterion,grade,reason`` CSV, checked against the rubric.

    Every problem in the file is reported at once, each as ``FILE:LINE: field: message``
    as the case import reports its rows (``docs/formats.md``); a file with any problem
    raises one BadInput listing them all, so nothing is agreed from it.
    """
    from moderator.anonymise.case_formats import Problems

    rubric = resolve_rubric(rubric_id)
    source = str(path)
    data = b""
    try:
        data = read_capped(path, MAX_GRADES_FILE_BYTES, "grades file")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadInput(
            f"{source}:{line}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except OSError as exc:
        raise BadInput(f"{source}: cannot read: {exc.strerror or exc}") from None
    problems = Problems(source)
    whole_file: list[str] = []
    known = {c.id for c in rubric.criteria}
    grades: dict[str, tuple[Grade, str]] = {}
    seen: dict[str, int] = {}
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing_columns = [c for c in GRADES_COLUMNS if c not in (reader.fieldnames or [])]
        if missing_columns:
            problems.add(
                1,
                f"missing column(s) {', '.join(missing_columns)}; the header must name "
                f"{','.join(GRADES_COLUMNS)}",
            )
        else:
            for row in reader:
                line = reader.line_num
                problems.rows_seen += 1
                if None in row:
                    problems.add(line, "more fields than the header has columns")
                criterion = (row.get("criterion") or "").strip()
                grade = _agreed_grade(row.get("grade"), line, problems)
                reason = _agreed_reason(row.get("reason"), line, problems)
                if not criterion:
                    problems.add(line, "must not be empty", "criterion")
                elif criterion not in known:
                    problems.add(
                        line, f"rubric {rubric.id} has no criterion {criterion!r}", "criterion"
                    )
                elif criterion in seen:
                    problems.add(
                        line, f"{criterion} again (first on line {seen[criterion]})", "criterion"
                    )
                else:
                    seen[criterion] = line
                    if grade is not None and reason is not None:
                        grades[criterion] = (grade, reason)
            missing = [c.id for c in rubric.criteria if c.id not in seen]
            if problems.rows_seen == 0:
                whole_file.append(f"{source}: no grades in the file (criterion,grade,reason rows)")
            elif missing:
                whole_file.append(
                    f"{source}: criterion: no row for {', '.join(missing)} "
                    f"(every criterion of {rubric.id} needs an agreed grade)"
                )
    except csv.Error as exc:
        whole_file.append(f"{source}: not a readable CSV file ({exc})")
    if problems.lines or whole_file:
        details = [message for _, message in sorted(problems.lines, key=lambda t: t[0])]
        count = len(details) + len(whole_file)
        raise BadInput(
            f"{source}: {count} problem{'s' if count != 1 else ''}; no grades were agreed",
            details=[*details, *whole_file],
        )
    return grades


def _agreed_grade(value: str | None, line: int, problems: Problems) -> Grade | None:
    text = (value or "").strip()
    if not text:
        problems.add(line, "must not be empty", "grade")
        return None
    try:
        return Grade.parse(text)
    except BadInput as exc:
        problems.add(line, str(exc), "grade")
        return None


def _agreed_reason(value: str | None, line: int, problems: Problems) -> str | None:
    try:
        return plain_field(value, "reason", MAX_REASON)
    except BadInput as exc:
        problems.add(line, str(exc))  # already "reason: ..."
        return None


def agree_calibration_case(
    store: Store,
    lead: User,
    case_ref: str,
    rubric_id: str,
    grades: Mapping[str, tuple[Grade | str | int, str]],
    *,
    panel: str | None = None,
) -> CalibrationCase:
    """Record a panel's agreed grades (every criterion, each with a reason) for a case."""
    require_role(lead, Role.LEAD, doing="agree calibration grades")
    rubric = resolve_rubric(rubric_id)
    case_id = store.scalar("SELECT id FROM cases WHERE case_ref = ?", [case_ref])
    if case_id is None:
        raise NotFound(f"no case {case_ref!r}")
    known = {c.id for c in rubric.criteria}
    unknown = sorted(set(grades) - known)
    if unknown:
        raise BadInput(f"rubric {rubric.id} has no criterion {unknown[0]!r}")
    missing = [c.id for c in rubric.criteria if c.id not in grades]
    if missing:
        raise BadInput(f"every criterion needs an agreed grade; missing: {', '.join(missing)}")
    parsed = {c: (Grade.parse(g), _reason(r, c)) for c, (g, r) in grades.items()}
    overall = rubric.derive_overall({c: g for c, (g, _) in parsed.items()})
    if store.scalar("SELECT 1 FROM calibration_cases WHERE case_id = ?", [case_id]):
        raise BadInput(f"{case_ref} already has agreed grades")
    stamp = store.now()
    with store.transaction():
        digest = ensure_rubric(store, rubric)
        cur = store.execute(
            "INSERT INTO calibration_cases (case_id, rubric_hash, panel, agreed_by, agreed_at,"
            " overall_grade) VALUES (?, ?, ?, ?, ?, ?)",
            (
                case_id,
                digest,
                (panel or lead.name).strip(),
                lead.name,
                stamp,
                None if overall is None else int(overall.grade),
            ),
        )
        calibration_id = int(cur.lastrowid or 0)
        store.executemany(
            "INSERT INTO calibration_grades (calibration_id, criterion, grade, reason)"
            " VALUES (?, ?, ?, ?)",
            [(calibration_id, c, int(g), r) for c, (g, r) in parsed.items()],
        )
        store.record_event(
            lead.name, "calibration.agree", "calibration", calibration_id, after=case_ref
        )
    return get_calibration_case(store, calibration_id)


def get_calibration_case(store: Store, calibration_id: int) -> CalibrationCase:
    """One calibration case with its agreed grades (leads' view)."""
    row = store.row(
        "SELECT k.id, c.case_ref, k.rubric_hash, k.panel, k.agreed_at, k.overall_grade"
        " FROM calibration_cases k JOIN cases c ON c.id = k.case_id WHERE k.id = ?",
        [calibration_id],
    )
    if row is None:
        raise NotFound(f"no calibration case {calibration_id}")
    rubric = rubric_by_hash(store, row["rubric_hash"])
    agreed = store.rows(
        "SELECT criterion, grade, reason FROM calibration_grades WHERE calibration_id = ?",
        [calibration_id],
    )
    by_id = {r["criterion"]: r for r in agreed}
    return CalibrationCase(
        id=row["id"],
        case_ref=row["case_ref"],
        rubric=rubric.id,
        panel=row["panel"],
        agreed_at=row["agreed_at"],
        overall=Grade.parse_optional(row["overall_grade"]),
        grades=[
            AgreedGrade(
                criterion=c.id,
                title=c.title,
                grade=Grade(by_id[c.id]["grade"]),
                reason=by_id[c.id]["reason"],
            )
            for c in rubric.criteria
            if c.id in by_id
        ],
    )


def calibration_case_of_audit(store: Store, audit_id: int) -> CalibrationCase:
    """The calibration case an audit was slipped in for (callers check submission first)."""
    found = store.scalar(
        "SELECT calibration_id FROM calibration_audits WHERE audit_id = ?", [audit_id]
    )
    if found is None:
        raise NotFound(f"audit {audit_id} is not a calibration case")
    return get_calibration_case(store, int(found))


def list_calibration_cases(store: Store, user: User) -> list[CalibrationCase]:
    """Every calibration case (leads only: a manager must not learn which cases they are)."""
    require_role(user, Role.LEAD, doing="see calibration cases")
    ids = [r["id"] for r in store.rows("SELECT id FROM calibration_cases ORDER BY id")]
    return [get_calibration_case(store, i) for i in ids]


class CalibrationSlip(BaseModel):
    """What slipping calibration cases did: the new audits, how many the rate asked for,
    and the managers who got fewer (they had already had every calibration case)."""

    ids: list[int]
    asked: int
    managers: int
    cases: int
    short: int = 0
    """Managers who got fewer than their draw asked for."""

    def sentence(self) -> str:
        """For the lead: how many were slipped in, of how many asked, and why fewer."""
        done = (
            f"Slipped {self.count(len(self.ids))} into managers' programmes"
            f" (the rate asked for {self.asked}, across {self.managers} managers)"
        )
        if len(self.ids) >= self.asked:
            return done + "."
        return (
            f"{done}; {self.short} manager(s) had already had the calibration cases there are"
            f" ({self.cases}), and no manager gets the same one twice."
            " Agree more with `moderator calibration agree`."
        )

    @staticmethod
    def count(n: int) -> str:
        return f"{n} calibration audit{'' if n == 1 else 's'}"


def slip_calibration_cases(
    store: Store,
    lead: User,
    *,
    rate: float,
    per_manager: int,
    due: date,
    programme: str,
    seed: int | None = None,
) -> list[int]:
    """Give each manager calibration audits making up ``rate`` of a ``per_manager`` programme.

    Returns the new audit ids (:func:`slip_calibration` says how many were asked for).
    """
    return slip_calibration(
        store, lead, rate=rate, per_manager=per_manager, due=due, programme=programme, seed=seed
    ).ids


def slip_calibration(
    store: Store,
    lead: User,
    *,
    rate: float,
    per_manager: int,
    due: date,
    programme: str,
    seed: int | None = None,
) -> CalibrationSlip:
    """Give each manager calibration audits making up ``rate`` of a ``per_manager`` programme.

    The count per manager is ``rate × per_manager``, its fraction settled by a
    seeded draw, so the rate holds on average across managers. A manager never
    gets the same calibration case twice, so one who has had them all gets fewer.
    """
    require_role(lead, Role.LEAD, doing="assign audits")
    if not 0 <= rate <= 1:
        raise BadInput("calibration rate must be between 0 and 1")
    cases = store.rows(
        "SELECT k.id, c.case_ref, k.rubric_hash FROM calibration_cases k"
        " JOIN cases c ON c.id = k.case_id ORDER BY k.id"
    )
    if rate > 0 and not cases:
        raise BadInput("there are no calibration cases yet (agree one with `calibration agree`)")
    rng = random.Random(seed)
    managers = store.rows("SELECT id, name FROM users WHERE role = 'manager' ORDER BY name")
    ids: list[int] = []
    asked = short = 0
    with store.transaction():
        for manager in managers:
            wanted = rate * per_manager
            count = int(wanted) + (1 if rng.random() < wanted - int(wanted) else 0)
            asked += count
            done = {
                r["calibration_id"]
                for r in store.rows(
                    "SELECT ka.calibration_id FROM calibration_audits ka"
                    " JOIN audits a ON a.id = ka.audit_id WHERE a.manager_id = ?",
                    [manager["id"]],
                )
            }
            fresh = [c for c in cases if c["id"] not in done]
            rng.shuffle(fresh)
            short += len(fresh) < count
            for case in fresh[:count]:
                rubric = rubric_by_hash(store, case["rubric_hash"])
                audit_id = assign_audit(
                    store, lead, case["case_ref"], manager["name"], rubric.id, due,
                    programme=programme,
                )  # fmt: skip
                store.execute(
                    "INSERT INTO calibration_audits (audit_id, calibration_id) VALUES (?, ?)",
                    (audit_id, case["id"]),
                )
                ids.append(audit_id)
    return CalibrationSlip(
        ids=ids, asked=asked, managers=len(managers), cases=len(cases), short=short
    )


def calibration_feedback(store: Store, user: User, audit_id: int) -> list[CalibrationComparison]:
    """After submission, the agreed grades beside the manager's (empty for ordinary audits).

    Before submission this returns nothing at all, whoever asks, so that no path
    can reveal that an audit is a calibration case while it is being graded.
    """
    row = store.row(
        "SELECT a.status, a.manager_id, ka.calibration_id FROM audits a"
        " LEFT JOIN calibration_audits ka ON ka.audit_id = a.id WHERE a.id = ?",
        [audit_id],
    )
    if row is None or row["calibration_id"] is None or row["status"] != "submitted":
        return []
    if user.role is not Role.LEAD and row["manager_id"] != user.id:
        return []
    case = get_calibration_case(store, row["calibration_id"])
    own = {
        r["criterion"]: r["grade"]
        for r in store.rows(
            "SELECT criterion, grade FROM criterion_grades WHERE audit_id = ?", [audit_id]
        )
    }
    out = []
    for agreed in case.grades:
        mine = Grade.parse_optional(own.get(agreed.criterion))
        out.append(
            CalibrationComparison(
                audit_id=audit_id,
                criterion=agreed.criterion,
                title=agreed.title,
                manager_grade=mine,
                agreed_grade=agreed.grade,
                distance=None if mine is None else int(agreed.grade) - int(mine),
                reason=agreed.reason,
            )
        )
    return out
