"""What a new user found cut short or missing on the workbench: help, lists, dialogs, picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from moderator.tui.screens.help import HelpScreen
from moderator.tui.screens.picker import PickerScreen
from tests import test_tui_layout as layout
from tests.test_tui_grading import make_app, wait_for_screen
from tests.test_tui_keys import until

demo_db = layout.demo_db


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


def table_text(table: DataTable[str]) -> list[str]:
    """Every line the table draws, scrolled into view or not."""
    return [line.text for line in (table.render_line(y) for y in range(table.size.height))]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
@pytest.mark.parametrize("user", ["lee", "mia", "oli", None])
async def test_help_shows_every_description_whole(
    db: Path, user: str | None, size: tuple[int, int]
) -> None:
    """At 80 and 100 columns help cut descriptions mid-word ("saved and logged like any
    chang"). Each now wraps onto the lines it needs, every word of it in view."""
    async with make_app(db, user).run_test(size=size) as pilot:
        if user is None:
            await wait_for_screen(pilot, PickerScreen)
        else:
            await until(pilot, lambda: not isinstance(pilot.app.screen, PickerScreen), "no home")
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        tables = list(pilot.app.screen.query(DataTable))
        assert tables
        await until(
            pilot,
            lambda: all(t.size.height >= t.virtual_size.height > 0 for t in tables),
            f"help tables cut off at the bottom {[(t.size, t.virtual_size) for t in tables]}",
        )
        for table in tables:
            assert table.virtual_size.width <= table.size.width, "help runs off to the right"
            drawn = " ".join(" ".join(table_text(table)).split())
            for i in range(table.row_count):
                description = str(table.get_row_at(i)[1])
                assert " ".join(description.split()) in drawn, (description, drawn)


async def test_the_samples_figures_are_whole_at_80x24(demo_db: Path) -> None:
    """At 80x24 the newest sample's moderations read "3 unclaimed…" and For "any mod…":
    a figure was cut. Who drew it, its seed and rate (all in the heading below) give way."""
    from moderator.tui.screens.samples import STATE_WORDS, SamplesScreen

    async with layout.make_app(demo_db, layout.LEAD).run_test(size=(80, 24)) as pilot:
        await layout.open_samples(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SamplesScreen)
        states = [
            ", ".join(f"{n} {STATE_WORDS[k]}" for k, n in s.counts().items() if n)
            for s in screen.samples
        ]
        assert len(states[0]) > 30, states
        lines = layout.table_lines(pilot, "Moderations", len(states))
        assert lines, layout.screen_text(pilot)
        for whole, line in zip(states, lines, strict=False):
            assert line.rstrip().endswith(whole), line
            assert "…" not in line, line
        heading = layout.screen_text(pilot)
        assert "drawn by Kenneth Obi" in heading and "seed" in heading, heading


async def test_a_sample_in_four_states_shows_its_figures_whole_at_80x24(
    demo_db: Path, tmp_path: Path
) -> None:
    """With an audit claimed besides those unclaimed, in draft and submitted, the newest
    sample's moderations read "2 unclaimed, 1 claimed, 4 in draft, 2…" at 80x24: the date
    drawn (in the heading below too) now gives way instead."""
    from moderator.services.blind_grading import claim_moderation, moderation_queue
    from moderator.services.users import get_user
    from moderator.store import open_store
    from moderator.tui.screens.samples import STATE_WORDS, SamplesScreen

    db = tmp_path / "four.db"
    db.write_bytes(demo_db.read_bytes())
    with open_store(db) as store:
        eleanor = get_user(store, "Eleanor Rowbotham")
        unclaimed = next(m for m in moderation_queue(store, eleanor) if m.moderator is None)
        claim_moderation(store, eleanor, unclaimed.id)
    async with layout.make_app(db, layout.LEAD).run_test(size=(80, 24)) as pilot:
        await layout.open_samples(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SamplesScreen)
        newest = screen.samples[0].counts()
        assert len([n for n in newest.values() if n]) == 4, newest
        whole = ", ".join(f"{n} {STATE_WORDS[k]}" for k, n in newest.items() if n)
        (line, *_) = layout.table_lines(pilot, "Moderations", len(screen.samples))
        assert line.rstrip().endswith(whole), line
        assert "…" not in line, line
        heading = layout.screen_text(pilot)
        assert f"at {screen.samples[0].drawn_at[:10]}" in heading, heading


async def test_the_dashboards_team_label_is_set_apart_from_its_value(demo_db: Path) -> None:
    """At 80x24 the dashboard's first filter read "TeamAll teams ▼": label and value ran
    together. A space now parts them, as it parts "From" and "to" from theirs."""
    from moderator.tui.screens.dashboard import DashboardScreen

    async with layout.make_app(demo_db, layout.LEAD).run_test(size=(80, 24)) as pilot:
        await layout.open_lead_home(pilot)
        await pilot.press("d")
        await until(
            pilot,
            lambda: isinstance(pilot.app.screen, DashboardScreen) and pilot.app.screen.loaded,
            "the dashboard did not load",
        )
        filters = next(line for line in layout.screen_text(pilot).splitlines() if "From" in line)
        assert "Team All teams" in filters, filters


async def test_j_and_k_move_the_export_formats(tmp_path: Path, mini_rubrics: Path) -> None:
    """Help lists j as "Next row", but on the export dialog's formats only ↓ and ↑ moved."""
    from textual.widgets import OptionList

    from tests.dashboard_support import build_drift_db
    from tests.test_tui_keys import open_export

    drift_db = build_drift_db(tmp_path / "drift.db")
    async with make_app(drift_db, "lee").run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        formats = dialog.query_one("#export-format", OptionList)
        await until(pilot, lambda: formats.has_focus, "the formats have no focus")
        await pilot.press("j", "j")
        await until(pilot, lambda: formats.highlighted == 2, "j did not move down")
        await pilot.press("k")
        await until(pilot, lambda: formats.highlighted == 1, "k did not move up")
