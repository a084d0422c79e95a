"""What the app would send to the terminal, and the hostile text planted in the data.

:func:`rendered` draws the whole screen (the one on top and those showing under it, toasts
included) exactly as Textual does before writing it out, and returns its plain text plus
every control or format character found in the *text* of the output: the part that comes
from widgets, as opposed to the style and cursor codes Textual adds itself. A raw ESC
there would reach the terminal and act (clear the screen, set the title, recolour).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from textual.app import App

MARKUP = "[bold red]M[/]"
"""Rich markup: must show as these very characters."""
LINK = "[link=https://evil.example]L[/link]"
"""A markup hyperlink: must show as text, never become a link."""
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[31m"
"""Clear screen, set the window title, turn red."""
CONTROLS = "\x00\x08\x7f\x9b"
"""NUL, backspace, DEL and the one-byte CSI (a C1 control)."""
BIDI_TEXT = "\u202eRTL\u202c\u2066iso\u2069"
"""A right-to-left override and an isolate: could reorder what is shown."""

HOSTILE = MARKUP + LINK + ESCAPES + CONTROLS + BIDI_TEXT
"""Every trick at once, as one field's text."""
SEEN = "[bold red]M[/][link=https://evil.example]L[/link]"
"""The part of :data:`HOSTILE` that must be visible, literally, wherever it is shown."""


BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Every bidirectional embedding, override, isolate and mark (Unicode's Bidi_Control)."""


def acts_on_a_terminal(ch: str) -> bool:
    """True for a character that must never be drawn as it is: a control or a bidi control."""
    return (ch != "\n" and unicodedata.category(ch) == "Cc") or ch in BIDI


def hostile(tag: str) -> str:
    """The hostile text, labelled with ``tag`` so a test can tell fields apart."""
    return f"{tag}{HOSTILE}"


def shown(tag: str) -> str:
    """What must be on screen for the field labelled ``tag`` (its visible start)."""
    return f"{tag}{SEEN}"


@dataclass(frozen=True)
class Rendered:
    """One full frame."""

    text: str
    """The screen as plain text, one line per row."""
    raw: list[str]
    """Control and bidi characters found in the frame's text (should be none)."""
    links: list[str]
    """Hyperlinks the frame would create (should be none from user text)."""


def rendered(app: App[Any]) -> Rendered:
    """The frame Textual would write now, taken apart."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    # What App.export_screenshot draws: the screen on top over the ones showing beneath.
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None  # a full update always has something to draw
    raw: list[str] = []
    links: list[str] = []
    for segment in console.render(update):
        if segment.control:
            continue  # cursor moves Textual makes itself
        for ch in segment.text:
            if acts_on_a_terminal(ch):
                raw.append(f"U+{ord(ch):04X}")
        if segment.style is not None and segment.style.link:
            links.append(segment.style.link)
    console.print(update)
    return Rendered(console.export_text(styles=False), raw, links)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_inert(app: App[Any], *tags: str) -> str:
    """Assert the frame shows each tagged field literally and sends nothing raw; its text."""
    frame = rendered(app)
    assert frame.raw == [], f"raw control characters reach the terminal: {sorted(set(frame.raw))}"
    assert frame.links == []
    flat = _squeezed(frame.text)  # a long field may wrap (at a space, or anywhere)
    for tag in tags:
        assert _squeezed(shown(tag)) in flat, f"{tag!r} not shown literally"
    return frame.text
