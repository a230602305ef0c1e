"""A list a page at a time: the pages add up to the whole list, counts come from SQL."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from moderator.errors import BadInput
from moderator.services.audit_pages import AuditQuery, count_audits, page_audits
from moderator.services.audits import AuditSummary, list_audits
from moderator.services.sampling import draw_sample
from moderator.services.users import User, find_user
from moderator.store import Store, open_store
from moderator.tui.screens.home import COLUMNS, search_text
from tests.paging_support import many_audits_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def many(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = open_store(many_audits_db(tmp_path, tmp_path_factory.getbasetemp(), 300))
    yield store
    store.close()


def who(store: Store, name: str) -> User:
    user = find_user(store, name)
    assert user is not None
    return user


def all_pages(store: Store, user: User, query: AuditQuery, size: int) -> list[AuditSummary]:
    out: list[AuditSummary] = []
    while page := page_audits(store, user, query, offset=len(out), limit=size):
        out.extend(page)
    return out


def test_the_pages_add_up_to_the_whole_list_in_the_same_order(many: Store) -> None:
    lee = who(many, "lee")
    everything = list_audits(many, lee)
    assert len(everything) == 300
    assert all_pages(many, lee, AuditQuery(), 7) == everything
    last = page_audits(many, lee, AuditQuery(), offset=299, limit=50)
    assert last == everything[-1:]


def test_counts_per_state_equal_the_stored_audits(many: Store) -> None:
    lee, mia = who(many, "lee"), who(many, "mia")
    today = date(2020, 2, 15)
    for user in (lee, mia):
        rows = list_audits(many, user)
        counts = count_audits(many, user, today=today)
        by_state = Counter(a.status for a in rows)
        assert (counts.todo, counts.draft, counts.submitted) == (
            by_state["todo"],
            by_state["draft"],
            by_state["submitted"],
        )
        assert counts.total == len(rows) and counts.of("all") == len(rows)
        late = sum(a.due is not None and a.due < today and a.status != "submitted" for a in rows)
        assert counts.overdue == late > 0


def test_state_manager_and_search_filter_in_sql_as_the_screen_does(many: Store) -> None:
    lee = who(many, "lee")
    everything = list_audits(many, lee)
    for words in ("south", "care leavers", "draft max", "p-01 children", "nothing-like-this"):
        expected = [a for a in everything if all(w in search_text(a) for w in words.split())]
        query = AuditQuery(words=words.upper())
        assert all_pages(many, lee, query, 9) == expected, words
        assert count_audits(many, lee, query).total == len(expected)
    drafts = AuditQuery(status="draft", manager="max")
    expected = [a for a in everything if a.status == "draft" and a.manager == "max"]
    assert expected and all_pages(many, lee, drafts, 4) == expected
    assert count_audits(many, lee, drafts).of("draft") == len(expected)


@pytest.mark.parametrize("column", [c.key for c in COLUMNS])
@pytest.mark.parametrize("reverse", [False, True])
def test_sorting_in_sql_matches_the_screen_sort(many: Store, column: str, reverse: bool) -> None:
    lee = who(many, "lee")
    expected = list_audits(many, lee)
    key = next(c.sort_key for c in COLUMNS if c.key == column)
    expected.sort(key=key, reverse=reverse)
    got = all_pages(many, lee, AuditQuery(sort=column, reverse=reverse), 40)
    assert [a.id for a in got] == [a.id for a in expected]


def test_bad_state_or_column_is_a_clear_message(many: Store) -> None:
    lee = who(many, "lee")
    with pytest.raises(BadInput, match="unknown status 'late'"):
        page_audits(many, lee, AuditQuery(status="late"))
    with pytest.raises(BadInput, match="cannot sort by 'grade'"):
        page_audits(many, lee, AuditQuery(sort="grade"))


def test_a_moderator_pages_blind_and_cannot_sort_by_the_managers_progress(many: Store) -> None:
    lee, oli = who(many, "lee"), who(many, "oli")
    draw_sample(many, lee, rate=0.5, seed=3, moderator="oli")
    mine = list_audits(many, oli)
    assert mine and all(a.status == "submitted" for a in mine)
    assert all(a.overall is None and a.graded == 0 and a.moderation is None for a in mine)
    assert all_pages(many, oli, AuditQuery(), 5) == mine
    assert all_pages(many, oli, AuditQuery(sort="progress"), 5) == mine
    assert count_audits(many, oli).total == len(mine)
    # The moderation state is not searchable by the moderator it is hidden from.
    assert all_pages(many, oli, AuditQuery(words="todo"), 5) == []
