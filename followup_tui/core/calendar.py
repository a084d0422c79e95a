"""Business days on local calendar days: weekends off, and public holidays where set."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo


def _no_holidays() -> Container[date]:
    return frozenset()


@dataclass(frozen=True)
class BusinessCalendar:
    """Local days in one time zone, with weekends and (optionally) holidays off.

    The time zone is always given: the calendar never asks the machine which zone it is in.
    """

    tz: tzinfo
    """The user's time zone: it decides on which calendar day an instant falls."""
    holidays: Container[date] = field(default_factory=_no_holidays)
    """Days off besides weekends (a ``holidays`` country calendar, or any set of dates)."""
    _added: dict[tuple[date, int], date] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Memo of :meth:`add`: thousands of interviews ask about the same few hundred days."""
    _starts: dict[date, datetime] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Memo of :meth:`start_of`."""

    def day_of(self, instant: datetime) -> date:
        """The local calendar day an aware instant falls on."""
        return instant.astimezone(self.tz).date()

    def start_of(self, day: date) -> datetime:
        """The instant a local calendar day begins (midnight, correct across DST)."""
        start = self._starts.get(day)
        if start is None:
            local = datetime.combine(day, time(0), tzinfo=self.tz)
            # Normalise through UTC so the offset is the one in force at that wall time.
            start = self._starts[day] = local.astimezone(UTC).astimezone(self.tz)
        return start

    def is_business_day(self, day: date) -> bool:
        """True on a weekday that is not a holiday."""
        return day.weekday() < 5 and day not in self.holidays

    def on_or_after(self, day: date) -> date:
        """The first business day on or after ``day``."""
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day

    def add(self, day: date, count: int) -> date:
        """The business day ``count`` business days after ``day`` (``count`` >= 0).

        With ``count`` 0 this is ``on_or_after(day)``.
        """
        key = (day, count)
        found = self._added.get(key)
        if found is not None:
            return found
        if count < 0:
            raise ValueError("count must not be negative")
        result = self.on_or_after(day) if count == 0 else day
        while count:
            result += timedelta(days=1)
            if self.is_business_day(result):
                count -= 1
        self._added[key] = result
        return result

    def subtract(self, day: date, count: int) -> date:
        """The business day ``count`` business days before ``day`` (``count`` >= 1)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        while count:
            day -= timedelta(days=1)
            if self.is_business_day(day):
                count -= 1
        return day

    def between(self, start: date, end: date) -> int:
        """How many business days after ``start`` up to and including ``end`` (0 if not later)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_business_day(day):
                count += 1
        return count


def until(later: datetime, earlier: datetime) -> timedelta:
    """``later - earlier`` as elapsed time, whatever zones the two carry."""
    return later.astimezone(UTC) - earlier.astimezone(UTC)


def country_holidays(country: str) -> Container[date]:
    """Public holidays of a country ("US", "GB", "DE-BY" for a subdivision).

    Raises ``ValueError`` naming the country when it is not known.
    """
    import holidays  # deferred: only users who set a country pay for the import

    code, _, subdiv = country.partition("-")
    try:
        return holidays.country_holidays(code.upper(), subdiv=subdiv.upper() or None)
    except NotImplementedError as exc:
        raise ValueError(f"unknown country or region for public holidays: {country!r}") from exc
