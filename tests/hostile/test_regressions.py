"""Crashes the monkey found, each replayed as the exact sequence that caused it."""

from __future__ import annotations

import asyncio

import pytest
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.widgets import Input

from followup_tui.app.screens.dialogs import EventDialog
from followup_tui.app.screens.help import HelpScreen
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.workarounds import SteadyCommandPalette, _search
from tests.app.conftest import AppFactory
from tests.app.helpers import settle


async def test_a_palette_command_for_a_screen_covered_meanwhile_leaves_the_top_one_alone(
    make_app: AppFactory,
) -> None:
    # Seed 20261104: from the palette over the help screen, "Close" was picked; the palette
    # runs a command a moment after it closes, and by then ctrl+p had opened it again. The
    # help screen's close then closed the palette instead and kept the help screen with its
    # result already given: the next escape crashed the app (InvalidStateError).
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        close = next(c for c in app.get_system_commands(help_screen) if "Close" in c.title)
        close.callback()  # what the palette does once closed: the action runs a moment later
        app.action_command_palette()  # ctrl+p, read before that moment
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)  # the palette is still up
        assert help_screen in app.screen_stack
        await pilot.press("escape")  # closes the palette
        await pilot.pause()
        assert app.screen is help_screen
        await pilot.press("escape")  # closes the help screen (crashed here)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)


async def test_a_palette_search_while_the_palette_is_taken_down_stops_quietly(
    make_app: AppFactory,
) -> None:
    # Seeds 7 and 72, at quit: the palette was still attached to the app while its
    # widgets were already gone, so its search, finding no command list, took the error
    # for a real one and crashed the app on its way out (NoMatches('CommandList')).
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, SteadyCommandPalette)
        app.pop_screen()  # closing: its widgets go first, then the palette itself
        while palette.is_attached and palette.query(CommandList):
            await asyncio.sleep(0)  # one step of the loop at a time, until they are gone
        assert palette.is_attached  # the moment the search ran into
        with pytest.raises(NoMatches):
            await _search(palette, "qu")  # Textual's own search fails then...
        await palette._search_while_open("qu")  # ...ours stops quietly
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)


async def test_enter_in_a_dialog_read_after_the_palette_opened_leaves_the_palette_alone(
    make_app: AppFactory,
) -> None:
    # Seed 4242 on a busy machine: enter in the check-in dialog, then ctrl+p before the
    # dialog had handled the enter. The dialog's "submitted" then closed the palette in
    # its place and kept itself with its result already given: the next escape crashed the
    # app (InvalidStateError).
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")  # check-in, on the selected interview
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        dialog.post_message(Input.Submitted(dialog.query_one(Input), ""))  # enter, read...
        app.action_command_palette()  # ...and ctrl+p, both before the dialog catches up
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)  # the palette is still up
        await pilot.press("escape")  # closes the palette
        await settle(pilot)
        assert app.screen is dialog
        await pilot.press("escape")  # closes the dialog (crashed here)
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)
