"""The demo database: the bundled ``sample_audits/`` loaded through the service functions.

``moderator demo`` builds a fresh copy in a temporary folder each time and
opens the workbench on it; nothing is written anywhere else. The sample
cases carry invented identities in the case-import format, so the build
imports them through the same anonymisation path a real import takes (with
a demo key kept beside the temporary database), then replays every
assignment, grade, submission, sample, blind moderation and review at its
historical date. See ``sample_audits/README.md`` for the story it tells.

:func:`demo_folder` makes that temporary folder and removes it when the run
ends; it first removes any copy an earlier run left behind when its process
is gone (killed outright, ``kill -9``), so a crash leaves nothing for long.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from moderator.errors import BadInput

if TYPE_CHECKING:
    from moderator.store.db import Store
    from moderator.synth.plan import Plan

DEMO_LEAD = "Kenneth Obi"
"""Who the demo acts as when nobody is named: the QA lead, who sees everything."""


DEMO_FOLDER_PREFIX = "moderator-demo-"
"""How the demo's temporary folders are named (in the system's temporary folder)."""

OWNER_FILE = "owner.pid"
"""In each demo folder: the id of the process running that demo."""

DEMO_CLOCK_AFTER = timedelta(minutes=1)
"""How long after the demo's last recorded activity its own clock starts."""

DEMO_KEY_NAME = "demo-pseudonym.key"
"""The demo's pseudonymisation key, beside its database (never the user's own key)."""


def demo_key_path(db_path: Path) -> Path:
    """The demo's pseudonymisation key: in the demo database's own (temporary) folder.

    Everything the demo imports (its build, and the lead's import screen in the workbench)
    takes this key, and its remembered decisions go beside it, so nothing outlives the
    demo's folder and the user's own key is never touched.
    """
    return Path(db_path).parent / DEMO_KEY_NAME


def demo_clock(store: Store, *, elapsed: Callable[[], float] = time.monotonic) -> Callable[[], str]:
    """The demo's own "now", for ``store.clock`` while a user works in the demo.

    The demo's history ends in December 2020; stamped with the real date, what a user
    does in it would land years later (a trend running to today with an empty gap).
    This clock starts just after the last event of the demo's log and advances with
    the real seconds that pass (``elapsed``), so the user's work ends the demo's story
    and the event log stays in time order. Real databases keep the real clock.
    """
    last = store.scalar("SELECT max(at) FROM events")
    if not last:
        return store.clock
    start = datetime.fromisoformat(str(last)) + DEMO_CLOCK_AFTER
    began = elapsed()

    def now() -> str:
        return (start + timedelta(seconds=elapsed() - began)).isoformat(timespec="seconds")

    return now


DEMO_MARK = "demo"
"""The name of the demo's row in a database's ``about`` table: a demo database says so."""


def mark_demo_database(store: Store) -> None:
    """Say in the file that it is the demo, so whoever opens it later (``moderator --db``,
    ``moderator serve --db``) works on the demo's own clock (:func:`is_demo_database`)."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO about (name, value) VALUES (?, '1')"
            " ON CONFLICT (name) DO UPDATE SET value = '1'",
            [DEMO_MARK],
        )


def is_demo_database(store: Store) -> bool:
    """Whether the database is the demo (built by :func:`build_demo_db`)."""
    return bool(store.scalar("SELECT value FROM about WHERE name = ?", [DEMO_MARK]) == "1")


def looks_like_demo(store: Store, db_path: Path) -> bool:
    """Whether ``db_path`` is the demo: a copy in a running demo's own folder (what
    ``moderator demo`` opens), or a file that says it is the demo (an ``about`` row
    ``demo`` = ``1``, where the database has that table)."""
    folder = Path(db_path).resolve().parent
    if folder.name.startswith(DEMO_FOLDER_PREFIX) and (folder / OWNER_FILE).is_file():
        return True
    if not store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'about'"):
        return False
    return is_demo_database(store)


def demo_now(db_path: Path) -> datetime | None:
    """The demo's own "now" (:func:`demo_clock`) when ``db_path`` is the demo, else None.

    The command line's reports on a demo copy take it, as the workbench does, so a
    report on the demo is dated at the end of its story (December 2020), not today.
    """
    from moderator.store import open_store

    with open_store(db_path, create=False) as store:
        if not looks_like_demo(store, db_path):
            return None
        return datetime.fromisoformat(demo_clock(store)())


@contextmanager
def demo_folder(parent: Path) -> Iterator[Path]:
    """A fresh folder in ``parent`` for one demo run, removed with all it holds when the run ends.

    Copies left in ``parent`` by earlier runs whose process is gone are removed first
    (:func:`remove_stale_demo_copies`); this run's folder names its process so the next
    run can do the same if this one is killed outright.
    """
    remove_stale_demo_copies(parent)
    folder = Path(tempfile.mkdtemp(prefix=DEMO_FOLDER_PREFIX, dir=parent))
    try:
        (folder / OWNER_FILE).write_text(f"{os.getpid()}\n", encoding="ascii")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_demo_copies(parent: Path) -> list[Path]:
    """Remove the demo folders in ``parent`` whose owning process is no longer running.

    Only folders of this user that name their process are touched: another demo still
    running, a folder being made this instant, or one from a version that did not name
    its process is left alone. Where a process cannot be looked up safely (not POSIX),
    nothing is removed.

    Returns:
        The folders removed.
    """
    removed: list[Path] = []
    if os.name != "posix":
        return removed
    for folder in sorted(Path(parent).glob(f"{DEMO_FOLDER_PREFIX}*")):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            owner = int((folder / OWNER_FILE).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue
        if owner > 0 and not _process_running(owner):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _process_running(pid: int) -> bool:
    """Whether a process with this id exists (POSIX: signal 0 checks without sending)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process has the id now
    return True


def sample_audits_dir() -> Path:
    """Where the bundled sample audits live: the wheel's data, or the repo.

    The faces pass the configured folder (``sample_audits`` setting) as ``source``.
    """
    here = Path(__file__).resolve()
    packaged = here.parent / "_data" / "sample_audits"
    if (packaged / "users.yaml").is_file():
        return packaged
    return here.parents[2] / "sample_audits"


def build_demo_db(
    path: Path,
    *,
    key_path: Path | None = None,
    source: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    work_dir: Path | None = None,
) -> None:
    """Build the demo database at ``path`` (which must not exist yet) from the sample audits.

    Args:
        path: the new database file.
        key_path: the pseudonymisation key for the import (created if missing);
            default ``demo-pseudonym.key`` beside the database, never the user's own key.
        source: the sample-audits folder (default :func:`sample_audits_dir`).
        progress: called with (actions done, actions in all) while replaying.
        work_dir: where the import's passing files go (default: the system's temporary
            folder); the demo gives its own folder, so a demo killed mid-build leaves
            nothing outside it.

    Raises:
        BadInput: ``path`` already exists, or the sample files are broken.
    """
    from moderator.store import open_store
    from moderator.synth.files import read_plan
    from moderator.synth.replay import replay_plan

    path = Path(path)
    if path.exists():
        raise BadInput(f"{path}: already exists; the demo builds a fresh database")
    plan = read_plan(source or sample_audits_dir())
    _check_rubrics(plan)
    key = key_path or demo_key_path(path)
    store = open_store(path)
    try:
        from moderator.demo_calibration import schedule_demo_calibration

        replay_plan(
            store,
            plan,
            key_path=key,
            progress=progress,
            schedule_more=schedule_demo_calibration,
            work_dir=work_dir,
        )
        mark_demo_database(store)
    except BaseException:
        store.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    store.close()


def _check_rubrics(plan: Plan) -> None:
    """The sample names rubric and criterion ids: say plainly if the installed rubrics differ."""
    from moderator.domain.rubric_files import shipped_rubrics_dir
    from moderator.services.rubrics import shipped_rubrics

    rubrics = shipped_rubrics()
    problems = set()
    for chunk in plan.chunks:
        for audit in chunk.audits:
            rubric = rubrics.get(audit.rubric_id)
            if rubric is None:
                problems.add(f"  - rubric {audit.rubric_id!r} is not installed")
                continue
            known = {c.id for c in rubric.criteria}
            problems.update(
                f"  - rubric {audit.rubric_id!r} has no criterion {c!r}"
                for c in audit.grades
                if c not in known
            )
    if problems:
        raise BadInput(
            f"the sample audits were made for other rubrics than those in {shipped_rubrics_dir()}"
            " (regenerate them with `python -m moderator.synth.sample`)",
            details=sorted(problems)[:10],
        )
