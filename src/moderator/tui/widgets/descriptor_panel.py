"""The focused criterion: its question and the four grade descriptors, clickable."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import Click
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, Static

from moderator.domain.grades import Grade
from moderator.domain.rubric import Criterion


class GradeChoice(Widget):
    """One grade with its descriptor; click to choose it."""

    class Chosen(Message):
        """A grade was clicked."""

        def __init__(self, grade: Grade) -> None:
            super().__init__()
            self.grade = grade

    def __init__(self, grade: Grade) -> None:
        super().__init__(id=f"choice-{int(grade)}", classes=f"grade-choice -g{int(grade)}")
        self.grade = grade
        self.text = ""
        """The descriptor in full (the panel may show it in fewer lines)."""

    def compose(self) -> ComposeResult:
        yield Label(f"{int(self.grade)}  {self.grade.label}", classes="choice-title")
        yield Static("", classes="choice-text", markup=False)

    def show(self, text: str, chosen: bool) -> None:
        """Show the descriptor, marked when it is the chosen grade."""
        self.text = text
        self.query_one(".choice-text", Static).update(text)
        self.set_class(chosen, "-chosen")
        mark = "●" if chosen else " "
        self.query_one(".choice-title", Label).update(
            f"{mark} {int(self.grade)}  {self.grade.label}"
        )

    def lines(self, width: int) -> list[str]:
        """The descriptor wrapped to ``width`` cells."""
        return textwrap.wrap(self.text, max(width, 8)) or [""]

    def clamp(self, lines: int | None, width: int) -> None:
        """Show the descriptor in at most ``lines`` lines, its last cut with "…" (None: in full)."""
        text = self.text
        if lines is not None:
            wrapped = self.lines(width)
            if len(wrapped) > lines:
                last = wrapped[lines - 1][: max(width, 8) - 1].rstrip()
                text = "\n".join([*wrapped[: lines - 1], last + "…"])
        self.query_one(".choice-text", Static).update(text)

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self.grade))


def share(needs: list[int], room: int) -> list[int]:
    """Lines for each descriptor: ``room`` shared out, none more than it needs, each at least 1.

    The shorter ones take what they need; what they leave goes to the longer ones equally.
    """
    given = [1] * len(needs)
    left = room - len(needs)
    order = sorted(range(len(needs)), key=lambda i: needs[i])
    for place, i in enumerate(order):
        fair = max(left // (len(needs) - place), 0)
        extra = min(needs[i] - 1, fair)
        given[i] += extra
        left -= extra
    return given


class DescriptorPanel(VerticalScroll):
    """Question and descriptors of one criterion."""

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static("", id="crit-heading", markup=False)
        yield Static("", id="crit-question", markup=False)
        for grade in Grade:
            yield GradeChoice(grade)

    def show(self, criterion: Criterion, domain: str, grade: Grade | None) -> None:
        """Show ``criterion`` with ``grade`` marked as chosen."""
        limiting = (
            "  ⚑ limiting: Inadequate here makes the case Inadequate" if criterion.limiting else ""
        )
        self.query_one("#crit-heading", Static).update(f"{domain} › {criterion.title}{limiting}")
        self.query_one("#crit-question", Static).update(criterion.question)
        for choice in self.query(GradeChoice):
            choice.show(criterion.descriptors.for_grade(choice.grade), choice.grade == grade)
        self.scroll_home(animate=False)
        self.fit()
        if grade is not None:
            self.call_after_refresh(self._reveal, grade)

    def fit(self) -> None:
        """Descriptors in full when all four fit; else they share the room there is.

        The panel tries them in full; once laid out, :meth:`watch_virtual_size` shares the
        height out if they overflow (:meth:`_share_room`): no blank line between them
        (``-tight``), the heading on one line, and each descriptor wrapped to as many lines
        as its share, the last ending in "…" when cut. When even one line each would not
        fit with the question in full (100x30), the question goes on one line (``-tighter``).
        """
        self.remove_class("-tight", "-tighter")
        for choice in self.query(GradeChoice):
            choice.clamp(None, 0)
        self._relayout()
        self.call_after_refresh(self._tighten_if_needed)

    def watch_virtual_size(self) -> None:
        self._tighten_if_needed()

    def _overflows(self) -> bool:
        return self.virtual_size.height > self.scrollable_content_region.height > 0

    def _tighten_if_needed(self) -> None:
        if not self._overflows():
            return
        if not self.has_class("-tight"):
            self.add_class("-tight")
            self._relayout()
            self.call_after_refresh(self._share_room)

    def _share_room(self) -> None:
        """Wrap each descriptor to its share of the lines left under the titles."""
        choices = list(self.query(GradeChoice))
        if not choices:
            return
        texts = [c.query_one(".choice-text", Static) for c in choices]
        width = min(t.content_region.width for t in texts)
        if not self.show_vertical_scrollbar:  # wrap as if it had one: a bar appearing rewraps
            width -= self.styles.scrollbar_size_vertical
        if width <= 0:
            return
        used = sum(
            w.outer_size.height for w in self.query("#crit-heading, #crit-question") if w.display
        )
        room = self.scrollable_content_region.height - used - len(choices)  # less the titles
        if room < 2 * len(choices) and not self.has_class("-tighter"):  # the question gives way
            self.add_class("-tighter")
            self._relayout()
            self.call_after_refresh(self._share_room)
            return
        needs = [len(c.lines(width)) for c in choices]
        for choice, lines in zip(choices, share(needs, max(room, len(choices))), strict=True):
            choice.clamp(lines, width)
        self._relayout()

    def _relayout(self) -> None:
        """Lay the texts out again: a text's height is cached by its width alone, so a change
        of wrapping (``-tight``) would keep the old heights until something else changed
        them (on a busy machine, one descriptor in view instead of four)."""
        for text in self.query(".choice-text, #crit-heading, #crit-question"):
            text.clear_cached_dimensions()
            text.refresh(layout=True)
        self.refresh(layout=True)

    def on_resize(self) -> None:
        self.fit()

    def mark(self, grade: Grade | None) -> None:
        """Mark ``grade`` as chosen (and bring it into view)."""
        for choice in self.query(GradeChoice):
            choice.set_class(choice.grade == grade, "-chosen")
            mark = "●" if choice.grade == grade else " "
            choice.query_one(".choice-title", Label).update(
                f"{mark} {int(choice.grade)}  {choice.grade.label}"
            )
        if grade is not None:
            self.call_after_refresh(self._reveal, grade)

    def page(self, step: int) -> None:
        """Scroll the descriptors a page down (1) or up (-1)."""
        if step > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)

    def _reveal(self, grade: Grade) -> None:
        # The choices may be mid-rebuild (a new criterion, or the screen closing): skip then.
        found = self.query(f"#choice-{int(grade)}")
        if found:
            self.scroll_to_widget(found.first(), animate=False)
