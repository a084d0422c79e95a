"""Countdowns tick, badges change by themselves, and only what is on screen is recomputed."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.pilot import Pilot

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.main import MainScreen
from followup_tui.core.model import Interview
from followup_tui.core.standing import Standing

from .conftest import NOW, AppFactory, MovableClock, at, make, thanked
from .helpers import board_text, order


def main_screen(app: FollowupApp) -> MainScreen:
    """The board screen."""
    assert isinstance(app.screen, MainScreen)
    return app.screen


def count_standings(app: FollowupApp) -> list[str]:
    """Record the id of every interview whose standing is computed from now on."""
    calls: list[str] = []
    compute = app.standing

    def counted(interview: Interview, now: datetime) -> Standing:
        calls.append(interview.id)
        return compute(interview, now)

    app.board._standing_of = counted
    return calls


async def test_badges_change_by_themselves_and_say_so(make_app: AppFactory) -> None:
    clock = MovableClock(NOW)
    app = make_app(clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        assert order(app) == ["Hooli", "Initech", "Acme", "Globex", "Umbrella"]
        # Thursday 11:01: Acme's thank-you window closed at 11:00; Globex's check-in fell due.
        clock.instant = at(11, 5, 11, 1)
        main_screen(app).tick()
        await pilot.pause()
        assert sorted(notes) == ["Acme: thank-you late", "Globex: check-in due"]
        assert order(app) == ["Hooli", "Initech", "Globex", "Acme", "Umbrella"]
        text = board_text(app)
        assert "THANK-YOU LATE" in text and "CHECK-IN DUE" in text
        assert "late by 1m" in text


async def test_visible_countdowns_follow_the_clock(make_app: AppFactory) -> None:
    clock = MovableClock(NOW)
    app = make_app(clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        assert "20h left" in board_text(app)
        clock.instant = NOW + timedelta(hours=1, minutes=30)
        main_screen(app).tick()
        await pilot.pause()
        assert "18h 30m left" in board_text(app)
        assert notes == []  # a countdown moving is not news


async def test_a_pinned_clock_moves_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        rows = [app.board.row_at(i) for i in range(len(app.board))]
        calls = count_standings(app)
        main_screen(app).tick()
        await pilot.pause()
        assert calls == []
        assert [app.board.row_at(i) for i in range(len(app.board))] == rows


async def test_the_tick_recomputes_only_the_panes_on_screen(make_app: AppFactory) -> None:
    clock = MovableClock(NOW)
    start = at(10, 19)
    many = [
        make(f"Company {n:03d}", start + timedelta(minutes=n), events=thanked(start))
        for n in range(300)
    ]
    app = make_app(many, clock=clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        calls = count_standings(app)
        clock.instant = NOW + timedelta(minutes=1)
        screen.tick()
        await pilot.pause()
        on_screen = list(screen.panes.visible_indices())
        assert 0 < len(on_screen) <= 7
        visible_ids = {app.board.row_at(i).interview.id for i in on_screen}
        assert set(calls) == visible_ids
        await pilot.press("G")  # the bottom: now those panes are the ones ticked
        calls.clear()
        clock.instant += timedelta(minutes=1)
        screen.tick()
        assert "company-299" in calls and "company-000" not in calls
        assert len(calls) <= 7


async def test_a_night_away_is_one_notice_not_a_flood(make_app: AppFactory) -> None:
    clock = MovableClock(NOW)
    start = at(11, 4, 9)
    many = [make(f"Firm {n}", start + timedelta(minutes=n)) for n in range(6)]
    app = make_app(many, clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        clock.instant = at(11, 5, 12)  # every thank-you window has closed
        main_screen(app).tick()
        await pilot.pause()
        assert len(notes) == 1
        assert notes[0].startswith("6 badges changed: ")
        assert "THANK-YOU DUE" not in board_text(app)


def many_firms() -> list[Interview]:
    """400 interviews on one morning: their thank-you windows close overnight together."""
    start = at(11, 4, 9)
    return [make(f"Firm {n:03d}", start + timedelta(minutes=n % 50)) for n in range(400)]


async def caught_up(app: FollowupApp, pilot: Pilot[None], now: datetime) -> None:
    """Let frames pass until the board has taken in every badge due by ``now`` (a bound
    on the frames, so a board that never catches up fails the test, not the run)."""
    for _ in range(400):
        if not app.board.behind(now):
            return
        await pilot.pause()


async def test_a_day_boundary_of_many_badges_spreads_over_frames_with_one_notice(
    make_app: AppFactory,
) -> None:
    clock = MovableClock(NOW)
    app = make_app(many_firms(), clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        screen = main_screen(app)
        calls = count_standings(app)
        clock.instant = at(11, 5, 12)  # every thank-you window has closed
        screen.tick()
        assert 0 < len(calls) < 400  # one batch now; the rest in the frames that follow
        assert notes == []  # told once, when every badge is in
        await caught_up(app, pilot, clock.instant)
        await pilot.pause()
        assert not app.board.behind(clock.instant)
        assert len(notes) == 1
        assert notes[0].startswith("400 badges changed: ")
        assert "THANK-YOU DUE" not in board_text(app)


async def test_a_day_boundary_reached_under_the_composer_is_in_the_board_after_it(
    make_app: AppFactory,
) -> None:
    clock = MovableClock(NOW)
    app = make_app(many_firms(), clock=clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is not screen
        clock.instant = at(11, 5, 12)  # every thank-you window has closed
        screen.tick()
        await caught_up(app, pilot, clock.instant)
        assert not app.board.behind(clock.instant)
        await pilot.press("escape")
        await pilot.pause()
        assert "THANK-YOU DUE" not in board_text(app)
        clock.instant += timedelta(minutes=1)
        screen.tick()  # ticks go on afterwards
        assert screen._last_tick == clock.instant
