"""Every worked example of DOMAIN.md (standard policy, no holidays)."""

from __future__ import annotations

from datetime import date

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import EventKind, Outcome
from followup_tui.core.policy import STANDARD
from followup_tui.core.standing import Status, Step
from tests.core.conftest import at, ev, interview

TUE_3 = interview(at(3, 10), decision_by=date(2026, 11, 6))
THU_5 = at(5, 14)


def test_thank_you_due_right_after_the_interview(cal: BusinessCalendar) -> None:
    s = standing(TUE_3, STANDARD, at(3, 15), cal)
    assert s.status is Status.THANK_YOU_DUE
    assert s.due == at(4, 11)
    assert s.countdown == "20h left"
    assert [a.label for a in s.actions] == ["thank-you to Dana Ruiz"]


def test_waiting_for_the_check_in_after_the_decision_date(cal: BusinessCalendar) -> None:
    thanked = TUE_3.with_event(ev(EventKind.THANK_YOU_SENT, at(3, 18), to="Dana Ruiz"))
    s = standing(thanked, STANDARD, at(9, 9), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 11, 11)
    assert s.countdown == "check-in in 1d 15h"
    assert s.actions[0].step is Step.CHECK_IN and not s.actions[0].due_now


def test_no_timeline_waits_five_business_days(cal: BusinessCalendar) -> None:
    i = interview(THU_5, events=(ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),))
    s = standing(i, STANDARD, at(11, 12), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 11, 12)
    assert s.overdue_after == date(2026, 11, 19)


def test_no_timeline_first_check_in_due_then_overdue(cal: BusinessCalendar) -> None:
    i = interview(THU_5, events=(ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),))
    assert standing(i, STANDARD, at(12, 8), cal).status is Status.FOLLOW_UP_DUE
    assert standing(i, STANDARD, at(19, 23), cal).status is Status.FOLLOW_UP_DUE
    late = standing(i, STANDARD, at(20, 1), cal)
    assert late.status is Status.OVERDUE
    assert late.countdown == "overdue by 1h"


def test_second_check_in_due_five_business_days_after_the_first(cal: BusinessCalendar) -> None:
    i = interview(
        THU_5,
        events=(
            ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),
            ev(EventKind.CHECK_IN_SENT, at(12, 10)),
        ),
    )
    s = standing(i, STANDARD, at(19, 9), cal)
    assert s.status is Status.FOLLOW_UP_DUE
    assert s.due == date(2026, 11, 19)
    assert [a.label for a in s.actions] == ["check-in 2 of 2"]


def test_two_unanswered_check_ins_mean_move_on(cal: BusinessCalendar) -> None:
    i = interview(
        THU_5,
        events=(
            ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),
            ev(EventKind.CHECK_IN_SENT, at(12, 10)),
            ev(EventKind.CHECK_IN_SENT, at(19, 10)),
        ),
    )
    s = standing(i, STANDARD, at(27, 9), cal)
    assert s.status is Status.MOVE_ON
    assert s.actions[0].step is Step.CLOSING_NOTE


def test_a_reply_with_a_new_date_resets_the_ladder(cal: BusinessCalendar) -> None:
    i = interview(
        THU_5,
        events=(
            ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),
            ev(EventKind.CHECK_IN_SENT, at(12, 10)),
            ev(EventKind.CHECK_IN_SENT, at(19, 10)),
            ev(
                EventKind.REPLY,
                at(20, 11),
                outcome=Outcome.STILL_DECIDING,
                decision_by=date(2026, 12, 2),
            ),
        ),
    )
    s = standing(i, STANDARD, at(27, 9), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 12, 7)
    assert s.actions[0].label == "check-in 1 of 2"
