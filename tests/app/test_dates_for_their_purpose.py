"""Dates read for their purpose: a dialog logging what happened reads a bare weekday or
time as the most recent one; the form adding an interview reads it as the next one; both
show how they read it."""

from __future__ import annotations

from datetime import datetime

from followup_tui.clock import FixedClock
from followup_tui.core.model import EventKind

from .conftest import NY, AppFactory, standard_board
from .helpers import field_message, fill, settle

SUNDAY = datetime(2026, 11, 8, 15, 0, tzinfo=NY)
"""The Sunday after the standard board's week."""


async def test_a_reply_logged_on_sunday_for_thursday_is_last_thursday(
    make_app: AppFactory,
) -> None:
    app = make_app(standard_board(), clock=FixedClock(SUNDAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        interview = app.board.row_at(0).interview
        await pilot.press("r")
        await pilot.pause()
        await fill(pilot, "when", "thu 10am")
        assert field_message(app, "when").strip() == "→ Thu 5 Nov 2026, 10:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        last = app.store.get(interview.id).events[-1]
        assert last.kind is EventKind.REPLY
        assert last.at == datetime(2026, 11, 5, 10, 0, tzinfo=NY)


async def test_a_new_interview_on_thursday_is_next_thursday(make_app: AppFactory) -> None:
    app = make_app(standard_board(), clock=FixedClock(SUNDAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "when", "thu 10am")
        assert field_message(app, "when").strip() == "→ Thu 12 Nov 2026, 10:00"
        await fill(pilot, "when", "2pm")
        assert field_message(app, "when").strip() == "→ Mon 9 Nov 2026, 14:00"


MONDAY = datetime(2026, 11, 9, 15, 0, tzinfo=NY)
"""The Monday after the standard board's week, mid-afternoon."""


async def test_snoozing_until_mon_on_a_monday_is_a_week_ahead(make_app: AppFactory) -> None:
    app = make_app(standard_board(), clock=FixedClock(MONDAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        await fill(pilot, "until", "mon")
        assert field_message(app, "until").strip() == "→ Mon 16 Nov 2026"


async def test_a_reply_logged_on_a_monday_for_mon_is_today(make_app: AppFactory) -> None:
    app = make_app(standard_board(), clock=FixedClock(MONDAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await fill(pilot, "when", "mon 10am")
        assert field_message(app, "when").strip() == "→ Mon 9 Nov 2026, 10:00"


async def test_a_new_interview_on_a_monday_for_mon_is_the_next_one(make_app: AppFactory) -> None:
    app = make_app(standard_board(), clock=FixedClock(MONDAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "when", "mon 10am")
        assert field_message(app, "when").strip() == "→ Mon 16 Nov 2026, 10:00"
        await fill(pilot, "when", "mon 5pm")
        assert field_message(app, "when").strip() == "→ Mon 9 Nov 2026, 17:00"
