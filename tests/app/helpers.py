"""Small helpers for driving the app in tests."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.fields import Field


async def settle(pilot: Pilot[Any]) -> None:
    """Let background saves finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def order(app: FollowupApp) -> list[str]:
    """The companies on the board, top to bottom."""
    return [app.board.row_at(i).interview.company for i in range(len(app.board))]


def selected(app: FollowupApp) -> str | None:
    """The company of the selected pane."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    row = screen.panes.selected
    return row.interview.company if row else None


def board_text(app: FollowupApp) -> str:
    """The pane list as the user sees it (only the lines on screen)."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    panes = screen.panes
    return "\n".join(panes.render_line(y).text for y in range(panes.size.height))


def plain(renderable: Any, width: int = 120) -> str:
    """Any Rich renderable as plain text."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def static_text(app: FollowupApp, selector: str) -> str:
    """The text of a Static on the current screen."""
    return plain(app.screen.query_one(selector, Static).content)


async def fill(pilot: Pilot[Any], field_id: str, text: str) -> None:
    """Type ``text`` into a form field, replacing what was there."""
    screen = pilot.app.screen
    if isinstance(screen, InterviewForm):
        await screen.complete()  # its lower fields are mounted just after it opens
    field = screen.query_one(f"#{field_id}", Field)
    field.input.focus()
    field.input.value = text
    await pilot.pause()


def field_message(app: FollowupApp, field_id: str) -> str:
    """What is shown under a field: its reading, or its error."""
    return static_text(app, f"#{field_id} .readback")
