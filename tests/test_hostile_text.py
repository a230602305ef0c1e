"""Text is text: hostile names and notes never reach a terminal or a spreadsheet as anything else.

Each test reproduces one failure found by trying the product as an adversary
would (escape sequences and Rich markup in a user's name, formulas in a
manager's name, control characters in an XLSX) and checks it no longer happens.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from moderator.cli import cli
from moderator.domain.grades import Grade
from moderator.domain.rubric_files import use_rubrics_dir
from moderator.domain.text import spreadsheet_text, strip_controls
from moderator.errors import BadInput
from moderator.services.audits import assign_audit, save_criterion, set_override
from moderator.services.moderation import (
    complete_review,
    record_review,
    save_moderation_grade,
    submit_moderation,
)
from moderator.services.sampling import draw_sample
from moderator.services.users import User, add_user, find_user
from moderator.store import Store, open_store
from moderator.store.db import now_iso
from tests.helpers import add_case, people
from tests.moderation_helpers import CRITERIA, dump, submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")

# Retitles the terminal (OSC 0 ... BEL) and, parsed as Rich markup, plants a live link.
HOSTILE = "M \x1b]0;PWNED\x07[link=https://evil.example]x[/link]"
SHOWN = "M ]0;PWNED[link=https://evil.example]x[/link]"  # what is printed instead
MARKUP = "Bad [/] name"  # a MarkupError when parsed as Rich markup
FORMULA = '=HYPERLINK("http://evil.example","click")'
BELL = "Ann\x07 Bell"  # openpyxl refuses it (IllegalCharacterError)


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps long names in narrow tables; a wide terminal keeps each whole to search."""
    monkeypatch.setenv("COLUMNS", "400")


def _older_user(store: Store, name: str, team: str | None, role: str = "manager") -> User:
    """A user as a database from before these checks may hold one (no check at the door)."""
    store.execute(
        "INSERT INTO users (name, role, team, created_at) VALUES (?, ?, ?, ?)",
        (name, role, team, now_iso()),
    )
    found = find_user(store, name)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """Managers with hostile names, each audit moderated and reviewed: (db, sample, moderation)."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    rubrics = Path(__file__).parent / "data" / "rubrics"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MODERATOR_RUBRICS", str(rubrics))
        use_rubrics_dir(rubrics)  # the core reads no environment: the faces pass the folder in
        with open_store(path) as store:
            u = people(store)
            managers = [
                _older_user(store, HOSTILE, f"Team {HOSTILE}"),
                _older_user(store, BELL, "Bell team"),
                add_user(store, "lee", MARKUP, "manager", team="Team [bold]x"),
                add_user(store, "lee", FORMULA, "manager", team="-Team"),
            ]
            for i, manager in enumerate(managers):
                submitted_audit(store, u["lee"], manager, f"C-{i}", team=manager.team)
            mod = _older_user(store, f"Mod {HOSTILE}", None, "moderator")
            sample = draw_sample(store, u["lee"], rate=1, seed=1, moderator=mod.name)
            assert sample.id is not None
            moderation_ids = [item.moderation_id for item in sample.items]
            for mid in moderation_ids:
                assert mid is not None
                for criterion in CRITERIA:
                    grade = Grade.INADEQUATE if criterion == "risk" else Grade.GOOD
                    save_moderation_grade(store, mod, mid, criterion, grade=grade, note="ok")
                submit_moderation(store, mod, mid)
                record_review(store, u["lee"], mid, "risk", Grade.INADEQUATE, "Not acted on")
                complete_review(store, u["lee"], mid)
    assert moderation_ids[0] is not None
    return path, sample.id, moderation_ids[0]


def run(*args: object, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, (args, result.output)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(
    "command",
    [
        ["user", "list"],
        ["audit", "list"],
        ["report"],
        ["sample", "--show", "{sample}"],
        ["moderation", "list"],
        ["moderation", "review", "{moderation}"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_hostile_names_print_as_text_not_as_terminal_codes_or_markup(
    hostile_db: tuple[Path, int, int], command: list[str]
) -> None:
    db, sample, moderation = hostile_db
    args = [a.format(sample=sample, moderation=moderation) for a in command]
    out = run(*args, "--db", db, "--as", "lee").output
    assert "\x1b" not in out and "\x07" not in out  # nothing for the terminal to obey
    assert SHOWN in out  # the markup is shown as the characters typed, not a link
    if command[0] in ("user", "audit", "sample"):
        assert "Team [bold]x" in out
    if command[0] in ("user", "audit", "report", "sample"):
        assert MARKUP in out


def test_adding_a_user_with_control_characters_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "m.db"
    run("user", "add", "lee", "--role", "lead", "--db", db)
    with open_store(db) as store:
        before = dump(store)
    result = run("user", "add", HOSTILE, "--role", "manager", "--db", db, "--as", "lee", code=1)
    assert "user name" in result.stderr and "U+001B (ESC)" in result.stderr
    assert "\x1b" not in result.stderr
    with open_store(db) as store:
        assert dump(store) == before
    # Rich markup is text, so a name like this is allowed and listed as typed.
    run("user", "add", MARKUP, "--role", "manager", "--db", db, "--as", "lee")
    assert MARKUP in run("user", "list", "--db", db).output


def test_notes_reasons_and_rationales_with_control_characters_are_refused(store: Store) -> None:
    u = people(store)
    add_case(store, "C-9", team="Safeguarding North")
    audit_id = assign_audit(store, u["lee"], "C-9", "mia", "mini", None)
    ann = u["mia"]
    before = dump(store)
    with pytest.raises(BadInput, match=r"evidence note: .*U\+001B"):
        save_criterion(store, ann, audit_id, "risk", grade=Grade.GOOD, note="seen \x1b[2J")
    with pytest.raises(BadInput, match=r"reason: .*U\+0000"):
        set_override(store, ann, audit_id, Grade.GOOD, "because\x00")
    assert dump(store) == before
    # A note's own line breaks and tabs are text.
    save_criterion(store, ann, audit_id, "risk", grade=Grade.GOOD, note="seen\r\n\talone")


def test_xlsx_report_with_control_characters_and_formulas_opens_as_text(
    hostile_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, _, _ = hostile_db
    out = tmp_path / "report.xlsx"
    result = run("report", "--format", "xlsx", "--out", out, "--db", db, "--as", "lee")
    assert "Wrote" in result.stderr
    book = load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert "'" + FORMULA in texts and "Ann Bell" in texts
    assert not [c for c in cells if c.data_type == "f"]  # no formula anywhere
    assert all(c.data_type == "s" for c in cells if c.value == "'" + FORMULA)
    # Numbers stay numbers, negative ones included.
    numbers = [c.value for c in cells if isinstance(c.value, int | float)]
    assert numbers and any(v < 0 for v in numbers)


def test_csv_exports_prefix_formulas_and_keep_numbers(
    hostile_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, _, _ = hostile_db
    out = tmp_path / "pairs.csv"
    run("report", "--format", "csv", "--out", out, "--db", db, "--as", "lee")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    managers = {r["manager"] for r in rows}
    assert "'" + FORMULA in managers and FORMULA not in managers
    assert {r["team"] for r in rows} >= {"'-Team"}
    assert all(r["audit_id"].isdigit() for r in rows)
    exported = run("moderation", "export", "--db", db, "--as", "lee").output
    exported_rows = list(csv.DictReader(io.StringIO(exported)))
    assert "'" + FORMULA in {r["manager"] for r in exported_rows}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 1782", "'+44 1782"),
        ("-0.5", "'-0.5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\r=1", "'=1"),
        ("\x00=cmd", "'=cmd"),
        ("Good", "Good"),
    ],
)
def test_spreadsheet_text_follows_the_owasp_rule(value: str, expected: str) -> None:
    assert spreadsheet_text(value) == expected


def test_strip_controls_keeps_text_and_removes_codes() -> None:
    assert strip_controls("a\r\nb\tc\x1b[31m\x9b\x7f") == "a\nb\tc[31m"
    assert strip_controls("a\nb\tc", multiline=False) == "a b c"


def test_strip_controls_removes_bidi_overrides_and_zero_width_spaces_not_joiners() -> None:
    assert strip_controls("Team\u202eX\u2066y\u2069\u200b\ufeff") == "TeamXy"
    assert strip_controls(
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f467"
    ) == ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f467")


def test_an_imported_team_loses_its_override_and_an_invisible_one_is_refused(
    tmp_path: Path,
) -> None:
    # A team "Team\u202eX" was stored as typed and printed reversed in every list and
    # report; a team of one zero-width space passed for a team.
    import json

    def case(case_id: str, team: str) -> str:
        row = {
            "case_id": case_id,
            "team": team,
            "service_area": "help_and_protection",
            "opened": "2019-04-02",
            "child": {"name": "Kayden Smith"},
            "text": "Kayden was seen at home.",
        }
        return json.dumps(row) + "\n"

    db, key = tmp_path / "m.db", tmp_path / "k.key"
    good = tmp_path / "good.jsonl"
    good.write_text(case("H-1", "Team\u202eNorth"), encoding="utf-8")
    run("import", "cases", good, "--db", db, "--key-file", key)
    with open_store(db) as store:
        assert [r["team"] for r in store.rows("SELECT team FROM cases")] == ["TeamNorth"]
        before = dump(store)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(case("H-2", "North") + case("H-3", "\u200b\u202e"), encoding="utf-8")
    result = run("import", "cases", bad, "--db", db, "--key-file", key, code=1)
    assert f"{bad}:2: team: must not be empty" in result.stderr
    with open_store(db) as store:
        assert dump(store) == before


def test_a_csv_quote_never_closed_is_refused_with_its_line(tmp_path: Path) -> None:
    from moderator.anonymise.records import read_cases as _read

    path = tmp_path / "u.csv"
    path.write_text(
        "case_id,team,service_area,opened,child_name,text\n"
        "H-1,T,help_and_protection,2019-04-02,K S,fine\n"
        'H-2,T,help_and_protection,2019-04-02,K S,"never closed\nmore\nmore\n',
        encoding="utf-8",
    )
    with pytest.raises(BadInput) as err:
        _read(path)
    assert f"{path}:3: a quote opened on this line is never closed" in str(err.value)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "31/12/2200"])
def test_a_case_dated_in_no_plausible_year_is_refused(tmp_path: Path, day: str) -> None:
    from moderator.anonymise.records import read_cases as _read

    path = tmp_path / "c.csv"
    path.write_text(
        "case_id,team,service_area,opened,child_name,text\n"
        f"H-1,T,help_and_protection,{day},K S,fine\n",
        encoding="utf-8",
    )
    with pytest.raises(BadInput) as err:
        _read(path)
    assert f'opened: not a plausible date: "{day}"' in str(err.value)
