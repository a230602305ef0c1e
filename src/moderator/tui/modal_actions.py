"""The registry entries of the screens that open over others: the user picker, help, the
dialogs, and the import screen's walk through the redactor's doubts.

:mod:`moderator.tui.actions` puts them together with the rest.
"""

from __future__ import annotations

from moderator.tui.action import Action


def modal_actions() -> list[Action]:
    """The keys of the picker, help and the dialogs."""
    return [
        Action("picker.choose", "picker", "enter", "choose", "Choose", "Work as the selected user"),
        Action(
            "picker.find",
            "picker",
            "",  # no key of its own: any letter or digit typed starts the search (not a binding)
            "find",
            "Find",
            "Find a user: type a name, role or team (letters go to the search, j and k too)",
            show=False,
            key_display="Type",
            palette=False,
        ),
        Action(
            "picker.next",
            "picker",
            "down",
            "move(1)",
            "Next",
            "Next user (in the search too)",
            show=False,
            key_display="↓",
            palette=False,
        ),
        Action(
            "picker.prev",
            "picker",
            "up",
            "move(-1)",
            "Previous",
            "Previous user (in the search too)",
            show=False,
            key_display="↑",
            palette=False,
        ),
        Action(
            "picker.back",
            "picker",
            "escape",
            "back",
            "Back",
            "Keep working as you were (when switching user with u)",
            palette=False,
        ),
        Action("help.close", "help", "escape,q", "close", "Close", "Close the help", palette=False),
        Action(
            "help.palette",
            "help",
            "ctrl+p",
            "command_palette",  # (the app's, so help lists it once, under Everywhere)
            "Commands",
            "Search every command",
            show=False,
            palette=False,
        ),
        Action(
            "dialog.cancel",
            "dialog",
            "escape",
            "cancel",
            "Cancel",
            "Close without changing anything",
            palette=False,
        ),
        Action(
            "dialog.confirm",
            "dialog",
            "ctrl+s",
            "confirm",
            "OK",  # each dialog names it on its bar: Submit, Draw, Override (ModeratorModal)
            "Do what the dialog is for, as its main button does (its key bar names it)",
            palette=False,
        ),
        Action(
            "export.run",
            "export",
            "enter",
            "export",
            "Export",
            "Export now: the format highlighted, to the file named (Enter on the buttons presses them)",
            priority=True,  # before the format list's and the file field's own Enter
            palette=False,
        ),
    ]


def import_actions() -> list[Action]:
    """The keys of the import screen: read the file, then decide each doubt in turn."""
    return [
        Action(
            "import.read",
            "import",
            "enter",
            "read",
            "Read",
            "Read the file named in the path field and list the redactor's doubts",
            priority=True,  # before the path field's own Enter, so that the bar shows it
            palette=False,
        ),
        Action(
            "import.redact",
            "import",
            "r",
            "decide('redact')",
            "Redact",
            "Confirm: redact it",
        ),
        Action(
            "import.keep",
            "import",
            "k",
            "decide('keep')",
            "Keep",
            "Reject: keep the words",
        ),
        Action(
            "import.skip",
            "import",
            "s",
            "skip",
            "Skip",
            "Go on without deciding it (a decision taken stays)",
        ),
        Action(
            "import.previous",
            "import",
            "up,p",
            "previous",
            "Back one",
            "Go back to the doubt before, to see or change its decision",
            key_display="↑",
        ),
        Action(
            "import.next",
            "import",
            "down,n",
            "next",
            "On one",
            "Go on to the next doubt without deciding",
            show=False,
        ),
        Action("import.run", "import", "i", "run_import", "Import", "Import the file now"),
        Action("import.back", "import", "escape", "back", "Back", "Leave the import screen"),
    ]
