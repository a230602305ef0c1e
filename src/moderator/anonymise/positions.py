"""Where the redactions of a long text lie: which of them reach into a span, without reading all.

:meth:`.state.State.give_way` asks which redactions overlap a span each time a surer reading
wants it. Reading every redaction for every ask grows with the square of a long text (a
hostile line of 400,000 characters held 20,000 redactions and asked 5,700 times: 4 s). Past
:data:`INDEX_FROM` redactions the state keeps them sorted by where they start
(:class:`Index`), and answers from the few around the span.

The layers change redactions from outside the state: they remove some from the list (counted by
:class:`Cands`; the index is made again) and move a redaction's bounds (not counted). Redactions
never overlap and each one's characters are marked taken, so the answer is checked: if the
redactions found leave a taken character of the span unexplained, one has moved in, and the
state reads them all as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import pairwise
from typing import Generic, Protocol, SupportsIndex, TypeVar

INDEX_FROM = 256
"""Below this many redactions a scan of them all is as quick as an index, and simpler."""


class Spanned(Protocol):
    """What has bounds in a text (a candidate redaction)."""

    start: int
    end: int


S = TypeVar("S", bound=Spanned)


class Cands(list[S]):
    """A list of redactions that counts the changes made to it (:attr:`changes`), so that an
    index of it knows when it is out of date. The state's own changes, which keep its index,
    go through ``list``'s methods and are not counted."""

    __slots__ = ("changes",)

    def __init__(self, items: Iterable[S] = ()) -> None:
        super().__init__(items)
        self.changes = 0

    def remove(self, value: S) -> None:
        super().remove(value)
        self.changes += 1

    def append(self, value: S) -> None:
        super().append(value)
        self.changes += 1

    def extend(self, values: Iterable[S]) -> None:
        super().extend(values)
        self.changes += 1

    def insert(self, index: SupportsIndex, value: S) -> None:
        super().insert(index, value)
        self.changes += 1

    def pop(self, index: SupportsIndex = -1) -> S:
        self.changes += 1
        return super().pop(index)

    def clear(self) -> None:
        super().clear()
        self.changes += 1

    def __setitem__(self, index, value) -> None:  # type: ignore[no-untyped-def]
        super().__setitem__(index, value)
        self.changes += 1

    def __delitem__(self, index) -> None:  # type: ignore[no-untyped-def]
        super().__delitem__(index)
        self.changes += 1

    def __iadd__(self, values: Iterable[S]) -> Cands[S]:  # type: ignore[override,misc]
        self.extend(values)
        return self

    def sort(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().sort(*args, **kwargs)
        self.changes += 1

    def reverse(self) -> None:
        super().reverse()
        self.changes += 1


class Index(Generic[S]):
    """The redactions sorted by where each started when it was indexed (:attr:`ok`: they did
    not overlap then; if they did, the index is not used)."""

    __slots__ = ("changes", "items", "ok", "starts", "where")

    def __init__(self, cands: Cands[S]) -> None:
        self.changes = cands.changes
        ordered = sorted(cands, key=_START)
        self.starts = [c.start for c in ordered]
        self.items: list[S] = list(ordered)
        self.where = {id(c): c.start for c in ordered}  # (where each was indexed)
        self.ok = all(a.end <= b.start for a, b in pairwise(ordered))

    def add(self, c: S) -> None:
        """Index a redaction the state has just taken."""
        at = bisect_right(self.starts, c.start)
        if (at and self.items[at - 1].end > c.start) or (
            at < len(self.items) and c.end > self.items[at].start
        ):
            self.ok = False  # (taken over another: the state reads them all from now on)
        self.starts.insert(at, c.start)
        self.items.insert(at, c)
        self.where[id(c)] = c.start

    def drop(self, c: S) -> None:
        """Forget a redaction the state has given up or is moving."""
        indexed = self.where.pop(id(c), None)
        if indexed is None:
            return
        i = bisect_left(self.starts, indexed)
        while self.items[i] is not c:
            i += 1
        del self.starts[i], self.items[i]

    def around(self, start: int, end: int) -> list[S]:
        """The indexed redactions that, as they lie now, overlap ``[start, end)``: those indexed
        as starting from the one before ``start`` to ``end``."""
        starts, items = self.starts, self.items
        i = max(0, bisect_right(starts, start) - 1)
        found: list[S] = []
        while i < len(starts) and starts[i] < end:
            c = items[i]
            if c.start < end and start < c.end:
                found.append(c)
            i += 1
        return found


def _start(c: Spanned) -> int:
    return c.start


_START = _start


def explained(taken: bytearray, start: int, end: int, found: Iterable[Spanned]) -> bool:
    """Whether the redactions ``found`` hold every taken character of ``[start, end)``."""
    left = bytearray(taken[start:end])
    for c in found:
        a, b = max(c.start, start), min(c.end, end)
        if a < b:
            left[a - start : b - start] = bytes(b - a)
    return not any(left)
