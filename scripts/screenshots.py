"""Save SVG screenshots of the app's main views, from the demo data at a pinned time.

Run from the repository root::

    .venv/bin/python scripts/screenshots.py            # writes screenshots/*.svg
    .venv/bin/python scripts/screenshots.py --out /tmp/shots --now 2026-11-04T15:00:00-05:00

The views are the README scenes of ``tests/support/scenes.py``, which the snapshot tests
check too. The app is driven headless (Textual's test driver), so no terminal is needed,
and the same time, zone and theme give the same pictures on any machine; the user's own
config and data folders are never read.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the scenes live with the tests

from followup_tui.clock import parse_instant  # noqa: E402
from tests.support.scenes import SCENES, Scene, scene_app  # noqa: E402

DEFAULT_NOW = "2026-11-04T15:00:00-05:00"
DEFAULT_ZONE = "America/New_York"


async def shoot(scene: Scene, out: Path, now: str, zone: str) -> Path:
    """Open the app on the scene's data, play its keys, save ``out/<name>.svg``."""
    with tempfile.TemporaryDirectory(prefix="followup-shots-") as folder:
        # A templates file of the user's own would change the composer's text.
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")
        with scene_app(scene, Path(folder), parse_instant(now), zone) as app:
            async with app.run_test(size=scene.size) as pilot:
                await pilot.pause()
                await scene.steps(pilot)
                await app.workers.wait_for_complete()
                await pilot.pause()
                saved = app.save_screenshot(filename=f"{scene.name}.svg", path=str(out))
    return Path(saved)


def main() -> None:
    """Write every README screenshot and say where."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="folder for SVGs")
    parser.add_argument("--now", default=DEFAULT_NOW, help="the pinned instant (ISO 8601)")
    parser.add_argument("--zone", default=DEFAULT_ZONE, help="the user's time zone")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for scene in SCENES:
        if scene.readme:
            print(asyncio.run(shoot(scene, args.out, args.now, args.zone)))


if __name__ == "__main__":
    main()
