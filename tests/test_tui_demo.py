"""What a new user tries in ``moderator demo`` works end to end: assigning a programme, and
work done in the demo lands at the end of its story (the demo's own clock)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.demo import build_demo_db
from moderator.services.audits import list_audits
from moderator.services.users import get_user
from moderator.store import Store, open_store
from moderator.store.db import now_iso
from moderator.tui.app import ModeratorApp, create_app
from moderator.tui.screens.listing import ListScreen
from tests.test_tui_layout import (
    LEAD,
    open_lead_home,
    open_trend_by_month,
    table_rows,
    until,
)

pytest.importorskip("moderator.anonymise.pipeline")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    build_demo_db(path, key_path=folder / "demo.key")
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo each test may change."""
    path = tmp_path / "demo.db"
    path.write_bytes(demo_template.read_bytes())
    return path


def demo_app(db: Path, user: str) -> ModeratorApp:
    """The workbench as ``moderator demo`` opens it."""
    return create_app(db, user, cursor_blink=False, demo=True)


def audit_count(db: Path) -> int:
    with open_store(db) as store:
        return int(store.scalar("SELECT count(*) FROM audits"))


async def test_the_lead_assigns_in_the_demo_and_a_manager_finds_the_new_audit(
    demo_db: Path,
) -> None:
    before = audit_count(demo_db)
    async with demo_app(demo_db, LEAD).run_test(size=(120, 40)) as pilot:
        await open_lead_home(pilot)
        await pilot.press("a")  # the programme dialog, with its defaults
        await until(pilot, lambda: pilot.app.screen.query("#per-manager"), "no programme dialog")
        await pilot.press("ctrl+s")

        def notes() -> list[str]:
            return [str(n.message) for n in pilot.app._notifications]

        await until(
            pilot,
            lambda: any(m.startswith(("Assigned ", "No unaudited")) for m in notes()),
            "the lead was not told what was assigned",
        )
        assert not any("No unaudited cases" in m for m in notes()), notes()
        assert audit_count(demo_db) > before
        # fewer than every manager's share: the lead is told why, and who got none
        added = audit_count(demo_db) - before
        said = next(m for m in notes() if m.startswith("Assigned "))
        assert said.startswith(
            f"Assigned {added} audits, due 2021-01-31; only {added} unaudited cases were left, so "
        ), said
        assert "managers got none" in said or "fewer than" in said, said

    with open_store(demo_db) as store:
        new = store.rows(
            "SELECT a.id, a.assigned_at, a.due, c.case_ref, u.name FROM audits a JOIN cases c ON c.id = a.case_id"
            " JOIN users u ON u.id = a.manager_id WHERE a.id > (SELECT max(id) FROM audits) - ?"
            " ORDER BY a.id",
            [audit_count(demo_db) - before],
        )
        assert 3 <= len(new) <= 6
        # assigned on the demo's own day, due at the end of the month after it
        assert {(a["assigned_at"][:7], a["due"]) for a in new} == {("2020-12", "2021-01-31")}
        manager, case_ref = new[0]["name"], new[0]["case_ref"]
        assert any(a.id == new[0]["id"] for a in list_audits(store, get_user(store, manager)))

    async with demo_app(demo_db, manager).run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
        await until(
            pilot,
            lambda: any(
                case_ref in row for row in table_rows(pilot.app.screen.query_one("#audits"))
            ),
            f"{manager}'s My audits does not list {case_ref}",
        )


def test_the_command_line_programme_explains_a_shortfall_as_the_workbench_does(
    demo_db: Path,
) -> None:
    """``moderator audit programme`` once said only "assigned 5 audit(s), due …", with no
    word on why most managers got none; it now says what the workbench's Assign says."""
    before = audit_count(demo_db)
    args = ["audit", "programme", "--per-manager", "3", "--due", "2021-01-31", "--seed", "1"]
    result = CliRunner().invoke(cli, [*args, "--db", str(demo_db), "--as", LEAD])
    assert result.exit_code == 0, result.output
    added = audit_count(demo_db) - before
    said = " ".join(result.output.split())
    assert said.startswith(
        f"Assigned {added} audits, due 2021-01-31; only {added} unaudited cases were left, so "
    ), said
    assert "managers got none" in said or "fewer than" in said, said


# -- the demo's own clock --------------------------------------------------------------------
def submit_naomis_draft(store: Store) -> str:
    """Naomi finishes and submits her draft through the store the workbench writes with."""
    from moderator.domain.grades import Grade
    from moderator.services.audits import get_audit, save_criterion, submit_audit

    naomi = get_user(store, "Naomi Okonkwo")
    draft = next(a for a in list_audits(store, naomi) if a.status == "draft")
    for entry in get_audit(store, naomi, draft.id).entries:
        save_criterion(store, naomi, draft.id, entry.criterion, grade=Grade.GOOD, note="On file.")
    submit_audit(store, naomi, draft.id)
    return str(store.scalar("SELECT submitted_at FROM audits WHERE id = ?", [draft.id]))


async def test_work_done_in_the_demo_ends_its_story_instead_of_leaving_a_gap(
    demo_db: Path,
) -> None:
    async with demo_app(demo_db, "Naomi Okonkwo").run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
        store = pilot.app.store
        assert store is not None
        last_before = str(store.scalar("SELECT max(at) FROM events"))
        submitted = submit_naomis_draft(store)
    # Stamped just after the demo's last activity (December 2020), not today's date.
    assert last_before < submitted < "2020-12-15", submitted
    with open_store(demo_db) as store:
        stamps = [e["at"] for e in store.events()]
    assert stamps == sorted(stamps)  # the log stays in time order

    async with demo_app(demo_db, LEAD).run_test(size=(160, 48)) as pilot:
        dash = await open_trend_by_month(pilot)
        assert dash.report is not None
        assert dash.report.by_period[-1].key == "2020-12"
        labels = str(dash.query_one("#trend-chart").render()).splitlines()[-3].split()
        assert not any(label.startswith("⋯") for label in labels), labels  # no empty years

    result = CliRunner().invoke(cli, ["verify", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output


def test_a_real_database_keeps_the_real_clock(demo_db: Path) -> None:
    """Only the workbench reads the demo's clock: a store opened plainly (as the command
    line's verbs open it) keeps the real one."""
    with open_store(demo_db) as store:
        submitted = submit_naomis_draft(store)
    assert submitted[:4] == now_iso()[:4]


async def test_a_demo_built_to_a_file_keeps_its_own_clock_when_opened_later(
    tmp_path: Path,
) -> None:
    """``moderator demo --build-only demo.db``, then ``moderator --db demo.db``: the file says
    it is the demo, so work done in it later ends its story (December 2020), as in
    ``moderator demo``, instead of being stamped with today's date."""
    path = tmp_path / "built.db"
    result = CliRunner().invoke(cli, ["demo", "--build-only", str(path)])
    assert result.exit_code == 0, result.output
    with open_store(path) as store:
        last = str(store.scalar("SELECT max(at) FROM events"))
    assert last[:10] == "2020-12-14"
    app = create_app(path, "Naomi Okonkwo", cursor_blink=False)  # as `moderator --db` opens it
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
        store = pilot.app.store
        assert store is not None
        from moderator.domain.grades import Grade
        from moderator.services.audits import get_audit, save_criterion

        naomi = get_user(store, "Naomi Okonkwo")
        draft = next(a for a in list_audits(store, naomi) if a.status == "draft")
        entry = get_audit(store, naomi, draft.id).entries[0]
        save_criterion(store, naomi, draft.id, entry.criterion, grade=Grade.GOOD, note="On file.")
        assert app.today().isoformat() == "2020-12-14"  # overdue as of the demo's day
    with open_store(path) as store:
        graded = store.row("SELECT at FROM events ORDER BY id DESC LIMIT 1")
    assert graded is not None
    assert last < graded["at"] < "2020-12-15", graded  # the demo's day, not today's date


def test_the_command_line_writes_to_the_demo_on_its_clock(demo_db: Path, tmp_path: Path) -> None:
    """``moderator audit grade --db demo.db`` once stamped today's date into the demo, while
    the workbench on the same file stamps the demo's own day (14 Dec 2020)."""
    real = tmp_path / "real.db"  # the same data in a file that is no demo: today's date
    real.write_bytes(demo_db.read_bytes())
    with open_store(real) as store, store.transaction() as conn:
        conn.execute("DELETE FROM about WHERE name = 'demo'")

    def grade(db: Path) -> str:
        with open_store(db) as store:
            naomi = get_user(store, "Naomi Okonkwo")
            draft = next(a for a in list_audits(store, naomi) if a.status == "draft")
            from moderator.services.audits import get_audit

            criterion = get_audit(store, naomi, draft.id).entries[0].criterion
        args = ["audit", "grade", str(draft.id), str(criterion), "Good", "--note", "On file."]
        result = CliRunner().invoke(cli, [*args, "--db", str(db), "--as", "Naomi Okonkwo"])
        assert result.exit_code == 0, result.output
        with open_store(db) as store:
            return str(store.scalar("SELECT at FROM events ORDER BY id DESC LIMIT 1"))

    assert grade(demo_db)[:10] == "2020-12-14"
    assert grade(real)[:10] == now_iso()[:10]


# -- the demo writes nothing outside its own folder ------------------------------------------
async def test_an_import_in_the_demo_keeps_its_key_and_decisions_in_the_demo_folder(
    demo_db: Path, isolated_environment: Path
) -> None:
    """The lead's import screen (ctrl+o) in the demo once created the user's own
    ``pseudonym.key`` and its decisions file in ~/.config, which outlived the demo."""
    import json

    from tests.test_anonymise_review import CASE
    from tests.test_tui_import import SECOND, _until

    config = isolated_environment / "config"
    cases = demo_db.parent / "cases.jsonl"
    cases.write_text(json.dumps(CASE) + "\n" + json.dumps(SECOND) + "\n", encoding="utf-8")
    async with demo_app(demo_db, LEAD).run_test(size=(120, 40)) as pilot:
        await open_lead_home(pilot)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: pilot.app.screen.query("#import-file"), "no import screen")
        await pilot.click("#import-file")
        await pilot.press(*str(cases), "enter")
        await _until(pilot, "Doubt 1 of")
        await pilot.press("k")
        await _until(pilot, "All doubts seen")
        await pilot.press("i")
        await _until(pilot, "Imported 2 case(s)")
    written = [p for p in config.rglob("*") if p.is_file()] if config.exists() else []
    assert written == [], written
    assert (demo_db.parent / "demo-pseudonym.key").is_file()
    assert (demo_db.parent / "demo-pseudonym.key.decisions.json").is_file()


def test_a_report_on_the_demo_copy_is_dated_by_the_demo_clock(
    demo_db: Path, tmp_path: Path
) -> None:
    """``moderator report --db`` on the running demo's copy once said "generated <today>"
    while the workbench's export of the same copy was named drift-report-2020-12-14."""
    from moderator.demo import DEMO_FOLDER_PREFIX, OWNER_FILE

    folder = tmp_path / f"{DEMO_FOLDER_PREFIX}x"
    folder.mkdir()
    (folder / OWNER_FILE).write_text("1\n", encoding="ascii")
    copy = folder / "demo.db"
    copy.write_bytes(demo_db.read_bytes())
    args = ["report", "--format", "md", "--as", LEAD]
    result = CliRunner().invoke(cli, [*args, "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "generated 2020-12-14" in " ".join(result.output.split())
    real = tmp_path / "real.db"  # the same data in a file that is no demo: today's date
    real.write_bytes(demo_db.read_bytes())
    with open_store(real) as store, store.transaction() as conn:
        conn.execute("DELETE FROM about WHERE name = 'demo'")
    plain = CliRunner().invoke(cli, [*args, "--db", str(real)])
    assert f"generated {now_iso()[:10]}" in " ".join(plain.output.split())


async def test_the_workbench_export_of_the_demo_is_dated_by_the_demo_clock(
    demo_db: Path, tmp_path: Path
) -> None:
    """The lead's export (dashboard, e) on the demo was named drift-report-2020-12-14 but said
    "generated <today>" inside: the dashboard built its report on the real clock."""
    from textual.widgets import Input

    from tests.test_tui_layout import open_dashboard

    out = tmp_path / "drift.html"
    async with demo_app(demo_db, LEAD).run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("e")
        await until(pilot, lambda: pilot.app.screen.query("#export-path"), "no export dialog")
        path_input = pilot.app.screen.query_one("#export-path", Input)
        assert path_input.value.endswith("drift-report-2020-12-14.html")
        path_input.value = str(out)
        await pilot.press("ctrl+s")
        await until(pilot, out.exists, "the report was not written")
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "generated 2020-12-14" in text, text[:2000]


def test_a_managers_report_says_it_covers_her_audits_only(demo_db: Path) -> None:
    """A manager's report once bore the authority's title though it covers only her audits."""
    args = ["report", "--db", str(demo_db), "--format", "md"]
    mine = CliRunner().invoke(cli, [*args, "--as", "Naomi Okonkwo"])
    assert mine.exit_code == 0, mine.output
    first = mine.output.splitlines()[0]
    assert first == "# Westmere City Council: grade drift — Naomi Okonkwo's audits only", first
    lead = CliRunner().invoke(cli, [*args, "--as", LEAD])
    assert lead.output.splitlines()[0] == "# Westmere City Council: grade drift"


# -- the examples in --help work as written on the demo copy -------------------------------
HELPED = [
    ["import", "cases"],
    ["report"],
    ["verify"],
    ["calibration"],
    ["calibration", "agree"],
    ["calibration", "assign"],
    ["calibration", "list"],
    ["audit", "grade"],
    ["audit", "override"],
    ["moderation", "grade"],
    ["moderation", "override"],
]


def help_examples(words: list[str]) -> list[list[str]]:
    """The commands an ``Examples`` section of ``moderator WORDS --help`` shows."""
    import shlex

    shown = CliRunner().invoke(cli, [*words, "--help"])
    assert shown.exit_code == 0, shown.output
    after = shown.output.split("Examples", 1)[1].split("Options:", 1)[0]
    found = [
        shlex.split(line)[1:]
        for line in after.splitlines()
        if line.strip().startswith("moderator ")
    ]
    assert found, f"no examples in {' '.join(words)} --help"
    return found


@pytest.mark.parametrize("words", HELPED, ids=" ".join)
def test_every_help_example_parses(words: list[str]) -> None:
    for example in help_examples(words):
        assert example[: len(words)] == words, example
        result = CliRunner().invoke(cli, [*example, "--help"])
        assert result.exit_code == 0, (example, result.output)


def test_the_help_examples_run_as_written_on_the_demo_copy(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo_db.parent)
    runnable = [
        e
        for words in (
            ["report"],
            ["verify"],
            ["calibration", "list"],
            ["calibration", "assign"],
            ["audit", "grade"],
            ["audit", "override"],
            ["moderation", "grade"],
            ["moderation", "override"],
        )
        for e in help_examples(words)
    ]
    for example in runnable:
        result = CliRunner().invoke(cli, example)
        assert result.exit_code == 0, (example, result.output)
