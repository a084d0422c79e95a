"""The agenda: each step owed or coming, on its own day, whatever the badge shows first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from followup_tui.core.agenda import agenda, entries_of
from followup_tui.core.board import standing_of
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import EventKind, Outcome
from followup_tui.core.standing import Status, Step
from tests.core.conftest import at, ev, interview


def placed(cal: BusinessCalendar, *args: object) -> dict[str, object]:
    entries = entries_of(*args, cal)  # type: ignore[arg-type]
    return {e.key.split("/", 1)[1]: e.deadline or e.day for e in entries}


def test_when_nothing_masks_it_the_check_in_day_is_the_ladders(cal: BusinessCalendar) -> None:
    # Worked example: thanked on the day, decide by Fri 6 Nov → check-in Wed 11 Nov.
    thanked = interview(
        at(3, 10),
        decision_by=date(2026, 11, 6),
        events=(ev(EventKind.THANK_YOU_SENT, at(3, 18)),),
    )
    now = at(9)
    assert placed(cal, thanked, "standard", now) == {"check-in-1": date(2026, 11, 11)}
    assert standing_of(thanked, "standard", now, cal).due == date(2026, 11, 11)


def test_an_owed_thank_you_does_not_hide_the_coming_check_in(cal: BusinessCalendar) -> None:
    late = interview(at(5, 14), names=("Dana Ruiz", "Lee Park"))
    now = at(11, 15)
    assert standing_of(late, "standard", now, cal).status is Status.THANK_YOU_LATE
    assert placed(cal, late, "standard", now) == {
        "thank-you": at(6, 15),
        "check-in-1": date(2026, 11, 12),
    }


def test_a_thank_you_lists_only_those_still_owed(cal: BusinessCalendar) -> None:
    half = interview(
        at(16, 10),
        names=("Dana Ruiz", "Lee Park"),
        events=(ev(EventKind.THANK_YOU_SENT, at(16, 12), to="Dana Ruiz"),),
    )
    (thanks,) = [e for e in entries_of(half, "standard", at(16, 13), cal) if e.deadline]
    assert thanks.title == "Thank-you to Lee Park, Acme"
    assert thanks.owed_from == at(16, 11) and thanks.is_owed(at(16, 13))


def test_the_closing_note_falls_on_the_day_the_ladder_moved_on(cal: BusinessCalendar) -> None:
    # Worked example: check-ins Thu 12 and Thu 19 Nov unanswered → move on from Thu 26 Nov.
    silent = interview(
        at(5, 14),
        events=(
            ev(EventKind.THANK_YOU_SENT, at(5, 18)),
            ev(EventKind.CHECK_IN_SENT, at(12, 10)),
            ev(EventKind.CHECK_IN_SENT, at(19, 10)),
        ),
    )
    for now in (at(27), at(28, month=12)):  # the same day, however late it is read
        assert standing_of(silent, "standard", now, cal).status is Status.MOVE_ON
        assert placed(cal, silent, "standard", now) == {"closing-note": date(2026, 11, 26)}


def test_a_rejection_owes_thanks_from_the_day_it_came(cal: BusinessCalendar) -> None:
    rejected = interview(
        at(3, 10),
        events=(
            ev(EventKind.THANK_YOU_SENT, at(3, 18)),
            ev(EventKind.REPLY, at(10, 16), outcome=Outcome.REJECTED),
        ),
    )
    (entry,) = entries_of(rejected, "standard", at(20), cal)
    assert entry.step is Step.THANKS_AFTER_REJECTION
    assert entry.key == "i1/thanks-after-rejection.r1" and entry.day == date(2026, 11, 10)
    assert entry.title == "Thank Dana Ruiz for their consideration, Acme"


def test_keep_warm_notes_keep_their_own_rhythm(cal: BusinessCalendar) -> None:
    warm = interview(
        at(2, 10),
        events=(
            ev(EventKind.THANK_YOU_SENT, at(2, 18)),
            ev(EventKind.CHECK_IN_SENT, at(9, 10)),
            ev(EventKind.CHECK_IN_SENT, at(16, 10)),
            ev(EventKind.KEEP_WARM_CHOSEN, at(23, 10)),
        ),
    )
    now = at(24)
    expected = standing_of(warm, "standard", now, cal).due
    assert placed(cal, warm, "standard", now) == {"keep-warm-1": expected}


def test_closed_and_archived_interviews_have_no_steps(cal: BusinessCalendar) -> None:
    withdrew = interview(at(3, 10), events=(ev(EventKind.WITHDREW, at(4)),))
    archived = replace(interview(at(3, 10)), archived=True)
    assert agenda([withdrew, archived], "standard", at(20), cal) == []


def test_an_open_offer_is_answered_by_its_day(cal: BusinessCalendar) -> None:
    came = ev(EventKind.REPLY, at(4), outcome=Outcome.OFFER, respond_by=date(2026, 11, 13))
    (entry,) = agenda([interview(at(3, 10), events=(came,))], "standard", at(5), cal)
    assert (entry.step, entry.day, entry.title) == (
        Step.OFFER_ANSWER,
        date(2026, 11, 13),
        "Answer the offer from Acme",
    )
    assert "by Fri 13 Nov" in entry.purpose
    undated = ev(EventKind.REPLY, at(4, 11), outcome=Outcome.OFFER)
    (entry,) = agenda([interview(at(3, 10), events=(undated,))], "standard", at(5), cal)
    assert (entry.day, entry.owed_from) == (date(2026, 11, 4), at(4, 11))
