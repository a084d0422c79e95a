"""Ctrl+c: copy what is selected, and otherwise what the screen makes of it, never a quit
that loses what was typed.

Textual's palette calls ctrl+c "Copy selected text", and terminals teach it as "interrupt".
followup honours both: with a selection it copies; without one, the board quits (nothing
there is unsaved), a screen with an ``action_interrupt`` decides for itself (the form asks
before throwing typing away, the composer copies its message), and any other screen takes it
as escape.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import Input, TextArea

from followup_tui.app import background, clipboard


def selected_text(screen: Screen[Any]) -> str:
    """The text selected in the focused box, or with the mouse on the screen ("" if none)."""
    focused = screen.focused
    if isinstance(focused, TextArea | Input) and focused.selected_text:
        return focused.selected_text
    return screen.get_selected_text() or ""


async def press_ctrl_c(app: App[Any], board: type[Screen[Any]]) -> None:
    """Copy the selection; else quit on ``board``, or do the screen's interrupt or escape."""
    screen = app.screen
    if text := selected_text(screen):

        async def run() -> None:
            copied = await clipboard.copy_text(app, text)
            app.notify(copied.describe("selected text"), markup=False, timeout=8)

        background.start(app, run, group="clipboard")
        return
    interrupt = getattr(screen, "action_interrupt", None)
    if callable(interrupt):
        interrupt()
    elif isinstance(screen, board):
        await app.action_quit()
    else:
        app.simulate_key("escape")
