"""Badge colours, one per status, and a badge widget for screens other than the list.

The colours are theme variables, so every theme gets its own; the word is always drawn
too, so no status is told by colour alone.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from followup_tui.core.standing import Status

BADGE_RULES: dict[Status, str] = {
    Status.UPCOMING: "background: $primary; color: $text;",
    Status.THANK_YOU_DUE: "background: $warning; color: $text; text-style: bold;",
    Status.THANK_YOU_LATE: "background: $warning-darken-3; color: $text;",
    Status.WAITING: "background: $panel-lighten-2; color: $text;",
    # Fixed hues where themes give two statuses the same colour (accent = warning in some).
    Status.FOLLOW_UP_DUE: "background: darkcyan; color: $text; text-style: bold;",
    Status.OVERDUE: "background: $error; color: $text; text-style: bold;",
    Status.MOVE_ON: "background: mediumpurple; color: $text;",
    Status.SEND_THANKS: "background: $secondary-lighten-1; color: $text;",
    Status.OFFER: "background: $success; color: $text; text-style: bold;",
    Status.CLOSED: "background: $panel; color: $text-muted;",
}
"""Textual CSS declarations for each badge."""


def component_css(owner: str) -> str:
    """Rules styling the ``badge--<status>`` component classes of widget ``owner``."""
    return "\n".join(
        f"{owner} > .badge--{status.value} {{ {rule} }}" for status, rule in BADGE_RULES.items()
    )


class Badge(Static):
    """A status badge: its word in capitals on its colour."""

    DEFAULT_CSS = "Badge { width: auto; padding: 0 1; }\n" + "\n".join(
        f"Badge.-{status.value} {{ {rule} }}" for status, rule in BADGE_RULES.items()
    )

    def show(self, status: Status) -> None:
        """Show ``status``."""
        for other in Status:
            self.set_class(other is status, f"-{other.value}")
        self.update(Text(status.label.upper()))
