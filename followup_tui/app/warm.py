"""Load the composer's modules while the board sits idle, so that the first ``c`` of a
session opens it as quickly as the later ones.

The board's first frame imports none of the composer's modules (they would slow every
start), so the first open used to pay ~50 ms of imports and ~20 ms of pattern compiling that
no later open pays. A second after the first frame, this does that work on the main thread in
small steps (one module, or one pattern, at a time), a timer tick apart: a key pressed
meanwhile waits for one step at most. Importing on a thread instead would fight the event
loop for the interpreter lock for the whole time.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator

from textual.app import App
from textual.timer import Timer

WARM_AFTER = 1.0
"""Seconds after the first frame before warming starts (start-up's own work is done)."""
STEP_EVERY = 0.02
"""Seconds between steps: room for a key press and a frame between any two."""

COMPOSER_MODULES = (
    "textual._text_area_theme",
    "textual._tree_sitter",
    "textual.document._document",
    "textual.document._document_navigator",
    "textual.document._edit",
    "textual.document._history",
    "textual.document._syntax_aware_document",
    "followup_tui.app.safety",
    "followup_tui.core.templates",
    "followup_tui.core.tone_phrases",
    "followup_tui.core.tone",
    "followup_tui.core.compose",
    "followup_tui.core.choices",
    "followup_tui.storage.drafts",
    "followup_tui.app.screens.composer_choices",
    "followup_tui.app.clipboard",
    "followup_tui.app.screens.composer_sending",
    "followup_tui.app.widgets.composer_heading",
    "followup_tui.app.widgets.key_bar",
    "followup_tui.app.widgets.pane",
    "followup_tui.app.widgets.tone_panel",
    "followup_tui.user_templates",
    "followup_tui.app.widgets.fields",
    "followup_tui.app.screens.settings_screen",  # the composer's first-run question
    "followup_tui.app.screens.composer",
)
"""What the composer imports, each after what it needs, so that each step is one module's
own cost (the last one pulls in anything this list has missed)."""


def warm_steps() -> Iterator[None]:
    """Import the composer's modules, then build the tone check's patterns, one per step."""
    for name in COMPOSER_MODULES:
        if name not in sys.modules:
            importlib.import_module(name)
            yield
    from followup_tui.core import tone

    yield from tone.warm_steps()


class Warmer:
    """Runs :func:`warm_steps` on an app's timer, a step per tick, until there are none."""

    def __init__(self, app: App[None]) -> None:
        self._app = app
        self._steps = warm_steps()
        self._timer: Timer | None = None
        self.done = False
        """True once every step has run."""

    def start(self, after: float = WARM_AFTER) -> None:
        """Begin ``after`` seconds from now (more than 0: Textual's timers divide by it)."""
        self._app.set_timer(after, self._begin)

    def _begin(self) -> None:
        self._timer = self._app.set_interval(STEP_EVERY, self._step)

    def _step(self) -> None:
        if next(self._steps, StopIteration) is StopIteration:
            self.done = True
            if self._timer is not None:
                self._timer.stop()
