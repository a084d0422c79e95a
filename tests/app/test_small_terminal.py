"""The classic 80x24 terminal, and narrower: nothing important is cut off."""

from __future__ import annotations

from rich.table import Table
from textual.widgets import Static

from followup_tui.app.widgets.key_bar import KeyBar
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
