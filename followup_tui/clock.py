"""The one clock: the system's by default, pinned by ``FOLLOWUP_NOW`` or a test."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

ENV_NOW = "FOLLOWUP_NOW"
"""Environment variable that pins the clock to an ISO 8601 instant."""


class Clock(Protocol):
    """Something that says what time it is."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        """The current instant in UTC."""
        return datetime.now(UTC)


@dataclass(frozen=True)
class FixedClock:
    """A clock that always says the same instant (demos, screenshots, tests)."""

    instant: datetime
    """The instant it always says."""

    def now(self) -> datetime:
        """The pinned instant."""
        return self.instant


class ClockError(ValueError):
    """``FOLLOWUP_NOW`` holds something that is not an instant."""


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant; one without an offset is read in the local time zone."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ClockError(
            f"{ENV_NOW}={text!r} is not an ISO 8601 instant (e.g. 2026-11-03T15:00:00-05:00)"
        ) from None
    if value.tzinfo is None:
        value = value.astimezone()
    return value


def clock_from_env(environ: Mapping[str, str] = os.environ) -> Clock:
    """The system clock, or a fixed one when ``FOLLOWUP_NOW`` is set."""
    pinned = environ.get(ENV_NOW, "").strip()
    return FixedClock(parse_instant(pinned)) if pinned else SystemClock()
