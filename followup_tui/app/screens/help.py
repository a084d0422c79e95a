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


class HelpScreen(ModalScreen[None]):
    """The keys, in a box over the board."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", tooltip="Back to the board"),
    ]

    def compose(self) -> ComposeResult:
        """One table of keys per group."""
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        for title, bindings in _groups():
            table.add_row(Text(title, style="bold underline"), "", "")
            seen: set[str] = set()
            for binding in bindings:
                if not isinstance(binding, Binding) or binding.key in seen:
                    continue
                seen.add(binding.key)
                table.add_row(keys_shown(binding), binding.description, binding.tooltip)
            table.add_row("", "", "")
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(table)
            yield Static(Text("Esc, q or ? closes this."), id="help-hint")

    def action_close(self) -> None:
        """Back to the board."""
        self.dismiss()
