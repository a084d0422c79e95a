"""Kill a process at random points while it saves: nothing it reported saved is ever lost.

Each kill lands a few saves into a victim's loop, once its next change has started, plus a
random few milliseconds (so it dies anywhere in a save: writing, flushing, renaming).

Stock TinyDB ``JSONStorage`` rewrites the file in place, so the same loop tears it; the
second test keeps showing that, so the guard can't quietly stop testing anything.
"""

from __future__ import annotations

import json
import random
import signal
from pathlib import Path

import pytest

from followup_tui.paths import backup_path_for
from followup_tui.storage import Store
from followup_tui.storage.atomic import stale_temp_paths

from .killing import Expectation, KillServer, Moment

pytestmark = pytest.mark.slow

KILLS = 300
"""SIGKILLs in the main loop."""
STOCK_KILLS = 300
"""At most this many kills to find one torn stock file (here about 1 in 20 tear it)."""


def _moment(rng: random.Random) -> Moment:
    # Mostly a few saves in, mid-change; sometimes at once, even before the store is open.
    if rng.random() < 0.1:
        return Moment(None)
    return Moment(rng.randrange(0, 4), rng.uniform(0.0, 0.01))


def _kill_loop(path: Path, kills: int, seed: int, sig: int = signal.SIGKILL) -> dict[str, int]:
    rng = random.Random(seed)
    expect = Expectation()
    figures = {"kills": 0, "planned": 0, "saved": 0, "in_flight": 0}
    figures |= {"smallest": 1 << 62, "largest": 0}
    with KillServer() as server:
        for _ in range(kills):
            moment = _moment(rng)
            said = server.run_and_kill("store", path, rng.randrange(1 << 32), moment, sig)
            expect.follow(said)
            figures["kills"] += 1
            figures["planned"] += moment.saves or 0
            figures["saved"] += said.count("ok")
            figures["in_flight"] += expect.maybe is not None
            with Store.open(path, read_only=True) as store:
                expect.check(store.interviews())
            backup = backup_path_for(path)
            if backup.exists():
                # The backup is written the same way: always a whole, usable file.
                Store.open(backup, read_only=True).close()
            if path.exists():
                size = path.stat().st_size
                figures["smallest"] = min(figures["smallest"], size)
                figures["largest"] = max(figures["largest"], size)
    return figures


def test_no_saved_change_is_lost_when_the_saver_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    figures = _kill_loop(path, KILLS, seed=20261103)
    print(f"\nkill loop: {figures}")
    assert figures["kills"] == KILLS
    # The loop did real work, was often caught mid-change, and the file grew and shrank.
    assert figures["saved"] >= figures["planned"] > KILLS
    assert figures["in_flight"] > KILLS // 4
    assert figures["largest"] > 20 * figures["smallest"]
    # The next writer clears the temporary files killed saves left behind.
    with Store.open(path):
        assert stale_temp_paths(path) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_closing_the_terminal_loses_nothing_and_leaves_no_lock(tmp_path: Path, sig: int) -> None:
    path = tmp_path / "followup.json"
    figures = _kill_loop(path, 15, seed=sig, sig=sig)
    assert figures["saved"] >= figures["planned"] > 0
    with Store.open(path) as store:  # not blocked by the dead process's lock
        assert not store.read_only


def test_stock_tinydb_storage_is_torn_by_the_same_loop(tmp_path: Path) -> None:
    path = tmp_path / "stock.json"
    rng = random.Random(7)
    torn_after = 0
    with KillServer() as server:
        for kill in range(1, STOCK_KILLS + 1):
            moment = Moment(rng.randrange(0, 4), rng.uniform(0.0, 0.004))
            server.run_and_kill("stock", path, rng.randrange(1 << 32), moment)
            try:
                json.loads(path.read_bytes())
            except ValueError:
                torn_after = kill
                break
    print(f"\nstock JSONStorage torn after {torn_after} kills")
    assert torn_after, f"stock JSONStorage survived {STOCK_KILLS} kills: the loop finds nothing"
