"""A screen class that is also an abstract base class.

Textual's screens have a metaclass of their own and ABC's ``abstractmethod`` needs
``ABCMeta``: :class:`AbstractScreenMeta` joins the two, so a base screen (the lists'
:class:`~moderator.tui.screens.listing.ListScreen`) can name the hooks a subclass must give.
"""

from __future__ import annotations

from abc import ABCMeta
from typing import TYPE_CHECKING

from moderator.tui.base import ModeratorScreen

if TYPE_CHECKING:  # the name is Textual's own; at run time only its identity matters
    from textual.message_pump import _MessagePumpMeta
else:
    _MessagePumpMeta = type(ModeratorScreen)


class AbstractScreenMeta(_MessagePumpMeta, ABCMeta):
    """Textual's screen metaclass joined with ABC's.

    A list screen that forgets one of its hooks then fails where it is built, with
    the names of the hooks it lacks, rather than when a user first opens it.
    """
