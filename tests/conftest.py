"""Shared fixtures: keep the developer's own config, data and key out of every test.

Hypothesis runs the ``ci`` profile unless ``HYPOTHESIS_PROFILE`` names another:
``ci`` is derandomized (the same examples on every run and every machine, so a
red build is about the change, not the dice) and has no deadline (a busy
machine is slow, not wrong); ``explore`` draws fresh random examples, many
more of them, for hunting bugs during development. A failure ``explore``
finds is kept as an explicit ``@example`` on the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from moderator.domain.rubric_files import use_rubrics_dir

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point HOME, XDG dirs, config, key and database at a temporary home; no other settings."""
    for name in [n for n in os.environ if n.startswith("MODERATOR_")]:
        monkeypatch.delenv(name)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("MODERATOR_CONFIG", str(home / "config" / "moderator" / "config.yaml"))
    monkeypatch.setenv("MODERATOR_KEY_FILE", str(home / "config" / "moderator" / "pseudonym.key"))
    use_rubrics_dir(None)
    yield home
    use_rubrics_dir(None)


@pytest.fixture
def data_dir() -> Path:
    """The tests' data folder."""
    return DATA


@pytest.fixture
def mini_rubrics(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the tests' mini rubric as the shipped rubrics (in this process and in the faces)."""
    path = DATA / "rubrics"
    monkeypatch.setenv("MODERATOR_RUBRICS", str(path))
    use_rubrics_dir(path)
    return path


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, migrated, real SQLite database in a temporary folder."""
    from moderator.store import open_store

    s = open_store(tmp_path / "moderator.db")
    yield s
    s.close()
