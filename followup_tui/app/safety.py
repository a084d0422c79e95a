"""Text boxes that show control characters instead of sending them to the terminal.

Textual draws what an ``Input`` or a ``TextArea`` holds as it is, so an escape code in a
value (imported, or pasted from a terminal) would reach the terminal raw and act: clear
the screen, set the window title, recolour everything after it. Screens that only *show*
user text clean it first (:mod:`followup_tui.app.text`), but a text box must keep the value
exactly as typed, or saving an untouched form would change the data.

So these boxes change only the drawing, by the rule of :mod:`followup_tui.terminal_text`
for a text box: one character for one (ESC becomes ␛, a bidi override �), so the cursor
and the selection still fall on the right characters. The value itself is never touched.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input, TextArea

from followup_tui.terminal_text import TEXT_BOX, made_safe

__all__ = [
    "SafeInput",
    "SafeTextArea",
    "visible",
    "visible_strip",
]


def visible(text: str) -> str:
    """``text`` with every control character and bidi control made visible, one for one."""
    return made_safe(text, TEXT_BOX)


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
