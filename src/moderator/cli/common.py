"""Shared CLI plumbing: the --db/--as/--format options, output helpers, error handling."""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from moderator.domain.text import strip_controls
from moderator.errors import ModeratorError

F = TypeVar("F", bound=Callable[..., Any])


class ModeratorGroup(click.Group):
    """A click group that turns :class:`ModeratorError` into a message and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModeratorError as exc:
            # an error may quote what the user typed or what a file held: never raw to the terminal
            message = strip_controls(str(exc))
            click.echo(f"error: {message}" if "\n" not in message else message, err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # `moderator ... | head` should not print a traceback
            sys.stderr.close()
            ctx.exit(0)


def db_option(f: F) -> F:
    """``--db PATH`` (also ``MODERATOR_DB``)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="MODERATOR_DB",
        default=None,
        help="Database file (default: your data directory; env MODERATOR_DB).",
    )(f)


def user_option(f: F) -> F:
    """``--as NAME`` (also ``MODERATOR_USER`` or the config file)."""
    return click.option(
        "--as",
        "user",
        metavar="NAME",
        envvar="MODERATOR_USER",
        default=None,
        help="Who is working (env MODERATOR_USER, or `user:` in the config).",
    )(f)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """``--format`` with the given choices."""

    def deco(f: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=default,
            show_default=True,
            help="Output format.",
        )(f)

    return deco


PASSWORD_STDIN = "moderator.password_stdin"
_SIGNED_IN = "moderator.signed_in"


def _remember_password_stdin(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # ctx.meta is shared by the whole command chain, so the flag counts wherever it is given.
    if value:
        ctx.meta[PASSWORD_STDIN] = True


def password_stdin_option(f: F) -> F:
    """``--password-stdin``: in a secured database, read the password from standard input."""
    return click.option(
        "--password-stdin",
        is_flag=True,
        expose_value=False,
        callback=_remember_password_stdin,
        help="Secured database: read your password from the first line of standard input.",
    )(f)


def jobs_option(f: F) -> F:
    """``--jobs N``: how many processes share a large file's anonymisation."""
    return click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Anonymise on N processes (1: one at a time; default: one per free CPU, up to "
        "eight, for large files; env MODERATOR_IMPORT_JOBS). The result is the same either way.",
    )(f)


def common_options(f: F) -> F:
    """``--db``, ``--as`` and ``--password-stdin`` together, as every subcommand accepts them."""
    return db_option(user_option(password_stdin_option(f)))


def resolve(
    ctx: click.Context, db: Path | None, user: str | None, *, create: bool = False
) -> tuple[Path, str | None]:
    """Combine subcommand options with the root options, env and config.

    Every command reads an existing database: a path with no database behind it
    (a typing slip, more often than not) is refused before anything is written,
    no file and no folder. Only the commands whose job is to start one
    (``user add``, ``import cases``, ``synth``) pass ``create``.
    """
    settings = resolve_settings(ctx, db, user)
    db_path = settings.db_path()
    if not create:
        require_database(db_path)
    who = settings.user
    if who is None:
        # the name last picked in the workbench on this database (and no other): said aloud
        who = settings.remembered_user(db_path)
        if who is not None and not ctx.meta.get(_SAID_REMEMBERED):
            ctx.meta[_SAID_REMEMBERED] = True
            echo_text(f"as {who}, remembered for this database; --as to choose", err=True)
    return db_path, who


_SAID_REMEMBERED = "moderator.said_remembered"


def require_database(db_path: Path) -> None:
    """Refuse (exit 1) when there is no database at ``db_path``, saying how to start one."""
    if db_path.is_file():
        return
    from moderator.errors import NotFound

    if db_path.exists():
        raise NotFound(f"{db_path} is not a database file (a folder?): give --db FILE")
    where = shlex.quote(str(db_path))
    raise NotFound(
        f"no database at {db_path}: check --db (or MODERATOR_DB, or `db:` in the config); "
        f"a lead starts a new one with `moderator user add NAME --role lead --db {where}`, "
        f"or `moderator demo --build-only {where}` builds the demo"
    )


def resolve_settings(ctx: click.Context, db: Path | None, user: str | None) -> Any:
    """The :class:`Settings` for this command: its options, the root's, env and config."""
    from moderator.settings import load_settings

    root = ctx.find_root().params
    return load_settings(db=db or root.get("db"), user=user or root.get("user"))


def stdin_line() -> str | None:
    """The next line of standard input without its line ending (None at the end)."""
    line = sys.stdin.readline()
    return line.rstrip("\r\n") if line else None


def read_secret(ctx: click.Context, prompt: str, *, confirm: bool = False) -> str | None:
    """A password from standard input (``--password-stdin``) or a hidden terminal prompt.

    None when neither is available (a script without ``--password-stdin``).
    """
    if ctx.meta.get(PASSWORD_STDIN):
        return stdin_line()
    if not sys.stdin.isatty():
        return None
    value: str = click.prompt(prompt, hide_input=True, confirmation_prompt=confirm)
    return value


def sign_in_as(ctx: click.Context, store: Any, who: str | None) -> str | None:
    """In a secured database, sign ``who`` in (exit 3 when that fails); return the name to act as.

    In an open database this changes nothing: ``--as`` is taken at its word.
    """
    from moderator.errors import Refused
    from moderator.services.auth import SignInPolicy, is_secured, sign_in

    if not is_secured(store):
        return who
    done = ctx.meta.get(_SIGNED_IN)
    if done is not None:
        return str(done)
    how = (
        "this database is secured: sign in with --as NAME --password-stdin "
        "(your password on the first line of standard input), or run the command in a "
        "terminal to be asked for it"
    )
    if not who:
        raise Refused(how)
    password = read_secret(ctx, f"Password for {who}")
    if password is None:
        raise Refused(how)
    policy = SignInPolicy.from_settings(resolve_settings(ctx, None, None))
    signed = sign_in(store, who, password, policy)
    if signed.temporary:
        click.echo(
            f"warning: your password was set by a lead; choose your own with "
            f"`moderator user password {signed.user.name!r}`",
            err=True,
        )
    ctx.meta[_SIGNED_IN] = signed.user.name
    return signed.user.name


def check_signed_in(ctx: click.Context, db_path: Path, who: str | None) -> str | None:
    """For commands that open the database themselves: sign in first when it is secured."""
    if not db_path.exists():
        return who
    from moderator.store import open_store

    with open_store(db_path) as store:
        return sign_in_as(ctx, store, who)


def emit_json(data: Any) -> None:
    """Print data as JSON to stdout (C1 control characters escaped, as C0 already are)."""
    text = json.dumps(data, indent=2, default=str, ensure_ascii=False)
    click.echo(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_C1 = re.compile(r"[\x7f-\x9f]")


def escape(value: object) -> str:
    """``value`` as literal text inside Rich markup: control characters gone, ``[`` escaped.

    Use it for every stored or user-supplied string printed through Rich (table
    cells and headers are markup too): a name such as ``Bad [/] name`` or one
    holding an escape sequence must show as text, never style or retitle the terminal.
    """
    from rich.markup import escape as rich_escape

    return rich_escape(strip_controls(str(value)))


def echo_text(message: str, *, err: bool = False) -> None:
    """``click.echo`` for a line that includes stored text (control characters removed)."""
    click.echo(strip_controls(message), err=err)


def keep_demo_clock(store: Any, db_path: Path) -> None:
    """On the demo, what a command writes takes the demo's own clock, as in the workbench.

    ``moderator audit grade --db demo.db`` once stamped today's date into a story that
    ends in December 2020, while the same work in the workbench landed at its end.
    """
    from moderator.demo import demo_clock, looks_like_demo

    if looks_like_demo(store, db_path):
        store.clock = demo_clock(store)


def open_for(
    ctx: click.Context, db: Path | None, user: str | None, *, create: bool = False
) -> tuple[Any, str | None]:
    """Open the store for a command: (Store, acting user name or None).

    The database must exist (see :func:`resolve`) unless ``create``.
    """
    from moderator.store import open_store

    db_path, who = resolve(ctx, db, user, create=create)
    store = open_store(db_path)
    try:
        keep_demo_clock(store, db_path)
        return store, sign_in_as(ctx, store, who)
    except BaseException:
        store.close()
        raise


def acting_user(store: Any, name: str | None) -> Any:
    """The acting :class:`User` (exit 2 when none given, 1 when unknown)."""
    from moderator.services.users import get_user

    return get_user(store, name)


def table_console() -> Any:
    """A rich console for tables: the terminal's width; piped, one so wide that no cell wraps,
    one record a line (at 80 columns every cell of `moderation list | less` wrapped)."""
    import os

    from rich.console import Console

    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=PIPED_WIDTH)
    return console


PIPED_WIDTH = 10_000
"""Columns a table printed into a pipe or file may take: in effect, no wrapping."""


def print_records(
    fmt: str, records: list[Any], columns: list[tuple[str, Callable[[Any], object]]]
) -> None:
    """A list command's output: the records as JSON, or a table of ``columns`` (header, getter).

    Every cell is stored text, so it is escaped (never markup, never terminal codes).
    """
    if fmt == "json":
        emit_json([r.model_dump(mode="json") for r in records])
        return
    from rich.table import Table

    table = Table(*(header for header, _ in columns))
    for record in records:
        table.add_row(*(escape("" if get(record) is None else get(record)) for _, get in columns))
    table_console().print(table)


def criterion_cell(title: str, criterion: str) -> str:
    """A criterion as ``show`` lists it: its title, and under it the id ``grade`` takes."""
    return f"{escape(title)}\n[dim]{escape(criterion)}[/]"


def criterion_column(rubric: Any) -> Any:
    """The ``criterion`` column (for :func:`criterion_cell`), wide enough for the longest id
    on one line."""
    from rich.table import Column

    widest = max((len(c.id) for c in rubric.criteria), default=9)
    return Column("criterion (id to grade)", width=max(min(widest, 40), 23))


def entries_with_titles(data: dict[str, Any], rubric: Any) -> None:
    """Each JSON entry gets its criterion's title beside its id."""
    titles = {c.id: c.title for c in rubric.criteria}
    for entry in data.get("entries") or []:
        entry["title"] = titles.get(entry.get("criterion"), "")
