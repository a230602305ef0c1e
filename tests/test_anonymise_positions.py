"""Which redactions a surer reading displaces, in a long text: the same answer from the index of
where they lie (:mod:`moderator.anonymise.positions`) as from reading them all, also after a
layer has moved one's bounds or removed one behind the index's back."""

from __future__ import annotations

from moderator.anonymise.positions import INDEX_FROM
from moderator.anonymise.state import State
from tests.helpers import sample_case

_WORD = "Abc "  # four characters a word: word i is text[4 * i : 4 * i + 3]
_WORDS = INDEX_FROM * 2


def _state() -> State:
    text = _WORD * _WORDS
    st = State(sample_case(text), text)
    for i in range(_WORDS):
        st.take(4 * i, 4 * i + 3, "person", f"p{i}", 40)
    return st


def _spans(st: State) -> set[tuple[int, int]]:
    return {(c.start, c.end) for c in st.cands}


def test_a_surer_reading_displaces_the_guesses_inside_its_span_of_a_long_text() -> None:
    st = _state()
    st.give_way(400, 411, frozenset({"person"}), 60)  # words 100 to 102, whole
    assert not {(400, 403), (404, 407), (408, 411)} & _spans(st)
    assert len(st.cands) == _WORDS - 3 and st.free(400, 411)
    st.give_way(500, 506, frozenset({"person"}), 60)  # word 126 only in part: all stay
    assert (500, 503) in _spans(st) and (504, 507) in _spans(st)
    st.give_way(600, 603, frozenset({"org"}), 60)  # another kind: it stays
    assert (600, 603) in _spans(st)


def test_a_redaction_moved_by_a_layer_is_still_found() -> None:
    st = _state()
    st.cands.remove(next(c for c in st.cands if c.start == 812))  # a layer gives word 203 up
    st.give_way(0, 3, frozenset({"org"}), 60)  # (an ask: the index is made)
    moved = next(c for c in st.cands if c.start == 800)
    moved.start, moved.end = 812, 815  # a layer moves word 200's bounds, which no count sees
    st.give_way(812, 815, frozenset({"person"}), 60)
    assert moved not in st.cands and st.free(812, 815)


def test_a_redaction_grown_by_a_layer_without_the_state_is_still_found() -> None:
    st = _state()
    st.give_way(0, 3, frozenset({"org"}), 60)  # (an ask that builds the index)
    grown = next(c for c in st.cands if c.start == 1000)
    right = next(c for c in st.cands if c.start == 1004)
    st.cands.remove(right)  # the layer joins the next word to it, bypassing grow()
    st.give_way(0, 3, frozenset({"org"}), 60)  # (the index is made again: no longer stale)
    grown.end = 1007  # ... and only then widens it, which no count sees
    st.give_way(1004, 1007, frozenset({"person"}), 60)  # only part of the grown one: stays
    assert grown in st.cands
    st.give_way(1000, 1007, frozenset({"person"}), 60)  # all of it: displaced
    assert grown not in st.cands and st.free(1000, 1007)


def test_the_redaction_starting_at_a_place_of_a_long_text() -> None:
    st = _state()
    c = st.starting_at(404)
    assert c is not None and (c.start, c.end) == (404, 407)
    assert st.starting_at(405) is None and st.starting_at(403) is None
    st.drop(c)  # a layer joins it to the one before: its characters stay taken
    assert st.starting_at(404) is None and not st.free(404, 407)


def test_a_candidate_kept_for_review_is_noted_once_a_place() -> None:
    st = _state()
    for _ in range(3):
        st.keep(0, 3, "person", "p0", 0.5)
    assert len(st.kept) == 1
    st.kept.remove(st.kept[0])  # a layer takes it after all
    st.keep(0, 3, "person", "p0", 0.5)  # and a later one keeps it again
    assert len(st.kept) == 1
