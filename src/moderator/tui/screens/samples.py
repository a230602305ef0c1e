"""The moderation samples a lead has drawn, and where each sampled audit has got to.

Top: every sample (when, who drew it, seed, rate: the share drawn at random, or "by hand"
for hand-picked audits alone; who it is for, and how many of its audits are unclaimed,
claimed, in draft, submitted and reviewed).
Bottom: the selected sample's audits, hand-picked ones marked, each with its
state (unclaimed, claimed by, submitted, reviewed with the outcome). Enter
opens an audit (the moderation feedback once reviewed); ``m`` draws another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.row_table import RowTable, jump_row, refill_in_place
from moderator.tui.widgets.tables import (
    SCROLLBAR,
    Cell,
    Row,
    fill_table,
    fit_widths,
    natural_widths,
)

if TYPE_CHECKING:
    from moderator.services.queue import SampleLine, SampleView
    from moderator.services.users import User


STATE_WORDS = {
    "unclaimed": "unclaimed",
    "claimed": "claimed",
    "draft": "in draft",
    "submitted": "submitted",
    "reviewed": "reviewed",
}


def _rate_counts(sample: SampleView) -> tuple[float, int, int]:
    return sample.rate, len(sample.lines), sum(x.hand_picked for x in sample.lines)


def by_hand(sample: SampleView) -> bool:
    """Whether every audit of the sample was hand-picked, none drawn at random (the rule is
    the service's, :func:`moderator.services.sampling.is_by_hand`, shared with the CLI)."""
    from moderator.services.sampling import is_by_hand

    return is_by_hand(*_rate_counts(sample))


def rate_text(sample: SampleView) -> str:
    """The sample's rate as a percentage ("50%"), or "by hand" (the service's
    :func:`moderator.services.sampling.rate_text`, which ``moderator sample --list`` uses)."""
    from moderator.services.sampling import rate_text as words

    return words(*_rate_counts(sample))


SAMPLES_SHRINK = (("by", 8), ("for", 8))
"""How the samples' names give up room to fit the screen (see :func:`fit_widths`)."""
SAMPLES_LEFT_OUT = ("by", "seed", "rate", "at")
"""The columns left out, in turn, where the moderations' figures would not fit whole: the
sample's heading below the list says who drew it, its seed, its rate and when (at 80
columns a sample in four states read "2 unclaimed, 1 claimed, 4 in draft, 2…" beside
its date)."""
SAMPLES_LAST_RESORT = (("for", 3), ("states", 12))
"""On a terminal too narrow even then, the moderations are cut with "…" after all."""


def fit_samples(natural: dict[str, int], room: int) -> dict[str, int]:
    """The samples' column widths: names cut with "…" and columns left out before a
    figure is cut (at 80 columns "3 unclaimed…" hid the audits in draft and submitted)."""
    natural = dict(natural)
    for left_out in (None, *SAMPLES_LEFT_OUT):
        natural.pop(left_out or "", None)
        widths = fit_widths(natural, room, SAMPLES_SHRINK)
        if widths.get("states") == natural["states"]:
            return widths
    return fit_widths(natural, room, SAMPLES_LAST_RESORT)


ITEMS_SHRINK = (("team", 10), ("manager", 12), ("state", 20))
"""How the sampled audits' columns give up room to fit the screen."""


class SamplesScreen(ModeratorScreen):
    """Samples drawn and their audits' moderation states (leads)."""

    SCOPE = "samples"
    BINDINGS = bindings_for("samples")
    AUTO_FOCUS = "#samples"

    class Loaded(Message):
        """The samples were read (by a worker)."""

        def __init__(self, samples: list[SampleView]) -> None:
            super().__init__()
            self.samples = samples

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.samples: list[SampleView] = []
        self.loaded = False
        self.fitted_size = (0, 0)
        """The screen's size when the columns were last fitted to it."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="samples-summary", markup=False)
        yield RowTable(id="samples", jumps=True)
        yield Static("", id="sample-heading", markup=False)
        yield RowTable(id="sample-items", jumps=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Moderation samples"
        self.load()

    def on_screen_resume(self) -> None:
        if self.loaded:  # a review may have been completed, a sample drawn
            self.load()

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def load(self) -> None:
        """Read the samples and their audits' states (worker thread)."""
        from moderator.services.queue import sample_views

        self.post_message(self.Loaded(sample_views(self.workbench.require_store(), self.user)))

    def load_rows(self) -> None:
        """Read again (after a draw)."""
        self.load()

    def fit(
        self,
        table: DataTable[Any],
        columns: list[tuple[Cell, str]],
        rows: list[Row],
        shrink: Any,
    ) -> None:
        """Fill a table with its columns fitted to the screen: what is cut ends in ``…``.

        Room is kept for a vertical scrollbar only where the rows may not all fit."""
        self.fitted_size = (self.app.size.width, self.app.size.height)
        room = self.app.size.width
        if len(rows) + 1 > table.size.height:  # (0 before the first layout)
            room -= SCROLLBAR
        natural = natural_widths(columns, rows)
        widths = shrink(natural, room) if callable(shrink) else fit_widths(natural, room, shrink)
        fill_table(table, columns, rows, widths=widths)

    def on_resize(self) -> None:
        """A new size: fit the columns to it, the cursors and the views where they were."""
        if self.loaded and (self.app.size.width, self.app.size.height) != self.fitted_size:
            refill_in_place(self.query_one("#samples", DataTable), self.fill_samples)

    def on_samples_screen_loaded(self, message: Loaded) -> None:
        self.samples = message.samples
        self.loaded = True
        self.fill_samples()
        total = sum(len(s.lines) for s in self.samples)
        self.query_one("#samples-summary", Static).update(
            f"Samples drawn: {len(self.samples)}; audits sampled: {total}."
            if self.samples
            else "No samples drawn yet: press m to draw one."
        )
        self.workbench.mark_ready()

    def fill_samples(self) -> None:
        """The samples in the top table, and the selected one's audits below."""
        rows: list[Row] = []
        for s in self.samples:
            c = s.counts()
            cells: list[Cell] = [
                Text(f"#{s.id}", style="bold"),
                s.drawn_at[:10],
                s.drawn_by,
                str(s.seed),
                rate_text(s),
                s.moderator or "any",  # (under "For": "any moderator" was cut at 80 columns)
                str(len(s.lines)),
                ", ".join(f"{n} {STATE_WORDS[k]}" for k, n in c.items() if n),
            ]
            rows.append((str(s.id), cells))
        columns: list[tuple[Cell, str]] = [
            ("Sample", "id"),
            ("Drawn", "at"),
            ("By", "by"),
            ("Seed", "seed"),
            ("Rate", "rate"),
            ("For", "for"),
            ("Audits", "audits"),
            ("Moderations", "states"),
        ]
        self.fit(self.query_one("#samples", DataTable), columns, rows, fit_samples)
        self.show_items()

    def selected(self) -> SampleView | None:
        """The sample under the cursor of the top table."""
        index = self.query_one("#samples", DataTable).cursor_row
        return self.samples[index] if 0 <= index < len(self.samples) else None

    def show_items(self) -> None:
        """List the selected sample's audits."""
        sample = self.selected()
        heading = self.query_one("#sample-heading", Static)
        rows: list[Row] = []
        if sample is not None:
            picked = sum(line.hand_picked for line in sample.lines)
            heading.update(
                f"Sample #{sample.id}: {len(sample.lines)} audits"
                + (f", {picked} hand-picked (✚)" if picked else "")
                + f" · drawn by {sample.drawn_by} at {sample.drawn_at[:16].replace('T', ' ')}"
                + f" · seed {sample.seed} · "
                + ("chosen by hand" if by_hand(sample) else f"{rate_text(sample)} drawn at random")
            )
            for line in sample.lines:
                cells: list[Cell] = [
                    Text(line.case_ref, style="bold"),
                    Text("✚ hand-picked" if line.hand_picked else "random"),
                    Text(line.state_text, style="dim" if line.state == "reviewed" else ""),
                    line.manager,
                    line.team,
                ]
                rows.append((str(line.audit_id), cells))
        else:
            heading.update("")
        columns: list[tuple[Cell, str]] = [
            ("Case", "case"),
            ("Drawn", "how"),
            ("Moderation", "state"),
            ("Manager", "manager"),
            ("Team", "team"),
        ]
        items = self.query_one("#sample-items", DataTable)
        refill_in_place(items, lambda: self.fit(items, columns, rows, ITEMS_SHRINK))

    @on(DataTable.RowHighlighted, "#samples")
    def sample_moved(self) -> None:
        self.show_items()

    def current_line(self) -> SampleLine | None:
        """The audit under the cursor of the bottom table."""
        sample = self.selected()
        index = self.query_one("#sample-items", DataTable).cursor_row
        if sample is None or not 0 <= index < len(sample.lines):
            return None
        return sample.lines[index]

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_item()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return True

    def action_open_item(self) -> None:
        # The screen's focus, not the table's ``has_focus``, which follows a key or two late:
        # the keys typed after Enter (or Tab) move the audits.
        if self.focused is self.query_one("#samples", DataTable):
            self.set_focus(self.query_one("#sample-items", DataTable))
            return
        line = self.current_line()
        if line is not None:
            self.workbench.open_audit(line.audit_id)

    def action_switch_pane(self) -> None:
        tables = [self.query_one("#samples", DataTable), self.query_one("#sample-items")]
        self.set_focus(tables[1] if self.focused is tables[0] else tables[0])

    def action_jump(self, where: str) -> None:
        focused: Any = self.focused
        if isinstance(focused, DataTable):
            jump_row(focused, where)

    def action_draw_sample(self) -> None:
        from moderator.tui.screens.sample_dialog import open_sample_dialog

        open_sample_dialog(self)

    def action_back(self) -> None:
        self.dismiss(None)
