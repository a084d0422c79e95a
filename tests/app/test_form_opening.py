"""The form opens without the cycle collector's pauses, and never leaves it off."""

from __future__ import annotations

import gc

from textual import events
from textual.widgets import TextArea

from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.fields import Field

from .conftest import AppFactory
from .helpers import order, settle


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


async def test_ctrl_s_typed_as_the_form_opens_saves_with_every_field(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        form = InterviewForm(app.board.row_at(0).interview)
        app.push_screen(form)
        form.action_save()  # before the form is even mounted, let alone its lower part
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)  # read with every field, saved, closed


async def test_the_rest_of_the_form_counts_as_unchanged_until_typed_in(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        await form.complete()
        assert not form.changed
        form.query_one("#notes", TextArea).insert("met the team")
        assert form.changed


async def test_keys_typed_with_e_go_into_the_first_field(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # As a terminal delivers keys typed together: all queued before the form is up.
        for key in ("e", "z", "y", "ctrl+s"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)  # saved and closed
        assert "zy" in order(app)  # as typed one by one (the name replaced: it was selected)


async def test_keys_typed_as_the_form_comes_up_go_into_the_first_field(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        form = InterviewForm(app.board.row_at(0).interview)
        app.push_screen(form)
        for key in "zy":  # read once the form is made, before its first field has the focus
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert form.query_one("#company", Field).text == "zy"
        await pilot.press("tab", "x")  # on the role field now: typed there, not ahead
        await settle(pilot)
        assert form.query_one("#company", Field).text == "zy"
