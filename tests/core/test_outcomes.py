"""The outcomes that matter most: offers, late replies, thank-yous a reply must not cancel,
and days counted from the day an interview started (DOMAIN.md, ladder 6-8 and "Days")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from followup_tui.core.board import rank
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import Channel, Event, EventKind, Interview, Outcome
from followup_tui.core.policy import STANDARD
from followup_tui.core.standing import Status, Step
from tests.core.conftest import at, ev, interview

THU_5 = at(5, 14)


def _unanswered_then_closed() -> Interview:
    """Thank-you, check-ins 1 and 2 unanswered, then the closing note (Thu 5 Nov, no timeline)."""
    return interview(
        THU_5,
        events=(
            ev(EventKind.THANK_YOU_SENT, at(5, 17), to="Dana Ruiz"),
            ev(EventKind.CHECK_IN_SENT, at(12, 10), channel=Channel.EMAIL),
            ev(EventKind.CHECK_IN_SENT, at(19, 10), channel=Channel.EMAIL),
            ev(EventKind.CLOSING_NOTE_SENT, at(27, 10)),
        ),
    )


def _reply(outcome: Outcome, when: datetime, **kw: object) -> Event:
    return ev(EventKind.REPLY, when, outcome=outcome, **kw)


def test_a_closed_interview_is_closed_for_no_response(cal: BusinessCalendar) -> None:
    s = standing(_unanswered_then_closed(), STANDARD, at(30, 9), cal)
    assert (s.status, s.reason) == (Status.CLOSED, "no response")


def test_an_offer_after_the_closing_note_reopens_it_as_an_offer(cal: BusinessCalendar) -> None:
    late = _unanswered_then_closed().with_event(_reply(Outcome.OFFER, at(30, 9)))
    assert standing(late, STANDARD, at(30, 12), cal).status is Status.OFFER


def test_a_rejection_after_the_closing_note_asks_for_thanks(cal: BusinessCalendar) -> None:
    late = _unanswered_then_closed().with_event(_reply(Outcome.REJECTED, at(30, 9)))
    s = standing(late, STANDARD, at(30, 12), cal)
    assert s.status is Status.SEND_THANKS
    assert [a.step for a in s.actions] == [Step.THANKS_AFTER_REJECTION]


def test_still_deciding_after_the_closing_note_restarts_the_ladder(cal: BusinessCalendar) -> None:
    reply = _reply(Outcome.STILL_DECIDING, at(30, 9), decision_by=date(2026, 12, 9))
    late = _unanswered_then_closed().with_event(reply)
    s = standing(late, STANDARD, at(30, 12), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 12, 14)  # 3 business days after Wed 9 Dec
    assert s.actions[0].label == "check-in 1 of 2"


def test_a_reply_in_the_window_leaves_the_other_thank_you_owed(cal: BusinessCalendar) -> None:
    i = interview(
        at(3, 10),
        names=("Dana Ruiz", "Sam Lee"),
        events=(
            ev(EventKind.THANK_YOU_SENT, at(3, 16), to="Dana Ruiz"),
            _reply(Outcome.STILL_DECIDING, at(4, 9)),
        ),
    )
    s = standing(i, STANDARD, at(4, 9, 30), cal)
    assert s.status is Status.THANK_YOU_DUE
    assert [a.label for a in s.actions] == ["thank-you to Sam Lee"]
    # Once the window has closed, a thank-you after their reply no longer matters.
    later = standing(i, STANDARD, at(4, 12), cal)
    assert later.status is Status.WAITING
    assert all(a.step is not Step.THANK_YOU for a in later.actions)


def test_a_late_night_interview_counts_from_the_day_it_started(cal: BusinessCalendar) -> None:
    # Thu 5 Nov 23:30 to Fri 6 Nov 00:30: five business days from Thursday is Thu 12 Nov.
    i = interview(at(5, 23, 30), events=(ev(EventKind.THANK_YOU_SENT, at(6, 9), to="Dana Ruiz"),))
    s = standing(i, STANDARD, at(9, 9), cal)
    assert s.status is Status.WAITING
    assert s.due == date(2026, 11, 12)
    assert s.overdue_after == date(2026, 11, 19)


def _offered(**kw: object) -> Interview:
    thanked = ev(EventKind.THANK_YOU_SENT, at(3, 16), to="Dana Ruiz")
    return interview(at(3, 10), events=(thanked, _reply(Outcome.OFFER, at(10, 11), **kw)))


def test_an_offer_is_open_and_asks_for_thanks_and_an_answer(cal: BusinessCalendar) -> None:
    s = standing(_offered(), STANDARD, at(10, 12), cal)
    assert s.status is Status.OFFER and s.status.is_open
    assert [a.step for a in s.actions] == [Step.OFFER_THANKS, Step.OFFER_ANSWER]
    assert all(a.due_now for a in s.actions)
    assert (s.due, s.countdown, s.changes_at) == (None, "", None)


def test_an_offer_counts_down_to_its_respond_by_day(cal: BusinessCalendar) -> None:
    offer = _offered(respond_by=date(2026, 11, 13))
    s = standing(offer, STANDARD, at(12, 0), cal)
    assert s.status is Status.OFFER
    assert s.due == date(2026, 11, 13)
    assert s.countdown == "2d to answer"  # to the end of Fri 13 Nov
    assert s.changes_at == at(14, 0)
    assert s.actions[-1].label == "answer the offer by Fri 13 Nov"
    past = standing(offer, STANDARD, at(16, 0), cal)
    assert (past.status, past.countdown) == (Status.OFFER, "answer was due 2d ago")


def test_thanks_for_the_offer_leaves_the_answer(cal: BusinessCalendar) -> None:
    thanked = _offered().with_event(ev(EventKind.THANKS_SENT, at(10, 15)))
    s = standing(thanked, STANDARD, at(10, 16), cal)
    assert s.status is Status.OFFER
    assert [a.step for a in s.actions] == [Step.OFFER_ANSWER]


def test_accepting_or_declining_closes_the_offer(cal: BusinessCalendar) -> None:
    for kind, reason in (
        (EventKind.OFFER_ACCEPTED, "offer accepted"),
        (EventKind.OFFER_DECLINED, "offer declined"),
    ):
        s = standing(_offered().with_event(ev(kind, at(11, 9))), STANDARD, at(11, 10), cal)
        assert (s.status, s.reason) == (Status.CLOSED, reason)


def test_rejected_then_thanked_then_an_offer_reopens_it(cal: BusinessCalendar) -> None:
    i = interview(
        at(3, 10),
        events=(
            _reply(Outcome.REJECTED, at(5, 9)),
            ev(EventKind.THANKS_SENT, at(5, 12)),
            _reply(Outcome.OFFER, at(20, 9)),
        ),
    )
    before = replace(i, events=i.events[:2])
    assert standing(before, STANDARD, at(5, 13), cal).reason == "thanked after rejection"
    assert standing(i, STANDARD, at(20, 10), cal).status is Status.OFFER


def _other(company: str, thanked_at: datetime) -> Interview:
    thanked = ev(EventKind.THANK_YOU_SENT, thanked_at, to="Dana Ruiz")
    return replace(interview(at(4, 10), events=(thanked,)), id=company.lower(), company=company)


def test_an_open_offer_lets_every_other_company_be_told(cal: BusinessCalendar) -> None:
    offer = _offered()
    others = [_other("Globex", at(4, 15)), _other("Initech", at(4, 16))]
    rows = {r.interview.company: r for r in rank([offer, *others], "standard", at(10, 12), cal)}
    assert next(iter(rows)) == "Acme"  # the offer first
    for company in ("Globex", "Initech"):
        labels = [a.label for a in rows[company].standing.actions]
        assert labels[-1] == f"tell {company} about your offer"
        assert not rows[company].standing.actions[-1].due_now  # optional
    assert all(a.step is not Step.UPDATE for a in rows["Acme"].standing.actions)
    # Once an update went to Globex after the offer, it is not offered again.
    told = others[0].with_event(ev(EventKind.UPDATE_SENT, at(10, 13)))
    again = {r.interview.company: r for r in rank([offer, told], "standard", at(10, 14), cal)}
    assert all(a.step is not Step.UPDATE for a in again["Globex"].standing.actions)


def test_an_accepted_offer_asks_to_withdraw_from_the_rest(cal: BusinessCalendar) -> None:
    accepted = _offered().with_event(ev(EventKind.OFFER_ACCEPTED, at(11, 9)))
    other = _other("Globex", at(4, 15))
    rows = {r.interview.company: r for r in rank([accepted, other], "standard", at(11, 10), cal)}
    first = rows["Globex"].standing.actions[0]
    assert (first.step, first.label, first.due_now) == (
        Step.WITHDRAW,
        "withdraw from Globex",
        True,
    )
    assert rows["Acme"].standing.reason == "offer accepted"
    assert rows["Acme"].standing.actions == ()
    withdrawn = other.with_event(ev(EventKind.WITHDREW, at(11, 11)))
    rows = {
        r.interview.company: r for r in rank([accepted, withdrawn], "standard", at(11, 12), cal)
    }
    assert rows["Globex"].standing.reason == "withdrew"


def _panel_replied(outcome: Outcome) -> Interview:
    """Dana thanked, Sam not; they reply with ``outcome`` the next morning."""
    return interview(
        at(3, 10),
        names=("Dana Ruiz", "Sam Lee"),
        events=(
            ev(EventKind.THANK_YOU_SENT, at(3, 16), to="Dana Ruiz"),
            _reply(outcome, at(4, 9)),
        ),
    )


@pytest.mark.parametrize(
    ("outcome", "badge", "then"),
    [
        (Outcome.OFFER, Status.OFFER, Step.OFFER_THANKS),
        (Outcome.REJECTED, Status.THANK_YOU_DUE, Step.THANKS_AFTER_REJECTION),
        (Outcome.NEXT_ROUND, Status.THANK_YOU_DUE, None),
    ],
)
def test_an_outcome_leaves_a_thank_you_owed_while_its_window_is_open(
    cal: BusinessCalendar, outcome: Outcome, badge: Status, then: Step | None
) -> None:
    i = _panel_replied(outcome)
    s = standing(i, STANDARD, at(4, 9, 30), cal)
    assert s.status is badge
    assert s.actions[0].label == "thank-you to Sam Lee"
    assert [a.step for a in s.actions[1:2]] == ([then] if then else [])
    assert s.changes_at is not None and s.changes_at <= at(4, 11)  # when the window closes
    later = standing(i, STANDARD, at(4, 12), cal)
    assert all(a.step is not Step.THANK_YOU for a in later.actions)


def test_once_an_offer_is_accepted_the_rest_are_wound_down_gracefully(
    cal: BusinessCalendar,
) -> None:
    accepted = _offered().with_event(ev(EventKind.OFFER_ACCEPTED, at(11, 9)))
    overdue = _other("Globex", at(4, 15))  # its check-in is long overdue by the 30th
    second = replace(_offered(), id="initech", company="Initech")
    rejected = replace(
        interview(at(4, 10), events=(_reply(Outcome.REJECTED, at(5, 9)),)), id="x", company="X"
    )
    rows = {
        r.interview.company: r
        for r in rank([accepted, overdue, second, rejected], "standard", at(30, 9), cal)
    }
    globex = rows["Globex"].standing
    assert (globex.status, globex.countdown) == (Status.MOVE_ON, "")
    assert [a.label for a in globex.actions] == ["withdraw from Globex"]
    offer = rows["Initech"].standing
    assert offer.status is Status.OFFER
    assert offer.actions[0].label == "decline the offer from Initech"
    assert [a.step for a in rows["X"].standing.actions] == [Step.THANKS_AFTER_REJECTION]


def test_no_news_of_an_offer_goes_to_a_company_that_said_no(cal: BusinessCalendar) -> None:
    rejected = replace(
        interview(at(4, 10), events=(_reply(Outcome.REJECTED, at(5, 9)),)), id="x", company="X"
    )
    rows = {
        r.interview.company: r for r in rank([_offered(), rejected], "standard", at(10, 12), cal)
    }
    assert all(a.step is not Step.UPDATE for a in rows["X"].standing.actions)
