"""The test clocks: the app's own pinned clock, and one a test moves by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followup_tui.clock import FixedClock

FixedAt = FixedClock
"""The app's pinned clock, under the name the tests have long used."""


@dataclass
class MovableClock:
    """A clock the test moves by hand (for the live countdown tests).

    ``FixedClock`` is frozen, so it can't stand in: the countdowns must see time pass.
    """

    instant: datetime
    """What the clock says now; the test assigns a later instant to move it."""

    def now(self) -> datetime:
        """The instant the test set."""
        return self.instant
