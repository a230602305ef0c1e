"""The drift dashboard's filter bar: team, dates and period, as one message when they change.

A manager sees only their own audits (the service layer scopes their report so), so their
bar offers no team to choose: choosing one changed nothing. It says instead whose audits
these are, and why.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.notifications import Notification
from textual.validation import Function
from textual.widgets import Input, Label, Select, Static

from moderator.analysis.inputs import ReportFilters
from moderator.domain.dates import parse_day
from moderator.errors import BadInput
from moderator.tui.base import ModeratorScreen


def _valid_date(value: str) -> bool:
    if not value.strip():
        return True
    try:
        parse_day(value)
    except BadInput:
        return False
    return True


class DriftFilters(Horizontal):
    """Team, from, to and period. Posts :class:`DriftFilters.Changed` with valid values only.

    ``own_audits_only`` (a manager's dashboard): no team to choose, the bar says why.
    """

    OWN_ONLY = "your audits only (manager)"
    OWN_ONLY_WHY = "A manager sees only their own audits: there is no other team to choose."

    class Changed(Message):
        """The filters or the period were changed (``submitted``: Enter in a date)."""

        def __init__(self, filters: ReportFilters, period: str, submitted: bool = False) -> None:
            super().__init__()
            self.filters = filters
            self.period = period
            self.submitted = submitted

    def __init__(self, *, id: str | None = None, own_audits_only: bool = False) -> None:
        super().__init__(id=id)
        self.own_audits_only = own_audits_only
        self.filters = ReportFilters()
        self.period = "quarter"
        self.warning: Notification | None = None
        """What is wrong with the dates, as the notice shown says (:meth:`warn`)."""

    def compose(self) -> ComposeResult:
        yield Label("Team", classes="filter-label")
        if self.own_audits_only:
            fixed = Static(self.OWN_ONLY, id="dash-team-fixed", markup=False)
            fixed.tooltip = self.OWN_ONLY_WHY
            yield fixed
        else:
            yield Select[str]([], prompt="All teams", id="dash-team", compact=True)
        yield Label("From", classes="filter-label")
        date_ok = Function(_valid_date, "not a date (YYYY-MM-DD)")
        yield Input(placeholder="YYYY-MM-DD", id="dash-since", compact=True, validators=[date_ok])
        yield Label("to", classes="filter-label")
        yield Input(placeholder="YYYY-MM-DD", id="dash-until", compact=True, validators=[date_ok])
        yield Select[str](
            [("By quarter", "quarter"), ("By month", "month")],
            value="quarter",
            allow_blank=False,
            id="dash-period",
            compact=True,
        )

    def changed(self, submitted: bool = False) -> None:
        self.post_message(self.Changed(self.filters, self.period, submitted))

    @on(Select.Changed, "#dash-team")
    def team_chosen(self, event: Select.Changed) -> None:
        event.stop()
        team = event.value if isinstance(event.value, str) else None
        self.filters = replace(self.filters, team=team)
        self.changed()

    @on(Select.Changed, "#dash-period")
    def period_chosen(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self.period = event.value
            self.changed()

    @on(Input.Submitted, "#dash-since, #dash-until")
    @on(Input.Blurred, "#dash-since, #dash-until")
    def dates_entered(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        raw = {
            name: self.query_one(f"#dash-{name}", Input).value.strip()
            for name in ("since", "until")
        }
        try:
            since, until = (parse_day(raw[n]) if raw[n] else None for n in ("since", "until"))
        except BadInput as problem:
            self.warn(f"{problem.message}.")
            return
        if since and until and since > until:
            self.warn(f"{since} is after {until}: nothing would be shown.")
            return
        self.withdraw_warning()  # the dates are right now: the error no longer holds
        self.filters = replace(self.filters, since=since, until=until)
        self.changed(submitted=isinstance(event, Input.Submitted))

    def warn(self, text: str) -> None:
        """Say what is wrong with the dates, until they are right (or the screen is left)."""
        self.withdraw_warning()
        screen = self.screen
        if isinstance(screen, ModeratorScreen):
            self.warning = screen.show_notice(text, severity="warning", timeout=8)
        else:
            self.notify(text, severity="warning")

    def withdraw_warning(self) -> None:
        screen = self.screen
        if self.warning is not None and isinstance(screen, ModeratorScreen):
            screen.withdraw_notices(self.warning)
        self.warning = None
