"""``moderator serve`` and ``moderator demo --serve``: the workbench in a browser.

textual-serve runs a fresh workbench process for every browser tab, so each
tab signs in on its own (a secured database) or picks a user (an open one).
An open database is served on this machine only: anyone reaching the page
could act as anyone.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
import threading
from pathlib import Path

import click

from moderator.cli.common import common_options, resolve
from moderator.errors import Refused

TEMPLATES = Path(__file__).parent / "web"
"""Our page for textual-serve (its own, titled, focused on load, no third-party font)."""

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_local(host: str) -> bool:
    """True when ``host`` is reachable only from this machine (a loopback address)."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def tab_command(db_path: Path, *, demo: bool) -> str:
    """The shell command textual-serve runs for each browser tab."""
    parts = [sys.executable, "-m", "moderator.cli.serve_tab", "--db", str(db_path)]
    if demo:
        parts.append("--demo")
    return shlex.join(parts)


def serve_workbench(
    db_path: Path,
    *,
    host: str,
    port: int,
    public_url: str | None = None,
    demo: bool = False,
    open_browser: bool = False,
    announce: str | None = None,
) -> None:
    """Serve the workbench on ``db_path`` until Ctrl+C (refusing an open database off this machine).

    ``announce`` is printed once every check has passed, just before serving: never
    a "serving" line followed by a refusal.
    """
    from moderator.services.auth import is_secured
    from moderator.store import open_store

    with open_store(db_path) as store:
        secured = is_secured(store)
    if not secured and not is_local(host):
        raise Refused(
            f"{db_path} is open (no passwords yet): served on {host} anyone who reaches the "
            "page could work as anyone. Secure it first (a lead runs `moderator user password "
            "NAME`), or serve on 127.0.0.1"
        )
    from textual_serve.server import Server

    server = Server(
        tab_command(db_path, demo=demo),
        host=host,
        port=port,
        title="moderator",
        public_url=public_url,
        templates_path=TEMPLATES,
    )
    if announce:
        click.echo(announce)
    if open_browser:
        _open_when_ready(server.public_url, host, port)
    server.serve()


def _open_when_ready(url: str, host: str, port: int) -> None:
    """Open the page in the user's browser once the server answers (a background thread)."""
    import socket
    import webbrowser

    def wait_then_open() -> None:
        for _ in range(100):
            try:
                with socket.create_connection((host, port), timeout=0.2):
                    break
            except OSError:
                threading.Event().wait(0.1)  # the server is still starting
        webbrowser.open(url)

    threading.Thread(target=wait_then_open, daemon=True).start()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--public-url",
    default=None,
    metavar="URL",
    help="The address people open, behind a reverse proxy (e.g. https://moderation.example.org).",
)
@common_options
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    public_url: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Serve the workbench to browsers: every tab runs its own workbench and signs in.

    Listens on 127.0.0.1 unless --host says otherwise; an open database (no
    passwords) is refused anywhere but this machine. Put it behind the
    authority's HTTPS reverse proxy to reach it from other machines.
    """
    db_path, _who = resolve(ctx, db, user)
    serve_workbench(
        db_path,
        host=host,
        port=port,
        public_url=public_url,
        announce=f"Serving the workbench on {db_path} at {public_url or f'http://{host}:{port}'}",
    )


def serve_demo(port: int, *, open_browser: bool) -> None:
    """``moderator demo --serve``: a fresh demo database served on this machine.

    Like ``moderator demo``, it says so while it builds, and its copy goes when it stops
    (ctrl+c or SIGTERM) or, if it is killed outright, when the next demo starts.
    """
    from moderator.demo import demo_folder
    from moderator.tui.launch import build_demo_with_progress, demo_parent

    with demo_folder(demo_parent()) as folder:
        db_path = folder / "demo.db"
        build_demo_with_progress(db_path)
        url = f"http://127.0.0.1:{port}"
        serve_workbench(
            db_path,
            host="127.0.0.1",
            port=port,
            demo=True,
            open_browser=open_browser,
            announce=f"The demo is at {url} (Ctrl+C stops it; nothing is kept).",
        )


COMMANDS = [serve]
