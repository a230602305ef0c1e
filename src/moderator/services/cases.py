"""Cases: importing a case-system export, pseudonymised and redacted on the way in.

Only the anonymised case ever reaches the database: pseudonymous references,
team, service area, dates and redacted text. The import is atomic: the whole
file is validated before anything is written, and written in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from moderator.anonymise.review import Decision, Decisions, Doubtful, decisions_path
from moderator.domain.limits import MAX_CASE_FILE_BYTES, read_capped
from moderator.errors import BadInput, RedactorFault, with_quotes_capped
from moderator.services.case_pool import (
    Outcome,
    RedactionPreview,
    anonymise_in_pool,
    anonymise_one,
    doubts_of,
    line_of,
    processes_for,
)
from moderator.services.users import SYSTEM, Role, User, get_user, require_role
from moderator.store.db import Store

__all__ = [
    "ImportResult",
    "RedactionPreview",
    "Review",
    "doubts_of",
    "import_cases",
    "list_cases",
    "store_case",
]


class ImportResult(BaseModel):
    """The outcome of an import (or of a dry run)."""

    read: int
    added: int
    skipped: int
    dry_run: bool
    previews: list[RedactionPreview] = []
    uncertain: list[Doubtful] = []
    """What the redactor is unsure of and nobody has decided yet (in context: dry run only)."""
    unresolved: int = 0
    """How many such doubts remain (a real import reports the number, not the words)."""
    decided: int = 0
    """How many decisions this import recorded."""
    throwaway_key: bool = False
    """A dry run without a key file yet: it used a key held in memory only (none created),
    so its case references differ from those a real import will give."""


Review = Callable[[Doubtful], Decision | None]
"""Asks a person about one doubt: ``"redact"``, ``"keep"``, or None to leave it undecided."""


def _fingerprint(path: Path, anonymised: Sequence[BaseModel]) -> str:
    """The imported file's sha256; a pipe, read once already, by the cases it gave instead."""
    if path.is_file():
        return hashlib.sha256(read_capped(path, MAX_CASE_FILE_BYTES, "case file")).hexdigest()
    digest = hashlib.sha256()
    for case in anonymised:
        digest.update(case.model_dump_json().encode() + b"\n")
    return digest.hexdigest()


def import_cases(
    store: Store | None,
    actor_name: str | None,
    path: Path,
    *,
    key_path: Path,
    dry_run: bool = False,
    strict: bool = False,
    review: Review | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> ImportResult:
    """Validate, anonymise and store every case in ``path`` atomically.

    Cases whose pseudonymous reference is already stored are skipped, so
    re-importing a file never duplicates cases. With ``dry_run`` nothing is
    written (``store`` may be None) and the previews say what would be redacted; a
    dry run before the key exists uses a key held in memory only (``throwaway_key``).
    If ``actor_name`` names a user, that user must be a lead.

    The redactor's doubts (uncertain redactions, likely names it kept) are settled
    by the decisions remembered beside the key; ``review`` asks a person about the
    rest, and the answers are remembered. With ``strict``, doubts still open
    refuse the import (BadInput listing each, nothing written).

    Without ``review``, a large file is anonymised on several cores (``jobs``
    processes, this one included; None: one per CPU, up to eight, for a file of
    MIN_PARALLEL_CASES or more holding MIN_PARALLEL_CHARS of text, on the CPUs other
    work leaves free; 1: one case at a time here). The result is the
    same either way.
    """
    from moderator.anonymise.pseudonym import KEY_BYTES, Pseudonymiser, load_or_create_key
    from moderator.anonymise.records import read_cases

    actor = SYSTEM
    if actor_name and store is not None:
        user: User = get_user(store, actor_name)
        require_role(user, Role.LEAD, doing="import cases")
        actor = user.name
    try:
        raw_cases = read_cases(path)
    except BadInput as exc:  # quoting a header cell: never a long run of the file's content
        raise with_quotes_capped(exc) from exc.__cause__
    if not raw_cases:
        raise BadInput(f"{path}: no cases in the file")
    # A dry run creates no files, not even the key; one with ``review`` is asked to
    # remember decisions, which are keyed, so it takes (and may create) the real key.
    throwaway = dry_run and review is None and not key_path.exists() and not key_path.is_symlink()
    if throwaway:
        key = secrets.token_bytes(KEY_BYTES)
        decisions = Decisions(key)  # no file: nothing remembered, nothing saved
    else:
        key = load_or_create_key(key_path)
        decisions = Decisions.load(key, decisions_path(key_path))
    pseudonymiser = Pseudonymiser(key)
    total = len(raw_cases)
    steps = total * (1 if dry_run else 2)
    chars = sum(len(raw.text or "") for raw in raw_cases)
    processes = 1 if review is not None else processes_for(jobs, total, chars)
    outcomes: list[Outcome]
    recorded = 0
    try:
        if processes > 1:
            outcomes = anonymise_in_pool(
                raw_cases,
                pseudonymiser,
                decisions,
                dry_run=dry_run,
                workers=processes - 1,
                progress=(lambda done: progress(done, steps)) if progress else None,
            )
        else:
            outcomes = []
            for i, raw in enumerate(raw_cases):
                line = line_of(raw, i)
                outcome = anonymise_one(raw, line, pseudonymiser, decisions, dry_run=dry_run)
                if review is not None and outcome.doubts:
                    for doubt in outcome.doubts:
                        if decisions.lookup(doubt.value) is None and (answer := review(doubt)):
                            decisions.record(doubt.value, answer)
                            recorded += 1
                    outcome = anonymise_one(raw, line, pseudonymiser, decisions, dry_run=dry_run)
                outcomes.append(outcome)
                if progress:
                    progress(i + 1, steps)
    except RedactorFault as fault:  # named by line and case; the file's path added here
        raise BadInput(f"{path}: {fault.message}") from None
    anonymised = [o.case for o in outcomes]
    previews = [o.preview for o in outcomes if o.preview is not None]
    uncertain = [d for o in outcomes for d in o.doubts]
    if recorded:
        decisions.save()
    if strict and uncertain:
        listing = "\n".join(
            f"  {path}:{d.line}: {d.kind} ({d.confidence:.2f}, "
            f"{'redacted' if d.redacted else 'kept'}): {d.context()}"
            for d in uncertain
        )
        raise BadInput(
            f"{path}: {len(uncertain)} redaction doubt(s) not yet decided; nothing was imported.\n"
            f"{listing}\nDecide them with `moderator import cases {path} --review` "
            "(or in the workbench's import screen), then import again."
        )
    if dry_run or store is None:
        existing = 0
        if store is not None:
            refs = [c.case_ref for c in anonymised]
            existing = sum(
                store.scalar("SELECT 1 FROM cases WHERE case_ref = ?", [r]) is not None
                for r in refs
            )
        return ImportResult(
            read=total,
            added=total - existing,
            skipped=existing,
            dry_run=True,
            previews=previews,
            uncertain=uncertain,
            unresolved=len(uncertain),
            decided=recorded,
            throwaway_key=throwaway,
        )
    file_hash = _fingerprint(path, anonymised)
    added = 0
    stamp = store.now()
    with store.transaction():
        cur = store.execute(
            "INSERT INTO imports (at, by, file_sha256, cases_added, cases_skipped)"
            " VALUES (?, ?, ?, 0, 0)",
            (stamp, actor, file_hash),
        )
        import_id = cur.lastrowid
        for i, case in enumerate(anonymised):
            inserted = store_case(store, case, import_id=import_id, stamp=stamp)
            added += inserted
            if progress:
                progress(total + i + 1, total * 2)
        skipped = total - added
        store.execute(
            "UPDATE imports SET cases_added = ?, cases_skipped = ? WHERE id = ?",
            (added, skipped, import_id),
        )
        store.record_event(
            actor,
            "case.import",
            "import",
            import_id,
            detail={"added": added, "skipped": skipped, "file_sha256": file_hash},
            at=stamp,
        )
    return ImportResult(
        read=total,
        added=added,
        skipped=skipped,
        dry_run=False,
        unresolved=len(uncertain),
        decided=recorded,
    )


def list_cases(store: Store) -> list[dict[str, Any]]:
    """Stored cases (anonymised), newest first, without their text."""
    return store.rows(
        "SELECT case_ref, team, service_area, opened, closed, imported_at FROM cases"
        " ORDER BY id DESC"
    )


def store_case(store: Store, case: Any, *, import_id: int | None, stamp: str) -> int:
    """Insert one anonymised case unless its reference exists; 1 if added, 0 if skipped.

    ``case`` is an :class:`~moderator.anonymise.pipeline.AnonymisedCase` (or
    anything with its fields). Call inside a transaction.
    """
    opened = getattr(case, "opened", None)
    closed = getattr(case, "closed", None)
    return int(
        store.execute(
            "INSERT INTO cases (case_ref, team, service_area, opened, closed, worker_ref,"
            " child_ref, text, redaction_counts, import_id, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_ref) DO NOTHING",
            (
                case.case_ref,
                case.team,
                case.service_area,
                None if opened is None else str(opened),
                None if closed is None else str(closed),
                getattr(case, "worker_ref", None),
                getattr(case, "child_ref", None),
                case.text,
                json.dumps(getattr(case, "redaction_counts", {}) or {}, sort_keys=True),
                import_id,
                stamp,
            ),
        ).rowcount
    )
