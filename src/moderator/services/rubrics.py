"""Rubrics in the database: stored by content hash, so every audit records the exact rubric."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from moderator.domain.rubric import Rubric
from moderator.domain.rubric_files import load_rubric_dir, shipped_rubrics_dir
from moderator.errors import NotFound
from moderator.store.db import Store


def shipped_rubrics() -> dict[str, Rubric]:
    """The rubrics shipped in ``rubrics/`` (cached per process)."""
    return _shipped(str(shipped_rubrics_dir()))


@lru_cache(maxsize=4)
def _shipped(directory: str) -> dict[str, Rubric]:
    return load_rubric_dir(Path(directory))


def ensure_rubric(store: Store, rubric: Rubric) -> str:
    """Store the rubric if this exact content is new; return its hash. Call inside a transaction."""
    digest = rubric.content_hash
    if store.scalar("SELECT 1 FROM rubrics WHERE hash = ?", [digest]) is None:
        store.execute(
            "INSERT INTO rubrics (hash, id, version, title, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                digest,
                rubric.id,
                rubric.version,
                rubric.title,
                rubric.model_dump_json(),
                store.now(),
            ),
        )
    return digest


_BY_HASH: dict[str, Rubric] = {}


def rubric_by_hash(store: Store, digest: str) -> Rubric:
    """The stored rubric with this content hash."""
    cached = _BY_HASH.get(digest)
    if cached is not None:
        return cached
    body = store.scalar("SELECT body FROM rubrics WHERE hash = ?", [digest])
    if body is None:
        raise NotFound(f"no stored rubric with hash {digest[:12]}")
    rubric = Rubric.model_validate(json.loads(body))
    _BY_HASH[digest] = rubric
    return rubric


def resolve_rubric(rubric_id: str) -> Rubric:
    """A shipped rubric by id, with a helpful error."""
    rubrics = shipped_rubrics()
    if rubric_id not in rubrics:
        raise NotFound(f"no rubric {rubric_id!r}; known: {', '.join(sorted(rubrics))}")
    return rubrics[rubric_id]


def rubric_for_service_area(service_area: str) -> Rubric:
    """The shipped rubric for a service area (falls back to the first rubric)."""
    rubrics = shipped_rubrics()
    for rubric in rubrics.values():
        if rubric.service_area == service_area:
            return rubric
    if not rubrics:
        raise NotFound("no rubrics are installed")
    return next(iter(rubrics.values()))
