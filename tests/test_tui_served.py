"""The workbench of a browser tab (``moderator serve``): files reach the browser as downloads,
nothing is read from or written to a path a browser user names on the server, and nothing
tells them to use a terminal they do not have. A walk in a real browser found the export
written on the server, its "File" field overwriting any file, the import reading
/etc/passwd and quoting it back, and "Widen the terminal"."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from moderator.errors import BadInput, cap_quoted
from moderator.services.auth import set_password
from moderator.services.cases import import_cases
from moderator.services.users import get_user
from moderator.settings import load_settings
from moderator.store import open_store
from moderator.tui.actions import IMPORT_ON_SERVER
from moderator.tui.app import ModeratorApp, create_app
from moderator.tui.commands import available_actions, elsewhere_actions
from moderator.tui.screens.export import ExportDialog
from moderator.tui.screens.import_cases import ImportScreen
from moderator.tui.screens.signin import SignInScreen
from tests.dashboard_support import build_drift_db
from tests.test_tui_dashboard import HEADLINE, open_dashboard
from tests.test_tui_grading import keys, settle, wait_for_screen
from tests.test_tui_palette import help_sections
from tests.tui_support import TODAY, build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_drift_db(tmp_path / "drift.db")


def served_app(db: Path, user: str | None = "lee", **settings: Any) -> ModeratorApp:
    """The app as ``moderator serve`` runs it for a tab (serve_tab's ``served=True``)."""
    loaded = load_settings(db=db, user=user, **settings)
    return create_app(loaded, today=lambda: TODAY, cursor_blink=False, served=True)


class Deliveries:
    """What the app asked Textual to send to the browser (``App.deliver_binary``)."""

    def __init__(self, app: ModeratorApp) -> None:
        self.sent: list[tuple[str | None, bytes]] = []
        app.deliver_binary = self.deliver  # type: ignore[method-assign]

    def deliver(self, path_or_file: Any, *, save_filename: str | None = None, **_: Any) -> str:
        self.sent.append((save_filename, path_or_file.read()))
        return "key"


def files_under(folder: Path) -> set[Path]:
    """The files in ``folder`` but the database's own (its -wal and -shm come and go)."""
    return {p for p in folder.rglob("*") if p.is_file() and ".db" not in p.name}


async def until(pilot: Pilot[None], check: Any, what: str) -> None:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        if check():
            return
    raise AssertionError(what)


async def open_export(pilot: Pilot[None]) -> ExportDialog:
    await open_dashboard(pilot)
    await pilot.press("e")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


def said(pilot: Pilot[None]) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


async def test_a_served_export_is_a_download_and_writes_nothing_on_the_server(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where the terminal's export would have written it
    before = files_under(tmp_path)
    app = served_app(db)
    deliveries = Deliveries(app)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        field = dialog.query_one("#export-path", Input)
        assert field.value == "drift-report-2020-02-10.html"  # a name, not a server path
        await pilot.press("down", "down", "down", "down")  # json
        assert field.value == "drift-report-2020-02-10.json"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: deliveries.sent, "nothing was sent to the browser")
        ((name, data),) = deliveries.sent
        assert name == "drift-report-2020-02-10.json"
        report = json.loads(data.decode("utf-8"))
        assert HEADLINE in report["headline"] and report["overall"]["n"] == 19
        await until(pilot, lambda: any("download" in s for s in said(pilot)), "no notice")
        notice = next(s for s in said(pilot) if "download" in s)
        assert "drift-report-2020-02-10.json" in notice and "Wrote" not in notice
    assert [p for p in files_under(tmp_path) - before if "drift-report" in p.name] == []


@pytest.mark.parametrize("typed", ["../x.html", "{tmp}/x.html", "sub/x.html", "..", ".hidden"])
async def test_a_served_export_refuses_a_path_for_its_name(
    db: Path, tmp_path: Path, typed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ("{tmp}/x.html": an absolute path such as /tmp/x.html, kept inside the test's folder)
    typed = typed.format(tmp=tmp_path)
    (tmp_path / "here" / "sub").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "here")  # where a relative path would land
    victim = tmp_path / "victim.html"
    victim.write_text("keep me", encoding="utf-8")
    before = files_under(tmp_path)
    app = served_app(db)
    deliveries = Deliveries(app)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        dialog.query_one("#export-path", Input).value = typed
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is dialog  # still asking
        error = str(dialog.query_one("#export-error").render())
        assert "file name" in error, error
        dialog.query_one("#export-path", Input).value = str(victim)  # a server path: refused
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is dialog
        assert deliveries.sent == []
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert files_under(tmp_path) == before


async def test_a_served_csv_export_downloads_the_paired_grades(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where the terminal's export would have written it
    app = served_app(db)
    deliveries = Deliveries(app)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        dialog.query_one("#export-format", OptionList).highlighted = 3  # csv
        await pilot.press("ctrl+s")
        await until(pilot, lambda: deliveries.sent, "nothing was sent to the browser")
    ((name, data),) = deliveries.sent
    assert name == "drift-report-2020-02-10.csv"
    lines = data.decode("utf-8").splitlines()
    assert lines[0].startswith("audit_id,case_ref,rubric,criterion")
    assert len(lines) == 1 + 22 * 4
    assert not list(tmp_path.glob("drift-report-*"))


async def test_in_a_terminal_the_export_still_writes_the_file(db: Path, tmp_path: Path) -> None:
    app = create_app(db, "lee", today=lambda: TODAY, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        out = tmp_path / "drift.html"
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await until(pilot, out.exists, "the file was not written")
        await until(pilot, lambda: any(str(out) in s for s in said(pilot)), "no notice")


async def test_a_served_workbench_offers_no_import_from_a_server_path(db: Path) -> None:
    app = served_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        offered = {a.id for a, _ in available_actions(pilot.app, pilot.app.screen)}
        offered |= {a.id for a in elsewhere_actions(pilot.app, pilot.app.screen)}
        assert "dashboard.export" in offered
        assert not {i for i in offered if i == "app.import" or i.startswith("import.")}
        await pilot.press("ctrl+o")  # not bound: no screen, and no notice of one refused
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ImportScreen) and not said(pilot)
        keys_listed = await help_sections(pilot)
        assert "Everywhere" in keys_listed
        assert "Import cases (redaction doubts)" not in keys_listed
        assert not any("Import cases" in d for d in dict(keys_listed["Everywhere"]).values())
    terminal = create_app(db, "lee", today=lambda: TODAY, cursor_blink=False)
    async with terminal.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        assert "app.import" in {a.id for a, _ in available_actions(pilot.app, pilot.app.screen)}
        assert "Import cases (redaction doubts)" in await help_sections(pilot)


async def test_a_served_leads_list_offers_no_import_key(db: Path) -> None:
    """The lead's footer in a tab offered "^o Import", which only said imports are not done
    in a browser: the footer, help and palette offer no import there. Ctrl+O did nothing
    without a word: it says where the import runs, and help lists that, not an import."""
    from tests.test_tui_home import footer_text
    from tests.test_tui_lead_home import LeadHomeScreen

    app = served_app(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)
        assert "Sample" in footer_text(pilot) and "Import" not in footer_text(pilot)
        offered = {a.id for a, _ in available_actions(pilot.app, pilot.app.screen)}
        assert "home.sample" in offered and not {i for i in offered if "import" in i}
        rows = [d for entries in (await help_sections(pilot)).values() for _k, d in entries]
        assert [d for d in rows if "Import" in d] == [IMPORT_ON_SERVER], rows
        await pilot.press("escape")
        await wait_for_screen(pilot, LeadHomeScreen)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: IMPORT_ON_SERVER in said(pilot), "no word on Ctrl+O")
        assert isinstance(pilot.app.screen, LeadHomeScreen)
    async with create_app(db, "lee", today=lambda: TODAY).run_test(size=(160, 40)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)  # a terminal's lead keeps it
        assert "^o Import" in footer_text(pilot)


def test_a_header_error_quotes_no_long_run_of_the_file(tmp_path: Path) -> None:
    passwd = tmp_path / "passwd"
    line = "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin-and-a-long-tail"
    passwd.write_text(f"{line},b,c,d,e,f,g,h\nx,y\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        import_cases(None, None, passwd, key_path=tmp_path / "key", dry_run=True)
    message = str(caught.value)
    assert "unknown column(s)" in message
    assert line not in message
    assert f"'{line[:40]}…'" in message
    assert "… (3 more)" in message  # 8 unknown columns: five listed


def test_cap_quoted_leaves_short_quotes_and_plain_words() -> None:
    text = "x:1: unknown column(s): 'a', 'b' (expected case_ref) isn't it"
    assert cap_quoted(text) == text


@pytest.fixture
def secured(tmp_path: Path, mini_rubrics: Path) -> Path:
    path = build_workbench_db(tmp_path / "work.db")
    with open_store(path) as store:
        set_password(store, get_user(store, "lee"), "lee", "lee's long passphrase")
    return path


async def test_a_failed_sign_in_in_a_browser_says_to_ask_a_lead(secured: Path) -> None:
    app = served_app(secured, user=None, signin_delay_seconds=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, SignInScreen)
        await pilot.press(*keys("lee"), "enter", *keys("not it"), "enter")
        shown = ""

        def refused() -> bool:
            nonlocal shown
            shown = str(pilot.app.screen.query_one("#picker-problem", Static).render())
            return "sign-in failed" in shown

        await until(pilot, refused, "no refusal shown")
        assert "ask a lead to set it" in shown
        assert "moderator user password" not in shown


async def test_the_dashboard_says_widen_the_window_in_a_browser(db: Path) -> None:
    app = served_app(db)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_dashboard(pilot)
        await pilot.press("]")
        note = ""

        def named() -> bool:
            nonlocal note
            note = str(screen.query_one("#managers-more", Static).render())
            return "Left out at this width" in note

        await until(pilot, named, "no column left out at 80 columns")
        assert "Widen the window to see them." in note and "terminal" not in note
