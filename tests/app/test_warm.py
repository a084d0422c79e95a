"""Once the board is idle, the composer's modules load and its patterns are built, so the
first ``c`` of a session has nothing left to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from followup_tui.app.warm import COMPOSER_MODULES

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import asyncio, sys
from pathlib import Path
from tests.support.board import standard_board
from tests.support.factory import open_app, open_stores

app = open_app(open_stores(Path(sys.argv[1]), standard_board())[-1])
app.WARM_COMPOSER_AFTER = 0.01

async def main():
    async with app.run_test() as pilot:
        while not app.warmer.done:
            await pilot.pause(0.05)
        from followup_tui.core.tone_phrases import PHRASES, TYPOS
        print(type(app.screen).__name__)
        print(all(p.is_compiled for _, p, _ in PHRASES) and all(p.is_compiled for p, _ in TYPOS))
        print(" ".join(sorted(sys.modules)))
        before = set(sys.modules)
        await pilot.press("c")
        await pilot.pause()
        print(type(app.screen).__name__)
        print(" ".join(sorted(set(sys.modules) - before)))

asyncio.run(main())
"""


def test_the_composer_is_loaded_while_the_board_is_idle(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "followup.json")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,  # a hang fails rather than blocks the suite
    ).stdout.splitlines()
    board, compiled, loaded, composer, loaded_on_open = out[-5:]
    assert board == "MainScreen"
    assert compiled == "True"
    assert set(COMPOSER_MODULES) <= set(loaded.split())
    assert composer == "ComposerScreen"
    assert [m for m in loaded_on_open.split() if m.startswith("followup_tui")] == []
