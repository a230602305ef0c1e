"""Open and secured databases from the command line: passwords, sign-in, lockout, the log."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.store import open_store
from tests.helpers import add_case, people

pytestmark = pytest.mark.usefixtures("mini_rubrics")

LEE_PW = "lee's long passphrase"
MIA_TEMP = "temporary for mia 42"
MIA_OWN = "mia chose this one herself"


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Failed sign-ins pause in real use; tests need not wait for them."""
    monkeypatch.setenv("MODERATOR_SIGNIN_DELAY_SECONDS", "0")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    with open_store(path) as s:
        people(s)
        add_case(s, "C-1")
    return path


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def secure(db: Path) -> None:
    """lee secures the database with their own password, then gives mia a temporary one."""
    code, out = run(
        "user",
        "password",
        "lee",
        "--db",
        str(db),
        "--as",
        "lee",
        "--password-stdin",
        stdin=LEE_PW + "\n",
    )
    assert code == 0, out
    assert "now secured" in out
    code, out = run(
        "user",
        "password",
        "mia",
        "--db",
        str(db),
        "--as",
        "lee",
        "--password-stdin",
        stdin=f"{LEE_PW}\n{MIA_TEMP}\n",
    )
    assert code == 0, out
    assert "temporary" in out


def events(db: Path, kind: str) -> list[dict[str, object]]:
    with open_store(db) as s:
        return [e for e in s.events("user") if e["kind"] == kind]


def test_an_open_database_takes_as_at_its_word(db: Path) -> None:
    code, out = run("user", "list", "--db", str(db), "--format", "json")
    assert code == 0, out
    assert {u["name"] for u in json.loads(out)} == {"lee", "mia", "max", "oli"}


def test_only_a_lead_secures_an_open_database_and_with_their_own_password_first(db: Path) -> None:
    d = str(db)
    code, out = run(
        "user",
        "password",
        "mia",
        "--db",
        d,
        "--as",
        "mia",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert code == 3 and "only a lead" in out
    code, out = run(
        "user",
        "password",
        "mia",
        "--db",
        d,
        "--as",
        "lee",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert code == 3 and "set your own password first" in out
    code, out = run(
        "user", "password", "lee", "--db", d, "--as", "lee", "--password-stdin", stdin="short\n"
    )
    assert code == 1 and "too short" in out
    code, out = run("audit", "list", "--db", d, "--as", "mia")
    assert code == 0, out  # still open: nothing was set


def test_a_secured_database_needs_the_right_password_on_every_command(db: Path) -> None:
    d = str(db)
    secure(db)
    code, out = run("audit", "list", "--db", d, "--as", "lee")
    assert code == 3
    assert "--password-stdin" in out
    code, out = run("user", "list", "--db", d)
    assert code == 3
    code, out = run(
        "audit", "list", "--db", d, "--as", "lee", "--password-stdin", stdin="not lee's password\n"
    )
    assert code == 3 and "sign-in failed" in out
    code, out = run(
        "audit", "list", "--db", d, "--as", "lee", "--password-stdin", stdin=LEE_PW + "\n"
    )
    assert code == 0, out
    code, out = run("report", "--db", d, "--as", "lee", "--format", "json")
    assert code == 3
    # the flag works on the root command too, and MODERATOR_USER names who signs in
    result = CliRunner().invoke(
        cli,
        ["--password-stdin", "user", "list", "--db", d],
        input=LEE_PW + "\n",
        env={"MODERATOR_USER": "lee"},
    )
    assert result.exit_code == 0, result.output
    fails = events(db, "signin.fail")
    assert [e["actor"] for e in fails] == ["lee"]
    assert len(events(db, "signin.ok")) >= 3


def test_no_message_names_anyone_else(db: Path) -> None:
    d = str(db)
    code, out = run("audit", "list", "--db", d, "--as", "nobody")
    assert code == 1
    assert "nobody" in out and not any(n in out for n in ("lee", "mia", "max", "oli"))
    secure(db)
    outputs = []
    for name, stdin in (
        ("nobody", "whatever it is\n"),
        ("max", "no password yet\n"),
        ("mia", "wrong one\n"),
    ):
        code, out = run("audit", "list", "--db", d, "--as", name, "--password-stdin", stdin=stdin)
        assert code == 3
        outputs.append(out.replace(name, "NAME"))
    # the same words whether the name is unknown, has no password or typed the wrong one
    assert len(set(outputs)) == 1
    assert not any(n in outputs[0] for n in ("lee", "mia", "max", "oli"))
    unknown = [e for e in events(db, "signin.fail") if e["entity_id"] is None]
    assert [e["actor"] for e in unknown] == ["unknown"]  # the typed name is not logged


def test_a_temporary_password_warns_until_its_owner_changes_it(db: Path) -> None:
    d = str(db)
    secure(db)
    result = CliRunner().invoke(
        cli, ["audit", "list", "--db", d, "--as", "mia", "--password-stdin"], input=MIA_TEMP + "\n"
    )
    assert result.exit_code == 0
    assert "set by a lead" in result.output
    code, out = run(
        "user",
        "password",
        "max",
        "--db",
        d,
        "--as",
        "mia",
        "--password-stdin",
        stdin=f"{MIA_TEMP}\nmax would like this\n",
    )
    assert code == 3 and "only a lead" in out
    code, out = run(
        "user",
        "password",
        "mia",
        "--db",
        d,
        "--as",
        "mia",
        "--password-stdin",
        stdin=f"{MIA_TEMP}\n{MIA_OWN}\n",
    )
    assert code == 0, out
    result = CliRunner().invoke(
        cli, ["audit", "list", "--db", d, "--as", "mia", "--password-stdin"], input=MIA_OWN + "\n"
    )
    assert result.exit_code == 0 and "set by a lead" not in result.output
    changes = events(db, "user.password")
    assert [json.loads(str(e["detail"]))["temporary"] for e in changes] == [False, True, False]


def test_repeated_failures_lock_the_account(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = str(db)
    secure(db)
    monkeypatch.setenv("MODERATOR_SIGNIN_MAX_FAILURES", "3")
    for _ in range(3):
        code, _out = run(
            "audit", "list", "--db", d, "--as", "mia", "--password-stdin", stdin="guess\n"
        )
        assert code == 3
    code, out = run(
        "audit", "list", "--db", d, "--as", "mia", "--password-stdin", stdin=MIA_TEMP + "\n"
    )
    assert code == 3 and "locked until" in out  # even the right password, for a while
    assert len(events(db, "signin.lock")) == 1
    # a lead's new password unlocks it
    code, out = run(
        "user",
        "password",
        "mia",
        "--db",
        d,
        "--as",
        "lee",
        "--password-stdin",
        stdin=f"{LEE_PW}\n{MIA_TEMP}\n",
    )
    assert code == 0, out
    code, out = run(
        "audit", "list", "--db", d, "--as", "mia", "--password-stdin", stdin=MIA_TEMP + "\n"
    )
    assert code == 0, out


def test_the_password_is_nowhere_in_the_database_or_its_wal(db: Path) -> None:
    # Hold a connection open so the WAL is not checkpointed away before it is read.
    holder = sqlite3.connect(db)
    holder.execute("SELECT 1 FROM users").fetchall()
    try:
        secure(db)
        run(
            "audit",
            "list",
            "--db",
            str(db),
            "--as",
            "mia",
            "--password-stdin",
            stdin=MIA_TEMP + "\n",
        )
        files = [p for p in db.parent.iterdir() if p.name.startswith(db.name)]
        assert any(p.name.endswith("-wal") and p.stat().st_size for p in files)
        blob = b"".join(p.read_bytes() for p in files)
    finally:
        holder.close()
    for secret in (LEE_PW, MIA_TEMP):
        for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
            assert encoded not in blob
    with open_store(db) as s:
        hashes = [r["hash"] for r in s.rows("SELECT hash FROM credentials")]
    assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)
