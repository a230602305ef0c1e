"""A one-line field holding a file's name or path."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class PathField(Input):
    """A file's name or path: Ctrl+A selects it all, as in a browser's own fields (Textual's
    Input goes to the start, and the name typed next went in front of the one offered).

    The export dialog's File and the import screen's path behave alike (a new user found
    Ctrl+A selecting in one and moving to the start in the other).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", "Select all", show=False)
    ]
