"""A grade as a small coloured badge (colours come from the theme, see ``app.tcss``)."""

from __future__ import annotations

from textual.widgets import Static

from moderator.domain.grades import Grade
from moderator.tui.text import grade_abbrev, grade_class, grade_label

_CLASSES = ("-g1", "-g2", "-g3", "-g4", "-ungraded")


class GradeBadge(Static):
    """Shows one grade (or a dash), coloured by grade."""

    def __init__(
        self,
        grade: Grade | None = None,
        *,
        short: bool = True,
        abbrev: bool = False,
        empty: str = "—",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__("", id=id, classes=classes)
        self.short = short
        self.abbrev = abbrev
        self.empty = empty
        self.grade: Grade | None = None
        self.set_grade(grade)

    def set_grade(self, grade: Grade | None) -> None:
        """Show ``grade``."""
        self.grade = grade
        if grade is None:
            text = self.empty
        elif self.abbrev:
            text = grade_abbrev(grade)
        else:
            text = grade_label(grade, short=self.short)
        self.update(text)
        self.remove_class(*_CLASSES)
        self.add_class(grade_class(grade))
