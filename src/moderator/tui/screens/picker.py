"""Who is working? Lists the database's users; typing narrows the list; the choice is remembered."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import NoScreen
from textual.events import Click, Key
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from moderator.tui.actions import action_by_id, bindings_for
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


class FindInput(Input, inherit_bindings=False):
    """The picker's search box: every key types, except `?`, which opens the help.

    Enter is the picker's (:meth:`PickerScreen.enter_read`), as the box reads it: the keys
    typed behind it in a burst are already on their way to the box, and would be typed
    into the search before a message it posted was handled. When the Enter chooses, the
    keys after it are not typed: they go on to the app, which keeps them for the list of
    the user chosen (a burst: Enter j j Enter), as it does for those after an Enter on the
    list.
    """

    # Enter here chooses too (when the search finds one user): the bar says so, as it does
    # on the list. Input's own Enter binding (shown on no bar) hid the picker's "⏎ Choose"
    # as soon as a letter was typed. Help leads the bar, as on every screen (the box's keys
    # come first). Not inherited: the scrolling keys Input takes from ScrollableContainer,
    # so ↓ and ↑ reach the picker and move through the users (:meth:`PickerScreen.action_move`).
    BINDINGS: ClassVar[list[BindingType]] = [
        replace(action_by_id("app.help").binding(), action="app.help", priority=True),
        replace(action_by_id("picker.choose").binding(), action="submit"),
        *[b for b in Input.BINDINGS if not (isinstance(b, Binding) and b.key == "enter")],
    ]

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "?" and super().check_consume_key(key, character)

    def picker(self) -> PickerScreen | None:
        """The picker the box is on (None once it has been left)."""
        try:
            screen = self.screen
        except NoScreen:
            return None
        return screen if isinstance(screen, PickerScreen) else None

    async def _on_key(self, event: Key) -> None:
        picker = self.picker()
        if picker is None:
            return
        if picker.choosing:
            event.prevent_default()  # not typed here: on to the list of the user chosen
        elif event.key == "enter":
            picker.enter_read(event)

    async def action_submit(self) -> None:
        # The Enter that chooses, reaching the bindings (enter_read let it go on).
        picker = self.picker()
        if picker is not None and (picker.choosing or picker.search_entered()):
            picker.action_choose()


class UserList(OptionList):
    """The picker's list of users: Enter is the picker's (choose), not the list's own select.

    The list's select only posts a message, handled after every key typed behind the Enter
    has been typed into the search; the picker's binding chooses as the key is read, so
    the keys after it go to the list of the user chosen (a burst: Enter j j Enter).
    """

    clicked: int | None = None
    """The name the last click highlighted: a second click on it chooses."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            return False  # the picker's Enter binding runs instead
        return super().check_action(action, parameters)

    async def _on_click(self, event: Click) -> None:
        # A click highlights, as on the other lists; a second click on that name chooses.
        # One click never chooses: in a browser the first click, to give the page focus,
        # would sign in as whoever was under the pointer.
        event.prevent_default()  # not the list's own: it chooses on the first click
        index: int | None = event.style.meta.get("option")
        if index is None or self.get_option_at_index(index).disabled:
            return
        if index == self.clicked and index == self.highlighted:
            self.action_select()
        else:
            self.highlighted = self.clicked = index


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
        """An Enter that chooses (on the list, or in the search when it finds one user) has
        been read and has not yet reached the bindings (:meth:`action_choose`): the keys
        typed after it are for the list of the user it chooses, not the search."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="picker-box"):
            yield Static("Who is working?", id="picker-title")
            if self.problem:
                yield Static(self.problem, id="picker-problem", markup=False)
            if self.users:
                yield Static(self.hint(), classes="hint")
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
                    + (
                        "then reload this page."  # a browser tab: a new workbench, read afresh
                        if self.workbench.served
                        else "then start moderator again (Ctrl+Q quits)."
                    ),
                    id="picker-empty",
                    markup=False,
                )
        yield Footer()

    def hint(self) -> str:
        """How to choose, and what happens to the choice (a browser tab keeps none)."""
        later = (
            "moderator remembers the choice (change it later with u)"
            if self.workbench.remember_user
            else "once you work, u switches user"
        )
        return f"Choose yourself (Enter, or click a name twice); {later}. Type to find a name."

    def on_mount(self) -> None:
        self.sub_title = "who is working?"
        if self.users:
            self.query_one("#users", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from a screen opened before an Enter reached the bindings (help, by ? typed
        # right behind it): that Enter went to the other screen, and chooses no one now.
        self.choosing = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            # Someone is working (the picker came from u): Esc keeps them; at start-up,
            # nobody is, and there is nowhere to go back to.
            return self.workbench.user is not None
        return bool(self.shown) or action != "choose"

    def action_back(self) -> None:
        """Leave the picker opened with u: back to the list as it was, as the same user."""
        if self.workbench.user is not None and self.is_current:
            self.app.pop_screen()

    def on_key(self, event: Key) -> None:
        if not self.users or self.choosing:
            return  # after an Enter that chooses: on to the list of the user chosen
        if event.key == "enter":
            self.enter_read(event)
            return
        # Type-to-find: a printable key typed on the list (the search types its own) goes
        # to the search. Focus moves at once, not through a message: the keys typed behind
        # this one in a burst, already on their way to the list, come here in turn.
        if not event.is_printable or event.character in (None, " "):
            return
        event.stop()
        event.prevent_default()
        find = self.query_one("#find", Input)
        self.set_focus(find)
        find.insert_text_at_cursor(event.character or "")

    def action_move(self, step: int) -> None:
        """↓ or ↑ typed in the search: on to the list, one user down or up (on the list, the
        list's own keys move)."""
        users = self.query_one("#users", UserList)
        if not self.shown:
            return
        self.set_focus(users)
        if step > 0:
            users.action_cursor_down()
        else:
            users.action_cursor_up()

    def enter_read(self, event: Key) -> None:
        """Enter, as it is read (by the search box, else here), in a burst before the keys
        typed after it: whether it chooses is known now, and the keys after it go on to the
        list of the user chosen; the choice itself is made as the key reaches the bindings.
        Where focus is now counts (``has_focus`` follows it only a message later)."""
        if self.focused is self.query_one("#find", Input):
            if not self.search_entered():
                event.stop()  # done: not on to the bindings
                event.prevent_default()
        elif self.shown and self.focused is self.query_one("#users", OptionList):
            self.choosing = True  # action_choose runs when the key reaches the bindings

    def search_entered(self) -> bool:
        """Enter in the search: True when it finds one user, to be chosen (it is
        highlighted). Several are listed, focus on them, to choose from; none, and it says
        so (the search stays, to be corrected)."""
        self.show_matches()  # the keys typed last may not have listed their matches yet
        if len(self.shown) == 1:
            self.choosing = True
        elif self.shown:
            self.set_focus(self.query_one("#users", OptionList))
        else:
            search = self.query_one("#find", Input).value
            self.notify(
                f"No user matches {search!r}: change the search to find a name.",
                severity="warning",
                markup=False,
            )
        return self.choosing

    def matching(self, search: str) -> list[User]:
        """The users whose line has every word of ``search`` (any case)."""
        words = search.lower().split()
        return [u for u in self.users if all(w in describe(u).lower() for w in words)]

    def show_matches(self) -> None:
        """List the users the search finds as it is now, the first highlighted."""
        self.shown = self.matching(self.query_one("#find", Input).value)
        options = self.query_one("#users", UserList)
        options.clear_options()
        options.add_options([Option(Text(describe(u)), id=u.name) for u in self.shown])
        options.clicked = None  # the names moved: the next click only highlights
        if self.shown:
            options.highlighted = 0
        self.refresh_bindings()

    @on(Input.Changed, "#find")
    def find_changed(self) -> None:
        # The search as it is now: in a burst, an Enter may have listed its matches already.
        self.show_matches()

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
