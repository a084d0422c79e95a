"""What every screen looks like, pinned at one instant (pytest-textual-snapshot).

The scenes are the ones in ``tests/support/scenes.py``, the README's pictures among them.
Update after an intended change with ``pytest tests/app/test_snapshots.py --snapshot-update``
and look at the SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.scenes import SCENES, Scene, scene_app

Compare = Callable[..., bool]


@pytest.mark.parametrize("scene", SCENES, ids=[scene.name for scene in SCENES])
def test_scene(scene: Scene, tmp_path: Path, snap_compare: Compare) -> None:
    with scene_app(scene, tmp_path) as app:
        assert snap_compare(app, terminal_size=scene.size, run_before=scene.steps)
