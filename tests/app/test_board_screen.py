"""The board as a user meets it: order, summary, keys, filter, closed ones, tiny terminals."""

from __future__ import annotations

import gc
import importlib.util
from dataclasses import replace
from pathlib import Path

from textual.color import Color
from textual.widgets import Static

from followup_tui.app.screens.detail import DetailScreen
from followup_tui.app.screens.help import HelpScreen
from followup_tui.app.screens.main import MainScreen

from .conftest import AppFactory, at, make
from .helpers import board_text, order, plain, selected, static_text


async def test_open_interviews_most_urgent_first_under_a_summary(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert order(app) == ["Hooli", "Initech", "Acme", "Globex", "Umbrella"]
        summary = static_text(app, "#summary")
        assert "1 offer · 1 due · 1 overdue · 1 waiting · 1 upcoming" in summary
        assert "1 finished, hidden" in summary
        text = board_text(app)
        # Every badge has its word, and its countdown and next step in plain words.
        for words in ("OFFER", "OVERDUE", "THANK-YOU DUE", "WAITING", "UPCOMING"):
            assert words in text
        assert "overdue by 1d 15h" in text
        assert "20h left" in text
        assert "thank-you to Dana Ruiz · thank-you to Sam Lee" in text
        assert "Dana Ruiz, Sam Lee · Wed 4 Nov 2026, 10:00" in text


async def test_vim_and_arrow_keys_move_the_selection(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert selected(app) == "Hooli"  # an open offer comes first
        await pilot.press("j", "j")
        assert selected(app) == "Acme"
        await pilot.press("down", "down")
        assert selected(app) == "Umbrella"
        await pilot.press("down")  # already last: stays
        assert selected(app) == "Umbrella"
        await pilot.press("k")
        assert selected(app) == "Globex"
        await pilot.press("g")
        assert selected(app) == "Hooli"
        await pilot.press("G")
        assert selected(app) == "Umbrella"
        await pilot.press("up")
        assert selected(app) == "Globex"


async def test_closed_and_archived_are_tucked_away_behind_a_toggle(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert order(app)[0] == "Hooli"  # an open offer is never tucked away
        assert "Stark" not in order(app)
        await pilot.press("s")
        assert order(app)[-1:] == ["Stark"]
        assert "CLOSED" in board_text(app)
        await pilot.press("s")
        assert len(order(app)) == 5


async def test_filter_by_text_then_escape_clears_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "s", "a", "m")  # Sam Lee is only on Acme's panel
        assert order(app) == ["Acme"]
        assert "filter “sam”" in static_text(app, "#summary")
        await pilot.press("enter")  # keep the filter, back to the list
        assert order(app) == ["Acme"]
        await pilot.press("escape")
        assert order(app) == ["Hooli", "Initech", "Acme", "Globex", "Umbrella"]
        await pilot.press("slash", "z", "z", "z")
        assert order(app) == []
        assert "No interview matches" in static_text(app, "#empty")


async def test_an_empty_file_shows_a_welcome_not_a_blank_screen(make_app: AppFactory) -> None:
    app = make_app([])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        welcome = static_text(app, "#empty")
        assert "Press  a  to add one" in welcome
        assert "followup demo" in welcome
        # Keys that need an interview are off; adding still works.
        assert app.screen.check_action("thank_you", ()) is None
        assert app.screen.check_action("add", ()) is True


async def test_enter_opens_the_detail_with_the_record_and_timeline(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "enter")  # Globex
        assert isinstance(app.screen, DetailScreen)
        record = static_text(app, "#record")
        assert "Dana Ruiz · Head of Product · dana@example.com" in record
        timeline = static_text(app, "#timeline")
        assert "Thu 29 Oct 2026, 14:00  the interview" in timeline
        assert "thank-you sent to everyone" in timeline
        assert timeline.index("the interview") < timeline.index("thank-you sent")
        assert timeline.index("thank-you sent") < timeline.index("now: waiting")
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_lists_every_key_with_what_it_does(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 45)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        tables = app.screen.query(".help-keys").results(Static)
        text = "\n".join(plain(table.content) for table in tables)
        for keys, words in [
            ("↓ j", "Down"),
            ("z", "Snooze"),
            ("w", "Keep warm"),
            ("x", "Archive"),
            ("u", "Undo"),
            ("/", "Filter"),
            ("q", "Quit"),
        ]:
            assert any(keys in line and words in line for line in text.splitlines()), words
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_offers_the_keys_of_the_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Snooze (z)" in titles
        assert "Thank-you (t)" in titles


async def test_compose_opens_the_composer_or_says_it_is_not_there(make_app: AppFactory) -> None:
    app = make_app()
    notes: list[str] = []
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("c")
        await pilot.pause()
        if importlib.util.find_spec("followup_tui.app.screens.composer") is None:
            assert notes == ["The composer is not available yet"]
        else:
            assert type(app.screen).__name__ == "ComposerScreen"


async def test_a_tiny_terminal_and_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.resize_terminal(24, 6)
        await pilot.pause()
        await pilot.press("j")  # keys still work when only part of a pane fits
        assert selected(app) == "Globex"
        await pilot.resize_terminal(12, 3)
        await pilot.pause()
        await pilot.resize_terminal(110, 30)
        await pilot.pause()
        assert selected(app) == "Globex"
        assert "Globex · Product Manager" in board_text(app)


async def test_text_is_shown_as_text(make_app: AppFactory, data_file: Path) -> None:
    nasty = make(
        "[bold red]Acme[/]",
        at(11, 6),
        role="PM\x1b[2J\x1b[31m",
        notes="line one\n\x1b]0;pwned\x07 [link=x]y[/link]",
    )
    app = make_app([nasty])
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        text = board_text(app)
        assert "[bold red]Acme[/] · PM␛[2J␛[31m" in text
        await pilot.press("enter")
        record = static_text(app, "#record")
        assert "␛]0;pwned␇ [link=x]y[/link]" in record
        assert "\x1b" not in record


async def test_garbage_collection_is_back_on_once_the_board_is_drawn(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert order(app)  # the board is drawn
        assert gc.isenabled()


async def test_the_theme_from_the_settings_styles_the_board(make_app: AppFactory) -> None:
    app = make_app()
    app.settings = replace(app.settings, theme="nord")
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        summary = app.screen.query_one("#summary", Static)
        assert summary.styles.background == Color.parse(app.current_theme.panel or "")


async def test_a_screen_told_to_close_twice_leaves_the_board_showing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        help_screen.dismiss()
        help_screen.dismiss()  # as a second escape, queued before the first was handled
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert order(app) == ["Hooli", "Initech", "Acme", "Globex", "Umbrella"]
