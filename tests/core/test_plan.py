"""The road ahead if nobody answers, read from the ladder (DOMAIN.md worked examples)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import Channel, Event, EventKind, Interview, Outcome
from followup_tui.core.plan import Stop, plan
from followup_tui.core.policy import STANDARD, Policy
from tests.core.conftest import NY, at, ev, interview
from tests.core.test_ladder_properties import HOLIDAYS, instants, interviews, policies

THANKED_THU_5 = interview(
    at(5, 14), events=(ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),)
)


def test_no_timeline_check_ins_then_the_closing_note(cal: BusinessCalendar) -> None:
    assert plan(THANKED_THU_5, STANDARD, at(11, 12), cal) == [
        Stop("check-in 1 of 2", date(2026, 11, 12)),
        Stop("check-in 2 of 2", date(2026, 11, 19)),
        Stop("closing note", date(2026, 11, 26)),
    ]


def test_after_the_first_check_in_the_road_is_shorter(cal: BusinessCalendar) -> None:
    sent = THANKED_THU_5.with_event(ev(EventKind.CHECK_IN_SENT, at(12, 9), channel=Channel.EMAIL))
    assert plan(sent, STANDARD, at(13, 9), cal) == [
        Stop("check-in 2 of 2", date(2026, 11, 19)),
        Stop("closing note", date(2026, 11, 26)),
    ]


def test_a_thank_you_still_owed_is_supposed_sent_and_the_road_goes_past_it(
    cal: BusinessCalendar,
) -> None:
    owed = interview(at(3, 10), decision_by=date(2026, 11, 6))
    assert standing(owed, STANDARD, at(3, 15), cal).actions[0].label == "thank-you to Dana Ruiz"
    assert [s.day for s in plan(owed, STANDARD, at(3, 15), cal)] == [
        date(2026, 11, 11),
        date(2026, 11, 18),
        date(2026, 11, 25),
    ]


def test_a_step_due_already_is_today(cal: BusinessCalendar) -> None:
    assert plan(THANKED_THU_5, STANDARD, at(20, 9), cal)[0] == Stop(
        "check-in 1 of 2", date(2026, 11, 20)
    )


def test_nothing_ahead_for_an_offer_or_a_closed_interview(cal: BusinessCalendar) -> None:
    offer = THANKED_THU_5.with_event(ev(EventKind.REPLY, at(9, 9), outcome=Outcome.OFFER))
    withdrew = THANKED_THU_5.with_event(ev(EventKind.WITHDREW, at(9, 9)))
    assert plan(offer, STANDARD, at(10, 9), cal) == []
    assert plan(withdrew, STANDARD, at(10, 9), cal) == []


def _each_owed_thanked_by_name(interview: Interview, now: datetime) -> Interview:
    """The interview with a thank-you sent by name, at its end (or now), to each interviewer
    who has had none; as it is when one went to the whole panel."""
    sent = [e.to.strip().casefold() for e in interview.events if e.kind is EventKind.THANK_YOU_SENT]
    if "" in sent:
        return interview
    names = [p.name for p in interview.interviewers if p.name.strip()]
    owed = [n for n in names if n.strip().casefold() not in sent]
    if not names and not sent:
        owed = [""]
    at = max(interview.end, now)
    fresh = [Event(EventKind.THANK_YOU_SENT, at, to=name) for name in owed]
    return replace(interview, events=(*interview.events, *fresh))


@settings(max_examples=500, deadline=None)
@given(interviews(), policies, instants, st.booleans())
def test_the_road_is_the_one_after_every_thank_you_still_owed_is_sent(
    drawn: Interview, policy: Policy, now: datetime, holidays: bool
) -> None:
    cal = BusinessCalendar(NY, HOLIDAYS if holidays else frozenset())
    thanked = _each_owed_thanked_by_name(drawn, now)
    assert plan(drawn, policy, now, cal) == plan(thanked, policy, now, cal)
