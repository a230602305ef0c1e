"""The export dialog: choose a format and a file for the drift report.

In a browser tab (``moderator serve``) the report is a download: the field is the download's
name only, and nothing is written on the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from moderator.reports.export import EXPORT_FORMATS, default_export_path, extension_problem
from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorModal
from moderator.tui.widgets.path_field import PathField


@dataclass(frozen=True)
class ExportRequest:
    """What to write and where."""

    fmt: str
    path: Path
    download: bool = False
    """Sent to the browser as a download named ``path.name`` (nothing written on the server)."""


def download_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a download, or None: a file name only, never a path."""
    if not name:
        return "Give the download a name."
    if "/" in name or "\\" in name or name in (".", ".."):
        return "Give a file name only (no folders): the report downloads to your browser."
    if name.startswith(".") or any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "Give a plain file name (letters, digits, - and _ are safe)."
    return None


def export_folder() -> Path:
    """The user's Downloads folder, else their home: not the folder the workbench was started
    in (a new user found /work/main/drift-report-….html offered)."""
    home = Path.home()
    downloads = home / "Downloads"
    return downloads if downloads.is_dir() else home


def with_format(path_text: str, fmt: str) -> str:
    """``path_text`` with its extension switched to ``fmt`` when it has an export extension."""
    path = Path(path_text)
    if path.suffix.lstrip(".") in EXPORT_FORMATS or not path.suffix:
        return str(path.with_suffix(f".{fmt}")) if path.name else path_text
    return path_text


class FormatList(OptionList):
    """The export formats: j and k move through them too, as help's "Next row" says (only
    the arrows did)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next", show=False),
        Binding("k", "cursor_up", "Previous", show=False),
    ]


class ExportDialog(ModeratorModal):
    """Pick the format (HTML first) and the path; refuses to replace a file without asking."""

    SCOPE = "export"
    # Enter exports from anywhere on the form (the format list, the file): the keyboard
    # user's form is filled in when they press it. Esc and Ctrl+S as in every dialog.
    BINDINGS = bindings_for("export") + bindings_for("dialog")
    CONFIRM_KEY = None  # Ctrl+S exports, as Enter does: the bar shows ⏎ Export only

    def __init__(self, today: date, folder: Path | None = None, *, download: bool = False) -> None:
        super().__init__(classes="dialog")
        self.today = today
        self.folder = folder or export_folder()
        """Where the file goes unless a full path is typed (shown in full in the field)."""
        self.download = download
        """A browser tab's export: the field names the download; nothing is written here."""
        self.replace_ok: Path | None = None
        """A path the user was warned about and confirmed again."""

    def compose(self) -> ComposeResult:
        first = next(iter(EXPORT_FORMATS))
        with VerticalScroll(classes="dialog-box", id="export-box"):
            yield Label("Export the drift report", classes="dialog-title")
            yield Static(
                "The report as it is on screen, with its filters.",
                classes="dialog-body",
                markup=False,
            )
            yield FormatList(
                *[
                    Option(f"{fmt:<5} {what}", id=f"fmt-{fmt}")
                    for fmt, what in EXPORT_FORMATS.items()
                ],
                id="export-format",
            )
            default = default_export_path(first, self.today, self.folder)
            yield Label(
                "File name (your browser downloads it)" if self.download else "File",
                classes="field-label",
            )
            yield PathField(
                default.name if self.download else str(default), id="export-path", compact=True
            )
            yield Label("", id="export-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="confirm", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        formats = self.query_one("#export-format", OptionList)
        formats.highlighted = 0
        formats.focus()

    def chosen_format(self) -> str:
        """The highlighted format."""
        index = self.query_one("#export-format", OptionList).highlighted or 0
        return list(EXPORT_FORMATS)[index]

    @on(OptionList.OptionHighlighted, "#export-format")
    def format_changed(self) -> None:
        path = self.query_one("#export-path", Input)
        path.value = with_format(path.value, self.chosen_format())
        self.clear_error()

    @on(Input.Changed, "#export-path")
    def clear_error(self) -> None:
        """The form changed: the error said about the last try no longer holds (a new user
        changed the folder and still read "There is no folder …" about the old one)."""
        self.query_one("#export-error", Label).update("")

    @on(OptionList.OptionSelected, "#export-format")
    def format_chosen(self) -> None:
        # A click on a format (Enter exports instead): then the file, to check or change.
        self.query_one("#export-path", Input).focus()

    def action_export(self) -> None:
        """Enter: export as the form is now; on a button, press that button (Cancel too)."""
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        else:
            self.action_confirm()

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        error = self.query_one("#export-error", Label)
        raw = self.query_one("#export-path", Input).value.strip()
        if self.download:
            self.confirm_download(raw)
            return
        if not raw:
            error.update("Give a file to write.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.is_dir():
            error.update(f"{path} is a folder: give a file name.")
            return
        if (problem := extension_problem(self.chosen_format(), path)) is not None:
            error.update(problem + ".")
            return
        if not path.parent.is_dir():
            error.update(f"There is no folder {path.parent}.")
            return
        if path.exists() and self.replace_ok != path:
            self.replace_ok = path
            error.update(f"{path.name} exists. Export again to replace it.")
            return
        self.dismiss(ExportRequest(self.chosen_format(), path))

    def confirm_download(self, name: str) -> None:
        """A browser tab's export: a download named ``name`` (a file name, never a path)."""
        error = self.query_one("#export-error", Label)
        problem = download_name_problem(name)
        if problem is None:
            problem = extension_problem(self.chosen_format(), Path(name))
            problem = None if problem is None else problem + "."
        if problem is not None:
            error.update(problem)
            return
        self.dismiss(ExportRequest(self.chosen_format(), Path(name), download=True))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
