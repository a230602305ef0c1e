"""The workbench on the demo as a new user meets it: what each screen shows at 80x24 and at
160x48, and figures that agree with the report a lead hands an inspector."""

from __future__ import annotations

import io
import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable

from moderator.cli import cli
from moderator.demo import build_demo_db
from moderator.tui.app import ModeratorApp, create_app
from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.listing import ListScreen
from moderator.tui.widgets.drift_periods import short_period
from tests.test_tui_grading import settle

pytest.importorskip("moderator.anonymise.pipeline")

LEAD = "Kenneth Obi"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("layout")
    path = folder / "demo.db"
    build_demo_db(path, key_path=folder / "demo.key")
    return path


def make_app(db: Path, user: str) -> ModeratorApp:
    return create_app(db, user, cursor_blink=False)


async def until(pilot: Pilot[None], check: Callable[[], bool], what: str) -> None:
    """Let the app run until ``check`` holds; the deadline bounds a hang, it is no measure."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        await settle(pilot)
        if check():
            return
    raise AssertionError(f"{what}; on {pilot.app.screen!r}")


async def open_dashboard(pilot: Pilot[None]) -> DashboardScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
    await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
    await pilot.press("d")
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, DashboardScreen) and pilot.app.screen.loaded,
        "the dashboard did not load",
    )
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


def table_rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def report_criteria(db: Path, tmp_path: Path) -> list[str]:
    """The criteria of the HTML report's "Criteria that drift most", in its order."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli, ["report", "--format", "html", "--out", str(out), "--db", str(db), "--as", LEAD]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    part = html[html.index("Criteria that drift most") :]
    part = part[: part.index("</table>")]
    return re.findall(r"<tr><td[^>]*>([^<]+)</td>", part)


# -- the criteria the dashboard and the report rank first ------------------------------------
async def test_the_criteria_tab_ranks_as_the_report_does_and_says_how(
    demo_db: Path, tmp_path: Path
) -> None:
    ranked_in_report = report_criteria(demo_db, tmp_path)
    assert ranked_in_report[0] == "Plan with actions and timescales parents can understand"
    async with make_app(demo_db, LEAD).run_test(size=(160, 48)) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # Criteria
        await settle(pilot)
        table = dash.query_one("#criteria-table", DataTable)
        shown = [r[0] for r in table_rows(table)]
        # The report's list is the top of the tab's, in the same order; the criterion with a
        # handful of pairs and a high mean (6 pairs, +1.17) is not first.
        assert shown[: len(ranked_in_report)] == ranked_in_report
        assert not shown[0].startswith("Risks to the young person")
        headings = [str(c.label) for c in table.ordered_columns]
        assert "95% interval" in headings
        legend = str(dash.query_one("#criteria-legend").render())
        assert "Ranked on the lower end of the 95% interval" in legend


# -- the trend tab --------------------------------------------------------------------------
def submit_a_draft_today(db: Path) -> None:
    """Naomi finishes and submits her draft now, years after the demo's last month."""
    from moderator.domain.grades import Grade
    from moderator.services.audits import get_audit, list_audits, save_criterion, submit_audit
    from moderator.services.users import get_user
    from moderator.store import open_store

    with open_store(db) as store:
        naomi = get_user(store, "Naomi Okonkwo")
        draft = next(a for a in list_audits(store, naomi) if a.status == "draft")
        for entry in get_audit(store, naomi, draft.id).entries:
            save_criterion(
                store, naomi, draft.id, entry.criterion, grade=Grade.GOOD, note="On file."
            )
        submit_audit(store, naomi, draft.id)


async def open_trend_by_month(pilot: Pilot[None]) -> DashboardScreen:
    dash = await open_dashboard(pilot)
    await pilot.press("left_square_bracket")  # Trend
    await pilot.press("p")  # by month
    await until(
        pilot,
        lambda: dash.report is not None and dash.report.period == "month",
        "the report is not by month",
    )
    await settle(pilot)
    return dash


async def test_months_whose_pairs_all_agree_have_an_honest_interval(
    demo_db: Path, tmp_path: Path
) -> None:
    async with make_app(demo_db, LEAD).run_test(size=(160, 48)) as pilot:
        dash = await open_trend_by_month(pilot)
        periods = {r[0]: r for r in table_rows(dash.query_one("#periods", DataTable))}
        # Five pairs, every one a downgrade of one grade: not a mean known exactly.
        assert periods["2019-11"][1:3] == ["5", "+1.00"]
        assert periods["2019-11"][4] == "-1.09 to +2.04"
        # Five pairs, every one agreed.
        assert periods["2020-07"][1:3] == ["5", "+0.00"]
        assert periods["2020-07"][4] == "-1.57 to +1.57"
        for row in periods.values():
            low, _, high = row[4].partition(" to ")
            assert not high or low != high, row


async def test_the_trend_shows_the_years_with_nothing_moderated_as_a_break(
    demo_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "later.db"
    db.write_bytes(demo_db.read_bytes())
    submit_a_draft_today(db)
    async with make_app(db, LEAD).run_test(size=(160, 48)) as pilot:
        dash = await open_trend_by_month(pilot)
        assert dash.report is not None
        last = dash.report.by_period[-1].key
        assert last > "2021-01"
        chart = str(dash.query_one("#trend-chart").render())
        labels = chart.splitlines()[-3].split()
        # "… Nov 20 ⋯72 mo Dec 26": the break says how many months had nothing in them.
        at = len(labels) - 1 - labels[::-1].index("Nov")
        assert labels[at + 2].startswith("⋯") and labels[at + 3] == "mo", labels
        assert labels[at + 4 : at + 6] == [last_month_short(last), last[2:4]]


def last_month_short(key: str) -> str:
    return short_period(key).split()[0]


# -- 80x24: the keys to leave and quit, whole keys, and a true count -------------------------
def screen_text(pilot: Pilot[None]) -> str:
    """The characters on the terminal, as the user sees them."""
    app = pilot.app
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def footer(pilot: Pilot[None]) -> str:
    from moderator.tui.widgets.footer import Footer

    return pilot.app.screen.query_one(Footer).render().plain


def position(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#empty").render())


def rows_in_view(pilot: Pilot[None]) -> int:
    table = pilot.app.screen.query_one("#audits", DataTable)
    return min(table.row_count, table.scrollable_content_region.height - 1)


def says_what_is_in_view(pilot: Pilot[None]) -> bool:
    """The position line counts the rows the table shows now (it is written once the table
    has drawn its rows; the lines above it may still wrap, and the footer fill, after)."""
    return position(pilot) == f"Audits 1–{rows_in_view(pilot)} of 177"


async def open_lead_home(pilot: Pilot[None]) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
    await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
    await until(pilot, lambda: position(pilot).startswith("Audits 1–"), "no position line")
    await until(pilot, lambda: "^q Quit" in footer(pilot), "the key bar is not filled")


async def test_the_lead_list_at_80x24_keeps_every_key_and_counts_what_it_shows(
    demo_db: Path,
) -> None:
    async with make_app(demo_db, LEAD).run_test(size=(80, 24)) as pilot:
        await open_lead_home(pilot)
        keys = footer(pilot)
        assert len(keys) <= 80
        words = keys.replace("▏", " ").split()
        for key in ("?", "/", "s", "a", "m", "v", "u", "d", "^o", "^q", "^p"):
            assert key in words, (key, keys)
        assert "^q Quit" in keys and "? Help" in keys
        await until(  # the summary with the counts, as painted (it may follow the rows)
            pilot,
            # overdue as of the demo's own day (14 Dec 2020): the file says it is the demo
            lambda: "166 submitted · 2 overdue" in " ".join(screen_text(pilot).split()),
            f"no counts in the summary:\n{screen_text(pilot)}",
        )
        await until(
            pilot,
            lambda: says_what_is_in_view(pilot),
            f"the position line says {position(pilot)!r} with {rows_in_view(pilot)} rows in view",
        )

    # A terminal made smaller: the line says what is in view now.
    async with make_app(demo_db, LEAD).run_test(size=(160, 48)) as pilot:
        await open_lead_home(pilot)
        await pilot.resize_terminal(80, 24)
        await until(
            pilot,
            lambda: says_what_is_in_view(pilot),
            f"the position line says {position(pilot)!r} with {rows_in_view(pilot)} rows in view",
        )


async def test_the_moderators_summary_wraps_without_a_dangling_dot(demo_db: Path) -> None:
    async with make_app(demo_db, "Eleanor Rowbotham").run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no queue")
        await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
        await until(pilot, lambda: "Left out at this width" in screen_text(pilot), "no summary")
        lines = [line.rstrip() for line in screen_text(pilot).splitlines()]
        assert not [line for line in lines if line.endswith("·")], "\n".join(lines)
        assert any(line.strip().startswith("Left out at this width:") for line in lines)


async def open_naomis_draft(pilot: Pilot[None]) -> None:
    from moderator.tui.screens.grading import GradingScreen

    await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
    await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
    await pilot.press("enter")  # the draft is the first row
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, GradingScreen) and pilot.app.screen.sheet is not None,
        "the grading screen did not open",
    )
    await settle(pilot)


@pytest.mark.parametrize(
    "size",
    [(80, 24), (100, 30), (120, 30), (160, 48)],
    ids=["80x24", "100x30", "120x30", "160x48"],
)
async def test_grading_shows_the_four_descriptors_and_the_way_out(
    demo_db: Path, size: tuple[int, int]
) -> None:
    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=size) as pilot:
        await open_naomis_draft(pilot)
        titles = ("1  Outstanding", "2  Good", "3  Requires improvement", "4  Inadequate")
        await until(
            pilot,
            lambda: all(t in screen_text(pilot) for t in titles),
            f"the four descriptors are not all in view:\n{screen_text(pilot)}",
        )
        shown = screen_text(pilot)
        # each descriptor's words begin under its title (at 80x24 a line may end in "…")
        assert "The assessment lists every previous" in shown, shown
        assert "The assessment leaves out previous" in shown, shown
        assert "6. The child seen and heard" in shown, shown
        keys = footer(pilot)
        assert "esc Back" in keys and "^q Quit" in keys and "? Help" in keys, keys
        assert "1234 Grade" in keys and "n Note" in keys, keys


@pytest.mark.parametrize("size", [(128, 40), (110, 38)], ids=["128x40", "110x38"])
async def test_the_descriptors_share_the_height_there_is(
    demo_db: Path, size: tuple[int, int]
) -> None:
    """A browser at 1024x640 (about 128x40): the four descriptors were one line each with
    rows empty below them. Now all four are in view and each wraps over more than one line."""
    from moderator.tui.widgets.descriptor_panel import DescriptorPanel

    titles = ("1  Outstanding", "2  Good", "3  Requires improvement", "4  Inadequate")

    def panel_lines() -> list[str]:
        region = pilot.app.screen.query_one(DescriptorPanel).region
        rows = screen_text(pilot).splitlines()[region.y : region.bottom]
        return [row[region.x : region.right].strip() for row in rows]

    def lines_under_each_title() -> list[int]:
        lines = panel_lines()
        starts = [next((i for i, ln in enumerate(lines) if t in ln), -1) for t in titles]
        if -1 in starts:
            return []
        ends = [*starts[1:], len(lines)]
        return [sum(1 for ln in lines[a + 1 : b] if ln) for a, b in zip(starts, ends, strict=True)]

    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=size) as pilot:
        await open_naomis_draft(pilot)
        await until(
            pilot,
            lambda: len(lines_under_each_title()) == 4 and min(lines_under_each_title()) >= 2,
            f"each descriptor in view over two lines or more: {lines_under_each_title()}\n"
            + "\n".join(panel_lines()),
        )
        shown = "\n".join(panel_lines())
        assert "The assessment lists every previous referral" in shown, shown


@pytest.mark.parametrize("size", [(100, 30), (160, 48)], ids=["100x30", "160x48"])
async def test_a_cut_criterion_title_ends_in_an_ellipsis_apart_from_its_marks(
    demo_db: Path, size: tuple[int, int]
) -> None:
    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=size) as pilot:
        await open_naomis_draft(pilot)
        await until(pilot, lambda: "⚑" in screen_text(pilot), "no limiting criterion in view")
        rows = [line for line in screen_text(pilot).splitlines() if re.search(r" \d+\. ", line)]
        assert len(rows) >= 8, rows
        for row in rows:
            # The flag and the note mark stand apart from the title, cut or whole.
            assert "…⚑" not in row and "…✎" not in row, row
            assert not re.search(r"\w[⚑✎]", row), row
        if size[0] == 160:  # the narrow list there cuts the second criterion's title
            (strategy,) = [row for row in rows if " 2. Strategy" in row]
            assert re.search(r"2\. Strategy discussions and t\w*… +⚑ ✎", strategy), strategy


# -- the review and the feedback at 80x24 ---------------------------------------------------
def submit_eleanors_draft(db: Path) -> str:
    """Eleanor finishes her blind grading (Inadequate throughout) and submits it: to review."""
    from moderator.domain.grades import Grade
    from moderator.services.blind_grading import (
        get_moderation,
        moderation_queue,
        save_moderation_grade,
        submit_moderation,
    )
    from moderator.services.users import get_user
    from moderator.store import open_store

    with open_store(db) as store:
        eleanor = get_user(store, "Eleanor Rowbotham")
        draft = next(m for m in moderation_queue(store, eleanor) if m.status == "draft")
        for entry in get_moderation(store, eleanor, draft.id).entries:
            save_moderation_grade(
                store, eleanor, draft.id, entry.criterion, grade=Grade.INADEQUATE, note="Seen."
            )
        submit_moderation(store, eleanor, draft.id)
        return draft.case_ref


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_review_keeps_its_state_column_and_the_way_out(
    demo_db: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    from moderator.tui.screens.review import ReviewScreen

    db = tmp_path / "review.db"
    db.write_bytes(demo_db.read_bytes())
    case_ref = submit_eleanors_draft(db)
    async with make_app(db, "Eleanor Rowbotham").run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no queue")
        await until(pilot, lambda: pilot.app.screen.loaded, "the queue did not load")  # type: ignore[attr-defined]
        await pilot.press("slash", *case_ref, "enter")
        await until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, ReviewScreen)
                and pilot.app.screen.comparison is not None
            ),
            "the review did not open",
        )
        await settle(pilot)
        shown = screen_text(pilot)
        assert "to decide" in shown, shown
        assert "Moderated" in shown and "Drift" in shown, shown
        keys = footer(pilot)
        assert "esc Back" in keys and "^q Quit" in keys, keys
        if size[0] >= 160:  # room for the criteria's titles in full
            assert "Care plan with actions, timescales and contingency " in shown, shown


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_feedback_shows_the_drift_and_the_rationale(
    demo_db: Path, size: tuple[int, int]
) -> None:
    from moderator.tui.screens.feedback import FeedbackScreen

    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
        await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
        await pilot.press("j", "enter")  # the first reviewed audit ("● new", agreed)
        await until(
            pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no feedback screen"
        )
        await settle(pilot)
        table = pilot.app.screen.query_one("#feedback-table", DataTable)
        header = next(line for line in screen_text(pilot).splitlines() if "Criterion" in line)
        assert "Drift" in header and "Rationale" in header, header
        rows = "\n".join(screen_text(pilot).splitlines()[:24])
        assert "1 down" in rows and "+1" not in rows and "agreed" in rows, rows
        assert table.row_count == 12
        keys = footer(pilot)
        assert "esc Back" in keys and "^q Quit" in keys, keys


async def open_samples(pilot: Pilot[None]) -> None:
    from moderator.tui.screens.samples import SamplesScreen

    await open_lead_home(pilot)
    await pilot.press("v")
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, SamplesScreen) and pilot.app.screen.loaded,
        "the samples did not load",
    )


SCROLLBAR_GLYPHS = " ▁▂▃▄▅▆▇█▉▊▋▌▍▎▏"


def table_lines(pilot: Pilot[None], heading: str, rows: int) -> list[str]:
    """The screen's lines of a table's rows in view (at most ``rows``), below its heading
    line, without the scrollbar."""
    lines = screen_text(pilot).splitlines()
    at = next(i for i, line in enumerate(lines) if heading in line)
    below = [line.rstrip(SCROLLBAR_GLYPHS) for line in lines[at + 1 : at + 1 + rows]]
    return [line for line in itertools.takewhile(lambda line: "────" not in line, below)]


@pytest.mark.parametrize("size", [(100, 30), (160, 48)], ids=["100x30", "160x48"])
async def test_a_cut_rationale_ends_in_an_ellipsis(demo_db: Path, size: tuple[int, int]) -> None:
    """A lead reads a manager's feedback (the wider "Manager" column): each rationale is
    whole or ends in "…", at the width the screen opened at and after a resize."""
    from moderator.tui.screens.feedback import FeedbackScreen

    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        await open_samples(pilot)
        await pilot.press("down", "enter", "enter")  # sample #6, all reviewed: its first audit
        await until(
            pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no feedback screen"
        )
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, FeedbackScreen)
        criteria = screen.feedback.criteria
        assert any(len(c.rationale or "") > 60 for c in criteria)
        for width, height in (size, (100, 30) if size[0] > 100 else (160, 48)):
            await pilot.resize_terminal(width, height)
            await until(pilot, lambda to=(width, height): pilot.app.size == to, "no resize")
            await settle(pilot)
            table = screen.query_one("#feedback-table", DataTable)
            assert not scrolls_sideways(table), screen_text(pilot)
            lines = table_lines(pilot, "Rationale", len(criteria))
            assert len(lines) >= 8, lines
            for c, line in zip(criteria, lines, strict=False):
                whole = (c.rationale or "").replace("\n", " ")
                assert whole in line or line.endswith("…"), (width, line)


@pytest.mark.parametrize("size", [(100, 30), (160, 48)], ids=["100x30", "160x48"])
async def test_the_samples_moderations_are_whole_or_end_in_an_ellipsis(
    demo_db: Path, size: tuple[int, int]
) -> None:
    """The newest sample's audits are in several states: that column is cut with "…" where
    the screen is too narrow for it, at the width the screen opened at and after a resize."""
    from moderator.tui.screens.samples import STATE_WORDS, SamplesScreen

    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        await open_samples(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SamplesScreen)
        states = [
            ", ".join(f"{n} {STATE_WORDS[k]}" for k, n in s.counts().items() if n)
            for s in screen.samples
        ]
        assert len(states[0]) > 30, states
        for width, height in (size, (100, 30) if size[0] > 100 else (160, 48)):
            await pilot.resize_terminal(width, height)
            await until(pilot, lambda to=(width, height): pilot.app.size == to, "no resize")
            await settle(pilot)
            for table in screen.query(DataTable):
                assert not scrolls_sideways(table), screen_text(pilot)
            lines = table_lines(pilot, "Moderations", len(states))
            assert len(lines) == len(states), lines
            for whole, line in zip(states, lines, strict=True):
                assert line.endswith(whole) or line.endswith("…"), (width, line)
            if width >= 160:
                assert lines[0].endswith(states[0]), lines


@pytest.mark.parametrize("size", [(100, 30), (160, 48)], ids=["100x30", "160x48"])
async def test_the_samples_rate_is_a_share_or_says_by_hand(
    demo_db: Path, size: tuple[int, int]
) -> None:
    """The demo's monitoring-visit sample is 8 audits picked by hand and none at random:
    its rate is "by hand", not 0; the quarterly samples drew half at random: "50%"."""
    from moderator.tui.screens.samples import SamplesScreen

    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        await open_samples(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SamplesScreen)
        (visit,) = [s for s in screen.samples if all(x.hand_picked for x in s.lines)]
        assert len(visit.lines) == 8
        lines = table_lines(pilot, "Moderations", len(screen.samples))
        header = next(line for line in screen_text(pilot).splitlines() if "Moderations" in line)
        at = header.index("Rate")
        for sample, line in zip(screen.samples, lines, strict=True):
            rate = line[at:].split("  ")[0]
            assert rate == ("by hand" if sample is visit else "50%"), line
        await pilot.press(*["down"] * screen.samples.index(visit))
        await until(
            pilot,
            lambda: f"Sample #{visit.id}:" in screen_text(pilot),
            "the monitoring visit's sample is not selected",
        )
        heading = one_line(str(screen.query_one("#sample-heading").render()))
        assert "8 hand-picked (✚)" in heading and heading.endswith("chosen by hand"), heading


# -- wide tables: every column in view at 160x48; the columns that matter whole at 80x24 --------
def scrolls_sideways(table: DataTable) -> bool:  # type: ignore[type-arg]
    return table.virtual_size.width > table.scrollable_content_region.width


def whole_in_view(table: DataTable, last: str) -> bool:  # type: ignore[type-arg]
    """Whether every column up to the one headed ``last`` ends inside the table's view."""
    right = 0
    for column in table.ordered_columns:
        right += column.get_render_width(table)
        if str(column.label).startswith(last):
            return right <= table.scrollable_content_region.width
    raise AssertionError(f"no column {last!r}")


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_managers_tab_fits_the_screen(demo_db: Path, size: tuple[int, int]) -> None:
    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket")  # Managers
        await settle(pilot)
        table = dash.query_one("#managers", DataTable)
        shown = screen_text(pilot)
        # The interval is a number a lead reads: whole, never "+1.01 to +1.5".
        assert whole_in_view(table, "90% interval"), shown
        assert "Gillian" in shown and "+1.01 to +1.59" in shown, shown
        if size[0] >= 160:
            assert not scrolls_sideways(table), shown
            header = next(line for line in shown.splitlines() if "Leniency" in line)
            assert "By hand" in header and "Calibration" in header, header
            assert "Gillian Hargreaves" in shown and "3 (3 better)" in shown, shown
            assert "+1.22 +1.04 to +1.41" in shown, shown
            # The short headings are spelt out under the table.
            legend = one_line(str(dash.query_one("#managers-legend").render()))
            assert "By hand: overall grades set by hand" in legend, legend
            assert "better than the grade the rubric derives" in legend, legend
            assert "Calibration: mean distance from the panel's agreed grades" in legend, legend
            # an interval the exact test kept at zero is said in words ("+0.00 to +0.96")
            assert "stops at exactly 0.00" in legend, legend


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_criteria_tab_fits_the_screen(demo_db: Path, size: tuple[int, int]) -> None:
    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # Criteria
        await settle(pilot)
        table = dash.query_one("#criteria-table", DataTable)
        shown = screen_text(pilot)
        # The criterion, its drift and interval, the bar and the share downgraded: whole.
        assert whole_in_view(table, "Down"), shown
        assert "+0.55 to +0.97" in shown and "Plan with actions" in shown, shown
        if size[0] >= 160:
            assert not scrolls_sideways(table), shown
            header = next(line for line in shown.splitlines() if "Criterion" in line)
            assert "Kappa" in header and "Rubric" in header, header
            assert "management-oversight" in shown, shown


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_lead_list_fits_the_screen(demo_db: Path, size: tuple[int, int]) -> None:
    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        await open_lead_home(pilot)
        table = pilot.app.screen.query_one("#audits", DataTable)
        shown = screen_text(pilot)
        # Which audits are late, at any width: the state says so.
        assert whole_in_view(table, "Progress"), shown
        assert "Draft · overdue" in shown and "Imogen Venables"[:10] in shown, shown
        assert "Submitted · Outstanding · downgraded" in shown, shown
        if size[0] < 160:
            # No room for the due date beside the columns above: the list says it is left out.
            summary = one_line(str(pilot.app.screen.query_one("#summary").render()))
            assert "Left out at this width: Due, Team, Service area, Rubric" in summary, summary
        if size[0] >= 160:
            assert not scrolls_sideways(table), shown
            assert "Left out" not in shown, shown
            header = next(line for line in shown.splitlines() if "Manager" in line)
            assert header.split() == [
                "Case",
                "Manager",
                "State",
                "Progress",
                "Due",
                "Team",
                "Service",
                "area",
                "Rubric",
            ], header
            assert "Gillian Hargreaves" in shown and "Safeguarding North" in shown, shown
            # A rubric's title cut to its room reads as words with "…", not "Help and prote".
            assert "Help and protection" in shown and "Help and prote " not in shown, shown


async def test_the_user_picker_keeps_each_user_on_one_line(demo_db: Path) -> None:
    """At 80x24 an entry wrapped its authority ("Westmere City / Council"): 7 names fitted."""
    from textual.widgets import OptionList

    from moderator.tui.screens.picker import PickerScreen

    async with create_app(demo_db, None, cursor_blink=False).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, PickerScreen), "no picker")
        users = pilot.app.screen.query_one("#users", OptionList)
        await until(pilot, lambda: users.option_count > 0, "no users listed")
        shown = screen_text(pilot).splitlines()
        names = [str(users.get_option_at_index(i).id) for i in range(users.option_count)]
        in_list = [line for line in shown if "▊ " in line]  # the list's lines, inside its border
        assert in_list and all(any(n in line for n in names) for line in in_list), shown
        assert len(in_list) > 7, "\n".join(shown)
        assert any("…" in line for line in in_list), "\n".join(shown)  # the authority cut
