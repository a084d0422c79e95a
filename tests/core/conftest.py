"""Shared builders for the engine tests."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Event, EventKind, Interview, Interviewer

NY = ZoneInfo("America/New_York")


def at(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    """An instant in November 2026, New York time."""
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


def interview(
    start: datetime,
    *,
    decision_by: date | None = None,
    check_in_on: date | None = None,
    names: tuple[str, ...] = ("Dana Ruiz",),
    events: tuple[Event, ...] = (),
) -> Interview:
    """An interview with the given timeline and log."""
    return Interview(
        id="i1",
        company="Acme",
        role="Product Manager",
        start=start,
        interviewers=tuple(Interviewer(n) for n in names),
        decision_by=decision_by,
        check_in_on=check_in_on,
        events=events,
    )


def ev(kind: EventKind, when: datetime, **kw: object) -> Event:
    """An event of ``kind`` at ``when``."""
    return Event(kind, when, **kw)  # type: ignore[arg-type]


@pytest.fixture
def cal() -> BusinessCalendar:
    """New York days, weekends off, no holidays."""
    return BusinessCalendar(NY)
