"""Reading human dates, times and lengths: what is accepted, and what is refused and why."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
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
TODAY = date(2026, 11, 4)  # a Wednesday
NOW = datetime(2026, 11, 4, 15, 30, tzinfo=NY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-06", date(2026, 11, 6)),
        ("2026/11/6", date(2026, 11, 6)),
        ("6 Nov", date(2026, 11, 6)),
        ("Nov 6th", date(2026, 11, 6)),
        ("November 6, 2027", date(2027, 11, 6)),
        ("6th of November 2026", date(2026, 11, 6)),
        ("Fri 6 Nov 2026", date(2026, 11, 6)),
        ("31/10", date(2026, 10, 31)),
        ("10/31/2026", date(2026, 10, 31)),
        ("4/4", date(2027, 4, 4)),  # the nearer 4 April
        ("3.12.26", None),  # ambiguous: 3 Dec or 12 Mar
        ("13.12.26", date(2026, 12, 13)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 11, 5)),
        ("yesterday", date(2026, 11, 3)),
        ("friday", date(2026, 11, 6)),
        ("wed", TODAY),
        ("next wed", date(2026, 11, 11)),
        ("next fri", date(2026, 11, 6)),
        ("last monday", date(2026, 11, 2)),
        ("last wed", date(2026, 10, 28)),
        ("in 2 weeks", date(2026, 11, 18)),
        ("in 3 days", date(2026, 11, 7)),
        ("3 days ago", date(2026, 11, 1)),
        ("5 Jan", date(2027, 1, 5)),  # nearer than last January
        ("5 Jun", date(2026, 6, 5)),  # nearer than next June
    ],
)
def test_dates_people_type_are_read(text: str, expected: date | None) -> None:
    if expected is None:
        with pytest.raises(DateError, match="could be"):
            parse_date(text, TODAY)
    else:
        assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("31/02", "February has no day 31"),
        ("30 Feb 2026", "February 2026 has no day 30"),
        ("29 Feb", "no day 29"),  # no leap year within a year of today
        ("03/04", "could be 3 Apr or 4 Mar"),
        ("next blursday", "expected a day of the week"),
        ("blursday", "can't read 'blursday'"),
        ("1A2B", "can't read '1a2b'"),
        ("", "enter a date"),
        ("Fri 5 Nov 2026", "is a Thursday, not a Friday"),
        ("13/13", "neither 13 nor 13 is a month"),
        ("2026-13-01", "no month 13"),
        ("Nov", "which day of November"),
        ("15", "which month"),
        ("2026", "a year alone"),
        ("tomorrow 10:00", "only a date"),
        ("today tomorrow", "two dates"),
        ("next 6 Nov", "expected a day of the week"),
        ("9.30", "write 9:30 for a time"),
        ("in 2 fortnights", "say days or weeks"),
    ],
)
def test_impossible_ambiguous_or_unknown_dates_are_refused(text: str, why: str) -> None:
    with pytest.raises(DateError, match=why):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-03 10:00", datetime(2026, 11, 3, 10, 0, tzinfo=NY)),
        ("2026-11-03T10:00", datetime(2026, 11, 3, 10, 0, tzinfo=NY)),
        ("tue 3 nov 2026, 10:00", datetime(2026, 11, 3, 10, 0, tzinfo=NY)),
        ("tomorrow 2pm", datetime(2026, 11, 5, 14, 0, tzinfo=NY)),
        ("tomorrow at 9", datetime(2026, 11, 5, 9, 0, tzinfo=NY)),
        ("fri 9.30 a.m.", datetime(2026, 11, 6, 9, 30, tzinfo=NY)),
        ("6 Nov 12 pm", datetime(2026, 11, 6, 12, 0, tzinfo=NY)),
        ("6 Nov 12am", datetime(2026, 11, 6, 0, 0, tzinfo=NY)),
        ("6 Nov noon", datetime(2026, 11, 6, 12, 0, tzinfo=NY)),
        ("10h30", datetime(2026, 11, 4, 10, 30, tzinfo=NY)),
        ("2026-11-03T15:00:00Z", datetime(2026, 11, 3, 10, 0, tzinfo=NY)),
    ],
)
def test_date_and_time_are_read_in_the_users_zone(text: str, expected: datetime) -> None:
    got = parse_datetime(text, NOW, NY)
    assert got == expected
    assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("6 Nov", "add a time"),
        ("25:00", "hours go up to 23"),
        ("13pm", "the hour is 1 to 12"),
        ("10:75", "minutes go up to 59"),
        ("10:00 11:00", "two times"),
        ("8 Mar 2026 2:30", "doesn't exist"),  # New York springs forward at 2:00
        ("2026-02-30T10:00Z", "not a valid ISO"),
    ],
)
def test_bad_times_are_refused(text: str, why: str) -> None:
    with pytest.raises(DateError, match=why):
        parse_datetime(text, NOW, NY)


def test_a_date_alone_takes_the_default_time_when_one_is_given() -> None:
    got = parse_datetime("6 Nov", NOW, NY, default_time=time(9))
    assert got == datetime(2026, 11, 6, 9, tzinfo=NY)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_what_we_show_back_reads_back_the_same(naive: datetime) -> None:
    instant = naive.replace(second=0, microsecond=0, tzinfo=ZoneInfo("UTC"))
    shown = describe_datetime(instant, ZoneInfo("UTC"))
    assert parse_datetime(shown, NOW, ZoneInfo("UTC")) == instant
    assert parse_date(describe_date(instant.date()), TODAY) == instant.date()


def test_describe() -> None:
    assert describe_datetime(datetime(2026, 11, 3, 10, tzinfo=NY), NY) == "Tue 3 Nov 2026, 10:00"
    assert describe_date(date(2026, 11, 6)) == "Fri 6 Nov 2026"
    assert [describe_duration(m) for m in (45, 60, 90)] == ["45m", "1h", "1h 30m"]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45", 45),
        ("45m", 45),
        ("1h", 60),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1:30", 90),
        ("1.5 hours", 90),
        ("90 minutes", 90),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "an hour", "0", "25h", "1h30x"])
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_duration(text)


SUNDAY = datetime(2026, 11, 29, 15, 0, tzinfo=NY)
"""A Sunday afternoon: the day after a week of interviews."""


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        # A bare weekday: the last one when logging, the next one when planning.
        ("thu 10am", datetime(2026, 11, 26, 10, 0), datetime(2026, 12, 3, 10, 0)),
        ("sun 10am", datetime(2026, 11, 29, 10, 0), datetime(2026, 12, 6, 10, 0)),
        ("sun 5pm", datetime(2026, 11, 22, 17, 0), datetime(2026, 11, 29, 17, 0)),
        # A time alone: today if that fits, else the day before (or after).
        ("10am", datetime(2026, 11, 29, 10, 0), datetime(2026, 11, 30, 10, 0)),
        ("5pm", datetime(2026, 11, 28, 17, 0), datetime(2026, 11, 29, 17, 0)),
        # A day and month alone: the year that fits.
        ("3 Dec 10:00", datetime(2025, 12, 3, 10, 0), datetime(2026, 12, 3, 10, 0)),
        ("20 Nov 10:00", datetime(2026, 11, 20, 10, 0), datetime(2027, 11, 20, 10, 0)),
        # Said outright: the same whichever way the dialog leans.
        ("last thu 10am", datetime(2026, 11, 26, 10, 0), datetime(2026, 11, 26, 10, 0)),
        ("next thu 10am", datetime(2026, 12, 3, 10, 0), datetime(2026, 12, 3, 10, 0)),
        ("yesterday 5pm", datetime(2026, 11, 28, 17, 0), datetime(2026, 11, 28, 17, 0)),
        ("2026-11-20 10:00", datetime(2026, 11, 20, 10, 0), datetime(2026, 11, 20, 10, 0)),
    ],
)
def test_a_bare_day_or_time_leans_the_way_the_field_asks(
    text: str, past: datetime, future: datetime
) -> None:
    read_past = parse_datetime(text, SUNDAY, NY, lean="past")
    read_future = parse_datetime(text, SUNDAY, NY, lean="future")
    assert read_past == past.replace(tzinfo=NY)
    assert read_future == future.replace(tzinfo=NY)


def test_without_a_lean_a_weekday_is_still_on_or_after_today() -> None:
    assert parse_datetime("thu 10am", SUNDAY, NY) == datetime(2026, 12, 3, 10, 0, tzinfo=NY)
    assert parse_datetime("5pm", SUNDAY, NY) == datetime(2026, 11, 29, 17, 0, tzinfo=NY)


def test_a_past_lean_reads_a_bare_weekday_as_the_last_one_as_a_date_too() -> None:
    assert parse_date("thu", SUNDAY.date(), lean="past") == date(2026, 11, 26)
    assert parse_date("sun", SUNDAY.date(), lean="past") == date(2026, 11, 29)
    assert parse_date("thu", SUNDAY.date(), lean="future") == date(2026, 12, 3)


def test_a_future_lean_reads_a_bare_weekday_naming_today_as_a_week_ahead() -> None:
    # A date for a plan (a snooze) must be after today: "sun" typed on a Sunday is the next.
    assert parse_date("sun", SUNDAY.date(), lean="future") == date(2026, 12, 6)
    assert parse_date("next sun", SUNDAY.date(), lean="future") == date(2026, 12, 6)
    assert parse_date("this sun", SUNDAY.date(), lean="future") == SUNDAY.date()
    assert parse_date("sun", SUNDAY.date()) == SUNDAY.date()


@pytest.mark.parametrize("text", ["1 jan 1800", "1899-12-31", "3 nov 3000"])
def test_a_year_followup_does_not_keep_is_refused_as_it_is_read(text: str) -> None:
    with pytest.raises(DateError, match="outside 1900 to 2999"):
        parse_date(text, date(2026, 11, 4))
    with pytest.raises(DateError, match="outside 1900 to 2999"):
        parse_datetime(f"{text} 10:00", datetime(2026, 11, 4, 15, tzinfo=UTC), UTC)
