"""A first run that asks: the first message composed asks who it is from, and signs with it."""

from __future__ import annotations

import tomllib

from textual.widgets import Select, TextArea

from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.screens.settings_screen import SettingsScreen
from followup_tui.app.widgets.fields import Field
from followup_tui.settings import settings_path

from .conftest import AppFactory
from .helpers import settle


async def test_the_first_compose_asks_and_the_message_signs_with_the_answer(
    make_app: AppFactory,
) -> None:
    app = make_app()
    app.asked_who = False  # a first run
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("j", "j", "c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SettingsScreen)
        await pilot.press(*"Alex Morgan")
        dialog.query_one("#highlight", Field).input.value = "I rebuilt our on-call"
        await pilot.press("ctrl+s")
        await settle(pilot)
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        body = composer.query_one("#composer-body", TextArea).text
        assert "[your name]" not in body
        assert body.rstrip().endswith("Alex Morgan")
        saved = tomllib.loads(settings_path().read_text(encoding="utf-8"))
        assert saved["name"] == "Alex Morgan"
        assert saved["highlight"] == "I rebuilt our on-call"


async def test_not_now_leaves_it_and_it_is_not_asked_again(make_app: AppFactory) -> None:
    app = make_app()
    app.asked_who = False
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("j", "j", "c")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert not settings_path().exists()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)


async def test_comma_on_the_board_and_the_palette_open_the_settings(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Settings (,)" in titles
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_policy_country_and_zone_are_checked_saved_and_count_from_the_next_start(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#timezone", Field).input.value = "Mars/Olympus"
        dialog.query_one("#country", Field).input.value = "de"
        dialog.query_one("#policy", Select).value = "patient"
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog  # the zone can't be read: nothing saved
        assert "not a known time zone" in dialog.query_one("#timezone", Field).error
        assert not settings_path().exists()
        dialog.query_one("#timezone", Field).input.value = "Europe/Berlin"
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = tomllib.loads(settings_path().read_text(encoding="utf-8"))
        assert (saved["policy"], saved["country"], saved["timezone"]) == (
            "patient",
            "DE",
            "Europe/Berlin",
        )
        assert app.settings.timezone == "America/New_York"  # the board's, until restarted
