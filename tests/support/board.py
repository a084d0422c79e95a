"""The data the app tests start from: a pinned "now", New York days, the standard board.

The pinned "now" is Wed 4 Nov 2026, 15:00 in New York. The standard board holds one
interview for each of the main badges, plus two that are tucked away:

=========  ==================================================  ======================
company    what happened                                       badge at "now"
=========  ==================================================  ======================
Initech    interview Mon 19 Oct, thanked, no timeline          overdue
Acme       interview today 10:00, two interviewers, no thanks  thank-you due
Globex     interview Thu 29 Oct, thanked, no timeline          waiting (check-in Thu)
Umbrella   interview Fri 6 Nov                                 upcoming
Hooli      offer                                               offer (hidden)
Stark      archived                                            closed (hidden)
=========  ==================================================  ======================
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from followup_tui.core.model import Channel, Event, EventKind, Interview, Interviewer, Outcome
from followup_tui.demo import load_demo
from followup_tui.settings import Settings

NY = ZoneInfo("America/New_York")
"""The user's zone in every test."""
NOW = datetime(2026, 11, 4, 15, 0, tzinfo=NY)
"""The pinned instant: Wed 4 Nov 2026, 15:00 in New York."""
SETTINGS = Settings(timezone="America/New_York", theme="textual-dark")
"""The user's settings: New York, the dark theme."""


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An instant in 2026, New York time."""
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


def make(company: str, start: datetime, **fields: object) -> Interview:
    """An interview with sensible defaults (id "" lets the store assign one)."""
    values: dict[str, object] = {
        "id": company.lower().replace(" ", "-")[:20] or "x",
        "company": company,
        "role": "Product Manager",
        "start": start,
        "interviewers": (Interviewer("Dana Ruiz", "Head of Product", "dana@example.com"),),
        "channel": Channel.EMAIL,
    }
    values.update(fields)
    return Interview(**values)  # type: ignore[arg-type]


def thanked(start: datetime) -> tuple[Event, ...]:
    """A thank-you sent the evening after the interview."""
    return (Event(EventKind.THANK_YOU_SENT, start + timedelta(hours=8)),)


def standard_board() -> list[Interview]:
    """The six interviews of the module docstring."""
    acme_people = (Interviewer("Dana Ruiz"), Interviewer("Sam Lee", "Engineering Manager"))
    return [
        make("Acme", at(11, 4), round="onsite", interviewers=acme_people),
        make("Globex", at(10, 29, 14), events=thanked(at(10, 29, 14))),
        make("Initech", at(10, 19), role="Analyst", events=thanked(at(10, 19))),
        make("Umbrella", at(11, 6, 9), round="phone screen"),
        make(
            "Hooli",
            at(10, 20),
            events=(Event(EventKind.REPLY, at(10, 27), outcome=Outcome.OFFER),),
        ),
        make("Stark", at(10, 1), archived=True),
    ]


def demo_board(now: datetime = NOW, settings: Settings = SETTINGS) -> list[Interview]:
    """The demo data set (what ``followup demo`` and the README's pictures show) at ``now``."""
    return load_demo(now, settings.calendar())
