"""What a new user tries in ``moderator demo`` works end to end: assigning a programme."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator.demo import build_demo_db
from moderator.services.audits import list_audits
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.listing import ListScreen
from tests.test_tui_layout import LEAD, make_app, open_lead_home, table_rows, until

pytest.importorskip("moderator.anonymise.pipeline")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    build_demo_db(path, key_path=folder / "demo.key")
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo each test may change."""
    path = tmp_path / "demo.db"
    path.write_bytes(demo_template.read_bytes())
    return path


def audit_count(db: Path) -> int:
    with open_store(db) as store:
        return int(store.scalar("SELECT count(*) FROM audits"))


async def test_the_lead_assigns_in_the_demo_and_a_manager_finds_the_new_audit(
    demo_db: Path,
) -> None:
    before = audit_count(demo_db)
    async with make_app(demo_db, LEAD).run_test(size=(120, 40)) as pilot:
        await open_lead_home(pilot)
        await pilot.press("a")  # the programme dialog, with its defaults
        await until(pilot, lambda: pilot.app.screen.query("#per-manager"), "no programme dialog")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: audit_count(demo_db) > before, "nothing was assigned")
        notes = [n.message for n in pilot.app._notifications]
        assert any(m.startswith("Assigned ") for m in notes), notes
        assert not any("No unaudited cases" in m for m in notes), notes

    with open_store(demo_db) as store:
        new = store.rows(
            "SELECT a.id, c.case_ref, u.name FROM audits a JOIN cases c ON c.id = a.case_id"
            " JOIN users u ON u.id = a.manager_id WHERE a.id > (SELECT max(id) FROM audits) - ?"
            " ORDER BY a.id",
            [audit_count(demo_db) - before],
        )
        assert 3 <= len(new) <= 6
        manager, case_ref = new[0]["name"], new[0]["case_ref"]
        assert any(a.id == new[0]["id"] for a in list_audits(store, get_user(store, manager)))

    async with make_app(demo_db, manager).run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no home list")
        await until(
            pilot,
            lambda: any(
                case_ref in row for row in table_rows(pilot.app.screen.query_one("#audits"))
            ),  # type: ignore[arg-type]
            f"{manager}'s My audits does not list {case_ref}",
        )
