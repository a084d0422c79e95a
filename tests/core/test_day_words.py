"""Day words in a message are relative to the day it is written (DOMAIN.md, "Words")."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import context_for
from followup_tui.core.day_words import said_on
from followup_tui.core.model import Interview, Interviewer
from followup_tui.core.templates import BUILT_INS, render
from followup_tui.settings import Settings

TODAY = date(2026, 11, 26)  # a Thursday


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 11, 26), "today"),
        (date(2026, 11, 25), "yesterday"),
        (date(2026, 11, 27), "tomorrow"),
        (date(2026, 11, 24), "on Tuesday"),
        (date(2026, 11, 20), "on Friday"),  # six days ago: still this side of a week
        (date(2026, 11, 19), "on 19 November"),  # a week ago: "on Thursday" reads as today's
        (date(2026, 11, 5), "on 5 November"),  # three weeks ago
        (date(2026, 12, 2), "on Wednesday"),  # within the coming week
        (date(2026, 12, 3), "on 3 December"),  # a week ahead
        (date(2025, 12, 30), "on 30 December 2025"),
    ],
)
def test_said_on(day: date, words: str) -> None:
    assert said_on(day, TODAY) == words


NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(NY)
THURSDAY = Interview(
    "t",
    "Acme",
    "PM",
    datetime(2026, 11, 5, 10, tzinfo=NY),
    interviewers=(Interviewer("Dana Ruiz"),),
    decision_by=date(2026, 11, 20),
)


def bodies(today: date) -> str:
    """Every built-in message for the Thursday interview, written on ``today``."""
    context = context_for(THURSDAY, None, Settings(name="Alex"), today, CAL)
    return "\n".join(render(t, context).body for t in BUILT_INS.templates)


def test_three_weeks_after_a_thursday_no_message_says_on_thursday() -> None:
    text = bodies(date(2026, 11, 26))
    assert "Thursday" not in text
    assert "5 November" in text


def test_a_thank_you_written_the_same_day_says_today() -> None:
    context = context_for(THURSDAY, None, Settings(name="Alex"), date(2026, 11, 5), CAL)
    for template in BUILT_INS.find("thank_you"):
        body = render(template, context).body
        assert "today" in body and "Thursday" not in body, template.variant
