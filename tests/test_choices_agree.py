"""The composer and ``followup compose`` offer the same messages, in the same order, at every
step of the ladder: both take them from :func:`followup_tui.core.choices.choices_for`."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.app.screens.composer_choices import choices_for
from followup_tui.core.board import Row, rank
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import review
from followup_tui.core.model import Event, EventKind, Interview, Outcome
from followup_tui.core.standing import Status, Step
from followup_tui.core.templates import BUILT_INS
from followup_tui.messages import composition, offered
from followup_tui.settings import Settings
from tests.core.conftest import NY, at, ev, interview
from tests.core.test_ladder_properties import instants, interviews

CAL = BusinessCalendar(NY)
SENDER = Settings(name="Alex Morgan", timezone="America/New_York")


def agree(row: Row, now: datetime) -> None:
    """``followup compose`` lists the composer's choices, and writes each one it is asked."""
    choices = choices_for(row.interview, row.standing)
    assert offered(row) == [c.action for c in choices]
    for choice in choices:
        composed = composition(
            row,
            SENDER,
            step=choice.action.step.value,
            to=None,
            wording=None,
            now=now,
            calendar=CAL,
            default_policy="standard",
            library=BUILT_INS,
        )
        assert composed.draft.body.strip()


ANSWERS = [
    (EventKind.OFFER_ACCEPTED, Step.OFFER_ACCEPT),
    (EventKind.OFFER_DECLINED, Step.OFFER_DECLINE),
]


@pytest.mark.parametrize(("answer", "step"), ANSWERS)
def test_after_answering_an_offer_the_answer_is_what_can_be_composed(
    answer: EventKind, step: Step
) -> None:
    # Once the offer is answered, an update ("I've received another offer; Acme is still
    # where I'd most like to be") or a keep-warm note would read wrong to that company:
    # what is left to write is the answer itself, in writing.
    now = at(20, 12)
    events = (*_reply(Outcome.OFFER), ev(answer, at(20, 11)))
    (row,) = rank([interview(START, names=PANEL, events=events)], "standard", now, CAL)
    (choice,) = choices_for(row.interview, row.standing)
    assert choice.action.step is step and not choice.owed
    first = composition(
        row,
        SENDER,
        step=step.value,
        to=None,
        wording=None,
        now=now,
        calendar=CAL,
        default_policy="standard",
        library=BUILT_INS,
    )
    for template in first.choices:
        composed = composition(
            row,
            SENDER,
            step=step.value,
            to=None,
            wording=template.variant,
            now=now,
            calendar=CAL,
            default_policy="standard",
            library=BUILT_INS,
        )
        draft = composed.draft
        assert draft.body.strip() and "another offer" not in draft.body
        assert review(draft.subject, draft.body, composed.tone) == []


PANEL = ("Dana Ruiz", "Lee Park")
START = at(5, 14)  # Thu 5 Nov 2026, no timeline stated: DOMAIN.md's worked example
THANKED = tuple(ev(EventKind.THANK_YOU_SENT, at(5, 18), to=name) for name in PANEL)
ASKED = (*THANKED, ev(EventKind.CHECK_IN_SENT, at(12, 10)), ev(EventKind.CHECK_IN_SENT, at(19)))


def _reply(outcome: Outcome) -> tuple[Event, ...]:
    return (*ASKED, ev(EventKind.REPLY, at(20, 10), outcome=outcome))


LADDER: list[tuple[str, tuple[Event, ...], datetime]] = [
    ("before the interview", (), at(4, 15)),
    ("thank-yous owed", (), at(5, 16)),
    ("one thank-you late", THANKED[:1], at(9, 9)),
    ("waiting", THANKED, at(9, 9)),
    ("first check-in due", THANKED, at(12, 9)),
    ("first check-in overdue", THANKED, at(20, 9)),
    ("second check-in due", (*THANKED, ev(EventKind.CHECK_IN_SENT, at(12, 10))), at(19, 9)),
    ("move on", ASKED, at(27, 9)),
    ("keeping warm", (*ASKED, ev(EventKind.KEEP_WARM_CHOSEN, at(27, 10))), at(30, 9)),
    ("rejected", _reply(Outcome.REJECTED), at(20, 12)),
    ("an offer", _reply(Outcome.OFFER), at(20, 12)),
    (
        "thanked for the offer",
        (*_reply(Outcome.OFFER), ev(EventKind.THANKS_SENT, at(20, 13))),
        at(20, 14),
    ),
    (
        "offer accepted",
        (*_reply(Outcome.OFFER), ev(EventKind.OFFER_ACCEPTED, at(20, 11))),
        at(20, 12),
    ),
    (
        "offer declined",
        (*_reply(Outcome.OFFER), ev(EventKind.OFFER_DECLINED, at(20, 11))),
        at(20, 12),
    ),
    ("advanced", _reply(Outcome.NEXT_ROUND), at(20, 12)),
    ("still deciding", _reply(Outcome.STILL_DECIDING), at(20, 12)),
]


def test_they_agree_at_every_step_of_the_ladder() -> None:
    seen: set[Status] = set()
    for name, events, now in LADDER:
        (row,) = rank([interview(START, names=PANEL, events=events)], "standard", now, CAL)
        seen.add(row.standing.status)
        agree(row, now)
        # An advanced round is written to from its next round: nothing is offered here.
        assert bool(choices_for(row.interview, row.standing)) == (name != "advanced"), name
    assert seen == set(Status)


def test_they_agree_beside_an_offer_elsewhere_and_after_one_is_accepted() -> None:
    now = at(20, 12)
    offer = replace(interview(START, events=_reply(Outcome.OFFER)), id="o", company="Hooli")
    waiting = interview(START, names=PANEL, events=THANKED)
    accepted = replace(offer, events=(*offer.events, ev(EventKind.OFFER_ACCEPTED, now)))
    for board in ([offer, waiting], [accepted, waiting]):
        for row in rank(board, "standard", now, CAL):
            agree(row, now)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(interviews(), min_size=1, max_size=3), instants)
def test_they_agree_on_generated_interviews(drawn: list[Interview], now: datetime) -> None:
    board = [replace(i, id=f"i{n}", company=f"Company {n}") for n, i in enumerate(drawn)]
    for row in rank(board, "standard", now, CAL):
        agree(row, now)
