"""Which wording the composer starts on."""

from __future__ import annotations

from dataclasses import replace

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import compose
from followup_tui.core.ladder import standing
from followup_tui.core.model import Channel
from followup_tui.core.policy import STANDARD
from followup_tui.core.standing import Step
from followup_tui.core.templates import BUILT_INS
from followup_tui.settings import Settings
from tests.core.conftest import NY, at, interview

ME = Settings(name="Alex Morgan")


def test_a_thank_you_starts_as_an_email_even_for_a_phone_person() -> None:
    cal = BusinessCalendar(NY)
    i = replace(interview(at(5, 14)), channel=Channel.PHONE)
    now = at(5, 16)
    action = standing(i, STANDARD, now, cal).actions[0]
    assert action.step is Step.THANK_YOU
    composition = compose(i, action, ME, now=now, calendar=cal, policy=STANDARD)
    assert composition is not None
    assert not composition.template.phone
    assert BUILT_INS.find("thank_you", True)  # the call script is still one key away


def test_a_check_in_starts_as_a_call_for_a_phone_person() -> None:
    cal = BusinessCalendar(NY)
    i = replace(interview(at(5, 14)), channel=Channel.PHONE)
    now = at(13, 9)
    check_in = next(a for a in standing(i, STANDARD, now, cal).actions if a.step is Step.CHECK_IN)
    composition = compose(i, check_in, ME, now=now, calendar=cal, policy=STANDARD)
    assert composition is not None and composition.template.phone
