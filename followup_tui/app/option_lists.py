"""Textual's option lists made to survive a tiny terminal (patched once, at start).

Its own module, not :mod:`followup_tui.app.safety`: the app calls this on start, and the
safe text boxes there import Textual's ``TextArea``, which the first frame doesn't need.
"""

from __future__ import annotations

from typing import Literal

from textual.geometry import Size
from textual.widgets import OptionList


def harden_option_lists() -> None:
    """Keep Textual's ``OptionList`` from crashing the app in a tiny terminal.

    Textual 8.2.8 raises from an option list (ours, a ``Select``'s drop-down, the command
    palette) when the terminal is a few cells wide or tall: laying out options in a width
    of zero divides by it (``ValueError``), and paging before any line is laid out looks
    up a line that isn't there (``KeyError``). Either would end the app. Here the list
    instead stays as it is until the terminal is big enough to lay it out again. Only
    those two failures are caught; the class is patched once, for the whole process.
    """
    if getattr(OptionList, "_followup_hardened", False):
        return
    update_lines = OptionList._update_lines
    content_height = OptionList.get_content_height
    move_page = OptionList._move_page

    def _update_lines(self: OptionList) -> None:
        try:
            update_lines(self)
        except ValueError:  # no width to lay options out in: done again on the next resize
            return

    def get_content_height(self: OptionList, container: Size, viewport: Size, width: int) -> int:
        try:
            return content_height(self, container, viewport, width)
        except ValueError:  # no width to lay options out in
            return 0

    def _move_page(self: OptionList, direction: Literal[-1, 1]) -> None:
        try:
            move_page(self, direction)
        except KeyError:  # nothing laid out yet, so no page to move by
            return

    OptionList._update_lines = _update_lines  # type: ignore[method-assign]
    OptionList.get_content_height = get_content_height  # type: ignore[method-assign]
    OptionList._move_page = _move_page  # type: ignore[method-assign]
    OptionList._followup_hardened = True  # type: ignore[attr-defined]
