"""A person confirms what the redactor is unsure of: dry-run listing, --review, --strict."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from click.testing import CliRunner

from moderator.anonymise.review import Decisions, decisions_path
from moderator.cli import cli
from moderator.store import open_store

# "Stafford" is the family's surname and a town: after "moved to" the redactor keeps it as
# the town, but it is not sure, so it asks.
CASE = {
    "case_id": "MOS-700001",
    "team": "Safeguarding North",
    "service_area": "help_and_protection",
    "opened": "2022-01-01",
    "worker": "Ann Ward",
    "child": {"name": "Tyler Stafford", "dob": "2014-01-01"},
    "family": [{"name": "Gemma Stafford", "relationship": "mother"}],
    "text": "Gemma moved to Stafford last year. Tyler is settled at school.",
}


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(CASE) + "\n", encoding="utf-8")
    return path


def _run(tmp_path: Path, *args: str, keys: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(
        cli,
        [
            "import",
            "cases",
            str(_file(tmp_path)),
            "--db",
            str(tmp_path / "m.db"),
            "--key-file",
            str(tmp_path / "key"),
            *args,
        ],
        input=keys,
    )
    return result.exit_code, result.output


def _stored_texts(tmp_path: Path) -> list[str]:
    with open_store(tmp_path / "m.db") as store:
        return [r["text"] for r in store.rows("SELECT text FROM cases")]


def test_the_dry_run_lists_doubts_in_context(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "--dry-run")
    assert code == 0
    assert "1 redaction doubt(s)" in out
    assert "⟦Stafford⟧ last year" in out and "kept" in out


def test_strict_refuses_with_a_clear_list_and_writes_nothing(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "--strict")
    assert code == 1
    assert "cases.jsonl:1: child" in out and "⟦Stafford⟧" in out and "--review" in out
    with open_store(tmp_path / "m.db") as store:
        assert store.scalar("SELECT count(*) FROM cases") == 0


def test_a_confirmed_doubt_is_redacted_now_and_remembered(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "--review", keys="r")
    assert code == 0, out
    assert _stored_texts(tmp_path) == [
        "[MOTHER] moved to [CHILD] last year. [CHILD] is settled at school."
    ]
    # remembered: a strict import of the same words has nothing left to ask
    (tmp_path / "m.db").unlink()
    assert _run(tmp_path, "--strict")[0] == 0


def test_remembered_decisions_apply_to_moderator_anonymise_too(tmp_path: Path) -> None:
    """The same words come out the same way whether a file is imported or only anonymised."""

    def anonymised_text() -> str:
        result = CliRunner().invoke(
            cli, ["anonymise", str(_file(tmp_path)), "--key-file", str(tmp_path / "key")]
        )
        assert result.exit_code == 0, result.output
        lines = [line for line in result.output.splitlines() if line.startswith("{")]
        return str(json.loads(lines[0])["text"])

    assert "moved to Stafford" in anonymised_text()  # undecided: the redactor's own call
    assert _run(tmp_path, "--dry-run", "--review", keys="r")[0] == 0
    assert anonymised_text() == "[MOTHER] moved to [CHILD] last year. [CHILD] is settled at school."


def test_a_rejected_doubt_is_kept_and_remembered(tmp_path: Path) -> None:
    assert _run(tmp_path, "--dry-run", "--review", keys="k")[0] == 0
    code, out = _run(tmp_path, "--strict")
    assert code == 0, out
    assert _stored_texts(tmp_path) == [
        "[MOTHER] moved to Stafford last year. [CHILD] is settled at school."
    ]


def test_skipping_leaves_the_doubt_open(tmp_path: Path) -> None:
    assert _run(tmp_path, "--dry-run", "--review", keys="s")[0] == 0
    assert _run(tmp_path, "--dry-run", "--strict")[0] == 1


def test_decisions_are_keyed_hashes_in_a_private_file_beside_the_key(tmp_path: Path) -> None:
    _run(tmp_path, "--dry-run", "--review", keys="k")
    path = decisions_path(tmp_path / "key")
    assert path.parent == tmp_path
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = path.read_text(encoding="utf-8")
    assert "stafford" not in content.lower()
    key = (tmp_path / "key").read_bytes()
    assert Decisions.load(key, path).lookup("STAFFORD") == "keep"  # case does not matter
    assert Decisions.load(os.urandom(32), path).lookup("Stafford") is None  # another key


def test_a_decisions_file_open_to_others_is_refused(tmp_path: Path) -> None:
    _run(tmp_path, "--dry-run", "--review", keys="k")
    path = decisions_path(tmp_path / "key")
    if os.name != "posix":
        return
    path.chmod(0o644)
    code, out = _run(tmp_path, "--dry-run")
    assert code == 1 and "chmod 600" in out


def test_review_says_one_decision_settles_every_place_the_word_is_written(tmp_path: Path) -> None:
    """Like the workbench's import screen: the CLI numbers the doubts and, on a decision,
    says which other doubts it settles (so they are not asked about again)."""
    second = {**CASE, "case_id": "MOS-700002", "text": "Gemma moved to Stafford in May."}
    (tmp_path / "two.jsonl").write_text(
        json.dumps(CASE) + "\n" + json.dumps(second) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        [
            "import",
            "cases",
            str(tmp_path / "two.jsonl"),
            "--db",
            str(tmp_path / "m.db"),
            "--key-file",
            str(tmp_path / "key"),
            "--review",
        ],
        input="r",
    )
    assert result.exit_code == 0, result.output
    assert "doubt 1 of 2" in result.output
    assert "[r]edact  [k]eep  [s]kip  [q]uit asking" in result.output  # the keys, not markup
    assert (
        "Redact 'Stafford': applies to all 2 places 'Stafford' is written (doubts 1 and 2)."
        in result.output
    )
    assert "doubt 2 of 2" not in result.output  # settled by the first decision: not asked
