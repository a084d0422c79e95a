"""A monkey at the keyboard: thousands of random keys and resizes against the demo data.

The keys are weighted towards the app's own (so forms, dialogs, the composer, the help
and the palette keep opening, and saves keep happening), with typing, moving, control
keys and resizes down to 1x1 in between. A quit (``q``, ctrl+q, ctrl+c, or the palette)
starts the app again on the same file, as a user would. Throughout, no error: the app is
still running, nothing reached the crash log. Afterwards the data file opens for writing
and reads back whole.

The seeds are fixed so a failure can be replayed; ``FOLLOWUP_MONKEY_SEED`` runs another
one, and every failure names its seed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Size
from textual.keys import _character_to_key
from textual.worker import WorkerCancelled

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.main import MainScreen
from followup_tui.storage.store import Store
from tests.support.board import demo_board
from tests.support.desktop import Desktop
from tests.support.factory import open_app

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("tone_at_once")]

KEYS_PER_RUN = 1500
"""Keys pressed per seed (three seeds run by default)."""
SEEDS = (
    [int(os.environ["FOLLOWUP_MONKEY_SEED"])]
    if "FOLLOWUP_MONKEY_SEED" in os.environ
    else [
        20261104,
        7,
        4242,
    ]
)

ACTIONS = [*"aetfrzwxlcus", "enter", "escape", "question_mark", "slash", "ctrl+n", "ctrl+s"]
"""The app's own keys: they open forms, dialogs, the composer, the help, the filter."""
TYPING = [
    *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    *"éßж中😀",
    "space",
    "comma",
    "full_stop",
    "minus",
    "colon",
    "slash",
    "apostrophe",
    "left_square_bracket",
    "right_square_bracket",
]
"""What ends up typed into fields (dates, names, filter text)."""
MOVING = [*"jkgG", "up", "down", "left", "right", "tab", "shift+tab", "home", "end"]
MOVING += ["pageup", "pagedown", "backspace", "delete"]
CONTROL = [
    *(f"ctrl+{k}" for k in "abdefgklnoprtuvwxyz"),
    "shift+up",
    "shift+down",
    "f1",
]
"""Control keys: the composer's, the text boxes' editing keys, the palette (ctrl+p)."""
QUITTING = ["q", "ctrl+q", "ctrl+c"]
"""Keys that may end the app (then it is started again)."""
VISITS = ["a", "c", "f", "question_mark", "enter", "r", "ctrl+p", "t", "e"]
"""Keys that open a screen from the board: every 100 keys the monkey goes back to the
board and presses the next, so each screen is reached whatever the dice say."""
SIZES = [(1, 1), (2, 2), (10, 3), (40, 10), (80, 24), (120, 40), (200, 60), (33, 7)]
"""Terminal sizes the monkey resizes to (always back to a usable one soon after)."""

POOLS: list[tuple[list[str], int]] = [
    (ACTIONS, 40),
    (TYPING, 27),
    (MOVING, 18),
    (CONTROL, 13),
    (QUITTING, 2),
]
"""Each pool of keys, with its weight."""


@dataclass
class Tally:
    """What the monkey did."""

    keys: int = 0
    resizes: int = 0
    starts: int = 0
    screens: set[str] | None = None
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=25))
    """The last keys and resizes, to say what led to a failure."""


def pick(rng: random.Random) -> str:
    """One key, from a pool chosen by weight."""
    pool: list[str] = rng.choices([p for p, _ in POOLS], [w for _, w in POOLS])[0]
    return rng.choice(pool)


NAMED_CHARACTERS = {
    "space": " ",
    "comma": ",",
    "full_stop": ".",
    "minus": "-",
    "colon": ":",
    "slash": "/",
    "apostrophe": "'",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
}


def key_event(key: str) -> events.Key:
    """The event a terminal's key press becomes (as Textual's own parser makes it)."""
    if len(key) == 1:
        name = key if key.isalnum() else _character_to_key(key)
        return events.Key(name, key)
    return events.Key(key, NAMED_CHARACTERS.get(key))


def resize(app: FollowupApp, size: tuple[int, int], tally: Tally) -> None:
    """Resize the terminal, as the driver reports it."""
    app.post_message(events.Resize(Size(*size), Size(*size)))
    tally.resizes += 1
    tally.recent.append(f"{size[0]}x{size[1]}")


async def visit(app: FollowupApp, key: str, tally: Tally) -> None:
    """A usable size, back to the board (escape, as often as it takes), then ``key``."""
    resize(app, (120, 40), tally)
    for name in ["escape", "escape", "escape", key]:
        app.post_message(key_event(name))
        tally.keys += 1
        tally.recent.append(name)
        await asyncio.sleep(0.01)
    for _ in range(100):  # until the key's screen is up (or a second has gone)
        if app.return_code is not None or not isinstance(app.screen, MainScreen):
            break
        await asyncio.sleep(0.01)
    assert tally.screens is not None
    tally.screens.add(type(app.screen).__name__)


async def monkey_run(app: FollowupApp, rng: random.Random, budget: int, tally: Tally) -> None:
    """Press keys until ``budget`` is spent or the app quits; resize now and then.

    Keys and resizes are posted as the terminal driver posts them, a few at a time before
    the app catches up (as fast typing does). Pilot.press would wait for idle after each
    one (ten times slower), and wait forever for a screen opened just as a key quits.
    """
    assert tally.screens is not None
    app.animation_level = "none"  # the keys come faster than any animation could play
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        size = (120, 40)
        while tally.keys < budget and app.return_code is None:
            if rng.random() < 0.03:
                size = rng.choice(SIZES) if size[0] > 30 else (120, 40)
                resize(app, size, tally)
            if tally.keys % 100 == 99:
                await visit(app, VISITS[tally.keys // 100 % len(VISITS)], tally)
                size = (120, 40)
                continue
            key = pick(rng)
            tally.recent.append(key)
            app.post_message(key_event(key))
            tally.keys += 1
            await asyncio.sleep(0)
            if tally.keys % rng.randint(1, 8) == 0:
                await asyncio.sleep(0.002)  # caught up now and then
                tally.screens.add(type(app.screen).__name__)
        if app.return_code is None:  # still running: let the saves asked for finish
            with contextlib.suppress(WorkerCancelled):  # a save replaced by the next one
                await app.workers.wait_for_complete()
            await pilot.pause()
    assert app.return_code in (None, 0)  # still running, or quit by a key (q, ctrl+q...)


REACHED = {
    "InterviewForm": "a",
    "ComposerScreen": "c",
    "EventDialog": "f",
    "HelpScreen": "question_mark",
    "DetailScreen": "enter",
}
"""Screens every run must have reached, and the key that opens each from the board."""
RUN_SECONDS = 120.0
"""Longest one app's run may take: a hang fails the test instead of stalling CI."""


async def one_start(
    data_file: Path, rng: random.Random, tally: Tally, budget: int, seed: int
) -> None:
    """Start the app on the file, as the CLI does, and let the monkey at it."""
    tally.starts += 1
    store = Store.open(data_file)
    try:
        app = open_app(store)
        try:
            async with asyncio.timeout(RUN_SECONDS):
                await monkey_run(app, rng, budget, tally)
        except Exception as exc:
            said = f"seed {seed}: {exc!r} after {tally.keys} keys; the last: {list(tally.recent)}"
            raise AssertionError(said) from exc
    finally:
        store.close()


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_and_resizes_break_nothing(
    seed: int, tmp_path: Path, quiet_desktop: Desktop
) -> None:
    print(f"monkey seed {seed} (FOLLOWUP_MONKEY_SEED={seed} replays it)")
    data_file = tmp_path / "followup.json"
    with Store.open(data_file) as store:
        store.import_interviews(demo_board())
    rng = random.Random(seed)
    tally = Tally(screens=set())
    while tally.keys < KEYS_PER_RUN:
        await one_start(data_file, rng, tally, KEYS_PER_RUN, seed)
        assert not quiet_desktop.crash_log.exists(), (
            f"seed {seed}: an error after {tally.keys} keys:\n{quiet_desktop.crash_log.read_text()}"
        )
    assert tally.screens is not None
    for name, key in REACHED.items():  # a screen the dice and the visits both missed
        if name not in tally.screens:
            tally.starts += 1
            store = Store.open(data_file)
            try:
                app = open_app(store)
                async with app.run_test(size=(120, 40)) as pilot:
                    await pilot.pause()
                    await visit(app, key, tally)
                    await pilot.pause()
            finally:
                store.close()
    print(f"seed {seed}: {tally.keys} keys, {tally.resizes} resizes, {tally.starts} starts")
    print(f"screens seen: {sorted(tally.screens)}")
    assert not quiet_desktop.crash_log.exists(), quiet_desktop.crash_log.read_text()
    with Store.open(data_file) as store:  # the file is valid and nobody holds it
        assert store.interviews()
    assert set(REACHED) <= tally.screens, f"seed {seed}: never reached: {tally.screens}"
