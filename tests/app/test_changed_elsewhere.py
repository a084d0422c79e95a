"""The app takes in what a sync client or another window saved while it is open."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from followup_tui.app.app import FollowupApp
from followup_tui.storage.store import Store
from tests.support.board import NOW, make

from .conftest import AppFactory
from .helpers import order

PATIENCE = 2_000
"""Pauses to wait for a condition at most: a guard against a hang, never reached when well."""


async def until(pilot: Pilot[Any], condition: Any) -> None:
    """Pause until ``condition()`` holds (each pause lets the save thread and screen run)."""
    for _ in range(PATIENCE):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the condition never held")


def notices(app: FollowupApp) -> list[str]:
    """The text of every notification shown."""
    return [str(n.message) for n in app._notifications]


def add_elsewhere(data_file: Path, company: str) -> None:
    """Another device adds an interview; its sync client renames the new file over ours."""
    elsewhere = data_file.with_name("elsewhere.json")
    shutil.copyfile(data_file, elsewhere)
    with Store.open(elsewhere) as other:
        other.add(make(company, NOW - timedelta(days=1)))
    temp = data_file.with_name(".sync.tmp")
    shutil.copyfile(elsewhere, temp)
    os.replace(temp, data_file)


async def test_a_change_by_another_program_is_drawn(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        assert "Elsewhere" not in order(app)
        add_elsewhere(data_file, "Elsewhere")
        app.on_app_focus()  # as the terminal regains focus, or the timer fires
        await until(pilot, lambda: "Elsewhere" in order(app))
        assert any("changed by another program" in n for n in notices(app))
