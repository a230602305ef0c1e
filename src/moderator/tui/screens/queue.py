"""The moderator's queue: sampled audits to claim, to grade blind, to review; the reviewed ones.

The tabs and the summary count the rows of the list (one list, each row with a
state: :mod:`moderator.services.queue`), so they always agree. ``c`` (or Enter,
then confirm) claims an unassigned moderation; Enter opens one: blind grading
until it is submitted, then its review. The list is read again whenever the
moderator comes back to it, and within seconds of a change made elsewhere (another window,
the command line: :mod:`moderator.tui.elsewhere`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import DataTable

from moderator.services.queue import QUEUE_STATES, STATE_TITLES, Queue, QueueRow
from moderator.tui.actions import bindings_for
from moderator.tui.elsewhere import look_every_few_seconds, may_look
from moderator.tui.screens.listing import Column, ListScreen
from moderator.tui.text import service_area_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.timer import Timer

    from moderator.services.users import User

STATE_ORDER = {s: i for i, s in enumerate(("draft", "todo", "claimable", "to_review", "reviewed"))}

COLUMNS: tuple[Column[QueueRow], ...] = (
    Column("case", "Case", lambda r: r.case_ref.lower()),
    Column("state", "State", lambda r: (STATE_ORDER[r.state], r.moderation_id)),
    Column("progress", "Progress", lambda r: (r.graded / r.total if r.total else 0, r.graded)),
    Column("sampled", "Sampled", lambda r: r.created_at),
    Column("team", "Team", lambda r: r.team.lower()),
    Column("area", "Service area", lambda r: r.service_area),
    Column("rubric", "Rubric", lambda r: r.rubric_title.lower()),
)

STATE_CELLS = {
    "claimable": ("Claimable (c)", "bold"),
    "todo": ("To moderate (blind)", "bold"),
    "draft": ("In draft (blind)", "italic"),
    "to_review": ("To review", "bold"),
}


class QueueScreen(ListScreen[QueueRow]):
    """A moderator's moderations and the unclaimed ones they may take."""

    SCOPE = "queue"
    TITLE = "Moderation queue"
    BINDINGS = bindings_for("queue")
    STATES = ("all", *QUEUE_STATES)
    STATE_TITLES = STATE_TITLES
    SHRINK = (("rubric", 20), ("area", 12), ("team", 12), ("rubric", 8))
    """As the home list: a rubric's title gives up room first (it was left out whole at
    1366 wide with ~45 cells to spare), then the service area and the team."""
    EMPTY_STATES = {  # noqa: RUF012 - a ClassVar of ListScreen
        "todo": "No moderations to do.",
        "claimable": "No moderations to claim.",
        "draft": "No moderations in draft.",
        "to_review": "No moderations waiting for review.",
        "reviewed": "No moderations reviewed yet.",
    }

    class Claimed(Message):
        """A moderation was claimed (by a worker)."""

        def __init__(self, row: QueueRow, then_open: bool) -> None:
            super().__init__()
            self.row = row
            self.then_open = then_open

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.version: int | None = None
        """Which change the rows were read at (:func:`moderator.services.queue.queue_version`)."""
        self.looking: Timer | None = None
        # Work first: what is in draft, then to do, then claimable, then to review.
        self.sort_column = "state"

    def columns(self) -> list[Column[QueueRow]]:
        return list(COLUMNS)

    def row_key(self, item: QueueRow) -> str:
        return str(item.moderation_id)

    def state_of(self, item: QueueRow) -> str:
        return item.state

    def search_text(self, item: QueueRow) -> str:
        return " ".join(
            [
                item.case_ref,
                item.team,
                service_area_label(item.service_area),
                item.rubric_title,
                STATE_TITLES[item.state],
                item.outcome or "",
            ]
        ).lower()

    def read_rows(self) -> tuple[list[QueueRow], dict[str, Any]]:
        """The queue's rows (worker thread: no widgets here)."""
        from moderator.services.queue import moderator_queue, queue_version

        store = self.workbench.require_store()
        version = queue_version(store)  # first: a change made while reading is seen next time
        queue = moderator_queue(store, self.user)
        return queue.rows, {"version": version}

    def rows_loaded(self, extra: dict[str, Any]) -> None:
        self.version = extra.get("version")
        if self.looking is None:
            self.looking = look_every_few_seconds(self, self.look_elsewhere)

    def look_elsewhere(self) -> None:
        """Show a moderation submitted (claimed, sampled…) elsewhere without a key here."""
        if self.loaded and may_look(self):
            self.check_elsewhere()

    @work(thread=True, group="check", exit_on_error=False)
    def check_elsewhere(self) -> None:
        """Read the queue again if an event that can change it was logged since it was read
        (a moderation, a sample, a pack; not a manager's grade or a sign-in) (worker thread)."""
        from moderator.services.queue import queue_changed_since

        since, store = self.version, self.workbench.require_store()
        changed, now = (True, 0) if since is None else queue_changed_since(store, since)
        if changed:
            rows, extra = self.read_rows()
            self.post_message(self.RowsLoaded(rows, extra))
        elif now != since:  # nothing that counts: the next look starts after these events
            self.app.call_from_thread(self.seen_up_to, since, now)

    def seen_up_to(self, since: int, now: int) -> None:
        """The rows read at ``since`` are still those at ``now`` (unless read again since)."""
        if self.version == since:
            self.version = now

    def counts_of(self, rows: Sequence[QueueRow]) -> dict[str, int]:
        """The counts of the service's queue, made from the very rows listed."""
        return Queue(rows=list(rows)).counts()

    def summary(self, counts: dict[str, int]) -> str:
        parts = [
            f"{counts['todo']} to do",
            f"{counts['claimable']} claimable",
            f"{counts['draft']} in draft",
            f"{counts['to_review']} to review",
            f"{counts['reviewed']} reviewed",
        ]
        return "To moderate: " + " · ".join(parts)

    def nothing_here(self) -> str:
        return "No audits are waiting for your moderation: your lead draws the samples."

    def cell(self, key: str, item: QueueRow) -> Text:
        if key == "case":
            return Text(item.case_ref, style="bold")
        if key == "state":
            if item.state == "reviewed":
                return Text(f"Reviewed · {item.outcome or '—'}", style="dim")
            label, style = STATE_CELLS[item.state]
            return Text(label, style=style)
        if key == "progress":
            if item.state in ("todo", "claimable"):
                return Text(f"0/{item.total}", style="dim")
            return Text(item.progress)
        if key == "sampled":
            return Text(item.created_at[:10])
        if key == "team":
            return Text(item.team)
        if key == "area":
            return Text(service_area_label(item.service_area))
        if key == "rubric":
            return Text(item.rubric_title)
        raise KeyError(key)

    # -- actions ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        row = self.current()
        if action in ("open_audit", "jump"):
            if self.searching():
                return False
            return True if action == "jump" or row is not None else None
        if action == "claim":
            # Offered on any row: one that cannot be claimed says why when c is pressed.
            return True if row is not None else None
        return True

    def action_open_audit(self) -> None:
        row = self.current()
        if row is None:
            return
        self.query_one("#audits", DataTable).focus()  # where the user lands on coming back
        if row.state != "claimable":
            self.workbench.open_moderation(row.moderation_id)
            return
        from moderator.tui.screens.dialogs import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.claim(row.moderation_id, then_open=True)

        self.app.push_screen(
            ConfirmDialog(
                f"Claim {row.case_ref}?",
                "Nobody has claimed this sampled audit yet. Claiming it makes it yours to"
                " grade blind; no other moderator can take it.",
                confirm="Claim and open",
            ),
            confirmed,
        )

    def action_claim(self) -> None:
        row = self.current()
        if row is None:
            return
        refusal = row.why_not_claimable(self.user.name)
        if refusal is not None:
            self.notify(refusal, title="Not claimable", severity="warning")
            return
        self.claim(row.moderation_id, then_open=False)

    @work(thread=True, exclusive=True, group="db-write", exit_on_error=False)
    def claim(self, moderation_id: int, *, then_open: bool) -> None:
        """Claim a moderation (worker thread)."""
        from moderator.services.queue import claim

        row = claim(self.workbench.require_store(), self.user, moderation_id)
        self.post_message(self.Claimed(row, then_open))

    def on_queue_screen_claimed(self, message: Claimed) -> None:
        self.notify(f"{message.row.case_ref} is yours to moderate.", title="Claimed")
        if message.then_open:
            self.workbench.open_moderation(message.row.moderation_id)
        else:
            self.load_rows()

    def worker_failed(self, worker: Any, error: BaseException | None) -> None:
        """A claim refused (someone was quicker): the list is stale, read it again."""
        if getattr(worker, "name", "") == "claim":
            self.load_rows()
