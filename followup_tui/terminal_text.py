"""The one rule for user text that could act on a terminal: which characters can, and what
each becomes on the screen, in a text box, in shell output and in JSON.

Text a user typed or imported may hold escape codes (clear the screen, set the window
title, recolour everything after), bidirectional overrides (reorder what is shown) and
other invisible characters. Every place that shows such text passes it through
:func:`made_safe` with the :class:`Output` it is written to. No Textual here: the command
line uses it without loading the app.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from enum import Enum

__all__ = [
    "BIDI_CONTROLS",
    "JSON",
    "SCREEN_BLOCK",
    "SCREEN_LINE",
    "SEPARATORS",
    "SHELL",
    "SHELL_TABLE",
    "TEXT_BOX",
    "Becomes",
    "Kind",
    "Output",
    "escape",
    "kind",
    "made_safe",
    "picture",
]

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that reorder the text around them (embeddings, overrides, isolates, marks)."""
SEPARATORS = frozenset("\u2028\u2029")
"""The Unicode line and paragraph separators."""

TAB_STOP = "    "
"""What a tab becomes on the screen."""


class Kind(Enum):
    """What a character could do to a terminal, or to the text around it."""

    TAB = "tab"
    """``\\t``."""
    LINE_BREAK = "line break"
    """``\\n``."""
    CARRIAGE_RETURN = "carriage return"
    """``\\r``: sends the cursor back over what was written."""
    CONTROL = "control"
    """Any other C0 control, DEL, or a C1 control: escape codes start with one."""
    BIDI = "bidi control"
    """One of :data:`BIDI_CONTROLS`."""
    SEPARATOR = "separator"
    """One of :data:`SEPARATORS`."""
    FORMAT = "format"
    """Any other invisible format character: zero-width space and joiner, soft hyphen..."""
    NOT_A_CHARACTER = "not a character"
    """A surrogate, a private-use or an unassigned code point."""


def kind(ch: str) -> Kind | None:
    """What ``ch`` could do, or None for a character that is shown as it is."""
    if ch == "\t":
        return Kind.TAB
    if ch == "\n":
        return Kind.LINE_BREAK
    if ch == "\r":
        return Kind.CARRIAGE_RETURN
    if ch in BIDI_CONTROLS:
        return Kind.BIDI
    if ch in SEPARATORS:
        return Kind.SEPARATOR
    category = unicodedata.category(ch)
    if category == "Cc":
        return Kind.CONTROL
    if category == "Cf":
        return Kind.FORMAT
    if category[0] == "C":
        return Kind.NOT_A_CHARACTER
    return None


class Becomes(Enum):
    """What a character of some :class:`Kind` is written as."""

    KEPT = "kept"
    """As it is."""
    DROPPED = "dropped"
    """Nothing."""
    SPACE = "space"
    """One space."""
    TAB_STOP = "tab stop"
    """:data:`TAB_STOP`."""
    PICTURE = "picture"
    """One visible symbol: see :func:`picture`."""
    ESCAPE = "escape"
    """Its code written out: see :func:`escape`."""


def picture(ch: str) -> str:
    """One visible symbol standing for ``ch``: its Unicode "control picture" (␛ for ESC,
    ␡ for DEL), or � for a character that has none (C1 controls, bidi controls)."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def escape(ch: str, *, json: bool = False) -> str:
    """``ch`` written as its code: ``\\xNN`` below 256, else ``\\uNNNN``; always
    ``\\uNNNN`` in JSON, which reads that back as the character."""
    code = ord(ch)
    if code < 0x100 and not json:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    if json:  # JSON spells a character beyond the first plane as its surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\U{code:08x}"


# Characters of these kinds can be listed, so a regular expression finds them quickly.
_LISTED: dict[Kind, str] = {
    Kind.TAB: "\t",
    Kind.LINE_BREAK: "\n",
    Kind.CARRIAGE_RETURN: "\r",
    Kind.CONTROL: "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f",
    Kind.BIDI: "".join(sorted(BIDI_CONTROLS)),
    Kind.SEPARATOR: "".join(sorted(SEPARATORS)),
}


class Output:
    """Where text is written, and so what each kind of character becomes there.

    A plain class, its regular expression compiled on first use: ``followup status``
    imports this module and should not pay for what it does not use.
    """

    __slots__ = ("_listed", "_pattern", "json", "name", "treats", "windows_line_ends")

    def __init__(
        self,
        name: str,
        treats: Mapping[Kind, Becomes],
        *,
        json: bool = False,
        windows_line_ends: bool = False,
    ) -> None:
        self.name = name
        """What this output is, for messages and tests."""
        self.treats = treats
        """What each kind becomes; a kind not named is kept."""
        self.json = json
        """Escapes spelled the JSON way (``\\uNNNN``)."""
        self.windows_line_ends = windows_line_ends
        """``\\r\\n`` counts as one line break."""
        changed = {k for k, becomes in treats.items() if becomes is not Becomes.KEPT}
        self._listed = (
            "".join(_LISTED[k] for k in Kind if k in changed) if changed <= _LISTED.keys() else None
        )
        self._pattern: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"Output({self.name!r})"

    def becomes(self, ch: str) -> Becomes:
        """What ``ch`` becomes in this output."""
        found = kind(ch)
        return Becomes.KEPT if found is None else self.treats.get(found, Becomes.KEPT)

    def write(self, ch: str) -> str:
        """``ch`` as this output writes it."""
        becomes = self.becomes(ch)
        if becomes is Becomes.KEPT:
            return ch
        if becomes is Becomes.PICTURE:
            return picture(ch)
        if becomes is Becomes.ESCAPE:
            return escape(ch, json=self.json)
        if becomes is Becomes.TAB_STOP:
            return TAB_STOP
        return " " if becomes is Becomes.SPACE else ""

    def _changed(self, text: str) -> str:
        if self._listed is None:  # some kinds are known by their Unicode category only
            return "".join([self.write(ch) for ch in text])
        if not self._listed:
            return text
        if self._pattern is None:
            self._pattern = re.compile(f"[{self._listed}]")
        return self._pattern.sub(lambda m: self.write(m[0]), text)


def made_safe(text: str, output: Output) -> str:
    """``text`` as ``output`` writes it: nothing in it can act on the terminal."""
    if text.isprintable():
        return text  # the usual case, answered in C: no character here is of any kind
    if output.windows_line_ends:
        text = text.replace("\r\n", "\n")
    return output._changed(text)


_SCREEN = {
    Kind.TAB: Becomes.TAB_STOP,
    Kind.LINE_BREAK: Becomes.SPACE,
    Kind.CARRIAGE_RETURN: Becomes.SPACE,
    Kind.CONTROL: Becomes.PICTURE,
    # Invisible anyway once drawn, and a bidi control could reorder the rest of the line.
    Kind.BIDI: Becomes.DROPPED,
    Kind.FORMAT: Becomes.DROPPED,
}

SCREEN_LINE = Output("screen line", _SCREEN)
"""A line of text drawn by the app (a company name, a title)."""
SCREEN_BLOCK = Output(
    "screen block",
    # Notes and messages span lines, typed on any system.
    _SCREEN | {Kind.LINE_BREAK: Becomes.KEPT},
    windows_line_ends=True,
)
"""Text of several lines drawn by the app (notes, a message)."""
TEXT_BOX = Output(
    "text box",
    # One character for one, so the cursor and selection stay on the right characters.
    {k: Becomes.PICTURE for k in (Kind.TAB, Kind.LINE_BREAK, Kind.CARRIAGE_RETURN)}
    | {Kind.CONTROL: Becomes.PICTURE, Kind.BIDI: Becomes.PICTURE},
)
"""What a text box draws of its value (the value itself is never changed)."""
SHELL = Output(
    "shell",
    # Tabs and line breaks only move the cursor on: messages may span lines.
    {k: Becomes.ESCAPE for k in (Kind.CARRIAGE_RETURN, Kind.CONTROL, Kind.BIDI, Kind.SEPARATOR)},
)
"""A message printed to the shell."""
JSON = Output("json", SHELL.treats, json=True)
"""Text made by ``json.dumps(..., ensure_ascii=False)``: it reads back as the same data."""
SHELL_TABLE = Output(
    "shell table",
    # A row stays one line, and no character takes fewer cells than it counts for.
    {
        k: Becomes.ESCAPE
        for k in (
            Kind.TAB,
            Kind.LINE_BREAK,
            Kind.CARRIAGE_RETURN,
            Kind.CONTROL,
            Kind.BIDI,
            Kind.FORMAT,
            Kind.NOT_A_CHARACTER,
        )
    },
)
"""A cell of the ``followup status`` table, or its one-line summary."""
