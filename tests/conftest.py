"""Shared fixtures: keep the developer's own config, data and key out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, XDG dirs, config, key and database at a temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("MODERATOR_CONFIG", str(home / "config" / "moderator" / "config.yaml"))
    monkeypatch.setenv("MODERATOR_KEY_FILE", str(home / "config" / "moderator" / "pseudonym.key"))
    for name in ("MODERATOR_DB", "MODERATOR_USER", "MODERATOR_RUBRICS"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def data_dir() -> Path:
    """The tests' data folder."""
    return DATA


@pytest.fixture
def mini_rubrics(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the tests' mini rubric as the shipped rubrics."""
    path = DATA / "rubrics"
    monkeypatch.setenv("MODERATOR_RUBRICS", str(path))
    return path


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, migrated, real SQLite database in a temporary folder."""
    from moderator.store import open_store

    s = open_store(tmp_path / "moderator.db")
    yield s
    s.close()
