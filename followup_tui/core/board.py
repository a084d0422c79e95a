"""All interviews at once: their standings, most urgent first, and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import Interview
from followup_tui.core.policy import policy_named
from followup_tui.core.standing import Standing, Status


@dataclass(frozen=True, slots=True)
class Row:
    """One interview and its standing."""

    interview: Interview
    """The interview."""
    standing: Standing
    """Its standing at the board's instant."""

    @property
    def is_open(self) -> bool:
        """True until the interview is closed, offered or archived."""
        return self.standing.status.is_open and not self.interview.archived


def standing_of(
    interview: Interview, default_policy: str, now: datetime, calendar: BusinessCalendar
) -> Standing:
    """The standing of one interview under its own policy, or the default one."""
    return standing(interview, policy_named(interview.policy, default_policy), now, calendar)


def due_instant(row: Row, calendar: BusinessCalendar) -> datetime | None:
    """The row's due time as an instant (a due day counts from its start)."""
    due = row.standing.due
    if isinstance(due, datetime) or due is None:
        return due
    assert isinstance(due, date)
    return calendar.start_of(due)


def rank(
    interviews: Iterable[Interview],
    default_policy: str,
    now: datetime,
    calendar: BusinessCalendar,
) -> list[Row]:
    """Every interview with its standing, most urgent first, then soonest due, then by name."""
    rows = [Row(i, standing_of(i, default_policy, now, calendar)) for i in interviews]
    return sort_rows(rows, calendar)


def sort_rows(rows: list[Row], calendar: BusinessCalendar) -> list[Row]:
    """Rows in board order: urgency, then soonest due, then company."""

    def key(row: Row) -> tuple[int, float, str, str]:
        due = due_instant(row, calendar)
        stamp = due.timestamp() if due is not None else float("inf")
        return (row.standing.urgency, stamp, row.interview.company.casefold(), row.interview.id)

    return sorted(rows, key=key)


DUE_NOW = frozenset(
    {
        Status.THANK_YOU_DUE,
        Status.FOLLOW_UP_DUE,
        Status.THANK_YOU_LATE,
        Status.MOVE_ON,
        Status.SEND_THANKS,
    }
)
"""Badges that mean "something to send now" (overdue is counted on its own)."""


def summary(rows: Iterable[Row]) -> str:
    """A one-line count of the open interviews: "2 due · 1 overdue · 4 waiting"."""
    counts = Counter(r.standing.status for r in rows if r.is_open)
    parts = []
    due = sum(n for status, n in counts.items() if status in DUE_NOW)
    if due:
        parts.append(f"{due} due")
    if counts[Status.OVERDUE]:
        parts.append(f"{counts[Status.OVERDUE]} overdue")
    if counts[Status.WAITING]:
        parts.append(f"{counts[Status.WAITING]} waiting")
    if counts[Status.UPCOMING]:
        parts.append(f"{counts[Status.UPCOMING]} upcoming")
    return " · ".join(parts) if parts else "nothing open"


def next_step(row: Row) -> str:
    """The row's next action and its countdown, in a few words: "Acme thank-you, 5h left"."""
    action = row.standing.actions[0].label if row.standing.actions else row.standing.status.label
    countdown = row.standing.countdown
    text = f"{row.interview.company}: {action}"
    return f"{text} ({countdown})" if countdown else text
