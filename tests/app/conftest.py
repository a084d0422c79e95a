"""Fixtures for the app tests: a pinned clock, New York days, interviews in a temp data file.

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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

import pytest

from followup_tui.app.app import FollowupApp
from followup_tui.clock import Clock
from followup_tui.core.model import (
    Channel,
    Event,
    EventKind,
    Interview,
    Interviewer,
    Outcome,
)
from followup_tui.settings import Settings
from followup_tui.storage.store import Store

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 4, 15, 0, tzinfo=NY)
SETTINGS = Settings(timezone="America/New_York", theme="textual-dark")


@dataclass
class MovableClock:
    """A clock the test moves by hand (for the live countdown tests)."""

    instant: datetime

    def now(self) -> datetime:
        """The instant the test set."""
        return self.instant


@dataclass(frozen=True)
class FixedAt:
    """A pinned clock (like ``followup_tui.clock.FixedClock``)."""

    instant: datetime

    def now(self) -> datetime:
        """The pinned instant."""
        return self.instant


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


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """Where a test's data lives."""
    return tmp_path / "followup.json"


@pytest.fixture
def open_store(data_file: Path) -> Iterator[list[Store]]:
    """Stores opened by the test, closed after it."""
    opened: list[Store] = []
    yield opened
    for store in opened:
        store.close()


class AppFactory(Protocol):
    """Builds an app on a fresh data file (``make_app`` fixture)."""

    def __call__(
        self,
        interviews: Sequence[Interview] | None = None,
        *,
        clock: Clock | None = None,
        read_only: bool = False,
    ) -> FollowupApp:
        """An app on ``interviews`` (default: the standard board), pinned at ``NOW``."""
        ...


@pytest.fixture
def make_app(data_file: Path, open_store: list[Store]) -> AppFactory:
    """Build an app on a fresh data file holding ``interviews`` (default: the standard board)."""

    def build(
        interviews: Sequence[Interview] | None = None,
        *,
        clock: Clock | None = None,
        read_only: bool = False,
    ) -> FollowupApp:
        store = Store.open(data_file)
        store.import_interviews(standard_board() if interviews is None else interviews)
        if read_only:
            store.close()
            store = Store.open(data_file, read_only=True)
        open_store.append(store)
        return FollowupApp(store, SETTINGS, clock or FixedAt(NOW))

    return build


def stored(data_file: Path) -> dict[str, Interview]:
    """What the data file holds now, read afresh from disk."""
    store = Store.open(data_file, read_only=True)
    try:
        return {i.id: i for i in store.interviews()}
    finally:
        store.close()
