"""Days in words: the English names of days and months (the date parser reads them, the
board and the composer write them, whatever the locale), and days as a message says them,
relative to the day it is written: "today", "on Tuesday", "by 13 November" (DOMAIN.md,
"Words in a message")."""

from __future__ import annotations

from datetime import date

MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months' names by number (``MONTH_NAMES[11]`` is November), in English whatever the
locale; the first three letters are the short name."""
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The weekdays' names by ``date.weekday()``, in English; the first three letters are the
short name."""


def day_month(day: date, today: date) -> str:
    """The day and month ("26 November"), with the year only when it is not this year's."""
    text = f"{day.day} {MONTH_NAMES[day.month]}"
    return text if day.year == today.year else f"{text} {day.year}"


def day_word(day: date, today: date) -> str:
    """``day`` as a bare word or date, as said on ``today``: "today", "Friday", "26 November".

    A weekday only within six days either side, where it cannot be mistaken for another week.
    """
    offset = (day - today).days
    if offset == 0:
        return "today"
    if offset == -1:
        return "yesterday"
    if offset == 1:
        return "tomorrow"
    if -6 <= offset <= 6:
        return DAY_NAMES[day.weekday()]
    return day_month(day, today)


def said_on(day: date, today: date) -> str:
    """When ``day`` is, as a person writing on ``today`` would put it after a verb.

    "today", "yesterday", "tomorrow"; a weekday ("on Tuesday") only within six days either
    side, where it cannot be mistaken for another week; otherwise the date ("on 26 November").
    """
    word = day_word(day, today)
    return word if word in ("today", "yesterday", "tomorrow") else f"on {word}"


def said_by(day: date, today: date) -> str:
    """A deadline as a person puts it: "by Friday", "by 13 November", "by today".

    "Decide by Friday" keeps the meaning of what they said; "on Friday" would change it.
    """
    return f"by {day_word(day, today)}"
