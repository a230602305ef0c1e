"""The moderation workflow through the command line, as a lead, manager and moderator would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from moderator.cli import cli
from moderator.domain.grades import Grade
from moderator.store import open_store
from tests.helpers import people
from tests.moderation_helpers import dump, manager_note, submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")

REASON = "OVERRIDE-REASON-quagga"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps long words in narrow tables; a wide terminal keeps each note whole to search."""
    monkeypatch.setenv("COLUMNS", "400")


def run(*args: str | Path, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, (args, result.output)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two submitted audits, all Outstanding with distinctive notes; the second overridden."""
    path = tmp_path / "a.db"
    with open_store(path) as store:
        u = people(store)
        out = {c: Grade.OUTSTANDING for c in ("risk", "seen", "plan")}
        submitted_audit(store, u["lee"], u["mia"], "C-1", out)
        submitted_audit(store, u["lee"], u["max"], "C-2", out, override=(Grade.GOOD, REASON))
    return path


def _secrets() -> list[str]:
    return [manager_note(a, c) for a in (1, 2) for c in ("risk", "seen", "plan")] + [
        REASON,
        "zebra",
        "quagga",
        "Outstanding",  # every manager grade; the moderator has given none
    ]


@pytest.mark.parametrize("name", ["sample", "pack export", "pack import"])
def test_contract_help_works(name: str) -> None:
    result = run(*name.split(), "--help")
    assert "--db" in result.output and "--as" in result.output


def test_every_subcommand_takes_db_and_as() -> None:
    for group in ("moderation", "pack"):
        listing = run(group, "--help").output
        commands = [
            line.split()[0] for line in listing.split("Commands:")[1].splitlines() if line.strip()
        ]
        assert commands
        for name in commands:
            text = run(group, name, "--help").output
            assert "--db" in text and "--as" in text, (group, name)


def test_moderator_facing_output_never_shows_manager_grading_before_submit(db: Path) -> None:
    run("sample", "--rate", "1", "--seed", "1", "--moderator", "oli", "--db", db, "--as", "lee")
    outputs = [
        run("moderation", "list", "--db", db, "--as", "oli").output,
        run("moderation", "list", "--format", "json", "--db", db, "--as", "oli").output,
        run("moderation", "show", "1", "--db", db, "--as", "oli").output,
        run("moderation", "show", "2", "--format", "json", "--db", db, "--as", "oli").output,
        run("audit", "list", "--db", db, "--as", "oli").output,
        run("audit", "list", "--format", "json", "--db", db, "--as", "oli").output,
        run("audit", "show", "1", "--db", db, "--as", "oli").output,
        run("audit", "show", "2", "--format", "json", "--db", db, "--as", "oli").output,
        run("moderation", "export", "--db", db, "--as", "oli").output,
        run("moderation", "export", "--format", "json", "--db", db, "--as", "oli").output,
        run("moderation", "review", "1", "--db", db, "--as", "oli", code=3).output,
        run(
            "moderation", "review", "2", "--format", "json", "--db", db, "--as", "oli", code=3
        ).output,
    ]
    for out in outputs:
        for secret in _secrets():
            assert secret not in out
    assert "Blind" in outputs[6]
    assert json.loads(outputs[7])["blind"] is True
    assert "not submitted yet" in outputs[10]
    # A lead sees everything (so the secrets are really there to be hidden).
    lead = run("audit", "show", "2", "--db", db, "--as", "lee").output
    assert manager_note(2, "risk") in lead


def test_full_moderation_and_review_through_the_cli(db: Path) -> None:
    drawn = run(
        "sample", "--rate", "0.5", "--seed", "3", "--format", "json", "--db", db, "--as", "lee"
    )
    sample = json.loads(drawn.output)
    assert len(sample["items"]) == 2  # one per manager, whatever the rate
    again = run(
        "sample", "--show", str(sample["id"]), "--format", "json", "--db", db, "--as", "lee"
    )
    assert json.loads(again.output)["items"] == sample["items"]
    run("sample", "--rate", "0.5", "--seed", "3", "--db", db, "--as", "oli", code=3)

    mid = sample["items"][0]["moderation_id"]
    audit_id = sample["items"][0]["audit_id"]
    run("moderation", "claim", mid, "--db", db, "--as", "oli")
    for criterion, grade in (("risk", "Inadequate"), ("seen", "Good"), ("plan", "RI")):
        run(
            "moderation",
            "grade",
            mid,
            criterion,
            grade,
            "--note",
            f"oli {criterion}",
            "--db",
            db,
            "--as",
            "oli",
        )
    run("moderation", "submit", mid, "--db", db, "--as", "oli")
    run("moderation", "grade", mid, "risk", "Good", "--db", db, "--as", "oli", code=3)
    shown = run("moderation", "review", mid, "--db", db, "--as", "oli").output
    assert manager_note(audit_id, "risk") in shown and "to decide" in shown
    run("moderation", "review", mid, "risk", "4", "--db", db, "--as", "oli", code=1)  # no rationale
    run("moderation", "review", mid, "--complete", "--db", db, "--as", "oli", code=1)
    run(
        "moderation",
        "review",
        mid,
        "risk",
        "Inadequate",
        "--rationale",
        "A known risk was not acted on",
        "--db",
        db,
        "--as",
        "oli",
    )
    run(
        "moderation",
        "review",
        mid,
        "seen",
        "Good",
        "--rationale",
        "Seen alone twice",
        "--db",
        db,
        "--as",
        "oli",
    )
    done = run(
        "moderation",
        "review",
        mid,
        "plan",
        "RI",
        "--rationale",
        "No timescales",
        "--complete",
        "--format",
        "json",
        "--db",
        db,
        "--as",
        "oli",
    )
    result = json.loads(done.output)
    assert result["status"] == "reviewed" and result["outcome"] == "downgraded"
    assert result["moderated_overall"]["final"] == Grade.INADEQUATE

    manager = "mia" if audit_id == 1 else "max"
    audit = json.loads(
        run("audit", "show", audit_id, "--format", "json", "--db", db, "--as", manager).output
    )
    feedback = {f["criterion"]: f for f in audit["feedback"]}
    assert feedback["overall"]["outcome"] == "downgraded"
    assert feedback["risk"]["rationale"] == "A known risk was not acted on"
    text = run("audit", "show", audit_id, "--db", db, "--as", manager).output
    assert "downgraded" in text and "No timescales" in text
    paired = run("moderation", "export", "--db", db, "--as", "lee").output.splitlines()
    assert paired[0].startswith("audit_id,case_ref,rubric,criterion")
    assert f"{audit_id},C-{audit_id},mini,overall,{manager}" in "\n".join(paired)
    with open_store(db) as store:
        kinds = {e["kind"] for e in store.events()}
    assert {
        "sample.draw",
        "moderation.grade",
        "moderation.submit",
        "moderation.review",
        "moderation.reviewed",
    } <= kinds


def test_pack_round_trip_between_two_databases_via_the_cli(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_a = tmp_path / "keys-a" / "pack.key"
    other = tmp_path / "b.db"
    request = tmp_path / "request.json"
    returned = tmp_path / "return.json"
    run("sample", "--rate", "1", "--seed", "1", "--db", db, "--as", "lee")
    monkeypatch.setenv("MODERATOR_PACK_KEY_FILE", str(key_a))
    run(
        "pack",
        "export",
        "--sample",
        "1",
        "--out",
        request,
        "--authority",
        "Stoke",
        "--db",
        db,
        "--as",
        "lee",
    )
    raw = request.read_bytes()
    for secret in _secrets():
        assert secret.encode() not in raw

    monkeypatch.setenv("MODERATOR_PACK_KEY_FILE", str(tmp_path / "keys-b" / "pack.key"))
    run("user", "add", "bea", "--role", "lead", "--authority", "Cheshire East", "--db", other)
    run(
        "user",
        "add",
        "kim",
        "--role",
        "moderator",
        "--authority",
        "Cheshire East",
        "--db",
        other,
        "--as",
        "bea",
    )
    opened = json.loads(
        run("pack", "open", request, "--format", "json", "--db", other, "--as", "kim").output
    )
    for mid in opened["moderation_ids"]:
        for criterion in ("risk", "seen", "plan"):
            run(
                "moderation",
                "grade",
                mid,
                criterion,
                "Good",
                "--note",
                "kim",
                "--db",
                other,
                "--as",
                "kim",
            )
        run("moderation", "submit", mid, "--db", other, "--as", "kim")
    run("pack", "return", "--out", returned, "--db", other, "--as", "kim")
    assert not (tmp_path / "keys-b" / "pack.key").exists()  # B needs no key of its own

    monkeypatch.setenv("MODERATOR_PACK_KEY_FILE", str(key_a))
    tampered = tmp_path / "tampered.json"
    data = bytearray(returned.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    with open_store(db) as store:
        before = dump(store)
    out = run("pack", "import", tampered, "--db", db, "--as", "lee", code=1).output
    assert "error:" in out
    run("pack", "import", returned, "--db", db, "--as", "oli", code=3)
    with open_store(db) as store:
        assert dump(store) == before
    run("pack", "import", returned, "--db", db, "--as", "lee")
    again = run("pack", "import", returned, "--db", db, "--as", "lee", code=1).output
    assert "already imported" in again
    listed = json.loads(
        run("moderation", "list", "--format", "json", "--db", db, "--as", "lee").output
    )
    assert {m["status"] for m in listed} == {"submitted"}
    assert {m["moderator"] for m in listed} == {"kim (Cheshire East)"}
    # The lead reviews at home: kim gave Good where the managers said Outstanding.
    for m in listed:
        for criterion in ("risk", "seen", "plan"):
            run(
                "moderation",
                "review",
                m["id"],
                criterion,
                "Good",
                "--rationale",
                "Good descriptor: minor gaps",
                "--db",
                db,
                "--as",
                "lee",
            )
        done = run(
            "moderation",
            "review",
            m["id"],
            "--complete",
            "--format",
            "json",
            "--db",
            db,
            "--as",
            "lee",
        )
        outcome = json.loads(done.output)["outcome"]
        # C-1 was Outstanding overall (downgraded to Good); C-2 was overridden to Good (agreed).
        assert outcome == ("downgraded" if m["audit_id"] == 1 else "agreed")


def test_review_complete_refuses_a_rationale_too_short_to_be_one(db: Path) -> None:
    """`moderation review --complete` names the criterion whose rationale is a stray key
    and says what is needed; the review stays open and the manager sees nothing."""
    sample = json.loads(
        run(
            "sample", "--rate", "1", "--seed", "3", "--format", "json", "--db", db, "--as", "lee"
        ).output
    )
    mid = sample["items"][0]["moderation_id"]
    run("moderation", "claim", mid, "--db", db, "--as", "oli")
    for criterion, grade in (("risk", "Inadequate"), ("seen", "Outstanding"), ("plan", "Good")):
        run("moderation", "grade", mid, criterion, grade, "--note", "n", "--db", db, "--as", "oli")
    run("moderation", "submit", mid, "--db", db, "--as", "oli")
    risk = "A known risk was not acted on"
    run("moderation", "review", mid, "risk", "4", "--rationale", risk, "--db", db, "--as", "oli")
    run("moderation", "review", mid, "plan", "Good", "--rationale", "r", "--db", db, "--as", "oli")
    with open_store(db) as store:
        before = dump(store)
    refused = run("moderation", "review", mid, "--complete", "--db", db, "--as", "oli", code=1)
    out = " ".join(refused.output.split())
    assert "not complete (1 to do)" in out
    assert 'Plan with actions and timescales: the rationale "r" is too short' in out
    assert "which descriptor the evidence meets, and why, in 10 characters or more" in out
    with open_store(db) as store:
        assert dump(store) == before
    shown = run("moderation", "review", mid, "--format", "json", "--db", db, "--as", "oli").output
    assert json.loads(shown)["status"] == "submitted"
    assert json.loads(shown)["to_decide"] == ["plan"]


def test_the_sample_list_says_by_hand_or_a_percentage_as_the_workbench_does(db: Path) -> None:
    """A sample of hand-picked audits alone was listed as "rate 0"; a random one as "rate 0.5".
    The list says "by hand" and "50%", the words of the workbench's Samples screen; the JSON
    keeps the numeric rate for scripts."""
    with open_store(db) as store:
        audits = [r["id"] for r in store.rows("SELECT id FROM audits ORDER BY id")]
    hand = ("--rate", "0", "--min-per-manager", "0", "--add", audits[0])  # none at random
    run("sample", *hand, "--db", db, "--as", "lee")
    run("sample", "--rate", "0.5", "--exclude-months", "0", "--db", db, "--as", "lee")
    lines = run("sample", "--list", "--db", db, "--as", "lee").output.splitlines()
    random_line, visit_line = lines[0], lines[1]  # newest first
    assert "(0 hand-picked), rate 50%," in random_line, random_line
    assert "(1 hand-picked), by hand," in visit_line, visit_line
    assert "rate 0" not in visit_line, visit_line
    rows = json.loads(run("sample", "--list", "--format", "json", "--db", db, "--as", "lee").output)
    assert [r["rate"] for r in rows] == [0.5, 0.0]
    shown = run("sample", "--show", rows[1]["id"], "--db", db, "--as", "lee").output
    assert "(by hand, seed" in shown and "rate 0" not in shown, shown
    shown = run("sample", "--show", rows[0]["id"], "--db", db, "--as", "lee").output
    assert "(rate 50%, seed" in shown, shown


def test_moderation_show_gives_the_version_submit_expects(db: Path) -> None:
    """``moderation show`` once gave no version, though ``moderation submit --expect-version``
    needs one (``audit show`` gives it): a moderator could not use the flag."""
    run("sample", "--rate", "1", "--seed", "1", "--moderator", "oli", "--db", db, "--as", "lee")
    for criterion in ("risk", "seen", "plan"):
        args = ("moderation", "grade", "1", criterion, "Good", "--note", f"oli {criterion}")
        run(*args, "--db", db, "--as", "oli")
    shown = json.loads(
        run("moderation", "show", "1", "--format", "json", "--db", db, "--as", "oli").output
    )
    version = shown["version"]
    text = " ".join(run("moderation", "show", "1", "--db", db, "--as", "oli").output.split())
    assert f"Version {version}: `moderator moderation submit 1 --expect-version {version}`" in text
    # one more change since it was shown: refused, nothing written; at the version: submitted
    run("moderation", "grade", "1", "risk", "RI", "--note", "again", "--db", db, "--as", "oli")
    stale = ("moderation", "submit", "1", "--expect-version", str(version))
    refused = CliRunner().invoke(cli, [*stale, "--db", str(db), "--as", "oli"])
    assert refused.exit_code != 0, refused.output
    now = json.loads(
        run("moderation", "show", "1", "--format", "json", "--db", db, "--as", "oli").output
    )
    assert now["summary"]["status"] != "submitted" and now["version"] > version
    run("moderation", "submit", "1", "--expect-version", now["version"], "--db", db, "--as", "oli")


def test_a_rationale_too_short_recorded_says_why_it_is_not_decided(db: Path) -> None:
    """`moderation review ID risk 4 --rationale short` saved it as a draft and only listed
    risk under "To decide:"; it now says at once that the rationale is too short and the
    criterion not decided, and the list says why each is left."""
    sample = json.loads(
        run(
            "sample", "--rate", "1", "--seed", "3", "--format", "json", "--db", db, "--as", "lee"
        ).output
    )
    mid = sample["items"][0]["moderation_id"]
    run("moderation", "claim", mid, "--db", db, "--as", "oli")
    for criterion, grade in (("risk", "Inadequate"), ("seen", "Outstanding"), ("plan", "Good")):
        run("moderation", "grade", mid, criterion, grade, "--note", "n", "--db", db, "--as", "oli")
    run("moderation", "submit", mid, "--db", db, "--as", "oli")
    done = run(
        "moderation", "review", mid, "risk", "4", "--rationale", "short", "--db", db, "--as", "oli"
    )
    said = " ".join(done.output.split())
    assert "Inadequate saved as a draft" in said
    assert "Rationale too short (at least 10 characters" in said
    assert "this criterion is not decided yet" in said
    assert "To decide (2): risk (rationale too short" in said
    assert "plan (no moderated grade)" in said
    assert "not yet decided" not in said and "not yet graded" not in said  # one count


def test_moderation_grade_and_override_accept_expect_version(db: Path) -> None:
    """``moderation submit`` had ``--expect-version`` but ``grade`` and ``override`` had not: a
    script could overwrite a grade another window changed after it read the moderation."""
    run("sample", "--rate", "1", "--seed", "1", "--moderator", "oli", "--db", db, "--as", "lee")
    run("moderation", "grade", "1", "risk", "Good", "--note", "first", "--db", db, "--as", "oli")
    read = json.loads(
        run("moderation", "show", "1", "--format", "json", "--db", db, "--as", "oli").output
    )["version"]
    run("moderation", "grade", "1", "seen", "RI", "--note", "elsewhere", "--db", db, "--as", "oli")
    stale = ("--expect-version", read, "--db", db, "--as", "oli")
    for args in (
        ("moderation", "grade", "1", "risk", "Inadequate", "--note", "stale"),
        ("moderation", "override", "1", "Good", "--reason", "Seen the plan on file"),
    ):
        refused = run(*args, *stale, code=3)
        assert "changed elsewhere" in refused.output and "nothing was saved" in refused.output
    shown = json.loads(
        run("moderation", "show", "1", "--format", "json", "--db", db, "--as", "oli").output
    )
    risk = next(e for e in shown["entries"] if e["criterion"] == "risk")
    assert (risk["grade"], risk["note"]) == (int(Grade.GOOD), "first")
    assert shown["overall"]["override"] is None
    now = ("--expect-version", shown["version"], "--db", db, "--as", "oli")
    run("moderation", "grade", "1", "risk", "Inadequate", "--note", "again", *now)


def test_moderation_grade_prints_the_new_version_and_show_gives_criterion_ids(db: Path) -> None:
    """As for ``audit``: a script chains grades by the version each prints, reads the ids
    ``grade`` takes from ``show``, and a refused one says where the current version is."""
    run("sample", "--rate", "1", "--seed", "1", "--moderator", "oli", "--db", db, "--as", "lee")
    me = ("--db", db, "--as", "oli")
    shown = run("moderation", "show", "1", *me).output
    assert "risk" in [line.split("│")[1].strip() for line in shown.splitlines() if "│" in line]
    read = json.loads(run("moderation", "show", "1", "--format", "json", *me).output)
    assert {e["criterion"]: e["title"] for e in read["entries"]}["risk"]
    said = run("moderation", "grade", "1", "risk", "Good", "--note", "first",
               "--expect-version", read["version"], *me).output  # fmt: skip
    version = said.split("saved (version ")[1].split(")")[0]
    said = run("moderation", "grade", "1", "seen", "RI", "--note", "x",
               "--expect-version", version, *me).output  # fmt: skip
    assert "saved (version " in said
    refused = run("moderation", "override", "1", "Good", "--reason", "Seen the plan on file",
                  "--expect-version", version, *me, code=3).output  # fmt: skip
    assert "run `moderator moderation show 1` for its current version" in refused
    incomplete = run("moderation", "submit", "1", *me, code=1).output
    assert "plan (" in incomplete and "next: moderator moderation grade 1 CRITERION" in incomplete


def test_moderation_review_prints_its_version_and_takes_expect_version(db: Path) -> None:
    """``moderation grade`` and ``override`` print "saved (version N)" and take
    ``--expect-version``; ``moderation review`` did neither, so a script recording decisions
    could overwrite one another window made after it read the comparison."""
    sample = json.loads(
        run(
            "sample", "--rate", "1", "--seed", "3", "--format", "json", "--db", db, "--as", "lee"
        ).output
    )
    mid = sample["items"][0]["moderation_id"]
    me = ("--db", db, "--as", "oli")
    run("moderation", "claim", mid, *me)
    for criterion, grade in (("risk", "Inadequate"), ("seen", "Outstanding"), ("plan", "Good")):
        run("moderation", "grade", mid, criterion, grade, "--note", "n", *me)
    run("moderation", "submit", mid, *me)
    read = json.loads(run("moderation", "review", mid, "--format", "json", *me).output)["version"]
    assert read > 0
    shown = " ".join(run("moderation", "review", mid, *me).output.split())
    assert f"Version {read}:" in shown and f"--expect-version {read}" in shown
    said = run("moderation", "review", mid, "risk", "4", "--rationale", "A known risk not acted on",
               "--expect-version", read, *me).output  # fmt: skip
    version = int(said.split("saved (version ")[1].split(")")[0])
    assert version > read
    with open_store(db) as store:
        before = dump(store)
    for stale in (
        ("plan", "Good", "--rationale", "The plan has actions and dates"),
        ("--overall", "RI", "--reason", "Risk not yet managed on file"),
        ("--complete",),
    ):
        refused = run("moderation", "review", mid, *stale, "--expect-version", read, *me, code=3)
        out = " ".join(refused.output.split())
        assert "changed elsewhere" in out and "nothing was saved" in out
        assert f"run `moderator moderation review {mid}` for its current version" in out
    with open_store(db) as store:
        assert dump(store) == before
    said = run("moderation", "review", mid, "plan", "Good", "--rationale", "The plan has dates",
               "--expect-version", version, *me).output  # fmt: skip
    assert int(said.split("saved (version ")[1].split(")")[0]) > version
