"""What the board needs is all the app imports before its first frame: every other screen,
and the rules only they use, load when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LATER = {
    "followup_tui.app.screens.composer",
    "followup_tui.app.screens.composer_choices",
    "followup_tui.app.screens.composer_sending",
    "followup_tui.app.screens.detail",
    "followup_tui.app.screens.dialogs",
    "followup_tui.app.screens.form",
    "followup_tui.app.screens.help",
    "followup_tui.app.screens.settings_screen",
    "followup_tui.core.choices",
    "followup_tui.core.compose",
    "followup_tui.core.templates",
    "followup_tui.core.tone",
    "followup_tui.core.tone_phrases",
    "followup_tui.ics",
    "followup_tui.remind",
    "followup_tui.serve",
    "followup_tui.spreadsheet",
}
"""Modules the board's first frame has no use for (each is imported by what needs it)."""

PROBE = """
import asyncio, sys
from pathlib import Path
from tests.support.board import standard_board
from tests.support.factory import open_app, open_stores

app = open_app(open_stores(Path(sys.argv[1]), standard_board())[-1])
app.WARM_COMPOSER_AFTER = None  # loading the composer once idle is tested apart (test_warm)

async def main():
    async with app.run_test() as pilot:
        await pilot.pause()
        print(type(app.screen).__name__)
        print(" ".join(sorted(sys.modules)))

asyncio.run(main())
"""


def test_the_board_is_drawn_without_the_other_screens_modules(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "followup.json")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.splitlines()
    screen, loaded = out[-2], set(out[-1].split())
    assert screen == "MainScreen"
    assert "followup_tui.app.screens.main" in loaded
    assert "followup_tui.core.board" in loaded
    assert sorted(LATER & loaded) == []
