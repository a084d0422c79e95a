"""Text boxes that show control characters instead of sending them to the terminal; and
option lists that survive a tiny terminal (:func:`harden_option_lists`).

Textual draws what an ``Input`` or a ``TextArea`` holds as it is, so an escape code in a
value (imported, or pasted from a terminal) would reach the terminal raw and act: clear
the screen, set the window title, recolour everything after it. Screens that only *show*
user text clean it first (:mod:`followup_tui.app.text`), but a text box must keep the value
exactly as typed, or saving an untouched form would change the data.

So these boxes change only the drawing: each line they draw has every control character
swapped for its visible symbol (ESC becomes ␛) and every bidirectional override for �,
one character for one, so the cursor and the selection still fall on the right
characters. (Rich already drops BEL, BS, VT, FF and CR from what it draws.) The value
itself is never touched.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Input, OptionList, TextArea

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that reorder the text around them (embeddings, overrides, isolates, marks)."""


def visible_char(ch: str) -> str:
    """A control character's visible stand-in (one character); any other character as is."""
    if ch in BIDI_CONTROLS:
        return "\ufffd"
    if unicodedata.category(ch) != "Cc":
        return ch
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡ for DEL; C1 controls have no picture


def visible(text: str) -> str:
    """``text`` with every control character and bidi control made visible, one for one."""
    if text.isascii() and text.isprintable():
        return text  # the usual case, answered without looking at each character
    return "".join(visible_char(ch) for ch in text)


def visible_strip(strip: Strip) -> Strip:
    """``strip`` drawn with :func:`visible` text, cut back to the width it had."""
    segments = list(strip)
    if all(seg.control or visible(seg.text) == seg.text for seg in segments):
        return strip
    width = strip.cell_length
    shown = [
        seg if seg.control else Segment(visible(seg.text), seg.style, seg.control)
        for seg in segments
    ]
    # Control characters take no cells and their symbols take one: keep the line's width.
    return Strip(shown).crop(0, width)


class SafeInput(Input):
    """An ``Input`` whose drawing never holds a raw control character (its value may)."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with control characters made visible."""
        return visible_strip(super().render_line(y))


class SafeTextArea(TextArea):
    """A ``TextArea`` whose drawing never holds a raw control character (its text may)."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with control characters made visible."""
        return visible_strip(super().render_line(y))


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
