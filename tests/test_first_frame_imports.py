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

DRAW = """
import asyncio, sys


def draw(app):
    \"\"\"Draw the app's first frame; print its screen's class, then every module loaded.\"\"\"
    app.WARM_COMPOSER_AFTER = None  # loading the composer once idle is tested apart (test_warm)

    async def main():
        async with app.run_test() as pilot:
            await pilot.pause()
            print(type(app.screen).__name__)
            print(" ".join(sorted(sys.modules)))

    asyncio.run(main())
"""

PROBE = (
    DRAW
    + """
from pathlib import Path
from tests.support.board import standard_board
from tests.support.factory import open_app, open_stores

draw(open_app(open_stores(Path(sys.argv[1]), standard_board())[-1]))
"""
)


def board_drawn(probe: str, *args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules loaded once ``probe`` has drawn the board (it prints the screen's class
    and then the names of the modules)."""
    out = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    ).stdout.splitlines()
    assert out[-2] == "MainScreen"
    return set(out[-1].split())


def test_the_board_is_drawn_without_the_other_screens_modules(tmp_path: Path) -> None:
    loaded = board_drawn(PROBE, str(tmp_path / "followup.json"))
    assert "followup_tui.app.screens.main" in loaded
    assert "followup_tui.core.board" in loaded
    assert sorted(LATER & loaded) == []


FILE_READ = {"tinydb", "orjson", "followup_tui.core.codec", "followup_tui.core.ladder"}
"""What reading the data file and ranking its interviews take (with every
``followup_tui.storage`` module): a start from the standings cache draws its first frame
before them, since the cache holds every standing the frame shows."""

UNUSED_BY_THE_BOARD = {"calendar"}
"""Standard modules the board's first frame has no use for: its dates name their days and
months in English from ``core.dates``' own lists, whatever the locale."""

EARLY_PROBE = (
    DRAW
    + """
from followup_tui import cli

cli._interactive = lambda: True  # the probe's output is a pipe; the app gets run_test


def run_app(store, settings, clock, *, early=None):
    from followup_tui.app.app import FollowupApp

    assert store is None and early is not None, "the cache was warm: an early start"
    early.gate = asyncio.Event()  # never set: the file is not read
    draw(FollowupApp(store, settings, clock, early=early))
    return 0


cli._run_app = run_app
cli.main([])
"""
)


def test_a_start_from_the_cache_draws_its_first_frame_before_loading_the_file_reader(
    tmp_path: Path,
) -> None:
    from tests.hostile.terminal import Home, followup_argv
    from tests.support.board import standard_board
    from tests.support.store import write_data_file

    home = Home(tmp_path)
    write_data_file(home.db, standard_board())
    env = home.env()
    subprocess.run(followup_argv("status"), env=env, capture_output=True, check=True)
    loaded = board_drawn(EARLY_PROBE, env=env)
    assert "followup_tui.app.screens.main" in loaded
    reader = {m for m in loaded if m.split(".")[0] in FILE_READ or m in FILE_READ}
    reader |= {m for m in loaded if m.startswith("followup_tui.storage")}
    assert sorted(reader) == []
    assert sorted(UNUSED_BY_THE_BOARD & loaded) == []
