"""The detail view shows the dates that drive the ladder now: the decision date a reply
gave, and, while a thank-you is due, when the check-in falls due as well as turns overdue."""

from __future__ import annotations

from followup_tui.core.model import Event, EventKind, Outcome

from .conftest import AppFactory, at, make
from .helpers import static_text


async def test_the_decision_date_shown_is_the_one_their_reply_gave(make_app: AppFactory) -> None:
    reply = Event(EventKind.REPLY, at(10, 28), outcome=Outcome.STILL_DECIDING)
    moved = Event(
        EventKind.REPLY, at(10, 30), outcome=Outcome.STILL_DECIDING, decision_by=at(11, 13).date()
    )
    globex = make("Globex", at(10, 26), decision_by=at(10, 30).date(), events=(reply, moved))
    app = make_app([globex])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        record = static_text(app, "#record")
        line = next(line for line in record.splitlines() if "Decision by" in line)
        assert "Fri 13 Nov 2026" in line
        assert "their reply of Fri 30 Oct" in line
        assert "first Fri 30 Oct" in line


async def test_while_a_thank_you_is_due_the_check_in_day_is_shown_too(
    make_app: AppFactory,
) -> None:
    app = make_app([make("Acme", at(11, 4))])  # this morning: a thank-you is due
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        standing = static_text(app, "#standing")
        assert "thank-you" in standing
        assert "check-in 1 of 2 falls due on " in standing
        assert "turns overdue after" in standing


async def test_the_detail_shows_the_road_ahead_if_nobody_answers(make_app: AppFactory) -> None:
    thanked = Event(EventKind.THANK_YOU_SENT, at(10, 29, 17), to="Dana Ruiz")
    app = make_app([make("Globex", at(10, 29), events=(thanked,))])  # Thu 29 Oct, no timeline
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        road = next(line for line in static_text(app, "#standing").splitlines() if "nobody" in line)
        assert road == (
            "if nobody answers: check-in 1 of 2 Thu 5 Nov 2026 · "
            "check-in 2 of 2 Thu 12 Nov 2026 · closing note Thu 19 Nov 2026"
        )
