"""The schema as forward migrations. Each entry moves the database one version on.

Never edit a migration that has shipped: add a new one. ``PRAGMA user_version``
holds the current version.

This module is the register: the migrations in the order they run. Their SQL
lives beside it: the first schema in :mod:`moderator.store.schema_first`,
moderation in earnest in :mod:`moderator.store.schema_moderation`, and the
features added since in :mod:`moderator.store.schema_additions`. A new
migration goes at the end of the list (in ``schema_additions``, or a module of
its own once that grows past a few hundred lines).
"""

from __future__ import annotations

from moderator.store.schema_additions import (
    ABOUT,
    AUDIT_LIST_ORDER,
    CALIBRATION,
    CREDENTIALS,
    INTERVENTIONS,
    TAMPER_EVIDENCE,
)
from moderator.store.schema_first import FIRST_SCHEMA
from moderator.store.schema_moderation import MODERATION

MIGRATIONS: list[str] = [
    FIRST_SCHEMA,  # 1: the first schema
    MODERATION,  # 2: moderation in earnest: received packs, locks on moderations
    INTERVENTIONS,  # 3: dated interventions
    CALIBRATION,  # 4: calibration cases
    TAMPER_EVIDENCE,  # 5: tamper evidence: the event log's hash chain, no REPLACE
    CREDENTIALS,  # 6: identity: passwords
    AUDIT_LIST_ORDER,  # 7: a lead's list, a page at a time: its order as an index
    ABOUT,  # 8: what a database says about itself (a demo built to a file)
]

SCHEMA_VERSION = len(MIGRATIONS)
