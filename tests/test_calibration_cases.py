"""Calibration cases: agreed by a lead, slipped into programmes unseen, compared after submission."""

from __future__ import annotations

from datetime import date

import pytest

from moderator.domain.grades import Grade
from moderator.errors import BadInput, Refused
from moderator.services.audits import get_audit, list_audits
from moderator.services.calibration import (
    agree_calibration_case,
    calibration_feedback,
    list_calibration_cases,
    slip_calibration_cases,
)
from moderator.services.calibration_stats import calibration_summary
from moderator.services.grading import AuditTarget
from moderator.services.rubrics import resolve_rubric
from tests.helpers import add_case, people

RUBRIC = "help-and-protection"


def _agreed(grade: Grade = Grade.REQUIRES_IMPROVEMENT) -> dict[str, tuple[Grade, str]]:
    return {
        c.id: (grade, f"the panel's reason for {c.id}") for c in resolve_rubric(RUBRIC).criteria
    }


def _setup(store):  # type: ignore[no-untyped-def]
    who = people(store)
    for ref in ("CAL-1", "CAL-2"):
        add_case(store, ref)
    agree_calibration_case(store, who["lee"], "CAL-1", RUBRIC, _agreed(), panel="lee, oli")
    agree_calibration_case(store, who["lee"], "CAL-2", RUBRIC, _agreed(Grade.INADEQUATE))
    return who


def _grade_and_submit(store, user, audit_id: int, grade: Grade) -> None:  # type: ignore[no-untyped-def]
    target = AuditTarget.open(store, user, audit_id)
    for criterion in resolve_rubric(RUBRIC).criteria:
        target.save(criterion.id, grade=grade, note="evidence seen on file")
    target.submit()


def test_only_a_lead_agrees_grades_and_every_criterion_needs_a_reason(store) -> None:  # type: ignore[no-untyped-def]
    who = people(store)
    add_case(store, "CAL-1")
    with pytest.raises(Refused):
        agree_calibration_case(store, who["mia"], "CAL-1", RUBRIC, _agreed())
    partial = dict(list(_agreed().items())[:3])
    with pytest.raises(BadInput, match="missing"):
        agree_calibration_case(store, who["lee"], "CAL-1", RUBRIC, partial)
    no_reason = {c: (g, " ") for c, (g, _) in _agreed().items()}
    with pytest.raises(BadInput, match="reason"):
        agree_calibration_case(store, who["lee"], "CAL-1", RUBRIC, no_reason)
    assert list_calibration_cases(store, who["lee"]) == []
    made = agree_calibration_case(store, who["lee"], "CAL-1", RUBRIC, _agreed())
    assert made.overall is Grade.REQUIRES_IMPROVEMENT
    with pytest.raises(Refused):
        list_calibration_cases(store, who["mia"])


def test_slipped_cases_look_ordinary_until_submitted_then_show_the_agreed_grades(store) -> None:  # type: ignore[no-untyped-def]
    who = _setup(store)
    ids = slip_calibration_cases(
        store, who["lee"], rate=1.0, per_manager=1, due=date(2030, 1, 31), programme="January"
    )
    assert len(ids) == 2  # one each for mia and max
    mine = [a for a in list_audits(store, who["mia"]) if a.id in ids]
    assert len(mine) == 1
    audit_id = mine[0].id
    before = get_audit(store, who["mia"], audit_id).model_dump_json()
    assert "calibration" not in before.lower() and "panel" not in before.lower()
    assert calibration_feedback(store, who["mia"], audit_id) == []
    assert calibration_feedback(store, who["lee"], audit_id) == []  # nothing until submitted

    _grade_and_submit(store, who["mia"], audit_id, Grade.GOOD)
    shown = calibration_feedback(store, who["mia"], audit_id)
    assert len(shown) == len(resolve_rubric(RUBRIC).criteria)
    assert all(row.manager_grade is Grade.GOOD for row in shown)
    assert {row.distance for row in shown} <= {1, 2}  # the panel graded worse: optimistic
    assert all(row.reason.startswith("the panel's reason") for row in shown)
    assert calibration_feedback(store, who["max"], audit_id) == []  # not max's audit


def test_a_manager_never_gets_the_same_calibration_case_twice(store) -> None:  # type: ignore[no-untyped-def]
    who = _setup(store)
    first = slip_calibration_cases(
        store, who["lee"], rate=1.0, per_manager=2, due=date(2030, 1, 31), programme="Jan"
    )
    again = slip_calibration_cases(
        store, who["lee"], rate=1.0, per_manager=2, due=date(2030, 2, 28), programme="Feb"
    )
    assert len(first) == 4 and again == []  # both cases already given to both managers


def test_calibration_assign_says_how_many_were_asked_for_and_why_fewer(store) -> None:  # type: ignore[no-untyped-def]
    """It once said only 'slipped 0 calibration audit(s) into managers' programmes'."""
    from click.testing import CliRunner

    from moderator.cli import cli

    _setup(store)
    args = ["calibration", "assign", "--rate", "1", "--per-manager", "3", "--db", str(store.path)]
    first = CliRunner().invoke(cli, [*args, "--due", "2030-01-31", "--as", "lee"])
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())
    assert said.startswith(
        "Slipped 4 calibration audits into managers' programmes"
        " (the rate asked for 6, across 2 managers); 2 manager(s) had already had"
        " the calibration cases there are (2)"
    ), said
    again = CliRunner().invoke(cli, [*args, "--due", "2030-02-28", "--as", "lee"])
    assert " ".join(again.output.split()).startswith(
        "Slipped 0 calibration audits into managers' programmes (the rate asked for 6"
    ), again.output


def test_calibration_summary_counts_match_what_was_graded(store) -> None:  # type: ignore[no-untyped-def]
    who = _setup(store)
    ids = slip_calibration_cases(
        store, who["lee"], rate=1.0, per_manager=1, due=date(2030, 1, 31), programme="January"
    )
    n_criteria = len(resolve_rubric(RUBRIC).criteria)
    for user in (who["mia"], who["max"]):
        audit_id = next(a.id for a in list_audits(store, user) if a.id in ids)
        _grade_and_submit(store, user, audit_id, Grade.GOOD)
    summary = calibration_summary(store)
    assert summary.overall.audits == 2 and summary.overall.n == 2 * n_criteria
    by = {s.key: s for s in summary.by_manager}
    assert set(by) == {"mia", "max"}
    for s in by.values():
        assert s.n == n_criteria and s.exact_agreement == 0.0
        assert s.mean_distance is not None and s.mean_distance > 0  # optimistic
        assert s.trend and s.trend[0].n == n_criteria


def test_the_leads_report_json_carries_calibration_and_a_managers_does_not(store) -> None:  # type: ignore[no-untyped-def]
    import json

    from click.testing import CliRunner

    from moderator.cli import cli

    who = _setup(store)
    ids = slip_calibration_cases(
        store, who["lee"], rate=1.0, per_manager=1, due=date(2030, 1, 31), programme="January"
    )
    audit_id = next(a.id for a in list_audits(store, who["mia"]) if a.id in ids)
    _grade_and_submit(store, who["mia"], audit_id, Grade.OUTSTANDING)
    assert store.path is not None

    def report(name: str) -> dict:  # type: ignore[type-arg]
        result = CliRunner().invoke(
            cli, ["report", "--db", str(store.path), "--as", name, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.output)  # type: ignore[no-any-return]

    lead = report("lee")["calibration"]
    mia = next(m for m in lead["by_manager"] if m["key"] == "mia")
    assert mia["audits"] == 1 and mia["mean_distance"] > 0
    assert "moderation_leniency" in mia
    assert report("mia")["calibration"] is None


def test_cli_programme_slips_calibration_in_and_audit_show_reveals_it_only_after_submission(
    store,  # type: ignore[no-untyped-def]
) -> None:
    import json

    from click.testing import CliRunner

    from moderator.cli import cli

    who = _setup(store)
    for n in range(4):
        add_case(store, f"LIVE-{n}")
    db = str(store.path)
    runner = CliRunner()
    done = runner.invoke(
        cli,
        ["audit", "programme", "--per-manager", "2", "--due", "2030-01-31", "--seed", "4",
         "--calibration-rate", "0.5", "--db", db, "--as", "lee"],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "calibration" in done.output
    listed = json.loads(
        runner.invoke(cli, ["audit", "list", "--format", "json", "--db", db, "--as", "mia"]).output
    )
    assert len(listed) == 3  # two live cases and one calibration case, alike
    calibration_ids = {r["audit_id"] for r in store.rows("SELECT audit_id FROM calibration_audits")}
    mine = [a for a in listed if a["id"] in calibration_ids]
    ordinary = [a for a in listed if a["id"] not in calibration_ids]
    assert len(mine) == 1 and ordinary
    assert set(mine[0]) == set(ordinary[0])  # the same fields, nothing extra

    def show(audit_id: int) -> dict:  # type: ignore[type-arg]
        out = runner.invoke(
            cli, ["audit", "show", str(audit_id), "--format", "json", "--db", db, "--as", "mia"]
        )
        assert out.exit_code == 0, out.output
        return json.loads(out.output)  # type: ignore[no-any-return]

    before = show(mine[0]["id"])
    assert before["calibration"] == [] == show(ordinary[0]["id"])["calibration"]
    _grade_and_submit(store, who["mia"], mine[0]["id"], Grade.GOOD)
    after = show(mine[0]["id"])
    assert len(after["calibration"]) == len(resolve_rubric(RUBRIC).criteria)
    text = runner.invoke(cli, ["audit", "show", str(mine[0]["id"]), "--db", db, "--as", "mia"])
    flat = " ".join(text.output.split())
    assert "calibration case" in flat and "agreed" in flat


def test_a_grades_file_names_every_problem_with_its_line_and_agrees_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from click.testing import CliRunner

    from moderator.cli import cli
    from moderator.store import open_store

    db = tmp_path / "m.db"
    with open_store(db) as s:
        people(s)
        add_case(s, "CAL-1")
    criteria = [c.id for c in resolve_rubric(RUBRIC).criteria]
    rows = [
        "criterion,grade,reason",
        f"{criteria[0]},Good,Seen within the week.",  # line 2: fine
        f"{criteria[1]},9,Seen alone.",  # line 3: a grade of 9
        "nosuch,Good,A criterion the rubric does not have.",  # line 4
        f"{criteria[2]},Inadequate,",  # line 5: no reason
        f"{criteria[0]},Good,Twice.",  # line 6: the same criterion again
    ]
    grades = tmp_path / "agreed.csv"
    grades.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with sqlite3.connect(db) as conn:
        events_before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    result = CliRunner().invoke(
        cli,
        [
            *("calibration", "agree", "CAL-1", "--rubric", RUBRIC, "--grades", str(grades)),
            *("--db", str(db), "--as", "lee"),
        ],
    )
    assert result.exit_code == 1, result.output
    out = result.output
    assert f"{grades}:3: grade: not a grade: '9'" in out
    assert f"{grades}:4: criterion: rubric {RUBRIC} has no criterion 'nosuch'" in out
    assert f"{grades}:5: reason: must not be empty" in out
    assert f"{grades}:6: criterion: {criteria[0]} again (first on line 2)" in out
    assert f"{grades}: criterion: no row for {', '.join(criteria[3:])}" in out
    assert f"{grades}:2:" not in out
    assert "no grades were agreed" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM calibration_cases").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before

    good = ["criterion,grade,reason", *(f"{c},RI,The panel's reason." for c in criteria)]
    grades.write_text("\n".join(good) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            *("calibration", "agree", "CAL-1", "--rubric", RUBRIC, "--grades", str(grades)),
            *("--db", str(db), "--as", "lee"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "agreed (Requires improvement" in result.output


def test_a_grades_file_without_its_columns_or_rows_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from moderator.services.calibration import read_agreed_grades

    no_header = tmp_path / "a.csv"
    no_header.write_text("criterion,mark\nrisk,Good\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_agreed_grades(no_header, RUBRIC)
    assert f"{no_header}:1: missing column(s) grade, reason" in str(caught.value)
    empty = tmp_path / "b.csv"
    empty.write_text("criterion,grade,reason\n", encoding="utf-8")
    with pytest.raises(BadInput, match="no grades in the file"):
        read_agreed_grades(empty, RUBRIC)


def test_the_report_says_how_many_calibration_audits_it_leaves_out(store) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from moderator.cli import cli

    who = _setup(store)
    ids = slip_calibration_cases(
        store, who["lee"], rate=1.0, per_manager=1, due=date(2030, 1, 31), programme="January"
    )
    audit_id = next(a.id for a in list_audits(store, who["mia"]) if a.id in ids)
    _grade_and_submit(store, who["mia"], audit_id, Grade.OUTSTANDING)
    assert store.path is not None

    def report(name: str, *more: str) -> str:
        result = CliRunner().invoke(
            cli, ["report", "--db", str(store.path), "--as", name, "--format", "md", *more]
        )
        assert result.exit_code == 0, result.output
        return result.output

    assert "0 submitted audits (1 calibration audit not counted)" in report("mia")
    assert "0 submitted audits (1 calibration audit not counted)" in report("lee")
    # max submitted none, and a lead's filters that leave it out say nothing of it
    assert "calibration audit" not in report("max")
    assert "calibration audit" not in report("lee", "--until", "2000-01-01")


def test_a_grades_file_with_a_bad_byte_names_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from moderator.services.calibration import read_agreed_grades

    latin1 = tmp_path / "agreed.csv"
    latin1.write_bytes(b"criterion,grade,reason\nrisk,Good,Seen at caf\xe9.\n")
    with pytest.raises(BadInput) as caught:
        read_agreed_grades(latin1, RUBRIC)
    assert str(caught.value).startswith(f"{latin1}:2: not UTF-8 text")
