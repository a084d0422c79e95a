"""Text boxes that show control characters instead of sending them to the terminal; and
option lists that survive a tiny terminal (:func:`harden_option_lists`, kept in
:mod:`followup_tui.app.option_lists` so the app can start without importing ``TextArea``).

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

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input, TextArea

from followup_tui.app.option_lists import harden_option_lists

__all__ = [
    "BIDI_CONTROLS",
    "SafeInput",
    "SafeTextArea",
    "harden_option_lists",
    "visible",
    "visible_char",
    "visible_strip",
]

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
