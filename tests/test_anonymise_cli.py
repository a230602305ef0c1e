"""`moderator anonymise FILE`: JSONL out, one object per case; touches no database."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from click.testing import CliRunner

from moderator.cli import cli

CASE = {
    "case_id": "MOS-100234",
    "team": "Safeguarding North",
    "service_area": "help_and_protection",
    "opened": "2019-04-02",
    "worker": "Jane Doe",
    "child": {
        "name": "Kayden Smith",
        "dob": "2012-03-04",
        "address": "12 Fenton Road, Hanley",
        "postcode": "ST1 2AB",
        "nhs_number": "943 476 5919",
        "upn": None,
    },
    "family": [{"name": "Leanne Smith", "relationship": "mother"}],
    "text": "Kayden Smith (DOB 04/03/2012) of 12 Fenton Road, ST1 2AB was seen alone at school on "
    "5 May 2020. Leanne said Kayden's NHS number is 943 476 5919. A Child Protection Conference "
    "is due.",
}


def write(path: Path, *cases: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(cli, ["anonymise", *args])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, rows, result.stderr


def test_writes_one_anonymised_object_per_case(tmp_path: Path) -> None:
    second = dict(CASE, case_id="MOS-100235", text="Seen with Leanne on 06/05/2020.")
    db = tmp_path / "never.db"
    code, rows, err = run(
        str(write(tmp_path / "c.jsonl", CASE, second)), "--db", str(db), "--as", "sam"
    )
    assert code == 0, err
    assert len(rows) == 2
    first = rows[0]
    for key in ("case_ref", "team", "service_area", "opened", "text"):
        assert key in first
    blob = json.dumps(rows)
    for identifier in (
        "Kayden",
        "Smith",
        "ST1 2AB",
        "943 476 5919",
        "Fenton",
        "Jane Doe",
        "Leanne",
    ):
        assert identifier not in blob
    assert "Child Protection Conference" in str(first["text"])
    assert rows[1]["text"] == "Seen with [MOTHER] on [DATE]."
    assert not db.exists()


def test_creates_the_key_privately_and_reuses_it(tmp_path: Path) -> None:
    key = Path(os.environ["MODERATOR_KEY_FILE"])
    assert not key.exists()
    cases = write(tmp_path / "c.jsonl", CASE)
    code, first, err = run(str(cases))
    assert code == 0
    assert "created a new pseudonym key" in err
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    code, again, err = run(str(cases))
    assert "created" not in err
    assert again[0]["case_ref"] == first[0]["case_ref"]


def test_a_different_key_file_gives_different_pseudonyms(tmp_path: Path) -> None:
    cases = str(write(tmp_path / "c.jsonl", CASE))
    _, a, _ = run(cases, "--key-file", str(tmp_path / "a.key"))
    _, b, _ = run(cases, "--key-file", str(tmp_path / "b.key"))
    _, a2, _ = run(cases, "--key-file", str(tmp_path / "a.key"))
    assert a[0]["case_ref"] == a2[0]["case_ref"] != b[0]["case_ref"]


def test_bad_input_names_file_line_and_field_and_writes_nothing(tmp_path: Path) -> None:
    bad = dict(CASE, case_id="MOS-2", child=dict(CASE["child"], dob="31/02/2012"))  # type: ignore[arg-type]
    path = write(tmp_path / "cases.jsonl", CASE, bad)
    code, rows, err = run(str(path))
    assert code == 1
    assert rows == []
    assert f'{path}:2: child.dob: not a date: "31/02/2012"' in err
    assert "Traceback" not in err


def test_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    code, rows, err = run(str(tmp_path / "missing.csv"))
    assert code == 1 and rows == []
    assert "file not found" in err


def test_help() -> None:
    result = CliRunner().invoke(cli, ["anonymise", "--help"])
    assert result.exit_code == 0
    assert "--key-file" in result.stdout and "--db" in result.stdout and "--as" in result.stdout


def test_many_cases_on_two_processes_come_out_the_same_and_in_order(tmp_path: Path) -> None:
    """--jobs 2 shares the file with a worker process; the output does not change."""
    many = [
        dict(CASE, case_id=f"MOS-{200000 + i}", text=f"{CASE['text']} Visit {i} of {70}.")
        for i in range(70)
    ]
    path = str(write(tmp_path / "many.jsonl", *many))
    key = str(tmp_path / "k.key")
    code, serial, err = run(path, "--key-file", key, "--jobs", "1")
    assert code == 0, err
    code, shared, err = run(path, "--key-file", key, "--jobs", "2")
    assert code == 0, err
    assert shared == serial
    assert [row["text"] for row in shared][5].endswith("Visit 5 of 70.")
    assert "Kayden" not in json.dumps(shared)
