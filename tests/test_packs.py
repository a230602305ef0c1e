"""Moderation packs between two authorities: two databases, two key folders, no shared secret."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from moderator.domain.grades import Grade
from moderator.errors import BadInput
from moderator.exchange.packs import (
    export_request,
    import_return,
    inspect_pack,
    open_request,
    write_return,
)
from moderator.exchange.seal import canonical_file_bytes, seal_return, sealed_content
from moderator.services.audits import get_audit
from moderator.services.moderation import (
    compare_moderation,
    complete_review,
    get_moderation,
    moderation_queue,
    record_review,
    save_moderation_grade,
    submit_moderation,
)
from moderator.services.sampling import draw_sample
from moderator.services.users import User, add_user, find_user
from moderator.store import Store, open_store
from tests.helpers import people
from tests.moderation_helpers import dump, manager_note, submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")

OVERRIDE_REASON = "OVERRIDE-REASON-quagga"


@dataclass
class Side:
    store: Store
    key: Path
    users: dict[str, User]
    folder: Path


@dataclass
class Exchange:
    a: Side
    b: Side
    audits: list[int]
    sample_id: int
    request: Path


def _user(store: Store, name: str) -> User:
    found = find_user(store, name)
    assert found is not None
    return found


def _authority_a(tmp_path: Path, name: str = "a") -> Side:
    folder = tmp_path / name
    store = open_store(folder / "moderator.db")
    return Side(store, folder / "keys" / "pack.key", people(store), folder)


@pytest.fixture
def exchange(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = _authority_a(tmp_path)
    u = a.users
    audits = [
        submitted_audit(
            a.store,
            u["lee"],
            u["mia"],
            "C-1",
            {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.GOOD},
        ),
        submitted_audit(
            a.store,
            u["lee"],
            u["max"],
            "C-2",
            {"risk": Grade.OUTSTANDING, "seen": Grade.GOOD, "plan": Grade.GOOD},
            override=(Grade.OUTSTANDING, OVERRIDE_REASON),
        ),
    ]
    sample = draw_sample(a.store, u["lee"], rate=1, seed=4)
    assert sample.id is not None
    request = a.folder / "out" / "request.json"
    export_request(a.store, u["lee"], sample.id, request, key_path=a.key, authority="Stoke")

    b_folder = tmp_path / "b"
    b_store = open_store(b_folder / "moderator.db")
    add_user(b_store, None, "bea", "lead", authority="Cheshire East")
    add_user(b_store, "bea", "kim", "moderator", authority="Cheshire East")
    b = Side(
        b_store,
        b_folder / "keys" / "pack.key",
        {"bea": _user(b_store, "bea"), "kim": _user(b_store, "kim")},
        b_folder,
    )
    yield Exchange(a, b, audits, sample.id, request)
    a.store.close()
    b.store.close()


def _grade_received(side: Side, grades: dict[int, dict[str, Grade]]) -> None:
    """Kim grades the received cases (keyed by the exporter's audit id) and submits."""
    kim = side.users["kim"]
    for m in moderation_queue(side.store, kim):
        if m.remote_audit_id not in grades or m.status not in ("todo", "draft"):
            continue
        for criterion, grade in grades[m.remote_audit_id].items():
            save_moderation_grade(
                side.store, kim, m.id, criterion, grade=grade, note=f"kim on {criterion}"
            )
        submit_moderation(side.store, kim, m.id)


def _round_trip(ex: Exchange, out: Path) -> Path:
    open_request(ex.b.store, ex.b.users["kim"], ex.request)
    bad = {"risk": Grade.INADEQUATE, "seen": Grade.GOOD, "plan": Grade.REQUIRES_IMPROVEMENT}
    _grade_received(ex.b, {ex.audits[0]: bad, ex.audits[1]: dict(bad)})
    write_return(ex.b.store, ex.b.users["kim"], out)
    return out


def test_round_trip_between_two_databases_then_review_at_home(exchange: Exchange) -> None:
    ex = exchange
    a, b = ex.a, ex.b
    opened = open_request(b.store, b.users["kim"], ex.request)
    assert opened.items == 2 and opened.authority == "Stoke"
    queue = moderation_queue(b.store, b.users["kim"])
    assert [m.remote_audit_id for m in queue] == ex.audits
    assert all(m.moderator == "kim" and m.audit_id is None for m in queue)
    first = get_moderation(b.store, b.users["kim"], queue[0].id)
    assert first.case_text == "[CHILD] was seen alone." and first.summary.rubric_id == "mini"

    grades = {
        ex.audits[0]: {"risk": Grade.INADEQUATE, "seen": Grade.GOOD, "plan": Grade.GOOD},
        ex.audits[1]: {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.GOOD},
    }
    _grade_received(b, grades)
    # The review happens back at the exporting authority, where both gradings exist.
    with pytest.raises(BadInput, match="reviewed there"):
        compare_moderation(b.store, b.users["kim"], queue[0].id)
    returned = write_return(b.store, b.users["kim"], b.folder / "return.json")
    assert returned.items == 2 and returned.request_pack_id == opened.pack_id

    imported = import_return(a.store, a.users["lee"], b.folder / "return.json", key_path=a.key)
    assert imported.audit_ids == ex.audits
    lee = a.users["lee"]
    m1, m2 = imported.moderation_ids
    comparison = compare_moderation(a.store, lee, m1)
    assert comparison.moderator == "kim (Cheshire East)"
    assert comparison.to_decide == ["risk"]
    record_review(a.store, lee, m1, "risk", Grade.INADEQUATE, "No safety plan: meets Inadequate")
    assert complete_review(a.store, lee, m1).outcome == "downgraded"
    record_review(a.store, lee, m2, "risk", Grade.GOOD, "Risk acted on promptly, not same day")
    # The manager's Outstanding (an override) becomes Good: a downgrade.
    assert complete_review(a.store, lee, m2).outcome == "downgraded"
    mine = get_audit(a.store, a.users["mia"], ex.audits[0])
    assert mine.summary.moderation == "downgraded"
    assert {f["criterion"]: f["moderated_grade"] for f in mine.feedback}["risk"] == "Inadequate"
    kinds = [e["kind"] for e in a.store.events("pack")]
    assert kinds == ["pack.export", "pack.import"]
    assert [e["kind"] for e in b.store.events("pack")] == ["pack.open", "pack.return"]


def test_request_pack_bytes_hold_none_of_the_managers_grading(exchange: Exchange) -> None:
    raw = exchange.request.read_bytes()
    for audit_id in exchange.audits:
        for criterion in ("risk", "seen", "plan"):
            assert manager_note(audit_id, criterion).encode() not in raw
    assert b"zebra" not in raw and OVERRIDE_REASON.encode() not in raw
    assert b"quagga" not in raw
    for name in (b"mia", b"max", b"Safeguarding North", b"Children in Care"):
        assert name not in raw  # neither managers' names nor their teams
    doc = json.loads(raw)
    assert doc["manifest"]["contains_manager_grades"] is False
    for item in doc["items"]:
        assert set(item) == {
            "audit_id",
            "case_ref",
            "service_area",
            "opened",
            "closed",
            "text",
            "rubric_hash",
        }
    # Uncompressed, so this check means something.
    assert raw.startswith(b"{") and raw.isascii()


def test_return_pack_carries_the_moderators_grading_only(
    exchange: Exchange, tmp_path: Path
) -> None:
    out = _round_trip(exchange, tmp_path / "return.json")
    raw = out.read_bytes()
    assert b"zebra" not in raw and b"quagga" not in raw and b"kim on risk" in raw
    assert b"return_token" not in raw  # the bearer secret stays with the request


def _import_refused(ex: Exchange, path: Path, match: str) -> None:
    before = dump(ex.a.store)
    with pytest.raises(BadInput, match=match or None):
        import_return(ex.a.store, ex.a.users["lee"], path, key_path=ex.a.key)
    assert dump(ex.a.store) == before


def test_tampering_with_any_byte_of_a_return_is_refused(exchange: Exchange, tmp_path: Path) -> None:
    good = _round_trip(exchange, tmp_path / "return.json").read_bytes()
    positions = sorted(
        {
            0,
            1,
            7,
            len(good) // 5,
            len(good) // 3,
            len(good) // 2,
            len(good) * 3 // 4,
            len(good) - 30,
            len(good) - 2,
            len(good) - 1,
        }
    )
    for pos in positions:
        bad = bytearray(good)
        bad[pos] ^= 0x01
        path = tmp_path / f"tampered-{pos}.json"
        path.write_bytes(bytes(bad))
        _import_refused(exchange, path, "")
    # Every grade byte too: each digit of every "grade": N.
    text = good.decode()
    start = 0
    while (found := text.find('"grade": ', start)) != -1:
        pos = found + len('"grade": ')
        bad = bytearray(good)
        bad[pos] = ord("1") if bad[pos] != ord("1") else ord("2")
        path = tmp_path / "grade.json"
        path.write_bytes(bytes(bad))
        _import_refused(exchange, path, "seal")
        start = pos
    # And every single byte, one at a time (the database checks above cover a few).
    for pos in range(len(good)):
        bad = bytearray(good)
        bad[pos] ^= 0x01
        path = tmp_path / "each.json"
        path.write_bytes(bytes(bad))
        with pytest.raises(BadInput):
            import_return(exchange.a.store, exchange.a.users["lee"], path, key_path=exchange.a.key)
    assert exchange.a.store.scalar("SELECT count(*) FROM packs WHERE direction = 'import'") == 0
    # The untouched pack still imports.
    import_return(
        exchange.a.store, exchange.a.users["lee"], tmp_path / "return.json", key_path=exchange.a.key
    )


def test_a_resealed_edit_without_the_token_is_refused(exchange: Exchange, tmp_path: Path) -> None:
    good = _round_trip(exchange, tmp_path / "return.json")
    doc = json.loads(good.read_bytes())
    doc["moderations"][0]["grades"][0]["grade"] = 2
    # An attacker can recompute the SHA-256 but not the HMAC without the token.
    doc["seal"]["sha256"] = hashlib.sha256(sealed_content(doc)).hexdigest()
    path = tmp_path / "edited.json"
    path.write_bytes(canonical_file_bytes(doc))
    _import_refused(exchange, path, "does not verify")
    # Nor does re-indenting a genuine pack get past the canonical-form check.
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(json.loads(good.read_bytes()), indent=2, sort_keys=True) + "\n")
    _import_refused(exchange, pretty, "byte-for-byte")


def test_wrong_rubric_version_is_refused_even_with_a_valid_seal(
    exchange: Exchange, tmp_path: Path
) -> None:
    good = _round_trip(exchange, tmp_path / "return.json")
    token = json.loads(exchange.request.read_bytes())["return_token"]
    doc = json.loads(good.read_bytes())
    doc["moderations"][1]["rubric_hash"] = "0" * 64
    doc.pop("seal")
    doc["seal"] = seal_return(doc, token)
    path = tmp_path / "other-rubric.json"
    path.write_bytes(canonical_file_bytes(doc))
    _import_refused(exchange, path, "different rubric version")


def test_truncated_packs_are_refused(exchange: Exchange, tmp_path: Path) -> None:
    good = _round_trip(exchange, tmp_path / "return.json").read_bytes()
    for cut in (len(good) // 2, len(good) - 5, 10):
        path = tmp_path / f"cut-{cut}.json"
        path.write_bytes(good[:cut])
        _import_refused(exchange, path, "")
    path = tmp_path / "half.json"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(BadInput, match="truncated"):
        import_return(exchange.a.store, exchange.a.users["lee"], path, key_path=exchange.a.key)
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    _import_refused(exchange, empty, "empty")


def test_importing_twice_is_refused_and_changes_nothing(exchange: Exchange, tmp_path: Path) -> None:
    out = _round_trip(exchange, tmp_path / "return.json")
    import_return(exchange.a.store, exchange.a.users["lee"], out, key_path=exchange.a.key)
    _import_refused(exchange, out, "already imported")
    # Sending the same gradings again in a fresh return is refused too.
    again = write_return(
        exchange.b.store, exchange.b.users["kim"], tmp_path / "again.json", include_returned=True
    )
    assert again.items == 2
    _import_refused(exchange, tmp_path / "again.json", "already moderated here")


def test_a_foreign_pack_is_refused(exchange: Exchange, tmp_path: Path) -> None:
    # A second authority (its own database and key) sends its own request to B.
    other = _authority_a(tmp_path, "other")
    submitted_audit(other.store, other.users["lee"], other.users["mia"], "Z-1")
    sample = draw_sample(other.store, other.users["lee"], rate=1, seed=1)
    assert sample.id is not None
    foreign_request = tmp_path / "foreign-request.json"
    export_request(
        other.store,
        other.users["lee"],
        sample.id,
        foreign_request,
        key_path=other.key,
        authority="Elsewhere",
    )
    open_request(exchange.b.store, exchange.b.users["kim"], foreign_request)
    _grade_received(exchange.b, {1: {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.GOOD}})
    write_return(exchange.b.store, exchange.b.users["kim"], tmp_path / "foreign-return.json")
    _import_refused(exchange, tmp_path / "foreign-return.json", "did not export")

    # Our own return checked with another authority's key does not verify.
    ours = _round_trip(exchange, tmp_path / "return.json")
    before = dump(exchange.a.store)
    with pytest.raises(BadInput, match="does not verify"):
        import_return(exchange.a.store, exchange.a.users["lee"], ours, key_path=other.key)
    assert dump(exchange.a.store) == before
    # Without any key nothing can be verified, and no key is made up on the spot.
    missing = tmp_path / "nowhere" / "pack.key"
    with pytest.raises(BadInput, match="no pack key"):
        import_return(exchange.a.store, exchange.a.users["lee"], ours, key_path=missing)
    assert not missing.exists() and dump(exchange.a.store) == before
    other.store.close()


def test_the_wrong_kind_of_pack_is_refused_with_a_pointer(
    exchange: Exchange, tmp_path: Path
) -> None:
    _import_refused(exchange, exchange.request, "pack open")
    out = _round_trip(exchange, tmp_path / "return.json")
    before = dump(exchange.b.store)
    with pytest.raises(BadInput, match="pack import"):
        open_request(exchange.b.store, exchange.b.users["kim"], out)
    assert dump(exchange.b.store) == before


def test_a_request_is_checked_when_opened(exchange: Exchange, tmp_path: Path) -> None:
    b = exchange.b
    raw = exchange.request.read_bytes()
    before = dump(b.store)
    for pos in (5, len(raw) // 4, len(raw) // 2, len(raw) - 3):
        bad = bytearray(raw)
        bad[pos] ^= 0x01
        path = tmp_path / f"req-{pos}.json"
        path.write_bytes(bytes(bad))
        with pytest.raises(BadInput):
            open_request(b.store, b.users["kim"], path)
    cut = tmp_path / "req-cut.json"
    cut.write_bytes(raw[: len(raw) // 3])
    with pytest.raises(BadInput, match="truncated"):
        open_request(b.store, b.users["kim"], cut)
    # A rubric edited in transit, with the SHA-256 recomputed, no longer matches its hash.
    doc = json.loads(raw)
    digest = next(iter(doc["rubrics"]))
    doc["rubrics"][digest]["title"] = "A friendlier rubric"
    doc["seal"]["sha256"] = hashlib.sha256(sealed_content(doc)).hexdigest()
    edited = tmp_path / "req-rubric.json"
    edited.write_bytes(canonical_file_bytes(doc))
    with pytest.raises(BadInput, match="does not match its hash"):
        open_request(b.store, b.users["kim"], edited)
    with pytest.raises(BadInput, match="fingerprint"):
        open_request(b.store, b.users["kim"], exchange.request, expect_fingerprint="0000 0000")
    assert dump(b.store) == before
    opened = open_request(
        b.store,
        b.users["kim"],
        exchange.request,
        expect_fingerprint=inspect_pack(exchange.request).fingerprint,
    )
    assert opened.items == 2
    before = dump(b.store)
    with pytest.raises(BadInput, match="already opened"):
        open_request(b.store, b.users["kim"], exchange.request)
    assert dump(b.store) == before


def test_partial_returns_fill_what_is_done(exchange: Exchange, tmp_path: Path) -> None:
    ex = exchange
    open_request(ex.b.store, ex.b.users["kim"], ex.request)
    good = {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.GOOD}
    _grade_received(ex.b, {ex.audits[0]: good})
    first = write_return(ex.b.store, ex.b.users["kim"], tmp_path / "r1.json")
    assert first.audit_ids == [ex.audits[0]] and first.skipped
    with pytest.raises(BadInput, match="nothing to return"):
        write_return(ex.b.store, ex.b.users["kim"], tmp_path / "r-none.json")
    assert not (tmp_path / "r-none.json").exists()
    _grade_received(ex.b, {ex.audits[1]: good})
    second = write_return(ex.b.store, ex.b.users["kim"], tmp_path / "r2.json")
    assert second.audit_ids == [ex.audits[1]]
    for path in (tmp_path / "r1.json", tmp_path / "r2.json"):
        import_return(ex.a.store, ex.a.users["lee"], path, key_path=ex.a.key)
    statuses = ex.a.store.rows("SELECT status FROM moderations ORDER BY id")
    assert [r["status"] for r in statuses] == ["submitted", "submitted"]


def test_exported_cases_leave_the_local_queue(exchange: Exchange) -> None:
    a = exchange.a
    assert moderation_queue(a.store, a.users["oli"]) == []
    before = dump(a.store)
    with pytest.raises(BadInput, match="already out in pack"):
        export_request(
            a.store,
            a.users["lee"],
            exchange.sample_id,
            a.folder / "again.json",
            key_path=a.key,
            authority="Stoke",
        )
    assert dump(a.store) == before and not (a.folder / "again.json").exists()


def test_inspect_tells_whose_key_sealed_a_pack(exchange: Exchange, tmp_path: Path) -> None:
    info = inspect_pack(exchange.request, key_path=exchange.a.key)
    assert info.kind == "moderation-request" and info.sealed_by_this_key is True
    assert info.manifest["source_authority"] == "Stoke"
    other_key = tmp_path / "other.key"
    other_key.write_text("ab" * 32 + "\n")
    assert inspect_pack(exchange.request, key_path=other_key).sealed_by_this_key is False
    out = _round_trip(exchange, tmp_path / "return.json")
    assert inspect_pack(out, key_path=exchange.a.key).sealed_by_this_key is True


def test_packs_are_readable_by_their_owner_only(exchange: Exchange, tmp_path: Path) -> None:
    returned = _round_trip(exchange, tmp_path / "return.json")
    assert exchange.request.stat().st_mode & 0o777 == 0o600
    assert returned.stat().st_mode & 0o777 == 0o600
