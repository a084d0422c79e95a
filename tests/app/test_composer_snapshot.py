"""What the composer looks like with a finding in the tone panel (pytest-textual-snapshot).

Update after an intended change with
``pytest tests/app/test_composer_snapshot.py --snapshot-update`` and look at the SVG in
``__snapshots__`` before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui.app.screens.composer import ComposerScreen

from .conftest import AppFactory
from .test_composer import noted, signed

Compare = Callable[..., bool]


@pytest.fixture(autouse=True)
def no_user_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user template file; the tone check at once."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(ComposerScreen, "TONE_DELAY", 0.0)


async def pushy_thank_you(pilot: Pilot[Any]) -> None:
    """Open Acme's thank-you and add a pushy line at the end."""
    await pilot.press("j", "c")
    await pilot.pause()
    area = pilot.app.screen.query_one("#composer-body", TextArea)
    area.cursor_blink = False
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    area.move_cursor((area.document.line_count - 3, 0))
    await pilot.press(*"I need an answer ASAP.", "enter", "enter")
    await pilot.pause()


def test_composer_with_a_finding(make_app: AppFactory, snap_compare: Compare) -> None:
    app = signed(make_app(noted()))
    assert snap_compare(app, terminal_size=(120, 34), run_before=pushy_thank_you)
