"""Who is working? Lists the database's users; the choice is remembered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen

if TYPE_CHECKING:
    from moderator.services.users import User


class PickerScreen(ModeratorScreen):
    """Choose the user to work as."""

    SCOPE = "picker"
    BINDINGS = bindings_for("picker")

    def __init__(self, users: list[User], problem: str | None = None) -> None:
        super().__init__()
        self.users = users
        self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="picker-box"):
            yield Static("Who is working?", id="picker-title")
            if self.problem:
                yield Static(self.problem, id="picker-problem", markup=False)
            if self.users:
                yield Static(
                    "Choose yourself; moderator remembers the choice (change it later with u).",
                    classes="hint",
                )
                yield OptionList(
                    *[
                        Option(
                            # Text, not markup: a name is the user's own words ("Bad [/] name")
                            Text(
                                f"{u.name}  ·  {u.role.value}"
                                + (f"  ·  {u.team}" if u.team else "")
                                + (f"  ·  {u.authority}" if u.authority else "")
                            ),
                            id=u.name,
                        )
                        for u in self.users
                    ],
                    id="users",
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
        return bool(self.users) or action != "choose"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def action_choose(self) -> None:
        highlighted = self.query_one("#users", OptionList).highlighted
        if highlighted is not None:
            self._choose(highlighted)

    def _choose(self, index: int) -> None:
        from moderator.tui.app import ModeratorApp

        app = self.app
        assert isinstance(app, ModeratorApp)
        app.work_as(self.users[index], remember=True)
