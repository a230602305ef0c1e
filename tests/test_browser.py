"""The workbench in a real browser: `moderator serve`, headless Chromium, a grade in the database.

Drives Debian's chromium through Debian's chromium-driver with selenium (no
browser is downloaded). The terminal is drawn on a canvas, so the test reads
progress from the database, as a person's work would be checked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from moderator.services.auth import set_password
from moderator.services.users import get_user
from moderator.store import open_store
from tests.tui_support import build_workbench_db

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.usefixtures("mini_rubrics"),
    pytest.mark.skipif(
        CHROMIUM is None or DRIVER is None,
        reason="no browser here: apt-get install chromium chromium-driver (.ci/run does)",
    ),
]
MIA_PW = "mia's own passphrase"
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


INK_JS = """
const canvas = document.querySelector('canvas.xterm-text-layer');
if (!canvas) { return 0; }
const top = Math.floor(canvas.height * 0.03), bottom = Math.floor(canvas.height * 0.3);
const px = canvas.getContext('2d').getImageData(0, top, canvas.width, bottom - top).data;
let lit = 0;
for (let i = 0; i < px.length; i += 4) { if (px[i] + px[i + 1] + px[i + 2] > 360) { lit++; } }
return lit;
"""
"""Light pixels below the header: how much text the workbench has drawn."""

PICTURE_JS = """
const canvas = document.querySelector('canvas.xterm-text-layer');
const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
let h = 0;
for (let i = 0; i < px.length; i += 4) { h = (h * 31 + px[i] + px[i + 1] + px[i + 2]) | 0; }
return h;
"""
"""A fingerprint of what the terminal shows."""


def poll(check: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    """Wait for ``check()`` to return something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(url: str) -> bool:
    """The server answers with the browser client (textual-serve's page and script)."""
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200 and b"textual.js" in response.read()
    except OSError:
        return False


@pytest.fixture
def secured_db(tmp_path: Path, mini_rubrics: Path) -> Path:
    path = build_workbench_db(tmp_path / "work.db")
    with open_store(path) as store:
        lee, mia = get_user(store, "lee"), get_user(store, "mia")
        set_password(store, lee, "lee", "lee's long passphrase")
        set_password(store, lee, "mia", "set by lee for mia")
        set_password(store, mia, "mia", MIA_PW)
    return path


@pytest.fixture
def served(secured_db: Path) -> Iterator[str]:
    """`moderator serve` on the secured database; its address."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moderator", "serve", "--db", str(secured_db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the tabs' workbenches stop with it
    )
    url = f"http://127.0.0.1:{port}"
    try:
        poll(lambda: answers(url) or server.poll() is not None, "the server to answer", 30)
        assert server.poll() is None, "moderator serve exited"
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in BROWSER_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def stored_grade(db: Path, case_ref: str, criterion: str) -> str | None:
    with open_store(db) as store:
        row = store.row(
            "SELECT g.grade FROM criterion_grades g JOIN audits a ON a.id = g.audit_id"
            " JOIN cases c ON c.id = a.case_id WHERE c.case_ref = ? AND g.criterion = ?",
            [case_ref, criterion],
        )
    return None if row is None else str(row["grade"])


def signed_in(db: Path, name: str) -> bool:
    with open_store(db) as store:
        return any(e["kind"] == "signin.ok" and e["actor"] == name for e in store.events("user"))


def send_keys(browser: Any, *keys: str) -> None:
    """Type ``keys`` one key action at a time: a burst can reach the workbench as a paste."""
    from selenium.webdriver.common.action_chains import ActionChains

    for key in keys:
        for char in key if len(key) > 1 and key[0] < "\ue000" else [key]:
            ActionChains(browser).send_keys(char).perform()


def wait_still(browser: Any, still_for: float) -> None:
    """Wait until the picture holds still (the last keys have been drawn).

    A focused input blinks its cursor, so "still" means: a watch of ``still_for`` seconds
    shows no picture that the watch before it did not also show (a condition, polled with
    a deadline, not a fixed wait).
    """

    def pictures() -> set[int]:
        seen: set[int] = set()
        deadline = time.monotonic() + still_for
        while time.monotonic() < deadline:
            seen.add(browser.execute_script(PICTURE_JS))
            time.sleep(0.1)
        return seen

    watched = [pictures()]

    def still() -> bool:
        watched.append(pictures())
        return watched[-1] <= watched[-2]

    poll(still, "the screen to settle", 60)


def test_sign_in_and_grade_in_a_real_browser(served: str, browser: Any, secured_db: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(served)
    poll(lambda: browser.find_elements(By.CSS_SELECTOR, ".xterm-helper-textarea"), "the terminal")

    def type_keys(*keys: str) -> None:
        send_keys(browser, *keys)

    assert stored_grade(secured_db, "C-101", "risk") is None
    # The sign-in screen is drawn on a canvas: wait for ink in its upper part, then type.
    poll(lambda: browser.execute_script(INK_JS) > 500, "the sign-in screen to be drawn")
    browser.find_element(By.CSS_SELECTOR, ".textual-terminal").click()  # keyboard focus

    def step(*keys: str, timeout: float = 60.0) -> None:
        """Type ``keys``, then wait until the screen shows something new.

        Keys can overtake an Enter on its way to the workbench, so each step waits for
        the screen to change. A cursor may blink: "new" means a picture not seen while
        watching before the keys.
        """
        seen = {browser.execute_script(PICTURE_JS)}
        deadline = time.monotonic() + 1.5  # long enough to see a blink, if there is one
        while time.monotonic() < deadline and len(seen) < 2:
            seen.add(browser.execute_script(PICTURE_JS))
        type_keys(*keys)
        poll(
            lambda: browser.execute_script(PICTURE_JS) not in seen,
            f"the screen after {keys}",
            timeout,
        )

    def quiet_screen(still_for: float = 0.8) -> None:
        wait_still(browser, still_for)

    type_keys("mia")
    step(Keys.ENTER)  # to the password field
    type_keys(MIA_PW, Keys.ENTER)
    poll(lambda: signed_in(secured_db, "mia"), "mia's sign-in in the event log")
    # Open C-101 from the home screen (search, enter), grade its first criterion Good (2).
    quiet_screen()  # the home screen has drawn its list: "/" reaches it, not the sign-in
    step("/")
    quiet_screen()  # the search box has focus before the first character is typed
    for char in "C-101":  # each character must show in the box: none lost on a busy machine
        step(char)
    quiet_screen(still_for=1.5)  # the list has filtered to C-101: Enter must not open another
    step(Keys.ENTER)
    grade = None
    for _attempt in range(5):  # the case may still be loading: press 2 again if need be
        with contextlib.suppress(AssertionError):  # no change when the grade shows already
            step("2", timeout=20)
        try:
            grade = poll(lambda: stored_grade(secured_db, "C-101", "risk"), "the grade", 20)
            break
        except AssertionError:
            continue
    assert grade == "2", "the grade never reached the database"


def test_the_lead_s_export_downloads_to_the_browser(
    served: str, browser: Any, secured_db: Path, tmp_path: Path
) -> None:
    """`e` on the dashboard, Enter: the report arrives in the browser's downloads (textual-serve
    delivers it), and no report is written where the server runs."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    on_server = set(Path.cwd().glob("drift-report-*"))
    browser.get(served)
    poll(lambda: browser.find_elements(By.CSS_SELECTOR, ".xterm-helper-textarea"), "the terminal")
    poll(lambda: browser.execute_script(INK_JS) > 500, "the sign-in screen to be drawn")
    browser.find_element(By.CSS_SELECTOR, ".textual-terminal").click()  # keyboard focus

    def type_keys(*keys: str) -> None:
        send_keys(browser, *keys)

    def quiet_screen(still_for: float = 1.0) -> None:
        wait_still(browser, still_for)

    quiet_screen()
    type_keys("lee", Keys.ENTER)
    quiet_screen()
    type_keys("lee's long passphrase", Keys.ENTER)
    poll(lambda: signed_in(secured_db, "lee"), "lee's sign-in in the event log")
    quiet_screen(still_for=1.5)  # lee's list is drawn
    type_keys("d")
    quiet_screen(still_for=2.0)  # the dashboard has read the audits
    type_keys("e")
    quiet_screen()
    type_keys(Keys.ENTER)  # HTML, named drift-report-<today>.html
    got = poll(
        lambda: [p for p in downloads.glob("drift-report-*.html") if p.stat().st_size],
        "the report in the browser's downloads",
        60,
    )
    assert "<html" in got[0].read_text(encoding="utf-8").lower()
    assert set(Path.cwd().glob("drift-report-*")) == on_server


def test_the_page_is_titled_focused_on_load_and_asks_no_third_party(
    served: str, browser: Any, secured_db: Path
) -> None:
    """The tab says "moderator", typing works without a click (after a reload too), and the
    page fetches nothing from another site (fonts.googleapis.com fails on an intranet)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with urllib.request.urlopen(served, timeout=10) as response:
        page = response.read().decode()
    assert "fonts.googleapis.com" not in page and "<title>moderator</title>" in page

    def focused() -> bool:
        return bool(
            browser.execute_script(
                "return document.activeElement &&"
                " document.activeElement.classList.contains('xterm-helper-textarea');"
            )
        )

    for load in (browser.get, lambda _url: browser.refresh()):
        load(served)
        poll(lambda: browser.find_elements(By.CSS_SELECTOR, ".xterm-helper-textarea"), "terminal")
        poll(lambda: browser.execute_script(INK_JS) > 500, "the sign-in screen to be drawn")
        assert browser.title == "moderator"
        poll(focused, "the terminal to have keyboard focus without a click", 10)
        hosts = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).host);"
        )
        assert all(host == served.split("//", 1)[1] for host in hosts), hosts

    # No click anywhere: the keys reach the sign-in screen.
    def type_and_wait(text: str) -> None:
        before = browser.execute_script(PICTURE_JS)
        for char in text:
            ActionChains(browser).send_keys(char).perform()
        poll(lambda: browser.execute_script(PICTURE_JS) != before, f"the screen after {text!r}")

    type_and_wait("mia")
    type_and_wait(Keys.ENTER)
    for char in MIA_PW + Keys.ENTER:
        ActionChains(browser).send_keys(char).perform()
    poll(lambda: signed_in(secured_db, "mia"), "mia's sign-in, typed without a click")


LEAVING_JS = """
const leaving = new Event('beforeunload', {cancelable: true});
window.dispatchEvent(leaving);
return leaving.defaultPrevented;
"""
"""Whether the page asks before it is left (a reload, a closed tab): its beforeunload handler
cancels the event. Chromedriver accepts a real "Leave site?" prompt itself, so the test asks
the page's handler, in the page textual-serve serves."""


def test_a_reload_asks_first_while_the_workbench_is_open(served: str, browser: Any) -> None:
    """A reload ended the tab's workbench and lost the last seconds of typing without a word:
    while the workbench is open the page now has the browser ask first; once the session has
    ended ("Session ended."), it lets the page go."""
    from selenium.webdriver.common.by import By

    browser.get(served)
    poll(lambda: browser.find_elements(By.CSS_SELECTOR, ".xterm-helper-textarea"), "the terminal")
    poll(lambda: browser.execute_script(INK_JS) > 500, "the sign-in screen to be drawn")
    assert browser.execute_script(LEAVING_JS) is True, "a reload would go without asking"
    browser.execute_script("document.body.classList.add('-closed');")  # as textual.js does
    assert browser.execute_script(LEAVING_JS) is False, "an ended session still asks"
