"""Every key of the board, grouped, with what it does (built from the bindings themselves)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

_KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "end": "End",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "backspace": "Backspace",
    "slash": "/",
    "comma": ",",
    "question_mark": "?",
    "ctrl+p": "Ctrl+P",
    "ctrl+c": "Ctrl+C",
}


def keys_shown(binding: Binding) -> str:
    """A binding's keys as a person types them: "↓ j"."""
    return " ".join(_KEY_NAMES.get(key, key) for key in binding.key.split(","))


def screen_bindings(screen: Screen[object]) -> list[Binding]:
    """Every binding a screen class declares, its own first, then those it inherits."""
    found: list[Binding] = []
    for cls in type(screen).__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding not in found:
                found.append(binding)
    return found


def _groups() -> list[tuple[str, Iterable[BindingType]]]:
    from followup_tui.app.app import FollowupApp
    from followup_tui.app.screens.actions import InterviewScreen
    from followup_tui.app.screens.main import MainScreen
    from followup_tui.app.widgets.interview_list import InterviewList

    return [
        ("Move", InterviewList.BINDINGS),
        ("Act on the selected interview", InterviewScreen.BINDINGS),
        ("View", MainScreen.BINDINGS),
        ("App", [*FollowupApp.BINDINGS, Binding("ctrl+p", "", "Command palette")]),
    ]


def _rows(bindings: Iterable[BindingType]) -> list[tuple[str, str, str]]:
    """Each binding once: its keys, what it does, and the longer description."""
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.key in seen:
            continue
        seen.add(binding.key)
        rows.append((keys_shown(binding), binding.description, binding.tooltip))
    return rows


class HelpScreen(ModalScreen[None]):
    """The keys, in a box over the board."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", tooltip="Back to the board"),
    ]

    def compose(self) -> ComposeResult:
        """A title and a table of keys per group, the columns lined up across the tables.

        The titles sit on lines of their own, not in the keys' column, so that column is
        only as wide as the longest key and every line fits an 80-column terminal.
        """
        groups = [(title, _rows(bindings)) for title, bindings in _groups()]
        every_row = [row for _, rows in groups for row in rows]
        key_width = max(len(keys) for keys, _, _ in every_row)
        name_width = max(len(name) for _, name, _ in every_row)
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            for title, rows in groups:
                yield Static(Text(title, style="bold underline"), classes="help-group")
                table = Table.grid(padding=(0, 2))
                table.add_column(justify="right", style="bold", no_wrap=True, width=key_width)
                table.add_column(no_wrap=True, width=name_width)
                table.add_column(style="dim")
                for row in rows:
                    table.add_row(*row)
                yield Static(table, classes="help-keys")
            yield Static(Text("Esc, q or ? closes this."), id="help-hint")

    def action_close(self) -> None:
        """Back to the board."""
        self.dismiss()
