"""The ladder beyond the worked examples: every rung, every policy knob."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import EventKind, Outcome
from followup_tui.core.policy import PATIENT, PROMPT, STANDARD
from followup_tui.core.standing import Basis, Status, Step
from tests.core.conftest import NY, at, ev, interview

THU_5 = at(5, 14)
THANKED = ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz")


def test_upcoming_counts_down_to_the_interview(cal: BusinessCalendar) -> None:
    s = standing(interview(THU_5), STANDARD, at(3, 12), cal)
    assert s.status is Status.UPCOMING
    assert s.countdown == "in 2d 2h"
    assert s.due == THU_5
    assert s.changes_at == THU_5


def test_during_the_interview_it_is_still_upcoming(cal: BusinessCalendar) -> None:
    s = standing(interview(THU_5), STANDARD, at(5, 14, 20), cal)
    assert s.status is Status.UPCOMING
    assert s.countdown == "under way, ends in 40m"


def test_one_thank_you_per_interviewer(cal: BusinessCalendar) -> None:
    i = interview(THU_5, names=("Dana Ruiz", "Lee Park"))
    i = i.with_event(ev(EventKind.THANK_YOU_SENT, at(5, 16), to="dana ruiz"))
    s = standing(i, STANDARD, at(5, 18), cal)
    assert s.status is Status.THANK_YOU_DUE
    assert [a.recipient for a in s.actions] == ["Lee Park"]


def test_a_thank_you_without_recipient_covers_everyone(cal: BusinessCalendar) -> None:
    i = interview(THU_5, names=("Dana Ruiz", "Lee Park"))
    i = i.with_event(ev(EventKind.THANK_YOU_SENT, at(5, 16)))
    assert standing(i, STANDARD, at(5, 18), cal).status is Status.WAITING


def test_thank_you_turns_late_after_the_window(cal: BusinessCalendar) -> None:
    s = standing(interview(THU_5), STANDARD, at(6, 17), cal)
    assert s.status is Status.THANK_YOU_LATE
    assert s.countdown == "late by 2h"


def test_late_thank_you_and_due_check_in_show_the_check_in_first(cal: BusinessCalendar) -> None:
    s = standing(interview(THU_5), STANDARD, at(12, 9), cal)
    assert s.status is Status.FOLLOW_UP_DUE
    assert [a.step for a in s.actions] == [Step.CHECK_IN, Step.THANK_YOU]


def test_overdue_outranks_an_open_thank_you_window(cal: BusinessCalendar) -> None:
    # A second interview (new round) logged on the same record is not modelled; instead,
    # an agreed check-in far in the past and a fresh interview end: overdue wins.
    i = interview(THU_5, check_in_on=date(2026, 10, 1))
    s = standing(i, STANDARD, at(5, 16), cal)
    assert s.status is Status.OVERDUE
    assert {a.step for a in s.actions} == {Step.CHECK_IN, Step.THANK_YOU}


def test_an_agreed_check_in_date_is_kept_to_the_day(cal: BusinessCalendar) -> None:
    i = interview(THU_5, decision_by=date(2026, 11, 9), check_in_on=date(2026, 11, 16))
    i = i.with_event(THANKED)
    s = standing(i, STANDARD, at(16, 0, 5), cal)
    assert s.status is Status.FOLLOW_UP_DUE
    assert s.due == date(2026, 11, 16)
    assert s.actions[0].basis is Basis.AGREED
    assert standing(i, STANDARD, at(15, 23), cal).status is Status.WAITING


def test_an_agreed_date_on_a_weekend_falls_due_on_monday(cal: BusinessCalendar) -> None:
    i = interview(THU_5, check_in_on=date(2026, 11, 14)).with_event(THANKED)
    assert standing(i, STANDARD, at(13, 9), cal).due == date(2026, 11, 16)


def test_policies_change_the_grace(cal: BusinessCalendar) -> None:
    i = interview(THU_5, decision_by=date(2026, 11, 6)).with_event(THANKED)
    assert standing(i, PROMPT, at(6, 9), cal).due == date(2026, 11, 9)
    assert standing(i, STANDARD, at(6, 9), cal).due == date(2026, 11, 11)
    assert standing(i, PATIENT, at(6, 9), cal).due == date(2026, 11, 13)


def test_minimum_gap_after_an_update_pushes_the_check_in(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED).with_event(ev(EventKind.UPDATE_SENT, at(11, 10)))
    s = standing(i, STANDARD, at(12, 9), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 11, 16)


def test_waiting_for_an_answer_to_the_second_check_in(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(12, 10)))
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(19, 10)))
    s = standing(i, STANDARD, at(24, 9), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 11, 26)
    assert s.countdown == "move on in 1d 15h"


def test_closing_note_closes_as_no_response(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.CLOSING_NOTE_SENT, at(27, 10)))
    s = standing(i, STANDARD, at(28, 9), cal)
    assert (s.status, s.reason) == (Status.CLOSED, "no response")


def test_rejection_asks_for_thanks_then_closes(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(ev(EventKind.REPLY, at(10, 9), outcome=Outcome.REJECTED))
    s = standing(i, STANDARD, at(10, 12), cal)
    assert s.status is Status.SEND_THANKS
    assert s.actions[0].step is Step.THANKS_AFTER_REJECTION
    i = i.with_event(ev(EventKind.THANKS_SENT, at(10, 15)))
    assert standing(i, STANDARD, at(10, 16), cal).reason == "thanked after rejection"


def test_offer_and_next_round_and_withdrawal(cal: BusinessCalendar) -> None:
    base = interview(THU_5)
    offer = base.with_event(ev(EventKind.REPLY, at(9, 9), outcome=Outcome.OFFER))
    assert standing(offer, STANDARD, at(9, 12), cal).status is Status.OFFER
    nxt = base.with_event(ev(EventKind.REPLY, at(9, 9), outcome=Outcome.NEXT_ROUND))
    assert standing(nxt, STANDARD, at(9, 12), cal).reason == "advanced"
    gone = base.with_event(ev(EventKind.WITHDREW, at(9, 9)))
    assert standing(gone, STANDARD, at(9, 12), cal).reason == "withdrew"


def test_archived_is_closed(cal: BusinessCalendar) -> None:
    s = standing(replace(interview(THU_5), archived=True), STANDARD, at(12, 9), cal)
    assert (s.status, s.reason) == (Status.CLOSED, "archived")


def test_a_reply_without_a_date_restarts_as_no_timeline(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(12, 10)))
    i = i.with_event(ev(EventKind.REPLY, at(13, 10), outcome=Outcome.OTHER))
    s = standing(i, STANDARD, at(16, 9), cal)
    assert s.due == date(2026, 11, 20)
    assert s.actions[0].basis is Basis.NO_TIMELINE


def test_snooze_holds_the_next_step(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.SNOOZED, at(10, 9), until=date(2026, 11, 25)))
    s = standing(i, STANDARD, at(12, 9), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 11, 25)
    assert s.reason == "snoozed until Wed 25 Nov"
    assert standing(i, STANDARD, at(25, 9), cal).status is Status.FOLLOW_UP_DUE


def test_keep_warm_notes_then_move_on(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(12, 10)))
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(19, 10)))
    i = i.with_event(ev(EventKind.KEEP_WARM_CHOSEN, at(27, 10)))
    s = standing(i, STANDARD, at(27, 11), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 12, 10)  # 15 business days after the last check-in
    s = standing(i, STANDARD, at(10, 9, month=12), cal)
    assert s.status is Status.FOLLOW_UP_DUE
    assert s.actions[0].label == "keep-warm note 1 of 3"
    assert s.overdue_after is None
    for n, day in enumerate((10, 14, 18)):
        i = i.with_event(ev(EventKind.KEEP_WARM_SENT, at(day, 10, month=12 + n // 3)))
    assert standing(i, STANDARD, at(20, 9, month=12), cal).status is Status.MOVE_ON


@pytest.mark.parametrize("chosen_first", [True, False])
def test_keep_warm_outlasts_the_closing_note(cal: BusinessCalendar, chosen_first: bool) -> None:
    # DOMAIN ladder 9: keep-warm is chosen at "move on", beside the closing note; its notes
    # fall due after the last outreach (the closing note), three at most, then move on.
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(12, 10)))
    i = i.with_event(ev(EventKind.CHECK_IN_SENT, at(19, 10)))
    chosen = ev(EventKind.KEEP_WARM_CHOSEN, at(27, 9 if chosen_first else 11))
    i = i.with_event(chosen).with_event(ev(EventKind.CLOSING_NOTE_SENT, at(27, 10)))
    s = standing(i, STANDARD, at(27, 12), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 12, 18)  # 15 business days after the closing note
    s = standing(i, STANDARD, at(18, 9, month=12), cal)
    assert s.status is Status.FOLLOW_UP_DUE
    assert s.actions[0].label == "keep-warm note 1 of 3"
    for sent in (at(18, 10, month=12), datetime(2027, 1, 8, 10, tzinfo=NY)):
        i = i.with_event(ev(EventKind.KEEP_WARM_SENT, sent))
    s = standing(i, STANDARD, datetime(2027, 1, 29, 9, tzinfo=NY), cal)
    assert s.actions[0].label == "keep-warm note 3 of 3"
    i = i.with_event(ev(EventKind.KEEP_WARM_SENT, datetime(2027, 1, 29, 10, tzinfo=NY)))
    # The closing note already went out: after the last keep-warm note it is closed.
    s = standing(i, STANDARD, datetime(2027, 1, 29, 12, tzinfo=NY), cal)
    assert (s.status, s.reason) == (Status.CLOSED, "no response")


def test_closing_note_without_keep_warm_closes(cal: BusinessCalendar) -> None:
    i = interview(THU_5).with_event(THANKED)
    i = i.with_event(ev(EventKind.CLOSING_NOTE_SENT, at(27, 10)))
    s = standing(i, STANDARD, at(27, 12), cal)
    assert (s.status, s.reason) == (Status.CLOSED, "no response")


def test_holidays_are_not_business_days() -> None:
    cal = BusinessCalendar(NY, {date(2026, 11, 26), date(2026, 11, 27)})
    i = interview(at(19, 14)).with_event(ev(EventKind.THANK_YOU_SENT, at(19, 17)))
    s = standing(i, STANDARD, at(20, 9), cal)
    # Fri 20, Mon 23, Tue 24, Wed 25, (Thu 26 and Fri 27 off), Mon 30
    assert s.due == date(2026, 11, 30)


def test_countdowns_are_right_across_the_dst_change(cal: BusinessCalendar) -> None:
    # Clocks went back on Sun 1 Nov 2026: that day is 25 hours long in New York.
    i = interview(at(29, 14, month=10)).with_event(
        ev(EventKind.THANK_YOU_SENT, at(29, 17, month=10))
    )
    s = standing(i, STANDARD, at(31, 0, month=10), cal)
    assert s.due == date(2026, 11, 5)
    assert s.countdown == "check-in in 5d 1h"


def test_calendar_add_and_subtract_are_inverse_on_business_days() -> None:
    cal = BusinessCalendar(NY, {date(2026, 11, 26)})
    day = date(2026, 11, 20)
    for n in range(1, 15):
        assert cal.subtract(cal.add(day, n), n) == day
    assert cal.subtract(date(2026, 11, 28), 1) == date(2026, 11, 27)  # Saturday → Friday
    assert cal.between(date(2026, 11, 20), date(2026, 11, 30)) == 5
