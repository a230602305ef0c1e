"""One settings surface: given values beat the environment, which beats the config file;
the core reads none of them itself."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from moderator.cli import cli
from moderator.domain.grades import Grade
from moderator.errors import BadInput
from moderator.settings import config_path, load_settings
from moderator.store import open_store
from tests.conftest import DATA, REPO
from tests.helpers import people
from tests.moderation_helpers import submitted_audit


def _config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, (args, result.output)
    assert "Traceback" not in result.output
    return result


def test_the_file_is_read_the_environment_wins_and_given_values_win_over_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _config(
        "user: mia\nauthority: Westmere City Council\nsample:\n  rate: 0.25\n  seed: 7\n"
        "idle_lock_minutes: 5\ncoverage_target:\n"
    )
    settings = load_settings()
    assert settings.user == "mia" and settings.authority == "Westmere City Council"
    assert (settings.sample.rate, settings.sample.seed, settings.sample.min_per_manager) == (
        0.25,
        7,
        1,
    )
    assert settings.idle_lock_minutes == 5 and settings.coverage_target == 0.5  # empty: unset
    monkeypatch.setenv("MODERATOR_USER", "max")
    monkeypatch.setenv("MODERATOR_SAMPLE__RATE", "0.1")
    settings = load_settings()
    assert settings.user == "max" and settings.sample.rate == 0.1
    assert load_settings(user="oli").user == "oli"


def test_moderator_config_picks_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.yaml"
    other.write_text("rubrics: /srv/rubrics\nkey_file: /srv/keys/pseudonym.key\n", "utf-8")
    monkeypatch.setenv("MODERATOR_CONFIG", str(other))
    monkeypatch.delenv("MODERATOR_KEY_FILE")
    settings = load_settings()
    assert settings.rubrics == Path("/srv/rubrics")
    assert settings.key_path() == Path("/srv/keys/pseudonym.key")
    assert settings.pack_key_path().name == "pack.key"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("user: [unclosed\n", "cannot read config"),
        ("- a list\n", "config must be a YAML mapping"),
        ("sample:\n  rate: 2\n", "sample.rate"),
        ("idle_lock_minutes: soon\n", "idle_lock_minutes"),
    ],
)
def test_a_bad_config_is_one_clear_message_naming_the_file_and_field(text: str, says: str) -> None:
    path = _config(text)
    with pytest.raises(BadInput) as caught:
        load_settings()
    message = f"{caught.value} {' '.join(caught.value.details)}"
    assert str(path) in message and says in message
    result = run("user", "list", "--db", path.parent / "x.db", code=1)
    assert says in result.output


def test_the_configured_rubrics_directory_is_the_one_the_commands_use() -> None:
    _config(f"rubrics: {DATA / 'rubrics'}\n")
    listed = run("rubric", "list", "--format", "json")
    assert [r["id"] for r in json.loads(listed.output)] == ["mini"]


def test_sample_defaults_come_from_the_config(tmp_path: Path) -> None:
    _config(f"rubrics: {DATA / 'rubrics'}\nsample:\n  rate: 1\n  seed: 11\n  exclude_months: 0\n")
    db = tmp_path / "s.db"
    from moderator.domain.rubric_files import use_rubrics_dir

    use_rubrics_dir(DATA / "rubrics")
    with open_store(db) as store:
        u = people(store)
        grades = {c: Grade.GOOD for c in ("risk", "seen", "plan")}
        for ref in ("C-1", "C-2", "C-3"):
            submitted_audit(store, u["lee"], u["mia"], ref, grades)
    drawn = json.loads(
        run("sample", "--dry-run", "--format", "json", "--db", db, "--as", "lee").output
    )
    assert (drawn["rate"], drawn["seed"], len(drawn["items"])) == (1.0, 11, 3)


def test_the_core_reads_no_environment() -> None:
    """Only the faces (cli/, tui/) and settings.py may look at the environment."""
    src = REPO / "src" / "moderator"
    readers = []
    for path in sorted(src.rglob("*.py")):
        inside = path.relative_to(src).as_posix()
        if inside == "settings.py" or inside.startswith(("cli/", "tui/")):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"os\.environ|getenv", text):
            readers.append(inside)
    assert readers == []


def test_a_missing_workbench_dependency_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "textual" or m.startswith("moderator.tui")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "textual", None)  # what an install without textual looks like
    result = run("demo", code=1)
    assert "needs the Python package 'textual'" in result.output
    assert "rubric" not in result.output.lower()  # no quiet fallback to another screen


def test_environment_names_any_case_groups_by_part_or_whole_and_mappings_as_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The environment reaches every kind of setting, and a part of a group keeps the rest."""
    _config("sample:\n  rate: 0.25\n  seed: 7\nkeys:\n  grading.submit: ctrl+s\n")
    monkeypatch.setenv("moderator_idle_lock_minutes", "3")
    monkeypatch.setenv("MODERATOR_SAMPLE__EXCLUDE_MONTHS", "0")
    monkeypatch.setenv("MODERATOR_KEYS", '{"grading.submit": "ctrl+enter"}')
    monkeypatch.setenv("MODERATOR_NOT_A_SETTING", "ignored")
    settings = load_settings()
    assert settings.idle_lock_minutes == 3
    assert (settings.sample.rate, settings.sample.seed, settings.sample.exclude_months) == (
        0.25,
        7,
        0,
    )
    assert settings.keys == {"grading.submit": "ctrl+enter"}
    monkeypatch.setenv("MODERATOR_SAMPLE", '{"rate": 0.75}')
    monkeypatch.delenv("MODERATOR_SAMPLE__EXCLUDE_MONTHS")
    assert load_settings().sample.rate == 0.75


def test_a_bad_environment_value_is_one_message_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MODERATOR_SIGNIN_MAX_FAILURES", "many")
    with pytest.raises(BadInput) as caught:
        load_settings()
    assert "MODERATOR_" in str(caught.value)
    assert any("signin_max_failures" in line for line in caught.value.details)
