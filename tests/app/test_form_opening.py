"""The form opens without the cycle collector's pauses, and never leaves it off."""

from __future__ import annotations

import gc

from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.main import MainScreen

from .conftest import AppFactory


async def test_the_collector_is_back_on_once_the_form_is_drawn(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        assert gc.isenabled()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert gc.isenabled()


async def test_a_form_closed_at_once_turns_the_collector_back_on(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", "escape")  # typed together, as an impatient user does
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert gc.isenabled()


async def test_a_collector_held_off_elsewhere_is_left_off(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        gc.disable()
        try:
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, InterviewForm)
            assert not gc.isenabled()
        finally:
            gc.enable()
