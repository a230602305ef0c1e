"""The demo database: built from sample_audits/ through the services, with no identities in it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.demo import build_demo_db, sample_audits_dir
from moderator.errors import BadInput
from moderator.store import Store, open_store

# The demo imports its cases through the anonymising import; until that lands, nothing to test.
pytest.importorskip("moderator.anonymise.pipeline")


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


def _raw_cases() -> list[dict[str, Any]]:
    text = (sample_audits_dir() / "cases.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _identifiers(case: dict[str, Any]) -> set[str]:
    """Every identifier in a case's structured record, in the forms a text might use."""
    child = case["child"]
    found = {case["case_id"], case["worker"], child["name"], child["address"], child["postcode"]}
    found.update([child["nhs_number"], child["nhs_number"].replace(" ", "")])
    year, month, day = child["dob"].split("-")
    found.update([child["dob"], f"{day}/{month}/{year}"])
    if child.get("upn"):
        found.add(child["upn"])
    names = [case["worker"], child["name"], *(p["name"] for p in case["family"])]
    found.update(names)
    found.update(part for name in names for part in name.split() if len(part) > 2)
    return found


def _mentions(identifier: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(identifier)}(?!\w)", text) is not None


def test_no_raw_identifier_reaches_the_database(demo_db: Path) -> None:
    """Full identifiers nowhere in the database's bytes; no name part in its own case's text."""
    cases = _raw_cases()
    whole = {
        i for case in cases for i in _identifiers(case) if " " in i or any(c.isdigit() for c in i)
    }
    assert len(whole) > 500
    blob = b"".join(
        p.read_bytes() for p in demo_db.parent.glob(demo_db.name + "*") if p.is_file()
    ).decode("utf-8", errors="replace")
    # One pass over the bytes with every identifier at once (longest first).
    alternatives = "|".join(re.escape(i) for i in sorted(whole, key=len, reverse=True))
    found = re.findall(rf"(?<!\w)(?:{alternatives})(?!\w)", blob)
    assert sorted(set(found)) == []
    # Each case's stored text (found through its audit: audits are stored in file order).
    store = open_store(demo_db)
    try:
        stored = store.rows(
            "SELECT c.text FROM audits a JOIN cases c ON c.id = a.case_id"
            " WHERE a.id NOT IN (SELECT audit_id FROM calibration_audits) ORDER BY a.id"
        )
    finally:
        store.close()
    audits = (sample_audits_dir() / "audits.jsonl").read_text(encoding="utf-8").splitlines()
    by_id = {case["case_id"]: case for case in cases}
    leaks = []
    for line, row in zip(audits, stored, strict=True):
        case = by_id[json.loads(line)["case_id"]]
        leaks.extend(
            f"{case['case_id']}: {i}" for i in _identifiers(case) if _mentions(i, row["text"])
        )
    assert leaks == []


def test_professionals_named_only_in_the_text_are_redacted(demo_db: Path) -> None:
    """'PC Hughes', 'health visitor Burton': names the structured record does not hold."""
    pattern = re.compile(r"\b(?:PC|Dr|health visitor|school nurse|DSL) ([A-Z][a-z]+)")
    planted = {m.group(1) for case in _raw_cases() for m in pattern.finditer(case["text"])}
    assert planted
    store = open_store(demo_db)
    try:
        texts = [r["text"] for r in store.rows("SELECT text FROM cases")]
    finally:
        store.close()
    leaked = sorted(
        f"{m.group(0)}" for t in texts for m in pattern.finditer(t) if m.group(1) in planted
    )
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


def test_demo_build_only_does_not_take_an_option_for_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo", "--build-only", "--help"])
    assert result.exit_code == 2
    assert "looks like an option" in result.output
    assert list(tmp_path.iterdir()) == []  # nothing built, no key written


def test_report_on_the_demo_shows_the_2020_pattern(demo_db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["report", "--db", str(demo_db), "--as", "Kenneth Obi", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    headline = report["headline"]
    found = re.search(r"downgraded (\d+) of (\d+) audits", headline)
    assert found, headline
    downgraded, moderated = int(found.group(1)), int(found.group(2))
    assert downgraded > moderated / 2  # most moderated audits downgraded
    inadequate = re.search(r"(\d+) were rated inadequate", headline)
    assert inadequate and int(inadequate.group(1)) > moderated / 3, headline  # many inadequate
    # The three clearly optimistic managers lead the leniency table; the accurate two trail it.
    ranked = sorted(report["by_manager"], key=lambda m: m["leniency"], reverse=True)
    names = [m["key"] for m in ranked]
    assert set(names[:3]) == {"Gillian Hargreaves", "Colin Ashworth", "Fiona Blackwood"}
    assert set(names[-2:]) == {"Sunita Sandhu", "Imogen Venables"}
    assert not any(m["optimistic"] for m in ranked[-2:])


def test_demo_with_other_rubrics_says_so(tmp_path: Path, mini_rubrics: Path) -> None:
    with pytest.raises(BadInput, match="made for other rubrics") as caught:
        build_demo_db(tmp_path / "demo.db")
    assert "'help-and-protection' is not installed" in str(caught.value)
    assert not (tmp_path / "demo.db").exists()


def test_demo_calibration_agrees_with_moderation(demo_db: Path) -> None:
    """The managers the moderators found optimistic are optimistic against agreed grades too."""
    result = CliRunner().invoke(
        cli, ["report", "--db", str(demo_db), "--as", "Kenneth Obi", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    calibration = {m["key"]: m for m in report["calibration"]["by_manager"]}
    assert set(calibration) == {m["key"] for m in report["by_manager"]}
    assert all(m["audits"] >= 2 for m in calibration.values())
    ranked = sorted(calibration.values(), key=lambda m: m["mean_distance"], reverse=True)
    names = [m["key"] for m in ranked]
    assert set(names[:3]) == {"Gillian Hargreaves", "Colin Ashworth", "Fiona Blackwood"}
    assert set(names[-2:]) == {"Sunita Sandhu", "Imogen Venables"}
    exercise = CliRunner().invoke(
        cli, ["agreement", "--db", str(demo_db), "--as", "Kenneth Obi", "--format", "json"]
    )
    assert exercise.exit_code == 0, exercise.output
    data = json.loads(exercise.output)
    assert data["overall"]["n_raters"] == 9 and data["overall"]["n_units"] == 36


def test_the_untouched_demo_verifies(demo_db: Path) -> None:
    result = CliRunner().invoke(cli, ["verify", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


def test_the_lead_can_show_every_sample_of_the_demo(demo_db: Path) -> None:
    """The demo's samples were planned with its data and record no eligible count: the
    lead's samples view and `sample --show` still show them (they crashed on it)."""
    from moderator.services.queue import sample_views
    from moderator.services.users import get_user

    store = open_store(demo_db)
    try:
        lead = get_user(store, "Kenneth Obi")
        views = sample_views(store, lead)
        ids = [v.id for v in views]
    finally:
        store.close()
    assert ids and all(v.lines for v in views)
    for sample_id in ids:
        result = CliRunner().invoke(
            cli, ["sample", "--show", str(sample_id), "--db", str(demo_db), "--as", "Kenneth Obi"]
        )
        assert result.exit_code == 0, result.output
        assert f"Sample {sample_id}:" in result.output
        assert "None" not in result.output


def _report_json(demo_db: Path, who: str, *more: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["report", "--db", str(demo_db), "--as", who, "--format", "json", *more]
    )
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


@pytest.mark.parametrize("since", [None, "2020-01-01"])
def test_a_manager_reads_their_leniency_as_their_lead_does(
    demo_db: Path, since: str | None
) -> None:
    """A manager's own report shows the leniency, interval and flag the lead's shows for them:
    both are estimated among the authority's managers, not the manager's audits alone."""
    more = () if since is None else ("--since", since)
    lead = {m["key"]: m for m in _report_json(demo_db, "Kenneth Obi", *more)["by_manager"]}
    fields = ("n", "leniency", "leniency_ci", "optimistic", "p_optimistic", "mean_drift")
    seen = 0
    for name, theirs in lead.items():
        own = {m["key"]: m for m in _report_json(demo_db, name, *more)["by_manager"]}
        assert set(own) == {name}  # (their own row only: nobody else's figures)
        assert {f: own[name][f] for f in fields} == {f: theirs[f] for f in fields}, name
        seen += theirs["leniency"] is not None
    assert seen >= 5
