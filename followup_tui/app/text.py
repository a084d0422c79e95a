"""User text made safe to draw: it can never restyle or break the screen.

Everything a user typed (company names, notes, interviewer names) goes through here before
it is drawn, and is drawn as ``rich.text.Text`` (never parsed as markup). What each
character becomes is the rule of :mod:`followup_tui.terminal_text`.
"""

from __future__ import annotations

from followup_tui.terminal_text import SCREEN_BLOCK, SCREEN_LINE, made_safe


def clean_line(text: str) -> str:
    """``text`` on one line, with every control character made visible or removed."""
    return made_safe(text, SCREEN_LINE)


def clean_block(text: str) -> str:
    """Like :func:`clean_line` but keeping line breaks (for notes and messages)."""
    return made_safe(text, SCREEN_BLOCK)
