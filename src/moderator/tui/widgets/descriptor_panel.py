"""The focused criterion: its question and the four grade descriptors, clickable."""

from __future__ import annotations

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

    def compose(self) -> ComposeResult:
        yield Label(f"{int(self.grade)}  {self.grade.label}", classes="choice-title")
        yield Static("", classes="choice-text", markup=False)

    def show(self, text: str, chosen: bool) -> None:
        """Show the descriptor, marked when it is the chosen grade."""
        self.query_one(".choice-text", Static).update(text)
        self.set_class(chosen, "-chosen")
        mark = "●" if chosen else " "
        self.query_one(".choice-title", Label).update(
            f"{mark} {int(self.grade)}  {self.grade.label}"
        )

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self.grade))


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
        """Descriptors in full when all four fit; else each on one line, so all four show.

        The panel tries them in full; once laid out, :meth:`watch_virtual_size` tightens
        them if they overflow: first each descriptor on one line with no blank line between
        them (``-tight``), then, if that is still too tall (100x30), the question on one line
        too (``-tighter``).
        """
        self.remove_class("-tight", "-tighter")
        self._relayout()
        self.call_after_refresh(self._tighten_if_needed)

    def watch_virtual_size(self) -> None:
        self._tighten_if_needed()

    def _tighten_if_needed(self) -> None:
        if not self.virtual_size.height > self.scrollable_content_region.height > 0:
            return
        for step in ("-tight", "-tighter"):
            if not self.has_class(step):
                self.add_class(step)
                self._relayout()
                self.call_after_refresh(self._tighten_if_needed)
                return

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
