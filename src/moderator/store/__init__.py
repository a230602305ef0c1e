"""Storage: SQLite (WAL) through sqlite-utils, with forward migrations and an append-only log."""

from moderator.store.db import Store, open_store

__all__ = ["Store", "open_store"]
