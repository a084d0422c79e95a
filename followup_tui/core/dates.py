"""Reading dates and times as people type them, without guessing (lengths: ``durations``;
days in a message's words: ``day_words``).

Accepted: ISO 8601 ("2026-11-03", "2026-11-03 10:00", "2026-11-03T10:00-05:00"), month
names ("3 Nov", "Nov 3rd 2026", "Tue 3 Nov 2026, 10:00"), numbers with slashes or dots when
only one reading exists ("31/10", "10/31/2026", "4/4"), words ("today", "tomorrow",
"friday", "next fri", "last monday", "in 2 weeks", "3 days ago") and times ("10:00", "2pm",
"9.30am", "noon", "at 10"). A field may lean to the past or the future (see :data:`Lean`).

Refused with a message that says why: impossible dates ("31/02"), numbers that could be
read two ways ("03/04" is 3 April or 4 March), words we don't know ("next blursday"), and
anything left over ("1A2B"). Every function here is pure: "today" and "now" are passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal, TypeVar

from followup_tui.core.date_error import DateError as DateError
from followup_tui.core.day_words import DAY_NAMES, MONTH_NAMES
from followup_tui.core.lazy_pattern import LazyPattern

FIRST_YEAR = 1900
"""The earliest year a date or instant may have: older ones are typos."""
LAST_YEAR = 2999
"""The latest year: far enough, and nowhere near the calendar's end, where adding days or
moving to another time zone would overflow."""

Lean = Literal["past", "future"] | None
"""Which way a bare weekday, time or day-and-month is read: the most recent one (a field
logging what happened), the next one (a field planning what will: a bare weekday with no
time that names today is a week ahead), or None: a weekday on or after today, a time today,
a day and month in the nearest year."""


_MONTHS: dict[str, int] = {"sept": 9}
for _number, _name in enumerate(MONTH_NAMES[1:], start=1):
    _MONTHS[_name.lower()] = _MONTHS[_name[:3].lower()] = _number

_WEEKDAYS: dict[str, int] = {"tues": 1, "weds": 2, "thur": 3, "thurs": 4}
for _number, _name in enumerate(DAY_NAMES):
    _WEEKDAYS[_name.lower()] = _WEEKDAYS[_name[:3].lower()] = _number

_RELATIVE_DAYS = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}
_FILLER = {"of", "on", "the"}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}

_ISO_FULL = LazyPattern(
    r"^\d{4}-\d{2}-\d{2}[t ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})$"
)
_NUMERIC = LazyPattern(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$")
_YMD = LazyPattern(r"^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$")
_DAY = LazyPattern(r"^(\d{1,2})(st|nd|rd|th)?$")
_YEAR = LazyPattern(r"^\d{4}$")
_CLOCK = LazyPattern(r"^(\d{1,2})[:.h](\d{2})(am|pm)?$")
_HOUR_MERIDIEM = LazyPattern(r"^(\d{1,2})(am|pm)$")


@dataclass
class _Parts:
    """What the tokens said, before it is checked and assembled."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    exact: date | None = None
    relative: date | None = None
    weekday: int | None = None
    weekday_mode: str = ""
    weekday_word: str = ""
    clock: time | None = None


def _tokens(text: str) -> list[str]:
    cleaned = text.strip().lower().replace(",", " ")
    cleaned = re.sub(r"\b([ap])\.m\.?", r"\1m", cleaned)
    cleaned = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", cleaned)
    return cleaned.split()


def _shown(token: str) -> str:
    return f"'{token}'"


def _days_in(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has."""
    return 31 if month == 12 else (date(year, month + 1, 1) - timedelta(days=1)).day


def _make_date(year: int | None, month: int, day: int, shown: str) -> date:
    """A valid date, or an error naming what is wrong; with no year, any year may do."""
    if year is not None and not 1 <= year <= 9999:
        raise DateError(f"{shown} is not a date: years run from 1 to 9999")
    if not 1 <= month <= 12:
        raise DateError(f"{shown} is not a date: there is no month {month}")
    name = MONTH_NAMES[month]
    last = _days_in(2000 if year is None else year, month)  # 2000: leap year
    if not 1 <= day <= last:
        where = name if year is None else f"{name} {year}"
        raise DateError(f"{shown} is not a date: {where} has no day {day}")
    return date(2000 if year is None else year, month, day)


def _make_time(hour: int, minute: int, meridiem: str | None, shown: str) -> time:
    if minute > 59:
        raise DateError(f"{shown} is not a time: minutes go up to 59")
    if meridiem:
        if not 1 <= hour <= 12:
            raise DateError(f"{shown} is not a time: with am/pm the hour is 1 to 12")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    elif hour > 23:
        raise DateError(f"{shown} is not a time: hours go up to 23")
    return time(hour, minute)


def _is_number(token: str) -> bool:
    # ASCII only: str.isdigit() also says yes to "²", which int() refuses.
    return token.isascii() and token.isdigit()


def _shifted(today: date, days: int, shown: str) -> date:
    """``today`` moved by ``days``; a clear error when that leaves the calendar."""
    try:
        return today + timedelta(days=days)
    except OverflowError:
        raise DateError(f"{shown} is too far from today") from None


def _year_of(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _numeric(match: re.Match[str], token: str) -> tuple[int, int, int | None]:
    """Day, month and year (None when not given) of "31/10", "10/31/2026", "4.4.26"."""
    first, sep, second, year_text = match.groups()
    a, b = int(first), int(second)
    if sep == "." and year_text is None and a <= 23 and b <= 59:
        raise DateError(f"{_shown(token)}: write {a}:{b:02d} for a time, or name the month")
    if a > 12 and b > 12:
        raise DateError(f"{_shown(token)} is not a date: neither {a} nor {b} is a month")
    if a <= 12 and b <= 12 and a != b:
        raise DateError(
            f"{_shown(token)} could be {a} {MONTH_NAMES[b][:3]} or {b} {MONTH_NAMES[a][:3]}:"
            " write the month as a word (e.g. '3 Nov') or use YYYY-MM-DD"
        )
    day, month = (a, b) if a > 12 or a == b else (b, a)
    year = _year_of(year_text) if year_text else None
    _make_date(year, month, day, _shown(token))
    return day, month, year


def _weekday_on_or_after(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _read(tokens: list[str], today: date) -> _Parts:
    parts = _Parts()
    i = 0

    def set_clock(value: time, token: str) -> None:
        if parts.clock is not None:
            raise DateError(f"two times given ({_shown(token)} is the second)")
        parts.clock = value

    def set_relative(value: date, token: str) -> None:
        if parts.relative is not None or parts.exact is not None:
            raise DateError(f"two dates given ({_shown(token)} is the second)")
        parts.relative = value

    while i < len(tokens):
        token = tokens[i].rstrip(".") or tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in _FILLER:
            pass
        elif token in _RELATIVE_DAYS:
            set_relative(today + timedelta(days=_RELATIVE_DAYS[token]), token)
        elif token in ("noon", "midday"):
            set_clock(time(12), token)
        elif token == "midnight":
            set_clock(time(0), token)
        elif token == "at":
            if _is_number(nxt):
                set_clock(_make_time(int(nxt), 0, None, _shown(f"at {nxt}")), nxt)
                i += 1
        elif token in ("this", "next", "last"):
            word = nxt.rstrip(".")
            if word not in _WEEKDAYS:
                raise DateError(f"{_shown(f'{token} {nxt}'.strip())}: expected a day of the week")
            _set_weekday(parts, _WEEKDAYS[word], token, f"{token} {nxt}")
            i += 1
        elif token in _WEEKDAYS:
            _set_weekday(parts, _WEEKDAYS[token], "", token)
        elif token in _MONTHS:
            if parts.month is not None:
                raise DateError(f"two months given ({_shown(token)} is the second)")
            parts.month = _MONTHS[token]
        elif token == "in" and _is_number(nxt) and i + 2 < len(tokens):
            unit = tokens[i + 2]
            shown = _shown(f"in {nxt} {unit}")
            if unit not in _UNITS:
                raise DateError(f"{shown}: say days or weeks")
            set_relative(_shifted(today, int(nxt) * _UNITS[unit], shown), token)
            i += 2
        elif _is_number(token) and nxt in _UNITS and tokens[i + 2 : i + 3] == ["ago"]:
            shown = _shown(f"{token} {nxt} ago")
            set_relative(_shifted(today, -int(token) * _UNITS[nxt], shown), token)
            i += 2
        elif m := _YMD.match(token):
            if parts.exact is not None or parts.relative is not None:
                raise DateError(f"two dates given ({_shown(token)} is the second)")
            parts.exact = _make_date(int(m[1]), int(m[3]), int(m[4]), _shown(token))
        elif "t" in token and _YMD.match(token.split("t", 1)[0]):
            head, tail = token.split("t", 1)
            tokens[i : i + 1] = [head, tail]
            continue
        elif m := _NUMERIC.match(token):
            if parts.exact is not None or parts.relative is not None or parts.month:
                raise DateError(f"two dates given ({_shown(token)} is the second)")
            day, month, year = _numeric(m, token)
            if year is None:
                parts.day, parts.month = day, month
            else:
                parts.exact = date(year, month, day)
        elif m := _CLOCK.match(token):
            set_clock(_make_time(int(m[1]), int(m[2]), m[3], _shown(token)), token)
        elif m := _HOUR_MERIDIEM.match(token):
            set_clock(_make_time(int(m[1]), 0, m[2], _shown(token)), token)
        elif _YEAR.match(token):
            if parts.year is not None:
                raise DateError(f"two years given ({_shown(token)} is the second)")
            parts.year = int(token)
        elif m := _DAY.match(token):
            if parts.day is not None:
                raise DateError(f"two day numbers given ({_shown(token)} is the second)")
            parts.day = int(m[1])
        else:
            raise DateError(f"can't read {_shown(token)} as part of a date or time")
        i += 1
    return parts


def _set_weekday(parts: _Parts, weekday: int, mode: str, word: str) -> None:
    if parts.weekday is not None:
        raise DateError(f"two days of the week given ({_shown(word)} is the second)")
    parts.weekday, parts.weekday_mode, parts.weekday_word = weekday, mode, word


def _closest_year(day: int, month: int, today: date, shown: str, lean: Lean = None) -> date:
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        _make_date(today.year, month, day, shown)  # raises with the reason
    if lean == "past" and (before := [d for d in candidates if d <= today]):
        return before[-1]
    if lean == "future" and (after := [d for d in candidates if d >= today]):
        return after[0]
    return min(candidates, key=lambda d: abs((d - today).days))


def _assemble_day(parts: _Parts, today: date, text: str, lean: Lean = None) -> date | None:
    shown = _shown(text.strip())
    day: date | None = parts.exact or parts.relative
    if parts.month is not None or parts.day is not None:
        if day is not None:
            raise DateError(f"{shown} gives the date twice")
        if parts.month is None:
            raise DateError(f"{shown}: which month? (e.g. '{parts.day} Nov')")
        if parts.day is None:
            raise DateError(f"{shown}: which day of {MONTH_NAMES[parts.month]}?")
        if parts.year is not None:
            day = _make_date(parts.year, parts.month, parts.day, shown)
        else:
            day = _closest_year(parts.day, parts.month, today, shown, lean)
    elif parts.year is not None and day is None:
        raise DateError(f"{shown}: a year alone is not a date")
    elif parts.year is not None and day is not None and day.year != parts.year:
        raise DateError(f"{shown}: {describe_date(day)} is not in {parts.year}")
    if parts.weekday is not None:
        if day is None:
            day = _weekday_on_or_after(today, parts.weekday)
            if lean == "past" and not parts.weekday_mode:
                day -= timedelta(days=7) if day != today else timedelta()
            elif lean == "future" and not parts.weekday_mode and parts.clock is None:
                # A day planned ahead is after today; with a time, _leaned judges by the hour.
                day += timedelta(days=7) if day == today else timedelta()
            elif parts.weekday_mode == "next" and day == today:
                day += timedelta(days=7)
            elif parts.weekday_mode == "last":
                day -= timedelta(days=7)
        elif parts.weekday_mode:
            raise DateError(f"{shown}: '{parts.weekday_word}' and a date both given")
        elif day.weekday() != parts.weekday:
            raise DateError(
                f"{describe_date(day)[4:]} is a {DAY_NAMES[day.weekday()]},"
                f" not a {DAY_NAMES[parts.weekday]}"
            )
    return day


def parse_date(text: str, today: date, *, lean: Lean = None) -> date:
    """The calendar day ``text`` names, ``today`` being the day it is typed, a bare weekday
    or day-and-month read the way ``lean`` says.

    Raises :class:`DateError` for empty, impossible, ambiguous or unknown input, or a time.
    """
    tokens = _tokens(text)
    if not tokens:
        raise DateError("enter a date, e.g. 2026-11-06 or 6 Nov")
    parts = _read(tokens, today)
    if parts.clock is not None:
        raise DateError("only a date is needed here, not a time")
    day = _assemble_day(parts, today, text, lean)
    if day is None:
        raise DateError(f"{_shown(text.strip())} has no date in it")
    return _kept(day)


_D = TypeVar("_D", bound=date)


def _kept(day: _D) -> _D:
    """``day`` (a date or an instant), if its year is one followup keeps."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateError(f"year {day.year} is outside {FIRST_YEAR} to {LAST_YEAR}")
    return day


def parse_datetime(
    text: str,
    now: datetime,
    tz: tzinfo,
    *,
    default_time: time | None = None,
    lean: Lean = None,
) -> datetime:
    """The instant ``text`` names, read in zone ``tz``; ``now`` is when it is typed.

    A time alone is on today's date. A date alone takes ``default_time``, or is an error
    asking for a time when that is None. A local time that does not exist (skipped by a
    daylight-saving change) is an error. With a ``lean``, a time alone or with a bare
    weekday is the most recent such instant ("past") or the next one ("future").
    """
    stripped = text.strip()
    if _ISO_FULL.match(stripped.lower()):
        try:
            instant = datetime.fromisoformat(stripped.upper()).astimezone(tz)
        except (ValueError, OverflowError):  # overflow: at the very end of the calendar
            raise DateError(f"{_shown(stripped)} is not a valid ISO date and time") from None
        return _kept(instant)
    tokens = _tokens(text)
    if not tokens:
        raise DateError("enter a date and time, e.g. 2026-11-03 10:00 or 'tue 3 nov 10am'")
    today = now.astimezone(tz).date()
    parts = _read(tokens, today)
    day = _assemble_day(parts, today, text, lean)
    clock = parts.clock if parts.clock is not None else default_time
    if clock is None:
        raise DateError("add a time too, e.g. '10:00' or '2pm'")
    local = datetime.combine(day or today, clock)
    if lean is not None and parts.clock is not None:
        local = _leaned(local, now.astimezone(tz).replace(tzinfo=None), parts, lean)
    result = local.replace(tzinfo=tz)
    try:
        back = result.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    except OverflowError:  # within a day of year 1 or 9999
        raise DateError(f"{describe_date(local.date())} is too far from today") from None
    if back != local:
        raise DateError(f"{local:%H:%M} doesn't exist that day: the clocks change")
    return _kept(result)


def _leaned(local: datetime, now: datetime, parts: _Parts, lean: Lean) -> datetime:
    """``local`` moved a day (a time alone) or a week (a bare weekday) to the right side
    of ``now``; anything more definite stays as it was said."""
    definite = parts.exact or parts.relative or parts.month or parts.day
    if definite or parts.weekday_mode:
        return local
    step = timedelta(days=1 if parts.weekday is None else 7)
    if lean == "past" and local > now:
        return local - step
    if lean == "future" and local < now:
        return local + step
    return local


def describe_date(day: date) -> str:
    """A day as people read it: "Tue 3 Nov 2026"."""
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month][:3]} {day.year}"


def describe_datetime(instant: datetime, tz: tzinfo) -> str:
    """An instant in zone ``tz`` as people read it: "Tue 3 Nov 2026, 10:00"."""
    local = instant.astimezone(tz)
    return f"{describe_date(local.date())}, {local:%H:%M}"
