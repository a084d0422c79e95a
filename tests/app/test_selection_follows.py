"""The selection follows the interview acted on: undo selects what it restored, archive
moves to the next one down, and leaving the detail view comes back to its interview.

The standard board, top to bottom: Hooli (its offer open), Initech, Acme, Globex, Umbrella.
"""

from __future__ import annotations

from followup_tui.app.screens.detail import DetailScreen
from followup_tui.app.screens.main import MainScreen

from .conftest import AppFactory
from .helpers import order, selected, settle


async def test_archive_moves_down_and_undo_selects_the_restored_one(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert order(app) == ["Hooli", "Initech", "Acme", "Globex", "Umbrella"]
        await pilot.press("j", "j", "x")  # Acme
        await settle(pilot)
        assert "Acme" not in order(app)
        assert selected(app) == "Globex"
        await pilot.press("k")  # somewhere else meanwhile
        await pilot.press("u")
        await settle(pilot)
        assert selected(app) == "Acme"


async def test_archive_of_the_last_one_moves_up(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("G", "x")  # Umbrella
        await settle(pilot)
        assert selected(app) == "Globex"


async def test_archive_and_undo_in_the_detail_view_come_back_to_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "enter")  # Globex
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert selected(app) == "Globex"


async def test_leaving_the_detail_of_an_archived_one_selects_the_next_one_down(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "enter", "x")  # Acme
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert selected(app) == "Globex"
