"""One writer per file; readers any time; a dead writer's lock never blocks the next start."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from followup_tui.storage import Store, StoreError, StoreLocked
from tests.support.store import read_back

from .kill_child import expected, note_event
from .killing import PATIENCE, KillServer, Moment
from .support import interview


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as first:
        first.add(interview(1))
        with pytest.raises(StoreLocked) as caught:
            Store.open(path)
        assert isinstance(caught.value, StoreError)
        assert str(caught.value) == (
            f"{path} is already open in another followup (process {os.getpid()}). Close that "
            "one to make changes here; `followup status` and `followup export` work meanwhile."
        )
        first.add(interview(2))  # the first one goes on undisturbed
    with Store.open(path) as second:
        assert [i.id for i in second.interviews()] == ["iv1", "iv2"]


def test_a_reader_opens_while_a_writer_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as writer:
        writer.add(interview(1))
        assert read_back(path) == [interview(1)]
        writer.add(interview(2))
        assert len(read_back(path)) == 2


def test_against_another_process_that_writes(tmp_path: Path) -> None:
    """A writer in another process: we are refused, we can read whole files all the while,
    and once it is SIGKILLed its lock is gone."""
    path = tmp_path / "followup.json"
    reads = 0
    with KillServer() as server:
        said: list[str] = []
        pid = server.start("store", path, 11, said)
        if "ready" not in said:
            server.read_through("ready", said)
        with pytest.raises(
            StoreLocked, match=f"already open in another followup \\(process {pid}\\)"
        ):
            Store.open(path)
        states_seen: set[tuple[tuple[str, str, int], ...]] = set()
        # Read again and again while it saves: every read must find a whole, valid file
        # (Store.open raises otherwise), and the reads must see it change. Bounded by time
        # only as a guard against a hang, never reached when healthy however slow the machine.
        deadline = time.monotonic() + PATIENCE
        while len(states_seen) < 20 and time.monotonic() < deadline:
            states_seen.add(tuple((i.id, i.notes, len(i.events)) for i in read_back(path)))
            reads += 1
            said += server.lines(time.monotonic())  # keep its pipe drained
        server.stop(pid, said)
    assert len(states_seen) == 20, f"{reads} reads saw only {len(states_seen)} states"
    with Store.open(path) as store:
        assert not store.read_only


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_a_dead_writer_never_blocks_the_next_start(tmp_path: Path, sig: int) -> None:
    path = tmp_path / "followup.json"
    with KillServer() as server:
        for seed in range(3):
            server.run_and_kill("store", path, seed, Moment(1, 0.01), sig)
            with Store.open(path) as store:  # not blocked, and it can save
                if not store.interviews():
                    store.add(expected("k1", 0, 0, 0))
                first = store.interviews()[0]
                store.log(first.id, note_event(len(first.events)))  # as the victims log
