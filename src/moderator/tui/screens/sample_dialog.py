"""Drawing a moderation sample from the workbench (leads).

The dialog draws the sample itself, in the background: a mistake the service
finds (no eligible audits, a bad value) is shown in the dialog, which stays
open with everything typed, instead of closing and losing it. The moderator is
picked from a list of moderators only; the default leaves the sample open to
any moderator to claim from their queue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from moderator.tui.screens.dialogs import _Dialog

if TYPE_CHECKING:
    from moderator.services.sampling import SampleResult
    from moderator.tui.base import ModeratorScreen

ANY_MODERATOR = ""
"""The moderator choice that leaves the sample for any moderator to claim."""


class SampleDialog(_Dialog):
    """Draw a moderation sample: rate, seed, minimum per manager, exclusion window, moderator."""

    CONFIRM_KEY = "Draw"

    class Moderators(Message):
        """The moderators to choose from were read."""

        def __init__(self, names: list[str]) -> None:
            super().__init__()
            self.names = names

    class Failed(Message):
        """The draw was refused: say why, keep the dialog open."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Drawn(Message):
        """The sample is stored."""

        def __init__(self, result: SampleResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        self.drawing = False

    def compose(self) -> ComposeResult:
        d = self.workbench.settings.sample  # the configured defaults
        with VerticalScroll(classes="dialog-box"):
            yield Label("Draw a moderation sample", classes="dialog-title")
            yield Static(
                "A random share of submitted audits, stratified so every manager is represented."
                " The seed makes it reproducible; it is recorded with the sample.",
                classes="dialog-body",
                markup=False,
            )
            yield Label("Rate (share of submitted audits, 0-1)", classes="field-label")
            yield Input(str(d.rate), id="rate", compact=True)
            yield Label("Seed (blank: chosen and recorded)", classes="field-label")
            yield Input(
                "" if d.seed is None else str(d.seed), id="seed", type="integer", compact=True
            )
            yield Label("Minimum per manager", classes="field-label")
            yield Input(str(d.min_per_manager), id="min-per-manager", type="integer", compact=True)
            yield Label("Leave out cases moderated in the last N months", classes="field-label")
            yield Input(str(d.exclude_months), id="exclude-months", type="integer", compact=True)
            yield Label("Moderator", classes="field-label")
            yield Select(
                [("Any moderator (they claim from their queue)", ANY_MODERATOR)],
                value=ANY_MODERATOR,
                allow_blank=False,
                id="moderator",
                compact=True,
            )
            yield Label("", id="sample-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Draw", variant="primary", id="confirm", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#rate", Input).focus()
        self.read_moderators()

    @work(thread=True, exclusive=True, group="dialog", exit_on_error=False)
    def read_moderators(self) -> None:
        """The moderators to offer (worker thread)."""
        from moderator.services.users import Role, list_users

        users = list_users(self.workbench.require_store())
        self.post_message(self.Moderators([u.name for u in users if u.role is Role.MODERATOR]))

    def on_sample_dialog_moderators(self, message: Moderators) -> None:
        select: Select[str] = self.query_one("#moderator", Select)
        options = [("Any moderator (they claim from their queue)", ANY_MODERATOR)]
        select.set_options(options + [(name, name) for name in message.names])
        select.value = ANY_MODERATOR

    def _int(self, field: str, default: int | None) -> int | None:
        raw = self.query_one(f"#{field}", Input).value.strip()
        return default if not raw else int(raw)

    def fail(self, reason: str, field: str | None = None) -> None:
        """Show what is wrong under the fields; keep every value typed."""
        self.query_one("#sample-error", Label).update(reason)
        if field is not None:
            self.query_one(f"#{field}", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        if self.drawing:
            return
        try:
            rate = float(self.query_one("#rate", Input).value)
        except ValueError:
            rate = -1.0
        if not 0 < rate <= 1:
            self.fail("The rate must be a number above 0 and at most 1 (0.5 is half).", "rate")
            return
        try:
            seed = self._int("seed", None)
            d = self.workbench.settings.sample
            minimum = self._int("min-per-manager", d.min_per_manager) or 0
            months = self._int("exclude-months", d.exclude_months) or 0
        except ValueError:
            self.fail("Seed, minimum and months must be whole numbers.")
            return
        chosen = self.query_one("#moderator", Select).value
        moderator = chosen if isinstance(chosen, str) and chosen else None
        self.drawing = True
        self.query_one("#sample-error", Label).update("Drawing…")
        self.draw(rate, seed, minimum, months, moderator)

    @work(thread=True, exclusive=True, group="db-write", exit_on_error=False)
    def draw(
        self, rate: float, seed: int | None, minimum: int, months: int, moderator: str | None
    ) -> None:
        """Draw and store the sample (worker thread); a refusal comes back as a message."""
        from moderator.errors import ModeratorError
        from moderator.services.sampling import draw_sample

        store = self.workbench.require_store()
        user = self.workbench.user
        assert user is not None
        try:
            result = draw_sample(
                store,
                user,
                rate=rate,
                seed=seed,
                min_per_manager=minimum,
                exclude_months=months,
                moderator=moderator,
            )
        except ModeratorError as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Drawn(result))

    def on_sample_dialog_failed(self, message: Failed) -> None:
        self.drawing = False
        self.fail(f"Not drawn: {message.reason}")

    def on_sample_dialog_drawn(self, message: Drawn) -> None:
        self.finish(message.result)  # once help, if open over the dialog, is closed

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def open_sample_dialog(screen: ModeratorScreen) -> None:
    """Show the dialog over ``screen``; say what was drawn and refresh the screen after."""

    def drawn(result: Any) -> None:
        if result is None:
            return
        managers = len({item.manager for item in result.items})
        who = result.moderator or "any moderator to claim"
        from moderator.tui.actions import action_by_id, display_keys

        samples_key = display_keys(action_by_id("home.samples"))
        screen.notify(
            f"Sample {result.id}: {len(result.items)} of {result.eligible} eligible audits"
            f" ({managers} managers), seed {result.seed}, for {who}."
            f" {samples_key} lists the samples.",
            title="Moderation sample drawn",
        )
        reload = getattr(screen, "load_rows", None)
        if reload is not None:
            reload()

    screen.app.push_screen(SampleDialog(), drawn)
