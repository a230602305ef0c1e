"""The demo database: built from sample_audits/ through the services, with no identities in it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.demo import build_demo_db, sample_audits_dir
from moderator.errors import BadInput
from moderator.store import Store, open_store


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the module (building it takes a couple of seconds)."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    build_demo_db(path, key_path=folder / "demo.key")
    return path


@pytest.fixture
def demo(demo_db: Path):  # type: ignore[no-untyped-def]
    store = open_store(demo_db)
    yield store
    store.close()


def test_demo_has_the_authority_of_the_story(demo: Store) -> None:
    assert 140 <= demo.scalar("SELECT count(*) FROM cases") <= 160
    roles = dict(demo.conn.execute("SELECT role, count(*) FROM users GROUP BY role").fetchall())
    assert roles == {"manager": 9, "lead": 2, "moderator": 3}
    assert demo.scalar("SELECT count(DISTINCT team) FROM cases") == 3
    assert demo.scalar("SELECT count(DISTINCT service_area) FROM cases") == 3
    submitted = demo.scalar("SELECT count(*) FROM audits WHERE status = 'submitted'")
    moderated = demo.scalar(
        "SELECT count(*) FROM moderations m JOIN audits a ON a.id = m.audit_id"
        " WHERE a.status = 'submitted'"
    )
    assert 0.4 <= moderated / submitted <= 0.6  # about half are moderated
    # Work left for someone opening the demo: audits to grade, moderations to do and review.
    statuses = {r[0] for r in demo.conn.execute("SELECT status FROM audits")}
    assert {"todo", "draft", "submitted"} <= statuses
    statuses = {r[0] for r in demo.conn.execute("SELECT status FROM moderations")}
    assert {"todo", "draft", "submitted", "reviewed"} <= statuses


def test_demo_tells_the_2020_story(demo: Store) -> None:
    reviewed = demo.rows(
        "SELECT m.outcome, m.moderated_overall, a.submitted_at, u.name AS manager"
        " FROM moderations m JOIN audits a ON a.id = m.audit_id"
        " JOIN users u ON u.id = a.manager_id WHERE m.status = 'reviewed'"
    )
    down = [r for r in reviewed if r["outcome"] == "downgraded"]
    assert len(down) > len(reviewed) / 2  # most moderated audits downgraded
    assert sum(r["moderated_overall"] == 4 for r in down) > len(reviewed) / 3  # many inadequate
    before = [r for r in reviewed if r["submitted_at"] < "2020-03-02"]
    after = [r for r in reviewed if r["submitted_at"] >= "2020-03-02"]

    def share(rows: list[dict[str, object]]) -> float:
        return sum(r["outcome"] == "downgraded" for r in rows) / len(rows)

    assert share(after) < share(before)  # the training helps
    accurate = [r for r in reviewed if r["manager"] in ("Sunita Sandhu", "Imogen Venables")]
    assert share(accurate) < 0.2


def test_demo_history_is_dated_and_logged(demo: Store) -> None:
    first, last = demo.conn.execute("SELECT min(at), max(at) FROM events").fetchone()
    assert first.startswith("2019-07") and last.startswith("2020-12")
    kinds = {r[0] for r in demo.conn.execute("SELECT DISTINCT kind FROM events")}
    assert {"case.import", "audit.grade", "audit.submit", "moderation.reviewed"} <= kinds
    # the log is in time order, like a real one
    ats = [r[0] for r in demo.conn.execute("SELECT at FROM events ORDER BY id")]
    assert ats == sorted(ats)


def _raw_identifiers() -> set[str]:
    found: set[str] = set()
    for line in (sample_audits_dir() / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        child = case["child"]
        found.update([case["case_id"], case["worker"], child["name"], child["address"]])
        found.update([child["postcode"], child["nhs_number"], child["nhs_number"].replace(" ", "")])
        year, month, day = child["dob"].split("-")
        found.update([child["dob"], f"{day}/{month}/{year}"])
        if child.get("upn"):
            found.add(child["upn"])
        for person in case["family"]:
            found.add(person["name"])
        names = [case["worker"], child["name"], *(p["name"] for p in case["family"])]
        found.update(part for name in names for part in name.split() if len(part) > 2)
    return found


def test_no_raw_identifier_reaches_the_database(demo_db: Path) -> None:
    identifiers = _raw_identifiers()
    assert len(identifiers) > 500
    blob = b"".join(
        p.read_bytes() for p in demo_db.parent.glob(demo_db.name + "*") if p.is_file()
    ).decode("utf-8", errors="replace")
    leaked = sorted(i for i in identifiers if re.search(rf"(?<!\w){re.escape(i)}(?!\w)", blob))
    assert leaked == []


def test_demo_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = tmp_path / "mine.db"
    existing.write_bytes(b"precious")
    with pytest.raises(BadInput, match="already exists"):
        build_demo_db(existing)
    assert existing.read_bytes() == b"precious"


def test_demo_build_only_from_the_cli(tmp_path: Path) -> None:
    target = tmp_path / "shots" / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--build-only", str(target)])
    assert result.exit_code == 0, result.output
    assert str(target) in result.output and target.is_file()
    # the demo key stays beside it, not in the user's config
    assert (target.parent / "demo-pseudonym.key").is_file()
    again = CliRunner().invoke(cli, ["demo", "--build-only", str(target)])
    assert again.exit_code == 1 and "already exists" in again.output
