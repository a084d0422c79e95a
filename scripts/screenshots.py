"""Save SVG screenshots of the app's main views, from the demo data at a pinned time.

Run from the repository root::

    .venv/bin/python scripts/screenshots.py            # writes screenshots/*.svg
    .venv/bin/python scripts/screenshots.py --out /tmp/shots --now 2026-11-04T15:00:00-05:00

The app is driven headless (Textual's test driver), so no terminal is needed, and the same
time, zone and theme give the same pictures on any machine.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from followup_tui.app.app import FollowupApp
from followup_tui.app.widgets.fields import Field
from followup_tui.clock import FixedClock, parse_instant
from followup_tui.demo import load_demo
from followup_tui.settings import Settings
from followup_tui.storage.store import Store

DEFAULT_NOW = "2026-11-04T15:00:00-05:00"
DEFAULT_ZONE = "America/New_York"
SIZE = (120, 40)

Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def _main_view(pilot: Pilot[Any]) -> None:
    await pilot.pause()


async def _detail(pilot: Pilot[Any]) -> None:
    await pilot.press("j", "enter")  # the second pane: a thank-you owed to two people
    await pilot.pause()


async def _help(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")
    await pilot.pause()


async def _form_with_error(pilot: Pilot[Any]) -> None:
    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    for field_id, text in [
        ("company", "Wayne Enterprises"),
        ("role", "Data Analyst"),
        ("when", "03/04 10:00"),
        ("duration", "45m"),
        ("decision_by", "fri 13 nov"),
    ]:
        screen.query_one(f"#{field_id}", Field).input.value = text
    await pilot.press("ctrl+s")
    for box in screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


async def _composer(pilot: Pilot[Any]) -> None:
    from dataclasses import replace

    from textual.widgets import TextArea

    from followup_tui.app.screens.composer import ComposerScreen

    app = pilot.app
    assert isinstance(app, FollowupApp)
    app.settings = replace(app.settings, name="Alex Morgan", highlight="I rebuilt our on-call")
    await pilot.press("j", "c")  # Acme Robotics: the thank-you to Dana Ruiz
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ComposerScreen)
    area = screen.query_one("#composer-body", TextArea)
    area.move_cursor((area.document.line_count - 3, 0))
    await pilot.press(*"I need an answer ASAP.", "enter", "enter")
    for box in screen.query("Input, TextArea"):
        box.cursor_blink = False  # type: ignore[attr-defined]
    screen.check_tone()  # now, not after the typing pause
    await pilot.pause()


VIEWS: dict[str, Steps] = {
    "main": _main_view,
    "detail": _detail,
    "help": _help,
    "form-error": _form_with_error,
    "composer": _composer,
}
"""Each screenshot's file name (without .svg) and the keys that lead to it."""


async def shoot(name: str, steps: Steps, out: Path, now: str, zone: str) -> Path:
    """Open the app on fresh demo data, play ``steps``, save ``out/name.svg``."""
    settings = Settings(timezone=zone, theme="textual-dark")
    instant = parse_instant(now)
    with tempfile.TemporaryDirectory(prefix="followup-shots-") as folder:
        store = Store.open(Path(folder) / "demo.json")
        try:
            store.import_interviews(load_demo(instant, settings.calendar()))
            app = FollowupApp(store, settings, FixedClock(instant))
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await steps(pilot)
                await app.workers.wait_for_complete()
                await pilot.pause()
                saved = app.save_screenshot(filename=f"{name}.svg", path=str(out))
        finally:
            store.close()
    return Path(saved)


def main() -> None:
    """Write every screenshot and say where."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="folder for SVGs")
    parser.add_argument("--now", default=DEFAULT_NOW, help="the pinned instant (ISO 8601)")
    parser.add_argument("--zone", default=DEFAULT_ZONE, help="the user's time zone")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, steps in VIEWS.items():
        print(asyncio.run(shoot(name, steps, args.out, args.now, args.zone)))


if __name__ == "__main__":
    main()
