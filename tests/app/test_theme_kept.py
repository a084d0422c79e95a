"""A theme picked in the palette is kept in the settings file, and the next start uses it."""

from __future__ import annotations

from dataclasses import replace

from textual.command import CommandPalette

from followup_tui.settings import load_settings, settings_path
from tests.support.desktop import Desktop

from .conftest import AppFactory, standard_board
from .helpers import settle


async def test_a_theme_picked_in_the_palette_is_there_next_time(
    make_app: AppFactory, quiet_desktop: Desktop
) -> None:
    app = make_app(standard_board())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not settings_path().exists()  # opening the app writes nothing
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"theme")
        await settle(pilot)
        await pilot.press("enter")  # Textual's "Theme" command: the list of themes
        await settle(pilot)
        await pilot.press(*"nord", "enter")
        await settle(pilot)
        assert app.theme == "nord"
    assert load_settings().theme == "nord"  # the board's tests show the settings' theme used


async def test_the_theme_of_the_settings_is_not_written_back(
    make_app: AppFactory, quiet_desktop: Desktop
) -> None:
    app = make_app(standard_board())
    app.settings = replace(app.settings, theme="gruvbox")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
    assert not settings_path().exists()
