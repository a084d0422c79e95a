"""The floor for first paint and memory: the smallest Textual app that shows some text.

Run as a program (``python bare_app.py``); it shows :data:`MARKER` and quits on ``q``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "bare-textual-ready"
"""The text whose appearance in the terminal marks the first frame."""


class BareApp(App[None]):
    """One Static; ``q`` quits."""

    BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012 - Textual's own idiom

    def compose(self) -> ComposeResult:
        """The marker text."""
        yield Static(MARKER)


if __name__ == "__main__":
    BareApp().run()
