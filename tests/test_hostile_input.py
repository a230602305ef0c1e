"""Hostile input changes nothing: every reader answers within limits, with ``file:line``, exit 1.

One test per failure found by trying the readers as an adversary would (long
CSV fields, huge numbers, deep nesting, a pack that never ends, NUL bytes,
control characters in a rubric), reproducing it and checking it now passes.
The property tests feeding every reader mutated input are in
``test_hostile_properties.py``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from moderator.anonymise.records import read_cases
from moderator.cli import cli
from moderator.domain import limits
from moderator.domain.limits import MAX_FIELD_BYTES, MAX_PACK_BYTES
from moderator.errors import BadInput
from moderator.services.cases import import_cases
from moderator.store import open_store
from tests.moderation_helpers import dump

pytestmark = pytest.mark.usefixtures("mini_rubrics")

HEADER = "case_id,team,service_area,opened,child_name,text\n"
CASE = {
    "case_id": "MOS-1",
    "team": "North",
    "service_area": "help_and_protection",
    "opened": "2021-02-11",
    "child": {"name": "Kayden Smith"},
    "text": "Seen alone at home.",
}


def run(*args: object, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


def refused(result: Result, *expected: str) -> str:
    """Exit 1, a message, never a traceback; returns the message."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output, result.output
    return result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    assert run("user", "add", "lee", "--role", "lead", "--db", path).exit_code == 0
    return path


def import_refused(db: Path, cases: Path, *expected: str) -> str:
    with open_store(db) as store:
        before = dump(store)
    out = refused(
        run("import", "cases", cases, "--db", db, "--as", "lee", "--key-file", db.parent / "k"),
        *expected,
    )
    with open_store(db) as store:
        assert dump(store) == before
    return out


# -- case import -------------------------------------------------------------------------


def test_a_csv_case_note_over_128_kb_is_read(tmp_path: Path) -> None:
    note = "Seen alone. " * (200_000 // 12)  # ~200 KB: Python's csv stops at 128 KB
    path = tmp_path / "long.csv"
    path.write_text(HEADER + f'MOS-1,North,help_and_protection,2021-02-11,Kay Smith,"{note}"\n')
    limit = csv.field_size_limit()
    (case,) = read_cases(path)
    assert len(case.text) > 128 * 1024
    assert csv.field_size_limit() == limit  # other CSV readers keep their own limit


def test_a_csv_field_past_the_limit_is_one_clear_error(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "runaway.csv"
    # An unclosed quote swallows the rest of the file into one field.
    body = "x" * (MAX_FIELD_BYTES + 10)
    path.write_text(HEADER + f'MOS-1,North,help_and_protection,2021-02-11,Kay,"{body}\n')
    import_refused(db, path, f"{path}:2:", "longer than 1 MB")


def test_a_5000_digit_number_in_jsonl_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    row = json.dumps(CASE).replace('"MOS-1"', "9" * 5000)
    path.write_text(json.dumps(CASE).replace("MOS-1", "MOS-0") + "\n" + row + "\n")
    import_refused(db, path, f"{path}:2:", "5000 digits")


@pytest.mark.parametrize("shape", ["jsonl", "array"])
def test_deeply_nested_json_in_an_import_is_a_clear_error(
    db: Path, tmp_path: Path, shape: str
) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"case_id": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(deep + "\n" if shape == "jsonl" else "[" + deep + "]\n")
    import_refused(db, path, f"{path}:1:", "nested more than")


def test_nul_and_escape_bytes_in_csv_text_are_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_text(
        HEADER + "MOS-1,North,help_and_protection,2021-02-11,Kay Smith,Seen\x00 alone\x1b[2J.\n"
    )
    with open_store(tmp_path / "m.db") as store:
        import_cases(store, None, path, key_path=tmp_path / "key")
        (text,) = [r["text"] for r in store.rows("SELECT text FROM cases")]
    assert "\x00" not in text and "\x1b" not in text
    assert "Seen alone[2J." in text


def test_jsonl_lines_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "' + "x" * (3 * 1024 * 1024) + '"}\n')
    with pytest.raises(BadInput) as info:
        read_cases(path)
    assert f"{path}:1: line longer than 2 MB" in "\n".join(info.value.details)


# -- rubrics ---------------------------------------------------------------------------------


def _rubric(tmp_path: Path, body: bytes) -> Path:
    shutil.copy(Path(__file__).parent / "data" / "rubrics" / "sources.yaml", tmp_path)
    path = tmp_path / "odd.yaml"
    path.write_bytes(body)
    return path


def test_deeply_nested_yaml_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _rubric(tmp_path, b"id: x\ndomains: " + b"[" * 50_000 + b"]" * 50_000 + b"\n")
    refused(run("rubric", "validate", path), f"{path}:2:41: nested more than 32 levels deep")


def test_rubric_control_characters_and_bad_bytes_point_at_their_line(tmp_path: Path) -> None:
    path = _rubric(tmp_path, b'id: x\ntitle: "Risk \x1b[31m"\n')
    refused(run("rubric", "validate", path), f"{path}:2:14: control character U+001B")
    path = _rubric(tmp_path, b"id: x\ntitle: Risk\nversion: \xff\n")
    refused(run("rubric", "validate", path), f"{path}:3:10: not UTF-8 text")


def test_an_oversized_rubric_is_refused_before_parsing(tmp_path: Path) -> None:
    path = _rubric(tmp_path, b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    refused(run("rubric", "validate", path), f"{path}:1:1: more than 1 MB")


# -- packs -------------------------------------------------------------------------------------


def test_pack_import_from_a_stream_without_end_stops_with_a_clear_error(db: Path) -> None:
    out = refused(
        run("pack", "import", "/dev/zero", "--db", db, "--as", "lee"), "/dev/zero", "too big"
    )
    assert "64 MB" in out


def test_a_huge_pack_is_refused_from_its_size(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:  # sparse: no time or disk spent writing it
        f.truncate(MAX_PACK_BYTES * 3)
    refused(run("pack", "import", path, "--db", db, "--as", "lee"), str(path), "192 MB")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('{"format": "moderator-pack", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
        ('{"format": "moderator-pack", "x": ' + "[" * 40 + "]" * 40 + "}", "nested"),
        ('{"format": "moderator-pack", "n": ' + "7" * 5000 + "}", "5000 digits"),
    ],
    ids=["recursion", "deep", "digits"],
)
def test_hostile_json_in_a_pack_is_refused(
    db: Path, tmp_path: Path, body: str, expected: str
) -> None:
    path = tmp_path / "pack.json"
    path.write_text(body + "\n")
    with open_store(db) as store:
        before = dump(store)
    for command in ("import", "open", "inspect"):
        refused(run("pack", command, path, "--db", db, "--as", "lee"), str(path), expected)
    with open_store(db) as store:
        assert dump(store) == before


# -- named pipes ---------------------------------------------------------------------------


def _run_within(seconds: float, *args: object) -> Result:
    """The command's result, or a failure when it is still waiting after ``seconds``."""
    results: list[Result] = []
    worker = threading.Thread(target=lambda: results.append(run(*args)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert results, f"still waiting after {seconds}s: moderator {' '.join(map(str, args))}"
    return results[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(
    ("command", "name", "expected"),
    [
        (("import", "cases"), "cases.csv", "not a case file"),
        (("pack", "import"), "pack.json", "not a moderation pack"),
        (("pack", "inspect"), "pack.json", "not a moderation pack"),
    ],
    ids=["import-cases", "pack-import", "pack-inspect"],
)
def test_a_named_pipe_nobody_writes_to_is_refused_not_waited_on(
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    name: str,
    expected: str,
) -> None:
    monkeypatch.setattr(limits, "PIPE_WAIT_SECONDS", 0.5, raising=False)
    fifo = tmp_path / name
    os.mkfifo(fifo)
    with open_store(db) as store:
        before = dump(store)
    result = _run_within(
        30, *command, fifo, "--db", db, "--as", "lee", "--key-file", tmp_path / "k"
    )
    refused(result, str(fifo), expected)
    with open_store(db) as store:
        assert dump(store) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_cases_written_into_a_named_pipe_are_imported(db: Path, tmp_path: Path) -> None:
    """A writer that opens the pipe after moderator does is still read in full."""
    fifo = tmp_path / "cases.csv"
    os.mkfifo(fifo)
    body = HEADER + "MOS-1,North,help_and_protection,2021-02-11,Kay Smith,Seen alone.\n"

    def write() -> None:
        with fifo.open("w") as f:
            f.write(body)

    writer = threading.Timer(0.5, write)
    writer.daemon = True
    writer.start()
    result = _run_within(
        60, "import", "cases", fifo, "--db", db, "--as", "lee", "--key-file", tmp_path / "k"
    )
    assert result.exit_code == 0, result.output
    assert "Imported 1 case" in result.output


# -- the config file -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("".join("  " * i + "k:\n" for i in range(200)), ":33: cannot read config: nested"),
        ("user: " + "[" * 100_000 + "]" * 100_000 + "\n", ":1: cannot read config: nested"),
        (
            "user: lee\n# " + "x" * (2 * 1024 * 1024) + "\n",
            ": more than 1 MB: too big for a config file",
        ),
        ("user: lee\nteam: a\0b\n", ":2: cannot read config: control character U+0000"),
    ],
    ids=["deep-block", "deep-flow", "huge", "nul"],
)
def test_a_hostile_config_file_is_one_message_naming_its_line(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, expected: str
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(body)
    monkeypatch.setenv("MODERATOR_CONFIG", str(config))
    refused(run("user", "list", "--db", db), f"{config}{expected}")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "user: lee\ntheme: textual-light\nuser: bob\n",
            ":3: cannot read config: duplicate key 'user'",
        ),
        ("sample:\n  rate: 0.3\n  rate: 0.9\n", ":3: cannot read config: duplicate key 'rate'"),
    ],
    ids=["top-level", "nested"],
)
def test_a_key_given_twice_in_the_config_is_refused_at_the_second(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, expected: str
) -> None:
    """YAML itself keeps the last of two `user:` lines without a word; the config may not."""
    config = tmp_path / "config.yaml"
    config.write_text(body)
    monkeypatch.setenv("MODERATOR_CONFIG", str(config))
    refused(run("user", "list", "--db", db), f"{config}{expected}")


def test_a_key_given_twice_in_a_rubric_is_refused_at_the_second(tmp_path: Path) -> None:
    path = _rubric(tmp_path, b"id: one\ntitle: One\nid: two\n")
    refused(run("rubric", "validate", path), f"{path}:3:1: duplicate key 'id' (first at line 1)")


# -- calibration ratings -------------------------------------------------------------------


def test_ratings_from_a_device_or_a_silent_pipe_are_refused_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "PIPE_WAIT_SECONDS", 0.5, raising=False)
    refused(_run_within(30, "agreement", "--from-csv", "/dev/zero"), "/dev/zero", "too big")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "ratings.csv"
        os.mkfifo(fifo)
        refused(_run_within(30, "agreement", "--from-csv", fifo), str(fifo), "named pipe")


def test_a_ratings_field_past_the_csv_limit_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text(
        f"case_ref,criterion,rater,grade\nC-1,risk,ann,Good\nC-1,risk,bob,{'x' * 200_000}\n"
    )
    refused(run("agreement", "--from-csv", path), f"{path}:3:")


def test_a_rubric_from_a_silent_pipe_is_refused_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "PIPE_WAIT_SECONDS", 0.5, raising=False)
    fifo = tmp_path / "rubric.yaml"
    os.mkfifo(fifo)
    refused(_run_within(30, "rubric", "validate", fifo), f"{fifo}:1:1: a named pipe")


RATINGS_HEADER = "case_ref,criterion,rater,grade\n"


@pytest.mark.parametrize(
    ("command", "body", "expected"),
    [
        (("agreement", "--from-csv"), RATINGS_HEADER, ":2: no ratings"),
        (("agreement", "--from-csv"), RATINGS_HEADER + "\n\n", ":2: no ratings"),
        (("agreement", "--from-csv"), RATINGS_HEADER + "C-1,risk,ann,\n", ": grade: no ratings"),
    ],
    ids=["header", "header-blank-lines", "no-grades"],
)
def test_a_file_of_only_a_header_is_refused_not_reported_as_nothing(
    tmp_path: Path, command: tuple[str, ...], body: str, expected: str
) -> None:
    """A header alone used to give an agreement of 0 graders, exit 0.

    (A paired-grades file of only a header stays an empty report: it is what
    ``report --format csv`` writes for an authority with no moderated audits.)
    """
    path = tmp_path / "ratings.csv"
    path.write_text(body)
    refused(run(*command, path), f"{path}{expected}")


# -- the database file ---------------------------------------------------------------------


def test_another_programs_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    import hashlib
    import sqlite3

    other = tmp_path / "photos.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE album (name TEXT)")
    conn.close()
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    for command in (("user", "list"), ("verify",)):
        refused(run(*command, "--db", other), str(other), "not a moderator database")
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]


def test_an_empty_file_given_as_the_database_is_refused_and_left_empty(tmp_path: Path) -> None:
    """SQLite takes a 0-byte file as an empty database: it used to become one, silently."""
    empty = tmp_path / "notes.db"
    empty.write_bytes(b"")
    for command in (("user", "list"), ("user", "add", "ann", "--role", "lead"), ("verify",)):
        refused(run(*command, "--db", empty), f"{empty}: an empty file (0 bytes)")
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]
    # where no file exists yet, a new database is still made
    assert run("user", "add", "ann", "--role", "lead", "--db", tmp_path / "new.db").exit_code == 0
    assert run("user", "list", "--db", tmp_path / "new.db").exit_code == 0


# -- outputs -------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(
    "command",
    [
        ("report", "--format", "md"),
        ("report", "--format", "json"),
        ("report", "--format", "csv"),
        ("report", "--format", "xlsx"),
        ("moderation", "export"),
    ],
    ids=["report-md", "report-json", "report-csv", "report-xlsx", "moderation-export"],
)
def test_an_output_that_is_a_named_pipe_is_refused_not_waited_on(
    db: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Writing into a pipe nobody reads waited for ever; now one message, at once."""
    import stat

    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    result = _run_within(30, *command, "--out", fifo, "--db", db, "--as", "lee")
    refused(result, f"{fifo}: cannot write: it is a named pipe, not a regular file")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_output_that_is_a_device_is_refused(db: Path) -> None:
    refused(
        run("report", "--format", "md", "--out", os.devnull, "--db", db, "--as", "lee"),
        f"{os.devnull}: cannot write: it is a device, not a regular file",
    )


def test_a_pack_is_never_moved_in_place_of_a_device(tmp_path: Path) -> None:
    """A pack is written beside its name and then renamed onto it: onto /dev/null, as root,
    that would have replaced the device itself."""
    import stat

    from moderator.exchange.seal import write_pack

    with pytest.raises(BadInput, match="it is a device, not a regular file"):
        write_pack(Path(os.devnull), {"kind": "test"})
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not any(Path(os.devnull).parent.glob(f".{Path(os.devnull).name}.*.tmp"))


# -- files that cannot be opened -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "body", "command"),
    [
        ("ratings.csv", RATINGS_HEADER + "C-1,risk,ann,Good\n", ("agreement", "--from-csv", "{}")),
        ("pairs.csv", "audit_id\n", ("report", "--from-csv", "{}")),
        (
            "grades.csv",
            "criterion,grade,reason\n",
            (
                "calibration",
                "agree",
                "C-1",
                "--rubric",
                "mini",
                "--grades",
                "{}",
                "--db",
                "{db}",
                "--as",
                "lee",
            ),
        ),
        ("cases.csv", HEADER, ("import", "cases", "{}", "--db", "{db}", "--as", "lee")),
        ("rubric.yaml", "id: x\n", ("rubric", "validate", "{}")),
        ("config.yaml", "user: lee\n", ("user", "list", "--db", "{db}")),
        ("m.db", None, ("user", "list", "--db", "{}")),
        ("out.md", "", ("report", "--format", "md", "--out", "{}", "--db", "{db}", "--as", "lee")),
    ],
    ids=["ratings", "pairs", "grades", "cases", "rubric", "config", "database", "output"],
)
def test_a_file_this_user_may_not_open_is_one_message_naming_it(
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    body: str | None,
    command: tuple[str, ...],
) -> None:
    """Root reads every file, so the refusal is simulated: opening the one file raises
    PermissionError, as it would for another user's file."""
    import builtins

    path = db if body is None else tmp_path / name
    if body is not None:
        path.write_text(body)
    if name == "config.yaml":
        monkeypatch.setenv("MODERATOR_CONFIG", str(path))
    real_os_open, real_open = os.open, builtins.open

    def denied(file: object) -> bool:
        return os.fspath(file) == str(path) if isinstance(file, str | Path) else False

    def os_open(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if denied(file):
            if flags & os.O_EXCL and os.path.exists(str(file)):
                raise FileExistsError(17, "File exists", str(file))  # checked before permission
            raise PermissionError(13, "Permission denied", str(file))
        return real_os_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    def b_open(file: object, *args: object, **kwargs: object) -> object:
        if denied(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", b_open)
    args = [a.format(path, db=db) for a in command]
    result = run(*args, "--key-file", tmp_path / "k") if command[0] == "import" else run(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert str(path) in result.output and "Permission denied" in result.output, result.output
    assert "not a moderator database" not in result.output
