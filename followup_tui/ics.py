"""``followup export --ics``: every step owed or coming, as an iCalendar file.

Thank-you deadlines are timed events that end when the window closes; check-ins and notes
are all-day events marked free. Each has a reminder, and a UID per interview and step, so
a calendar that reads the file again updates its events instead of adding copies. When a
step's date moves, its SEQUENCE goes up: the previous version of the file (the one the
command is about to replace) says what each step's date and sequence were.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import TRANSP, Alarm, Calendar, Event

from followup_tui.core.agenda import Entry, agenda
from followup_tui.core.model import Interview
from followup_tui.core.standing import Step

if TYPE_CHECKING:
    from followup_tui.clock import Clock
    from followup_tui.settings import Settings

PRODID = "-//followup//followup calendar export//EN"
"""Who wrote the file, as iCalendar names it."""
CALENDAR_NAME = "followup"
"""The calendar's display name."""
UID_DOMAIN = "followup"
"""The right-hand side of every event's UID."""
THANK_YOU_LENGTH = timedelta(minutes=30)
"""A thank-you event is this long and ends when its window closes."""
THANK_YOU_ALARM = timedelta(hours=-3)
"""A thank-you's reminder: this long before its deadline."""
DAY_ALARM = timedelta(hours=9)
"""A check-in's reminder: this long after the start of its day (9:00)."""

# iCalendar text allows no control characters but the tab; line breaks are escaped by
# icalendar itself. Anything else would be refused by a strict reader, or acted on by a
# terminal calendar.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True, slots=True)
class Version:
    """What a previous file said about one event."""

    sequence: int
    """Its SEQUENCE."""
    when: str
    """Its start and end, as written: a change means the date moved."""


def uid_of(entry: Entry) -> str:
    """The event's UID: the same for the same interview and step, run after run."""
    return _clean(f"{entry.key}@{UID_DOMAIN}")


def _span(entry: Entry) -> tuple[date | datetime, date | datetime]:
    if entry.deadline is not None:
        end = entry.deadline.astimezone(UTC)
        return end - THANK_YOU_LENGTH, end
    assert entry.day is not None
    return entry.day, entry.day + timedelta(days=1)


def _when(start: date | datetime, end: date | datetime) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def previous_versions(data: bytes) -> dict[str, Version]:
    """Each event of a file this command wrote before, by UID; empty if it can't be read."""
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        return {}
    if not isinstance(calendar, Calendar) or str(calendar.get("PRODID", "")) != PRODID:
        return {}  # not ours: nothing to carry over
    versions: dict[str, Version] = {}
    for event in calendar.walk("VEVENT"):
        if not isinstance(event, Event):
            continue
        uid = str(event.get("UID", ""))
        try:
            start, end = event.start, event.end
            sequence = int(event.get("SEQUENCE", 0))
        except (ValueError, TypeError, KeyError, IndexError):
            continue  # an event edited by hand: it starts afresh
        versions[uid] = Version(sequence, _when(start, end))
    return versions


def _event(entry: Entry, now: datetime, previous: Mapping[str, Version]) -> Event:
    uid = uid_of(entry)
    start, end = _span(entry)
    before = previous.get(uid)
    sequence = 0
    if before is not None:
        sequence = before.sequence + (before.when != _when(start, end))
    description = _clean(f"{entry.purpose}\n\nRole: {entry.interview.role}")
    event = Event.new(
        uid=uid,
        summary=_clean(entry.title),
        description=description,
        start=start,
        end=end,
        stamp=now.astimezone(UTC),
        sequence=sequence,
        transparency=TRANSP.OPAQUE if entry.step is Step.THANK_YOU else TRANSP.TRANSPARENT,
    )
    trigger = THANK_YOU_ALARM + THANK_YOU_LENGTH if entry.deadline is not None else DAY_ALARM
    event.add_component(Alarm.new_display(description=_clean(entry.title), trigger=trigger))
    return event


def render(entries: Iterable[Entry], now: datetime, previous: bytes | None = None) -> bytes:
    """The iCalendar file holding ``entries``; ``previous`` is the file it replaces, if any."""
    versions = previous_versions(previous) if previous else {}
    calendar = Calendar.new(
        prodid=PRODID,
        name=CALENDAR_NAME,
        uid=f"calendar@{UID_DOMAIN}",
        description="Thank-yous, check-ins and notes owed after your interviews",
    )
    for entry in entries:
        calendar.add_component(_event(entry, now, versions))
    data: bytes = calendar.to_ical()
    return data


class ExportError(Exception):
    """The calendar file can't be read or written; the message says which and why."""


def export(
    interviews: Iterable[Interview], output: Path | None, settings: Settings, clock: Clock
) -> int:
    """Write the steps of ``interviews`` as an iCalendar file (or to stdout when ``output``
    is None); returns how many steps were written.

    Raises :class:`ExportError` when the file can't be read or written.
    """
    now = clock.now()
    entries = agenda(interviews, settings.policy, now, settings.calendar())
    if output is None:
        sys.stdout.write(render(entries, now).decode("utf-8"))
        return len(entries)
    try:
        previous: bytes | None = output.read_bytes()
    except FileNotFoundError:
        previous = None
    except OSError as exc:
        raise ExportError(f"{output}: can't be read ({exc.strerror})") from None
    from followup_tui.storage.atomic import write_atomic

    try:
        write_atomic(output, render(entries, now, previous))
    except OSError as exc:
        raise ExportError(f"{output}: can't be written ({exc.strerror})") from None
    return len(entries)
