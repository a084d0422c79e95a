"""User text made safe to show: it can never restyle or break the screen.

Everything a user typed (company names, notes, interviewer names) goes through here before
it is drawn, and is drawn as ``rich.text.Text`` (never parsed as markup). Control
characters, escape codes included, are shown as visible symbols instead of being sent to
the terminal.
"""

from __future__ import annotations

import unicodedata

_TAB = "    "


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" for it, e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def _clean(text: str, keep_newlines: bool) -> str:
    out = []
    for ch in text:
        if ch == "\t":
            out.append(_TAB)
        elif ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in "\r\n":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf"):
            # Cf covers bidirectional overrides and zero-width marks that can reorder a line.
            out.append(_visible(ch) if unicodedata.category(ch) == "Cc" else "")
        else:
            out.append(ch)
    return "".join(out)


def clean_line(text: str) -> str:
    """``text`` on one line, with every control character made visible or removed."""
    return _clean(text, keep_newlines=False)


def clean_block(text: str) -> str:
    """Like :func:`clean_line` but keeping line breaks (for notes and messages)."""
    return _clean(text.replace("\r\n", "\n"), keep_newlines=True)
