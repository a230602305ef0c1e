"""Our page for ``moderator serve`` (src/moderator/cli/web/app_index.html) is a copy of
textual-serve's own, changed in four ways (see its header). textual-serve fills it in
with its own context and drives it with its own textual.js: an upgrade that renames a
variable, a class or a static file would leave our page blank or dead without a word.
These tests fail instead, naming what our copy relies on and upstream no longer has."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.meta
import pytest

from moderator.cli.serve_cmd import TEMPLATES

textual_serve = pytest.importorskip("textual_serve")
UPSTREAM = Path(textual_serve.__file__).parent
OURS = TEMPLATES / "app_index.html"

ON_THE_PAGE = (
    'class="textual-terminal"',  # textual.js opens a terminal in each of these
    "data-session-websocket-url=",  # ... connected to this
    "data-font-size=",
    'data-pingurl="{{ ping_url }}"',
    "intro-dialog",
    "closed-dialog",  # "Session ended." once the socket closes
    'id="start"',
)
"""What our page shares with textual-serve's template, which textual.js or its CSS reads."""

FROM_THE_SCRIPT = ("-first-byte", "-closed", "-delay", "sessionWebsocketUrl", "fontSize")
"""What textual.js sets on (or reads from) the page, which our page's CSS and markup use."""


def variables(path: Path) -> set[str]:
    """The names a Jinja template reads from its context."""
    env = jinja2.Environment(autoescape=True)
    return jinja2.meta.find_undeclared_variables(env.parse(path.read_text(encoding="utf-8")))


def test_our_page_reads_only_what_textual_serves_template_reads() -> None:
    ours, theirs = variables(OURS), variables(UPSTREAM / "templates" / "app_index.html")
    assert ours <= theirs, f"upstream's template no longer reads {sorted(ours - theirs)}"


@pytest.mark.parametrize("needed", ON_THE_PAGE)
def test_the_markup_textual_js_drives_is_still_upstreams(needed: str) -> None:
    assert needed in OURS.read_text(encoding="utf-8")
    upstream = (UPSTREAM / "templates" / "app_index.html").read_text(encoding="utf-8")
    assert needed in upstream, f"textual-serve's template has no {needed!r} any more"


@pytest.mark.parametrize("used", FROM_THE_SCRIPT)
def test_what_textual_js_sets_is_still_set(used: str) -> None:
    script = (UPSTREAM / "static" / "js" / "textual.js").read_text(encoding="utf-8")
    assert used in script, f"textual-serve's textual.js no longer uses {used!r}"


def test_every_static_file_our_page_names_is_shipped() -> None:
    named = re.findall(r'\{\{ config\.static\.url \}\}([^"]+)"', OURS.read_text(encoding="utf-8"))
    assert "js/textual.js" in named and any(n.startswith("fonts/") for n in named), named
    missing = [n for n in named if not (UPSTREAM / "static" / n).is_file()]
    assert missing == [], f"textual-serve no longer ships {missing}"


async def test_textual_serve_fills_in_our_page(tmp_path: Path) -> None:
    """textual-serve's own server renders our page with every value it reads filled in."""
    from aiohttp.test_utils import TestClient, TestServer
    from textual_serve.server import Server

    server = Server("true", host="127.0.0.1", port=0, title="moderator", templates_path=TEMPLATES)
    app = await server._make_app()
    app.on_startup.clear()  # its banner only
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/")
        assert response.status == 200
        page = await response.text()
    assert "<title>moderator</title>" in page
    assert re.search(r'data-session-websocket-url="ws://[^"]+/ws"', page), page
    assert 'data-font-size="16"' in page
    assert re.search(r'src="http://[^"]+/static/js/textual\.js"', page), page
    assert re.search(r'url\("http://[^"]+/static/fonts/RobotoMono-VariableFont_wght\.ttf"\)', page)
