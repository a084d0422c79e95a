"""The classic 80x24 terminal, and narrower: nothing important is cut off."""

from __future__ import annotations

from typing import Any

import pytest
from rich.table import Table
from textual.widgets import Button, Static, TextArea

from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.widgets.key_bar import KeyBar
from followup_tui.app.widgets.tone_panel import TonePanel
from tests.support.board import demo_board

from .conftest import AppFactory
from .test_key_bar import line_of, text_of


async def test_the_board_key_bar_keeps_help_and_quit_at_80_columns(
    make_app: AppFactory,
) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = text_of(line_of(bar))
        assert " ? Help " in text
        assert " q Quit " in text
        assert len(text) == 80
        assert text.index(" a Add ") < text.index(" ? Help ")


async def test_the_summary_fits_one_line_at_80_and_60_columns(make_app: AppFactory) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        summary = app.screen.query_one("#summary", Static)
        text = str(summary.render())
        assert len(text) <= 78, text
        assert "1 hidden" in text and "s" in text
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        text = str(summary.render())
        assert len(text) <= 58, text
        assert "7 due" in text


async def test_every_help_line_fits_80_columns(make_app: AppFactory) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        tables = list(app.screen.query(".help-keys").results(Static))
        assert len(tables) == 4
        for keys in tables:
            table = keys.content
            assert isinstance(table, Table)
            # One screen line per row: no key's description wrapped onto a second line.
            assert keys.size.height == table.row_count


async def open_composer(pilot: Any) -> ComposerScreen:
    """``c`` on the board's third pane (a thank-you owed to two people)."""
    await pilot.press("j", "j", "c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ComposerScreen)
    return screen


async def test_the_composer_puts_the_tone_check_under_the_message_at_80_columns(
    make_app: AppFactory,
) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_composer(pilot)
        body = screen.query_one("#composer-body", TextArea).region
        tone = screen.query_one(TonePanel).region
        assert body.width >= 70
        assert tone.y >= body.bottom and tone.height >= 2
        assert " esc Back " in text_of(line_of(screen.query_one(KeyBar)))


async def test_the_composer_at_60_by_20_keeps_the_text_wide_and_the_tone_behind_a_key(
    make_app: AppFactory,
) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_composer(pilot)
        area = screen.query_one("#composer-body", TextArea)
        tone = screen.query_one(TonePanel)
        assert area.region.width >= 50 and area.region.height >= 4
        assert not tone.region.height  # behind a key
        keys = text_of(line_of(screen.query_one(KeyBar)))
        assert " F2 Tone " in keys.replace("f2", "F2") and " ^l Mark sent " in keys
        await pilot.press("f2")
        await pilot.pause()
        assert tone.region.height >= 3
        await pilot.press("f2")
        await pilot.pause()
        assert not tone.region.height


async def test_a_dialog_scrolls_to_its_buttons_in_a_small_terminal(
    make_app: AppFactory,
) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        dialog = screen.query_one(".dialog")
        ok = screen.query_one("#ok", Button)
        ok.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert dialog.region.contains_region(ok.region)
        await pilot.press("enter")  # the button, there to be pressed: logs it
        await pilot.pause()
        assert app.screen is not screen


DIALOGS = {
    "reply": (("r",), "#outcome"),
    "check-in": (("f",), "#channel"),
    "snooze": (("z",), "#until Input"),
    "log another event": (("l",), "#kind"),
    "thank-you": (("j", "j", "t"), "#when Input"),  # enter alone logs it, now
    "discard the new interview?": (("a", "W", "escape"), "#no"),  # the safe answer
    "settings": (("comma",), "#name Input"),
}
"""The keys that open each dialog on the demo board, and the field it starts in."""


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize(("keys", "first"), DIALOGS.values(), ids=DIALOGS.keys())
async def test_a_dialog_opens_at_its_title_with_its_first_field_focused(
    make_app: AppFactory, size: tuple[int, int], keys: tuple[str, ...], first: str
) -> None:
    app = make_app(demo_board())
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        screen = app.screen
        dialog = screen.query_one(".dialog")
        title = screen.query_one(".dialog > .title")
        assert dialog.scroll_y == 0
        assert dialog.region.contains_region(title.region)
        assert screen.focused is screen.query_one(first)
        assert dialog.region.contains_region(screen.query_one(first).region)
        last = [w for w in dialog.query("*") if w.focusable][-1]  # a button, where there are
        while screen.focused is not last:  # tabbing to it brings it into view
            await pilot.press("tab")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert dialog.region.contains_region(last.region)


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)], ids=["120", "80", "60"])
async def test_the_read_only_notice_reads_in_full(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(demo_board(), read_only=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        summary = app.screen.query_one("#summary", Static)
        lines = [strip.text.rstrip() for strip in summary.render_lines(summary.region.reset_offset)]
        assert "read-only: another window is editing" in " ".join(lines)
        assert "7 due" in lines[0]
        assert all(len(line) <= size[0] for line in lines)
