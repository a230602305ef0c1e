"""Who is working? Lists the database's users; typing narrows the list; the choice is remembered."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header

if TYPE_CHECKING:
    from moderator.services.users import User


def describe(u: User) -> str:
    """One line per user: name, role, team, authority."""
    return (
        f"{u.name}  ·  {u.role.value}"
        + (f"  ·  {u.team}" if u.team else "")
        + (f"  ·  {u.authority}" if u.authority else "")
    )


class FindInput(Input):
    """The picker's search box: every key types, except `?`, which opens the help."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "?" and super().check_consume_key(key, character)


class UserList(OptionList):
    """The picker's list of users: Enter is the picker's (choose), not the list's own select.

    The list's select only posts a message, handled after every key typed behind the Enter
    has been typed into the search; the picker's binding chooses as the key is read, so
    the keys after it go to the list of the user chosen (a burst: Enter j j Enter).
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            return False  # the picker's Enter binding runs instead
        return super().check_action(action, parameters)


class PickerScreen(ModeratorScreen):
    """Choose the user to work as."""

    SCOPE = "picker"
    # Typing finds a name, so `?` is the one key a search never needs: it opens the help
    # it is offered for in the footer, even from the search box (F1 works too).
    BINDINGS: ClassVar[list[BindingType]] = [
        replace(b, priority=True) if isinstance(b, Binding) and b.action == "app.help" else b
        for b in bindings_for("picker")
    ]

    def __init__(self, users: list[User], problem: str | None = None) -> None:
        super().__init__()
        self.users = users
        self.problem = problem
        self.shown: list[User] = list(users)
        self.choosing = False
        """Enter was typed on the list and has not yet reached the bindings (action_choose):
        the keys typed after it are for the list of the user it chooses, not the search."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="picker-box"):
            yield Static("Who is working?", id="picker-title")
            if self.problem:
                yield Static(self.problem, id="picker-problem", markup=False)
            if self.users:
                yield Static(
                    "Choose yourself; moderator remembers the choice (change it later with u)."
                    " Type to find a name.",
                    classes="hint",
                )
                yield FindInput(
                    placeholder="Find (type a name, role or team)",
                    id="find",
                    compact=True,
                    select_on_focus=False,  # keep the first letter typed on the list
                )
                # Text, not markup: a name is the user's own words ("Bad [/] name")
                yield UserList(
                    *[Option(Text(describe(u)), id=u.name) for u in self.users], id="users"
                )
            else:
                yield Static(
                    "This database has no users yet. Add some from the command line, e.g.\n\n"
                    "  moderator user add lee --role lead\n"
                    "  moderator user add mia --role manager --team 'Safeguarding North' --as lee\n\n"
                    "then start moderator again (Ctrl+Q quits).",
                    id="picker-empty",
                    markup=False,
                )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "who is working?"
        if self.users:
            self.query_one("#users", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.shown) or action != "choose"

    def on_key(self, event: Key) -> None:
        if not self.users:
            return
        if event.key == "enter" and self.shown and self.query_one("#users").has_focus:
            self.choosing = True  # action_choose runs when the key reaches the bindings
            return
        # Type-to-find: a printable key typed on the list starts the search with it.
        if self.choosing or not event.is_printable or event.character in (None, " "):
            return
        find = self.query_one("#find", Input)
        if find.has_focus:
            return
        event.stop()
        event.prevent_default()
        find.focus()
        find.insert_text_at_cursor(event.character or "")

    @on(Input.Changed, "#find")
    def find_changed(self, event: Input.Changed) -> None:
        words = event.value.lower().split()
        self.shown = [u for u in self.users if all(w in describe(u).lower() for w in words)]
        options = self.query_one("#users", OptionList)
        options.clear_options()
        options.add_options([Option(Text(describe(u)), id=u.name) for u in self.shown])
        if self.shown:
            options.highlighted = 0
        self.refresh_bindings()

    @on(Input.Submitted, "#find")
    def find_done(self) -> None:
        if len(self.shown) == 1:
            self._choose(0)
        else:
            self.query_one("#users", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def action_choose(self) -> None:
        self.choosing = False
        highlighted = self.query_one("#users", OptionList).highlighted
        if highlighted is not None:
            self._choose(highlighted)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.shown):
            self.workbench.work_as(self.shown[index], remember=True)
