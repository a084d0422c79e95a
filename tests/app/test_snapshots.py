"""What the main views look like, pinned at one instant (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/app/test_snapshots.py --snapshot-update``
and look at the SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from .conftest import AppFactory
from .helpers import fill

Compare = Callable[..., bool]
SIZE = (100, 30)


async def _no_blink(pilot: Pilot[Any]) -> None:
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_main_screen(make_app: AppFactory, snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_detail_view(make_app: AppFactory, snap_compare: Compare) -> None:
    async def open_acme(pilot: Pilot[Any]) -> None:
        await pilot.press("j", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_acme)


def test_help(make_app: AppFactory, snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 44), press=["question_mark"])


def test_form_with_an_error(make_app: AppFactory, snap_compare: Compare) -> None:
    async def bad_date(pilot: Pilot[Any]) -> None:
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "company", "Wayne Enterprises")
        await fill(pilot, "role", "Analyst")
        await fill(pilot, "when", "03/04 10:00")
        await fill(pilot, "duration", "45m")
        await pilot.press("ctrl+s")
        await _no_blink(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 34), run_before=bad_date)
