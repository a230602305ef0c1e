"""Import cases in the workbench, deciding what the redactor is unsure of (keyboard-first).

Type the file's path and press Enter: the file is read and redacted without
writing anything, and each doubt (a redaction the redactor is unsure of, or a
likely identifier it kept) is shown in its sentence. ``r`` redacts it, ``k``
keeps the words, ``s`` leaves it undecided; one decision settles every place the
same words are written, and says so. ``↑``/``p`` goes back to a doubt to change
its decision. Decisions are remembered for the authority beside the pseudonym key
(keyed hashes, never the words). ``i`` imports the file with every decision applied.
The words shown are in :mod:`moderator.tui.screens.import_text`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.screens.import_text import (
    ALL_SEEN_HINT,
    decision_said,
    doubt_text,
    path_problem,
)
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.path_field import PathField

if TYPE_CHECKING:
    from moderator.anonymise.review import Decision, Decisions, Doubtful


class ImportScreen(ModeratorScreen):
    """Choose a file, settle the redaction doubts one by one, then import."""

    SCOPE = "import"
    BINDINGS = bindings_for("import")

    def __init__(self, db_path: Path, key_path: Path, actor: str | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.key_path = key_path
        self.actor = actor
        self.file: Path | None = None
        self.doubts: list[Doubtful] = []
        self.index = 0
        self.decisions: Decisions | None = None
        self.read_said = ""
        """What reading the file said (shown again once a key's message is stale)."""

    def compose(self) -> ComposeResult:
        yield Header()  # "⭘ Import cases — <who> · <role>", as every screen's title bar
        with Vertical(id="import-box"):
            yield PathField(
                placeholder="Path of the case-system export (JSONL or CSV)", id="import-file"
            )
            yield Static("", id="import-status", markup=False)
            yield Static("", id="import-doubt", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Import cases"
        self.query_one("#import-file", Input).focus()

    def _status(self, text: str) -> None:
        self.query_one("#import-status", Static).update(text)

    def _typing(self) -> bool:
        return self.focused is self.query_one("#import-file", Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The bar shows only what a key does now: Enter reads while the path is typed in
        # (False lets Enter through elsewhere); the doubt keys once there are doubts.
        if action == "read":
            return self._typing()
        if action in ("decide", "skip", "next"):
            return bool(self.doubts) and not self._typing()
        if action == "previous":  # not on the first doubt: there is none before it
            return bool(self.doubts) and self.index > 0 and not self._typing()
        if action == "run_import":
            return self.file is not None and not self._typing()
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def action_read(self) -> None:
        """Enter in the path field: read and redact the file (nothing written)."""
        self.load(self.query_one("#import-file", Input).value)

    def load(self, typed: str) -> None:
        """Read and redact the file (nothing written) and show its first doubt."""
        self.file, self.doubts, self.index = None, [], 0
        self.query_one("#import-doubt", Static).update("")
        self.refresh_bindings()
        problem = path_problem(typed)
        if problem is not None:
            self._status(problem)
            return
        path = Path(typed.strip()).expanduser()
        self._status(f"Reading {path.name}…")
        self._dry_run(path)

    @work(thread=True, exclusive=True, group="import")
    def _dry_run(self, path: Path) -> None:
        from moderator.anonymise.pseudonym import load_or_create_key
        from moderator.anonymise.review import Decisions, decisions_path
        from moderator.errors import ModeratorError
        from moderator.services.cases import import_cases

        try:
            result = import_cases(None, None, path, key_path=self.key_path, dry_run=True)
            key = load_or_create_key(self.key_path)
            decisions = Decisions.load(key, decisions_path(self.key_path))
        except ModeratorError as exc:
            self.app.call_from_thread(self._status, str(exc))
            return
        self.app.call_from_thread(self._loaded, path, result.read, result.uncertain, decisions)

    def _loaded(self, path: Path, read: int, doubts: list[Doubtful], decisions: Decisions) -> None:
        self.file, self.doubts, self.index, self.decisions = path, doubts, 0, decisions
        self.set_focus(None)  # the keys now decide, they no longer type
        self.read_said = (
            f"{read} case(s) read; {len(doubts)} redaction doubt(s) to decide."
            if doubts
            else f"{read} case(s) read; no redaction doubts. Press i to import."
        )
        self._status(self.read_said)
        self._show()

    def _show(self) -> None:
        self.refresh_bindings()
        self.query_one("#import-doubt", Static).update(
            doubt_text(self.doubts, self.index, self._decided)
        )

    def _decided(self, value: str) -> str | None:
        return None if self.decisions is None else self.decisions.lookup(value)

    def action_decide(self, decision: Decision) -> None:
        """Decide the doubt on screen, for every place its words are written; show the next
        doubt not yet decided."""
        if self.decisions is None or self.index >= len(self.doubts):
            self._status(ALL_SEEN_HINT)
            return
        value = self.doubts[self.index].value
        self.decisions.record(value, decision)
        self.decisions.save()
        self._status(decision_said(self.doubts, value, decision))
        following = range(self.index + 1, len(self.doubts))
        self.index = next(
            (i for i in following if self._decided(self.doubts[i].value) is None),
            len(self.doubts),
        )
        self._show()

    def action_skip(self) -> None:
        """Leave the doubt on screen as it is and show the next one."""
        if self.index >= len(self.doubts):
            self._status(ALL_SEEN_HINT)
            return
        self.index += 1
        self._status(self.read_said)  # what the last key said is about another doubt
        self._show()

    def action_next(self) -> None:
        """Show the next doubt (↓), decided or not."""
        self.action_skip()

    def action_previous(self) -> None:
        """Show the doubt before (↑): its decision can be changed with r or k."""
        if self.index > 0:
            self.index -= 1
            self._status(self.read_said)
            self._show()

    def action_run_import(self) -> None:
        """Import the file with every decision applied."""
        if self.file is None:
            return
        self._status(f"Importing {self.file.name}…")
        self._import(self.file)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: Path) -> None:
        from moderator.errors import ModeratorError
        from moderator.services.cases import import_cases
        from moderator.store import open_store

        try:
            with open_store(self.db_path) as store:
                clock = getattr(self.app, "store_clock", None)  # the demo's own, in the demo
                if clock is not None:
                    store.clock = clock
                result = import_cases(store, self.actor, path, key_path=self.key_path)
        except ModeratorError as exc:
            self.app.call_from_thread(self._status, str(exc))
            return
        left = (
            f"; {result.unresolved} doubt(s) left as the redactor chose"
            if result.unresolved
            else ""
        )
        self.app.call_from_thread(
            self._imported,
            f"Imported {result.added} case(s); {result.skipped} already present{left}.",
        )

    def _imported(self, said: str) -> None:
        """Say what was done and what is next; the doubts pane no longer offers to import."""
        self._status(said)
        self.query_one("#import-doubt", Static).update(
            "Done: the cases are in the workbench. Press Esc to go back."
        )

    def action_back(self) -> None:
        """Leave the import screen."""
        self.app.pop_screen()
