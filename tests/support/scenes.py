"""The screens worth a picture: each scene's data, size and the keys that lead to it.

The snapshot tests (``tests/app/test_snapshots.py``) check every scene against its
baseline; ``scripts/screenshots.py`` saves the README's pictures from the scenes marked
``readme``. Both build the app with :func:`scene_app`, so a picture in the README is a
screen the tests check.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui.app.app import FollowupApp
from followup_tui.app.widgets.fields import Field
from followup_tui.clock import FixedClock
from followup_tui.core.model import Interview
from followup_tui.settings import Settings

from .board import NOW, SETTINGS, demo_board
from .factory import open_app, open_stores

Steps = Callable[[Pilot[Any]], Awaitable[None]]
"""What the user does once the board is on screen."""
Board = Callable[[datetime, Settings], Sequence[Interview]]
"""The interviews in the data file, given "now" and the user's settings."""

SIZE = (120, 40)
"""The terminal the scenes are drawn in: the size the app is made for."""
CLASSIC = (80, 24)
"""The classic terminal: every screen must be usable and readable in it too."""
ME = replace(SETTINGS, name="Alex Morgan", highlight="I rebuilt our on-call")
"""Settings after first-run setup: the user's name and highlight, for the composer."""


def no_interviews(now: datetime, settings: Settings) -> Sequence[Interview]:
    """An empty data file: the board a new user sees."""
    return ()


async def still(pilot: Pilot[Any]) -> None:
    """Stop every cursor blinking, so the picture doesn't depend on when it was taken."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def opened(pilot: Pilot[Any]) -> None:
    """Nothing pressed: the board as it opens."""
    await pilot.pause()


async def detail(pilot: Pilot[Any]) -> None:
    """The third pane's detail view (under the offer and the overdue check-in): a thank-you
    owed to two people."""
    await pilot.press("j", "j", "enter")
    await pilot.pause()


async def help_screen(pilot: Pilot[Any]) -> None:
    """The help: every key."""
    await pilot.press("question_mark")
    await pilot.pause()


async def form_with_an_error(pilot: Pilot[Any]) -> None:
    """A new interview whose date can't be read, saved anyway: the form says why."""
    from followup_tui.app.screens.form import InterviewForm

    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewForm)
    await screen.complete()
    for field_id, text in [
        ("company", "Wayne Enterprises"),
        ("role", "Data Analyst"),
        ("when", "03/04 10:00"),
        ("duration", "45m"),
        ("decision_by", "fri 13 nov"),
    ]:
        screen.query_one(f"#{field_id}", Field).input.value = text
    await pilot.press("ctrl+s")
    await still(pilot)


async def composer_with_a_finding(pilot: Pilot[Any]) -> None:
    """The third pane's thank-you (under the offer and the overdue check-in), with a pushy
    line added: the tone check finds it."""
    from followup_tui.app.screens.composer import ComposerScreen

    await pilot.press("j", "j", "c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ComposerScreen)
    area = screen.query_one("#composer-body", TextArea)
    area.move_cursor((area.document.line_count - 3, 0))
    await pilot.press(*"I need an answer ASAP.", "enter", "enter")
    await still(pilot)
    screen.check_tone()  # now, not after the pause in the typing it waits for
    await pilot.pause()


async def reply_dialog(pilot: Pilot[Any]) -> None:
    """``r`` on the first pane: the dialog logging their reply."""
    await pilot.press("r")
    await still(pilot)


async def log_dialog(pilot: Pilot[Any]) -> None:
    """``l`` on the first pane: the dialog logging any other event."""
    await pilot.press("l")
    await still(pilot)


async def mark_sent_unfilled(pilot: Pilot[Any]) -> None:
    """The third pane's thank-you to Dana (under the offer and the overdue check-in),
    greeting the other panelist, marked sent: it asks first."""
    await pilot.press("j", "j", "c")
    await pilot.pause()
    area = pilot.app.screen.query_one("#composer-body", TextArea)
    area.replace("Hi Lee,", (0, 0), (0, len("Hi Dana,")))
    pilot.app.screen.check_tone()  # type: ignore[attr-defined]
    await pilot.press("ctrl+l")
    await still(pilot)


async def settings_dialog(pilot: Pilot[Any]) -> None:
    """``,`` on the board: who the messages are from."""
    await pilot.press("comma")
    await still(pilot)


async def choose_interviewer(pilot: Pilot[Any]) -> None:
    """``t`` on the third pane, whose thank-yous are owed to two people: to whom, and when?"""
    await pilot.press("j", "j", "t")
    await pilot.pause()


@dataclass(frozen=True)
class Scene:
    """One screen, as a user gets to it."""

    name: str
    """Its name: the picture's file name (without ``.svg``) and the snapshot test's id."""
    steps: Steps
    """The keys pressed (and cursors stilled) once the board is on screen."""
    board: Board = demo_board
    """The interviews in the data file (the demo data set unless said otherwise)."""
    settings: Settings = SETTINGS
    """The user's settings."""
    size: tuple[int, int] = SIZE
    """The terminal's columns and lines."""
    read_only: bool = False
    """Opened as a second window, while another holds the data file."""
    readme: bool = False
    """One of the README's pictures in ``screenshots/``."""


SCENES = (
    Scene("main", opened, readme=True),
    Scene("detail", detail, readme=True),
    Scene("help", help_screen, readme=True),
    Scene("form-error", form_with_an_error, readme=True),
    Scene("composer", composer_with_a_finding, settings=ME, readme=True),
    Scene("reply-dialog", reply_dialog),
    Scene("choose-interviewer", choose_interviewer),
    Scene("mark-sent-unfilled", mark_sent_unfilled, settings=ME),
    Scene("empty-board", opened, board=no_interviews),
    Scene("read-only", opened, read_only=True),
    Scene("main-80x24", opened, size=CLASSIC),
    Scene("read-only-80x24", opened, read_only=True, size=CLASSIC),
    Scene("detail-80x24", detail, size=CLASSIC),
    Scene("help-80x24", help_screen, size=CLASSIC),
    Scene("form-error-80x24", form_with_an_error, size=CLASSIC),
    Scene("composer-80x24", composer_with_a_finding, settings=ME, size=CLASSIC),
    Scene("composer-60x20", composer_with_a_finding, settings=ME, size=(60, 20)),
    Scene("reply-dialog-80x24", reply_dialog, size=CLASSIC),
    Scene("reply-dialog-60x20", reply_dialog, size=(60, 20)),
    Scene("log-dialog-60x20", log_dialog, size=(60, 20)),
    Scene("choose-interviewer-80x24", choose_interviewer, size=CLASSIC),
    Scene("mark-sent-unfilled-80x24", mark_sent_unfilled, settings=ME, size=CLASSIC),
    Scene("settings-80x24", settings_dialog, settings=ME, size=CLASSIC),
)
"""Every scene: the README's pictures first."""


@contextlib.contextmanager
def scene_app(
    scene: Scene, folder: Path, now: datetime = NOW, zone: str | None = None
) -> Iterator[FollowupApp]:
    """The app for ``scene`` on a data file in ``folder``, pinned at ``now`` (in ``zone``,
    if given, instead of the scene's); the data file is closed afterwards."""
    settings = scene.settings if zone is None else replace(scene.settings, timezone=zone)
    interviews = scene.board(now, settings)
    stores = open_stores(folder / "followup.json", interviews, read_only=scene.read_only)
    try:
        yield open_app(stores[-1], settings, FixedClock(now))
    finally:
        for store in stores:
            store.close()
