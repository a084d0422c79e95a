"""One interview drawn as a pane of three lines (Rich text only, no widgets).

::

    ▌ Acme · Product Manager · onsite                                  THANK-YOU DUE
    ▌ Dana Ruiz, Sam Lee · Tue 3 Nov 2026, 10:00                            5h left
    ▌ → thank-you to Dana Ruiz · thank-you to Sam Lee

Everything the user typed is cleaned (:mod:`followup_tui.app.text`) and placed in ``Text``
objects, so it can never be read as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import tzinfo

from rich.style import Style
from rich.text import Text

from followup_tui.app.text import clean_line
from followup_tui.core.board import Row
from followup_tui.core.dates import describe_datetime
from followup_tui.core.model import Interview
from followup_tui.core.standing import Standing, Status

PANE_LINES = 3
"""Lines of text in a pane (the list adds one blank line between panes)."""

BADGE_WIDTH = max(len(status.label) for status in Status) + 2
"""Every badge is this wide, so badges line up down the screen."""


@dataclass(frozen=True, slots=True)
class PaneStyles:
    """The styles a pane is drawn with (from the theme, via the list's CSS)."""

    base: Style
    """The pane's background and text."""
    bar: Style
    """The selection bar at the left edge."""
    company: Style
    """The company name."""
    muted: Style
    """Secondary text: the next step ahead, an empty field."""
    owed: Style
    """Actions owed now."""
    countdown: Style
    """The countdown."""
    badges: Mapping[Status, Style]
    """Each badge's colours."""


def badge_text(status: Status, style: Style, width: int = BADGE_WIDTH) -> Text:
    """The badge: its word in capitals, centred on its colour (never colour alone)."""
    return Text(status.label.upper().center(width), style=style)


def people(row: Row) -> str:
    """The interviewers' names, or a note that none was recorded."""
    names = [clean_line(p.name) for p in row.interview.interviewers if p.name.strip()]
    return ", ".join(names) if names else "no interviewer recorded"


def round_name(interview: Interview) -> str:
    """The round as the user named it; a later round not named yet is "next round"."""
    if interview.round.strip() or not interview.follows:
        return interview.round
    return "next round"


def action_text(standing: Standing) -> tuple[str, bool]:
    """The actions in plain words, and whether they are owed now (True) or ahead (False)."""
    owed = [a.label for a in standing.actions if a.due_now]
    if standing.reason == standing.status.label:  # the badge says it already
        standing = replace(standing, reason="")
    if owed:
        text = "→ " + " · ".join(owed)
        return (f"{text} · {standing.reason}" if standing.reason else text), True
    ahead = [a.label for a in standing.actions]
    if ahead:
        text = "next: " + ahead[0]
        return (f"{text} · {standing.reason}" if standing.reason else text), False
    return (standing.reason or standing.status.label), False


def _line(left: Text, right: Text, width: int, base: Style) -> Text:
    right = right.copy()
    if right.cell_len > width:
        right.truncate(width, overflow="ellipsis")
    room = width - right.cell_len - (1 if right.cell_len else 0)
    left = left.copy()
    if left.cell_len > room:
        left.truncate(max(room, 0), overflow="ellipsis")
    gap = width - left.cell_len - right.cell_len
    line = Text(style=base, no_wrap=True, end="")
    line.append_text(left)
    line.append(" " * max(gap, 0))
    line.append_text(right)
    return line


def pane_lines(
    row: Row, width: int, *, selected: bool, styles: PaneStyles, tz: tzinfo
) -> list[Text]:
    """The pane's three lines, each exactly ``width`` cells."""
    interview, standing = row.interview, row.standing
    base = styles.base
    bar = Text("▌ ", style=styles.bar) if selected else Text("  ")
    inner = max(width - 2, 0)

    title = Text(clean_line(interview.company) or "(no company)", style=styles.company)
    for part in (interview.role, round_name(interview)):
        if part.strip():
            title.append(" · ")
            title.append(clean_line(part))
    badge = badge_text(standing.status, styles.badges[standing.status])

    who = Text(people(row), style=styles.muted if not interview.interviewers else "")
    who.append(" · ")
    who.append(describe_datetime(interview.start, tz))
    countdown = Text(standing.countdown, style=styles.countdown)

    words, owed = action_text(standing)
    actions = Text(clean_line(words), style=styles.owed if owed else styles.muted)

    lines = []
    for left, right in ((title, badge), (who, countdown), (actions, Text())):
        line = Text(style=base, no_wrap=True, end="")
        line.append_text(bar)
        line.append_text(_line(left, right, inner, base))
        lines.append(line)
    return lines
