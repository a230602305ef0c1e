"""Signing in to a secured database: the sign-in screen, a new password, the idle lock.

In an open database the workbench shows the user picker instead; once a lead
has set the first password every session signs in here, and ``u`` (switch
user) comes back here too. The password is checked on a worker thread; the
screen shows the same words for an unknown name and a wrong password.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from moderator.tui.base import ModeratorModal, ModeratorScreen
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header

if TYPE_CHECKING:
    from moderator.services.auth import SignedIn
    from moderator.services.users import User
    from moderator.tui.base import Workbench


_FAILED = (WorkerState.ERROR, WorkerState.CANCELLED)


def _policy(app: Workbench) -> Any:
    from moderator.services.auth import SignInPolicy

    # The worker thread is this session's alone, so the pause after a failure may block it.
    return SignInPolicy.from_settings(app.settings)


class SignedInMessage(Message):
    """A password was accepted."""

    def __init__(self, signed: SignedIn) -> None:
        super().__init__()
        self.signed = signed


class Refusal(Message):
    """A password was refused; ``text`` says why, fit to show."""

    def __init__(self, text: str, *, wrong: bool = False) -> None:
        super().__init__()
        self.text = text
        self.wrong = wrong
        """The plain refusal (wrong name or password), not a locked account."""


class NextOnEnter(Input):
    """An input whose Enter moves straight to the next field.

    Focus moves at once rather than through a message, so that whatever the
    person typed ahead after Enter lands in the next field, not this one.
    """

    def __init__(self, *args: Any, next_id: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.next_id = next_id

    async def action_submit(self) -> None:
        self.screen.set_focus(self.screen.query_one(f"#{self.next_id}", Input))


class _PasswordForm:
    """What the sign-in screen and the lock share: check a password on a worker thread.

    The password field stays enabled and focused while the check runs (the pause after a
    failure grows with each one): disabling it would move focus to the next field, the
    name in plain text, where the next attempt typed ahead would land. The field is
    emptied as the check starts, so what is typed meanwhile is the next attempt; an Enter
    typed meanwhile sends it once the check is done.
    """

    password_id = "signin-password"
    """The id of the screen's password field."""
    checking = False
    """A password is being checked (Enter waits for the result)."""
    enter_waiting = False
    """Enter was pressed while a check ran: the field is sent when it refuses."""

    def start_check(self, name: str, field: Input) -> None:
        """Check ``field``'s password for ``name``, keeping focus in the field."""
        node: Any = self
        if self.checking:
            self.enter_waiting = True
            return
        password, field.value = field.value, ""
        self.checking, self.enter_waiting = True, False
        node.say_progress("Checking…")
        self.check_password(name, password)

    def check_refused(self, field: Input) -> None:
        """A refusal: focus back in the password field (the check ends with its worker)."""
        field.focus()

    def check_ended(self, refused: bool) -> None:
        """The check's worker has finished: an Enter typed meanwhile sends the next try
        (only now: a new check would cancel the worker still returning)."""
        node: Any = self
        self.checking = False
        field = node.query_one(f"#{self.password_id}", Input)
        if refused and self.enter_waiting and field.value:
            node.call_after_refresh(field.action_submit)
        self.enter_waiting = False

    @work(thread=True, exclusive=True, group="signin", exit_on_error=False)
    def check_password(self, name: str, password: str) -> SignedIn | None:
        """Sign in on a worker thread; a refusal is posted, a success returned."""
        from moderator.errors import ModeratorError
        from moderator.services.auth import (
            LEAD_SETS_IT,
            LEAD_SETS_IT_SERVED,
            SIGN_IN_FAILED,
            sign_in,
        )

        node: Any = self  # a screen: this mixin only ever comes first in a screen's bases
        try:
            return sign_in(node.app.require_store(), name, password, _policy(node.app))
        except ModeratorError as exc:
            text = str(exc)
            wrong = text == SIGN_IN_FAILED
            if getattr(node.app, "served", False):  # a browser tab has no terminal to type in
                text = text.replace(LEAD_SETS_IT, LEAD_SETS_IT_SERVED)
            node.post_message(Refusal(text, wrong=wrong))
            return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Act on a sign-in only once its worker has finished: what follows closes this
        # screen, and closing a screen cancels its workers. (Textual also calls the
        # screen's other handlers of this message: failures are reported there.)
        worker, node = event.worker, cast(Any, self)
        finished = worker.name == "check_password" and event.state is WorkerState.SUCCESS
        if worker.name == "check_password" and (finished or event.state in _FAILED):
            self.check_ended(refused=finished and worker.result is None)
        if finished and worker.result is not None:
            node.post_message(SignedInMessage(worker.result))


class SignInScreen(_PasswordForm, ModeratorScreen):
    """Who is working, with their password (a secured database)."""

    SCOPE = "picker"

    def __init__(self, name: str | None = None, problem: str | None = None) -> None:
        super().__init__()
        self.prefill = name or ""
        self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="picker-box"):
            yield Static("Sign in", id="picker-title")
            yield Static(
                "This database is secured: everyone signs in with their own password.",
                classes="hint",
            )
            yield NextOnEnter(
                self.prefill, placeholder="Your name", id="signin-name", next_id="signin-password"
            )
            yield Input(placeholder="Password", password=True, id="signin-password")
            yield Static(self.problem or "", id="picker-problem", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "sign in"
        target = "#signin-password" if self.prefill else "#signin-name"
        self.query_one(target, Input).focus()

    @on(Input.Submitted, "#signin-password")
    def _submit(self) -> None:
        name = self.query_one("#signin-name", Input).value.strip()
        password = self.query_one("#signin-password", Input)
        if not name:
            self.query_one("#signin-name", Input).focus()
            return
        self.start_check(name, password)

    def on_refusal(self, message: Refusal) -> None:
        self._say(message.text)
        self.check_refused(self.query_one("#signin-password", Input))

    def on_signed_in_message(self, message: SignedInMessage) -> None:
        app: Any = self.app
        signed = message.signed
        self._say("")  # the check is over ("Checking…" showed on behind the next dialog)
        if not signed.temporary:
            app.work_as(signed.user, remember=True)
            return

        def chosen(done: bool | None) -> None:
            if done:
                app.work_as(signed.user, remember=True)
            else:
                self.on_refusal(Refusal("Choose your own password to continue."))

        app.push_screen(NewPasswordDialog(signed.user), chosen)

    def _say(self, text: str, *, progress: bool = False) -> None:
        """Show why a sign-in failed (as an error) or that it is under way (neutral)."""
        line = self.query_one("#picker-problem", Static)
        line.update(text)
        line.set_class(progress, "progress")

    def say_progress(self, text: str) -> None:
        self._say(text, progress=True)


class NewPasswordDialog(ModeratorModal):
    """A lead set this password: the user chooses their own before working."""

    def __init__(self, user: User) -> None:
        super().__init__(classes="dialog")
        self.user = user

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Choose your own password", classes="dialog-title")
            yield Static(
                "A lead set the password you signed in with. Choose one only you know.",
                classes="dialog-body",
            )
            yield NextOnEnter(
                placeholder="New password",
                password=True,
                id="new-password",
                next_id="new-password-again",
            )
            yield Input(placeholder="The same again", password=True, id="new-password-again")
            yield Static("", id="new-password-problem", markup=False)

    def on_mount(self) -> None:
        self.query_one("#new-password", Input).focus()

    @on(Input.Submitted, "#new-password-again")
    def _submit(self) -> None:
        first = self.query_one("#new-password", Input).value
        again = self.query_one("#new-password-again", Input)
        if first != again.value:
            again.value = ""
            self._say("The two passwords differ; type the new one again.")
            return
        self.save(first)

    @work(thread=True, exclusive=True, group="signin", exit_on_error=False)
    def save(self, password: str) -> bool:
        """Store the new password (worker thread); True when stored."""
        from moderator.errors import ModeratorError
        from moderator.services.auth import set_password

        app: Any = self.app
        try:
            set_password(app.require_store(), self.user, self.user.name, password)
        except ModeratorError as exc:
            self.post_message(Refusal(str(exc)))
            return False
        return True

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Close only once the worker has finished: closing the dialog cancels its workers.
        # (Textual also calls the base classes' handler: failures are reported there.)
        worker = event.worker
        if worker.name == "save" and event.state is WorkerState.SUCCESS and worker.result:
            self.dismiss(True)

    def on_refusal(self, message: Refusal) -> None:
        self._say(message.text)
        self.query_one("#new-password", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#new-password-problem", Static).update(text)


class LockScreen(_PasswordForm, ModeratorModal):
    """The idle lock: covers the workbench, which stays as it was, until the password."""

    password_id = "lock-password"
    LOCKS_APP = True
    """While this screen is open the app refuses its own keys (``IdleLock.locked``)."""

    def __init__(self, user: User) -> None:
        super().__init__(classes="dialog")
        self.user = user

    def compose(self) -> ComposeResult:
        # A browser keeps Ctrl+Q (Firefox quits), and the palette is shut while locked:
        # there, a Sign out button (the app's sign_out, allowed while locked).
        served = getattr(self.app, "served", False)
        quits = "Sign out saves everything and signs out" if served else "Ctrl+Q saves and quits"
        with Vertical(classes="dialog-box", id="lock-box"):
            yield Static("Locked", classes="dialog-title")
            yield Static(
                f"The workbench locked itself after a while without use. {self.user.name}: "
                f"type your password to carry on where you were ({quits}).",
                classes="dialog-body",
                markup=False,
            )
            yield Input(placeholder="Password", password=True, id="lock-password")
            yield Static("", id="lock-problem", markup=False)
            if served:
                yield Button("Sign out", id="lock-sign-out")

    def on_mount(self) -> None:
        self.query_one("#lock-password", Input).focus()

    @on(Input.Submitted, "#lock-password")
    def _submit(self) -> None:
        self.start_check(self.user.name, self.query_one("#lock-password", Input))

    @on(Button.Pressed, "#lock-sign-out")
    def _sign_out(self) -> None:
        # On the app's queue: signing out removes this screen, which must not wait for it.
        self.app.call_later(self.app.run_action, "sign_out")

    def on_refusal(self, message: Refusal) -> None:
        # The lock asks no name: the sign-in screen's "wrong name or password, or no
        # password set for this name" would speak of one.
        line = self.query_one("#lock-problem", Static)
        line.update("Wrong password." if message.wrong else message.text)
        line.remove_class("progress")
        self.check_refused(self.query_one("#lock-password", Input))

    def say_progress(self, text: str) -> None:
        line = self.query_one("#lock-problem", Static)
        line.update(text)
        line.add_class("progress")

    def on_signed_in_message(self, message: SignedInMessage) -> None:
        app: Any = self.app
        app.last_activity = time.monotonic()  # the idle spell starts again from now
        self.dismiss(True)
