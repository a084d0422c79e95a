"""Random text thrown at the date, time and length readers.

``tests/test_dates.py`` holds the examples and the describe-then-read round trip. Here the
input is anything at all: every reader either returns a value whose description reads
back as the same value (so the line shown under the field is the truth), or raises
:class:`DateError` with a message. Never another exception (the forms catch only
``DateError``/``ValueError``: anything else would crash the app), and never a date made up
from text that names none.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from followup_tui.core.dates import (
    DateError,
    describe_date,
    describe_datetime,
    parse_date,
    parse_datetime,
)
from followup_tui.core.durations import describe_duration, parse_duration

NY = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC = ZoneInfo("UTC")
TODAY = date(2026, 11, 4)
NOW = datetime(2026, 11, 4, 15, 30, tzinfo=NY)


def _split(words: str) -> list[str]:
    return words.split()


_WORDS = [
    *(calendar.month_name[m].lower() for m in range(1, 13)),
    *(calendar.month_abbr[m].lower() for m in range(1, 13)),
    *(calendar.day_name[d].lower() for d in range(7)),
    *(calendar.day_abbr[d].lower() for d in range(7)),
    *_split("sept tues weds thur thurs today now tomorrow yesterday noon midday midnight"),
]
KNOWN_WORDS = frozenset(_WORDS)
"""Every word that names a day or a time on its own (no digits needed)."""

# Pieces a date reader cares about, so random sentences reach deep into the parser.
_PIECES = [
    *_WORDS,
    *_split("in ago at this next last of on the day days week weeks am pm a.m. p.m. t st nd rd"),
    *_split("th h hr hours m min minutes / . - : , T Z +05:00 -0500 2026 1999 0000 9999 0001"),
    *_split("00 12 13 29 30 31 59 60 24"),
    "99999999",
    "99999999999999999999",
    "\u00b2",  # superscript two: str.isdigit() says yes, int() says no
    "\u0663",  # Arabic-Indic three
    "\uff13",  # full-width three
    "\x1b[2J",
    "\u202e",
    "\x00",
]

sentences = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.integers(0, 10**12).map(str)), max_size=6
).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " ", ", ", "/", "."]), min_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=False))
    )
)
"""Jumbles of date words, numbers and separators: most are nonsense, some are dates."""

anything = st.one_of(st.text(max_size=40), sentences)
"""Any text at all, or a jumble of date pieces."""

# Inputs that once escaped as another exception (OverflowError, a bare ValueError).
ESCAPED = [
    "in 999999 weeks",
    "99999999 days ago",
    "in 99999999999999999999 days",
    "\u00b2 days ago",
    "in \u00b2 days",
    "at \u00b2",
    "0000-01-01",
    "1/13/0000",
    "1 jan 0000",
]


def _tokens(text: str) -> list[str]:
    """Words as the parser splits them (lower case, commas and trailing dots dropped)."""
    return [t.rstrip(".") or t for t in text.strip().lower().replace(",", " ").split()]


def _names_a_day_or_time(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or any(t in KNOWN_WORDS for t in _tokens(text))


@settings(max_examples=600, deadline=None)
@given(anything)
def test_a_date_read_is_one_the_user_sees_or_a_clear_error(text: str) -> None:
    try:
        day = parse_date(text, TODAY)
    except DateError as exc:
        assert str(exc)
        return
    assert parse_date(describe_date(day), TODAY) == day


@pytest.mark.parametrize("text", ESCAPED)
def test_inputs_that_escaped_the_date_reader_are_refused_clearly(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, TODAY)
    with pytest.raises(DateError):
        parse_datetime(text + " 10:00", NOW, NY)


@settings(max_examples=600, deadline=None)
@given(anything, st.sampled_from([UTC, NY, TOKYO]))
@example("31 dec 9999 23:00", NY)
@example("9999-12-31T23:00-05:00", NY)
@example("0001-01-01T00:00+05:00", TOKYO)
@example("1 jan 0001 00:00", TOKYO)
def test_an_instant_read_is_one_the_user_sees_or_a_clear_error(text: str, tz: ZoneInfo) -> None:
    try:
        instant = parse_datetime(text, NOW, tz)
    except DateError as exc:
        assert str(exc)
        return
    assert instant.tzinfo is not None
    shown = describe_datetime(instant, tz)
    again = parse_datetime(shown, NOW, tz)
    # The line shown reads back as the same wall-clock time; in a zone without clock
    # changes, as the very same instant.
    assert describe_datetime(again, tz) == shown
    if tz is UTC:
        assert again == instant


@settings(max_examples=400, deadline=None)
@given(anything)
def test_a_length_read_is_one_the_user_sees_or_a_clear_error(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except DateError as exc:
        assert str(exc)
        return
    assert 1 <= minutes <= 24 * 60
    assert parse_duration(describe_duration(minutes)) == minutes


no_day_in_it = st.text(
    st.characters(blacklist_categories=["Nd", "No", "Nl"]),  # no digits of any script
    max_size=40,
).filter(lambda text: not _names_a_day_or_time(text))


@settings(max_examples=500, deadline=None)
@given(no_day_in_it)
@example("the")
@example("on the")
@example("next")
@example("in ago at")
@example("novembre")
@example("tomorrow's")
def test_text_naming_no_day_never_becomes_a_date(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, TODAY)
    with pytest.raises(DateError):
        parse_datetime(text, NOW, NY)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Nd", "No", "Nl"]), max_size=30))
def test_a_length_needs_a_number(text: str) -> None:
    with pytest.raises(DateError):
        parse_duration(text)
