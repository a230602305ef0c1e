"""The audit CLI as a script would use it: exit codes 0/1/2/3 and JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.store import open_store
from tests.helpers import add_case, people

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    with open_store(path) as s:
        people(s)
        add_case(s, "C-1")
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_grade_and_submit_from_the_command_line(db: Path) -> None:
    d = str(db)
    code, out = run(
        "audit",
        "assign",
        "C-1",
        "--to",
        "mia",
        "--rubric",
        "mini",
        "--due",
        "2020-02-01",
        "--db",
        d,
        "--as",
        "lee",
    )
    assert code == 0, out
    code, out = run("audit", "list", "--db", d, "--as", "mia", "--format", "json")
    [audit] = json.loads(out)
    assert audit["status"] == "todo" and audit["total"] == 3
    aid = str(audit["id"])
    for crit, grade in (("risk", "Inadequate"), ("seen", "good"), ("plan", "2")):
        code, out = run(
            "audit", "grade", aid, crit, grade, "--note", "evidence seen", "--db", d, "--as", "mia"
        )
        assert code == 0, out
    assert "limited by Risk identified and acted on" in out
    code, out = run("audit", "submit", aid, "--db", d, "--as", "mia")
    assert code == 0 and "Inadequate" in out
    code, out = run("audit", "grade", aid, "risk", "Good", "--note", "x", "--db", d, "--as", "mia")
    assert code == 3 and "read-only" in out
    code, out = run("audit", "show", aid, "--db", d, "--as", "lee", "--format", "json")
    shown = json.loads(out)
    assert shown["summary"]["overall"] == "Inadequate"
    assert shown["summary"]["service_area"] == "help_and_protection"  # scripts keep the code
    code, out = run("audit", "show", aid, "--db", d, "--as", "lee")
    words = " ".join(out.split())  # as read, whatever the terminal's width
    assert code == 0 and "Help and protection" in words and "help_and_protection" not in words


def test_exit_codes(db: Path) -> None:
    d = str(db)
    code, out = run(
        "audit",
        "assign",
        "C-1",
        "--to",
        "mia",
        "--rubric",
        "mini",
        "--due",
        "2020-02-01",
        "--db",
        d,
        "--as",
        "mia",
    )
    assert code == 3  # refused by role
    code, _ = run("audit", "list", "--db", d)  # who is working?
    assert code == 2
    code, out = run("audit", "grade", "1", "risk", "excellent", "--db", d, "--as", "mia")
    assert code == 1 and "not a grade" in out
    code, _ = run("audit", "list", "--bogus")
    assert code == 2


def test_environment_supplies_db_and_user(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODERATOR_DB", str(db))
    monkeypatch.setenv("MODERATOR_USER", "lee")
    code, out = run("audit", "list", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_a_long_list_reads_a_page_at_a_time(db: Path) -> None:
    """--limit/--offset page through the same list, in the same order, and say where more is."""
    with open_store(db) as s:
        for i in range(2, 8):
            add_case(s, f"C-{i}")
    d = str(db)
    for case in [f"C-{i}" for i in range(1, 8)]:
        code, out = run(
            "audit", "assign", case, "--to", "mia", "--rubric", "mini", "--due", "2020-02-01",
            "--db", d, "--as", "lee",
        )  # fmt: skip
        assert code == 0, out
    code, out = run("audit", "list", "--db", d, "--as", "lee", "--format", "json")
    everything = [a["case_ref"] for a in json.loads(out)]
    assert len(everything) == 7
    pages = []
    for offset in (0, 3, 6):
        code, out = run(
            "audit", "list", "--db", d, "--as", "lee", "--format", "json",
            "--limit", "3", "--offset", str(offset),
        )  # fmt: skip
        assert code == 0, out
        pages += [a["case_ref"] for a in json.loads(out)]
    assert pages == everything
    code, out = run("audit", "list", "--db", d, "--as", "lee", "--limit", "3")
    assert code == 0 and "more with --offset 3" in out
    code, out = run("audit", "list", "--db", d, "--as", "lee", "--limit", "0")
    assert code == 2 and "--limit" in out


def test_submit_with_expect_version_is_refused_when_the_audit_changed_since_it_was_read(
    db: Path,
) -> None:
    """``audit show`` gives the version; ``submit --expect-version`` submits only if the audit
    is still at it (another window or script changed it meanwhile: nothing written)."""
    d = str(db)
    code, out = run(
        "audit",
        "assign",
        "C-1",
        "--to",
        "mia",
        "--rubric",
        "mini",
        "--due",
        "2020-02-01",
        "--db",
        d,
        "--as",
        "lee",
    )
    assert code == 0, out
    code, out = run("audit", "list", "--db", d, "--as", "mia", "--format", "json")
    aid = str(json.loads(out)[0]["id"])
    for crit in ("risk", "seen", "plan"):
        code, out = run(
            "audit", "grade", aid, crit, "Good", "--note", "x", "--db", d, "--as", "mia"
        )
        assert code == 0, out
    code, out = run("audit", "show", aid, "--db", d, "--as", "mia", "--format", "json")
    read = json.loads(out)["version"]
    code, out = run("audit", "show", aid, "--db", d, "--as", "mia")
    assert f"--expect-version {read}" in " ".join(out.split())
    code, out = run("audit", "grade", aid, "risk", "Inadequate", "--db", d, "--as", "mia")
    assert code == 0, out  # the change made elsewhere
    code, out = run("audit", "submit", aid, "--expect-version", str(read), "--db", d, "--as", "mia")
    assert code == 3 and "changed elsewhere" in out
    code, out = run("audit", "show", aid, "--db", d, "--as", "mia", "--format", "json")
    shown = json.loads(out)
    assert shown["summary"]["status"] == "draft"
    code, out = run(
        "audit", "submit", aid, "--expect-version", str(shown["version"]), "--db", d, "--as", "mia"
    )
    assert code == 0 and "Inadequate" in out, out


def test_audit_grade_and_override_with_expect_version_are_refused_once_it_changed(
    db: Path,
) -> None:
    """``audit submit`` had ``--expect-version``; ``grade`` and ``override`` had not, so a
    script overwrote a grade changed elsewhere since it read the audit. Now: refused, exit 3,
    the same message, nothing written; at the version shown now, saved."""
    d = str(db)
    args = ("--to", "mia", "--rubric", "mini", "--due", "2020-02-01", "--db", d, "--as", "lee")
    assert run("audit", "assign", "C-1", *args)[0] == 0
    aid = str(
        json.loads(run("audit", "list", "--db", d, "--as", "mia", "--format", "json")[1])[0]["id"]
    )
    me = ("--db", d, "--as", "mia")
    assert run("audit", "grade", aid, "risk", "Good", "--note", "first", *me)[0] == 0
    read = str(json.loads(run("audit", "show", aid, "--format", "json", *me)[1])["version"])
    assert run("audit", "grade", aid, "seen", "RI", *me)[0] == 0  # the change made elsewhere
    for stale in (
        ("audit", "grade", aid, "risk", "Inadequate", "--note", "stale"),
        ("audit", "override", aid, "Good", "--reason", "Seen the plan on file"),
    ):
        code, out = run(*stale, "--expect-version", read, *me)
        assert code == 3 and "changed elsewhere" in out and "nothing was saved" in out, out
    shown = json.loads(run("audit", "show", aid, "--format", "json", *me)[1])
    risk = next(e for e in shown["entries"] if e["criterion"] == "risk")
    assert (risk["note"], shown["overall"]["override"]) == ("first", None)
    now = ("--expect-version", str(shown["version"]))
    code, out = run("audit", "grade", aid, "risk", "Inadequate", "--note", "again", *now, *me)
    assert code == 0 and "Inadequate" in out, out


def test_a_script_can_chain_grades_by_the_version_each_prints_and_is_told_what_to_do_when_refused(
    db: Path,
) -> None:
    """A new user's walk: ``audit grade`` printed no version, so a script had to ``show`` again
    before each ``--expect-version``; refused, it was not told where the current version is.
    ``show`` listed criterion titles while ``grade`` takes ids; an incomplete ``submit`` listed
    titles too. Now each names the ids, and says what to run next."""
    d = str(db)
    args = ("--to", "mia", "--rubric", "mini", "--due", "2020-02-01", "--db", d, "--as", "lee")
    assert run("audit", "assign", "C-1", *args)[0] == 0
    aid = str(
        json.loads(run("audit", "list", "--db", d, "--as", "mia", "--format", "json")[1])[0]["id"]
    )
    me = ("--db", d, "--as", "mia")
    code, out = run("audit", "show", aid, *me)
    assert code == 0 and "Risk identified and" in out
    for crit in ("risk", "seen", "plan"):  # each id under its title
        assert any(line.split("│")[1].strip() == crit for line in out.splitlines() if "│" in line)
    shown = json.loads(run("audit", "show", aid, "--format", "json", *me)[1])
    assert {e["criterion"]: e["title"] for e in shown["entries"]}["risk"] == (
        "Risk identified and acted on"
    )
    code, out = run("audit", "submit", aid, *me)
    assert code == 1, out
    assert "risk (Risk identified and acted on): not graded" in out
    assert f"next: moderator audit grade {aid} CRITERION GRADE --note TEXT" in out
    version = shown["version"]
    code, out = run("audit", "grade", aid, "risk", "Good", "--note", "n", "--expect-version",
                    str(version), *me)  # fmt: skip
    assert code == 0, out
    version = int(out.split("saved (version ")[1].split(")")[0])
    code, out = run("audit", "override", aid, "RI", "--reason", "Plan not yet on file",
                    "--expect-version", str(version), *me)  # fmt: skip
    assert code == 0 and "saved (version " in out, out
    code, out = run("audit", "grade", aid, "seen", "Good", "--expect-version", str(version), *me)
    assert code == 3, out
    assert f"run `moderator audit show {aid}` for its current version" in out
