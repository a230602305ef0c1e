"""Anonymising many cases: one at a time, or on every core for a large import.

The redactor is pure computation (about fifty notes a second on one core), so
a large export is anonymised in a pool of worker processes. Each worker is
given the pseudonymiser and the remembered decisions once, when it starts, and
then chunks of cases; results come back in the file's order, so the parallel
path gives exactly what the serial one gives. The pool uses the ``spawn`` start
method everywhere: it is safe from the workbench's threads and behaves the same
on every platform (the worker functions are at module level for that reason).

Nothing here logs case text; a worker's exception is raised again here as the
same error the serial path would have raised for the same case.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from moderator.anonymise.review import Doubtful
from moderator.errors import ModeratorError, RedactorFault

if TYPE_CHECKING:
    from moderator.anonymise.pipeline import AnonymisedCase
    from moderator.anonymise.pseudonym import Pseudonymiser
    from moderator.anonymise.records import RawCase
    from moderator.anonymise.redact import DecisionLookup

MIN_PARALLEL_CASES = 256
"""Fewer cases than this are anonymised serially: starting workers would cost more."""
MIN_PARALLEL_CHARS = 300_000
"""Less text than this (about two seconds' work on one core) is anonymised serially: a
worker takes about a second of CPU to start (imports, word lists). On an idle 2-core
machine (benchmarks/README.md), 128 notes of 1.6 KB took 1.85 s serially and 1.79 s on two
processes; 256 notes (about 400,000 characters) 3.26 s against 2.51 s."""
CHUNK_CASES = 32
"""Cases handed to a worker at a time: few enough round trips, pickling stays cheap."""
MAX_PROCESSES = 8


class RedactionPreview(BaseModel):
    """What the dry run shows for one case: the pseudonym and each redaction made."""

    case_ref: str
    line: int
    redactions: list[tuple[str, str, str]]
    """(kind, placeholder, original) for each span; shown on screen, never stored."""
    text: str


@dataclass(frozen=True)
class Outcome:
    """One case anonymised: what is stored, the open doubts and (dry run) the preview."""

    case: AnonymisedCase
    doubts: list[Doubtful]
    preview: RedactionPreview | None


def doubts_of(text: str, redaction: Any, line: int, case_ref: str) -> list[Doubtful]:
    """The redaction's doubts with the words around them, for a person to decide."""
    out = []
    for d in redaction.uncertain():
        before = text[max(0, d.start - 40) : d.start].replace("\n", " ")
        after = text[d.end : d.end + 40].replace("\n", " ")
        out.append(
            Doubtful(
                line=line,
                case_ref=case_ref,
                kind=d.kind,
                placeholder=d.placeholder,
                confidence=d.confidence,
                redacted=d.redacted,
                before=before,
                value=text[d.start : d.end],
                after=after,
            )
        )
    return out


def anonymise_one(
    raw: RawCase,
    line: int,
    pseudonymiser: Pseudonymiser,
    decisions: DecisionLookup | None,
    *,
    dry_run: bool,
) -> Outcome:
    """Anonymise one case from ``line`` of the file, with its doubts and (dry run) preview."""
    from moderator.anonymise.pipeline import anonymise_case

    try:
        case, redaction = anonymise_case(raw, pseudonymiser, decisions)
    except ModeratorError:
        raise
    except Exception as exc:  # a fault of the redactor's on this text, not of the file
        raise RedactorFault(redactor_fault(exc, line, raw.case_id)) from exc
    doubts = doubts_of(raw.text, redaction, line, case.case_ref)
    preview = None
    if dry_run:
        source_text = raw.text or ""
        preview = RedactionPreview(
            case_ref=case.case_ref,
            line=line,
            redactions=[
                (span.kind, span.placeholder, source_text[span.start : span.end])
                for span in redaction.spans
            ],
            text=case.text,
        )
    return Outcome(case, doubts, preview)


def redactor_fault(exc: Exception, line: int, case_id: str) -> str:
    """What to say when the redactor fails on a case: its line and id, where in moderator
    it failed, and that nothing was imported. Never the case's text, nor the exception's
    message, which may quote it."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
    return (
        f"line {line}: case {case_id}: the redactor failed on this case's text "
        f"({type(exc).__name__}{where}); nothing was imported. This is a fault in moderator, "
        "not in the file: please report this message (it does not quote the case)."
    )


def line_of(raw: RawCase, index: int) -> int:
    """The file line a case is reported at: where it starts, else its 1-based position."""
    return raw.source_line or index + 1


def processes_for(jobs: int | None, cases: int, chars: int = 0) -> int:
    """How many processes anonymise ``cases`` cases, this one included (1: serially, no pool).

    ``jobs`` None chooses: for files of at least :data:`MIN_PARALLEL_CASES` cases and
    :data:`MIN_PARALLEL_CHARS` characters of text, one per CPU that other work leaves
    free (usable CPUs less the load average, as ``make -l`` reads it), up to eight; on a
    machine whose cores are already busy a second process only takes turns with the
    first. A number given is used as it is (1 forces the serial path), but never more
    processes than chunks of work.
    """
    chunks = -(-cases // CHUNK_CASES)
    if jobs is None:
        if cases < MIN_PARALLEL_CASES or chars < MIN_PARALLEL_CHARS:
            return 1
        jobs = min(free_cpus(), MAX_PROCESSES)
    return max(1, min(jobs, chunks))


def free_cpus() -> int:
    """Usable CPUs that other work leaves free (at least one).

    Other work is the last minute's load average, as ``make -l`` reads it, but no more than
    the processes running at this moment besides this one (Linux's ``/proc/loadavg``): the
    average still holds a command that has just finished, such as the dry run before an
    import, and would otherwise keep an idle machine's import on one core.
    """
    usable = usable_cpus()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this platform
        return usable
    return cpus_left(usable, load, _running_now())


def cpus_left(usable: int, load: float, running: int | None) -> int:
    """CPUs left of ``usable`` by a one-minute ``load`` average and, if known, the ``running``
    processes at this moment (this one included): the smaller reading of other work counts."""
    busy = int(load)
    if running is not None:
        busy = min(busy, running - 1)
    return max(1, usable - busy)


def _running_now() -> int | None:
    """How many processes are runnable at this moment, this one included (None: unknown)."""
    try:
        field = Path("/proc/loadavg").read_text(encoding="ascii").split()[3]
        return max(1, int(field.split("/")[0]))
    except (OSError, IndexError, ValueError):
        return None


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity where the platform says, else all)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# -- the worker side (module level: the spawn start method imports this module afresh) --

_worker: dict[str, Any] = {}


def _start_worker(pseudonymiser: Pseudonymiser, decisions: Any, dry_run: bool) -> None:
    """Pool initializer: keep what every case needs, given once per worker."""
    _worker.update(pseudonymiser=pseudonymiser, decisions=decisions, dry_run=dry_run)


def _anonymise_chunk(chunk: list[tuple[int, RawCase]]) -> list[Outcome]:
    """Anonymise one chunk of (line, case) in a worker, in order."""
    return [
        anonymise_one(
            raw,
            line,
            _worker["pseudonymiser"],
            _worker["decisions"],
            dry_run=_worker["dry_run"],
        )
        for line, raw in chunk
    ]


def anonymise_in_pool(
    raw_cases: Sequence[RawCase],
    pseudonymiser: Pseudonymiser,
    decisions: Any,
    *,
    dry_run: bool,
    workers: int,
    progress: Callable[[int], None] | None = None,
) -> list[Outcome]:
    """Anonymise ``raw_cases`` here and in ``workers`` processes; outcomes in the file's order.

    This process works through the chunks from the front while the workers
    take them from the back, so the work starts at once (a worker takes a good
    part of a second to start) and a small file costs little more than the
    serial path. ``progress(done)`` is called here as chunks finish. The first
    case that fails raises the error the serial path would have raised for it;
    the rest of the work is cancelled. A worker that dies (killed, out of
    memory) leaves its chunks to this process.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    items = [(line_of(raw, i), raw) for i, raw in enumerate(raw_cases)]
    chunks = [items[i : i + CHUNK_CASES] for i in range(0, len(items), CHUNK_CASES)]
    results: list[list[Outcome] | None] = [None] * len(chunks)
    failed: dict[int, BaseException] = {}
    in_flight: dict[int, Future[list[Outcome]]] = {}
    front, back = 0, len(chunks) - 1
    done = 0
    broken = False
    worker_done = False

    def local(index: int) -> None:
        nonlocal done
        results[index] = [
            anonymise_one(raw, line, pseudonymiser, decisions, dry_run=dry_run)
            for line, raw in chunks[index]
        ]
        done += len(chunks[index])
        if progress:
            progress(done)

    def collect(index: int, future: Future[list[Outcome]]) -> None:
        nonlocal done, worker_done
        exc = future.exception()
        if exc is None:
            worker_done = True
            results[index] = future.result()
            done += len(chunks[index])
            if progress:
                progress(done)
        elif isinstance(exc, BrokenProcessPool):
            local(index)
        else:
            failed[index] = exc

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(pseudonymiser, decisions, dry_run),
    )
    try:
        while front <= back:
            for index, future in list(in_flight.items()):
                if future.done():
                    del in_flight[index]
                    collect(index, future)
            # One chunk a worker while they start (a slow start must not hold much back),
            # then two: the next is waiting when one finishes.
            limit = workers * (2 if worker_done else 1)
            while len(in_flight) < limit and front < back and not broken:
                try:
                    in_flight[back] = pool.submit(_anonymise_chunk, chunks[back])
                except BrokenProcessPool:
                    broken = True  # a worker died or could not start: the rest is done here
                    break
                back -= 1
            if front <= back:
                local(front)
                front += 1
        for index in sorted(in_flight):
            collect(index, in_flight[index])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if failed:
        # Every chunk before the first failure succeeded: the serial path fails on the same case.
        raise failed[min(failed)] from None
    return [outcome for chunk in results if chunk is not None for outcome in chunk]
