"""Several interviews saved in one write, undone as one change that says what it was."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

import pytest

from followup_tui.core.codec import CodecError
from followup_tui.core.model import Event, EventKind, Outcome
from followup_tui.storage import Store, StoreError, tinystorage
from followup_tui.storage.atomic import write_atomic
from tests.support.store import read_back, without_edit_times

from .support import START, interview


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store holding one interview, iv1 (its add not in the undo history any more)."""
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1))
    return Store.open(path)


def test_they_are_saved_in_one_write_and_returned_as_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves: list[Path] = []

    def counted(p: Path, data: bytes) -> os.stat_result:
        saves.append(p)
        return write_atomic(p, data)

    monkeypatch.setattr(tinystorage, "write_atomic", counted)
    replied = store.get("iv1").with_event(Event(EventKind.REPLY, START, outcome=Outcome.OTHER))
    with store:
        saved = store.save_together([replied, interview(2, id="")], "reply and its next round")
        assert saves == [store.path]
        assert saved[0] == replied and saved[1].id not in ("", "iv1")
        assert store.interviews() == saved
    assert read_back(store.path) == saved


def test_one_undo_takes_them_all_back_and_says_what_they_were(store: Store) -> None:
    before = store.interviews()
    with store:
        store.save_together(
            [replace(store.get("iv1"), notes="changed"), interview(2)],
            "the reply from Company 1 and its next round",
        )
        assert store.undo() == "Undone: the reply from Company 1 and its next round"
        # As before, but for the time of the notes' change back: undoing is a change too.
        assert without_edit_times(store.interviews()) == without_edit_times(before)
        assert not store.can_undo()
    assert read_back(store.path) == store.interviews()


def test_nothing_is_saved_when_one_of_them_cannot_be(store: Store) -> None:
    before = store.path.read_bytes()
    with store:
        with pytest.raises(CodecError, match=r"interview 2 .*duration_minutes"):
            store.save_together([interview(2), interview(3, duration_minutes=-5)], "x")
        with pytest.raises(CodecError, match=r"duplicate id 'iv2'"):
            store.save_together([interview(2), interview(2)], "x")
        assert store.save_together([], "x") == []
        assert [i.id for i in store.interviews()] == ["iv1"]
        assert not store.can_undo()
    assert store.path.read_bytes() == before


def test_a_failed_write_leaves_every_one_of_them_unsaved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(p: Path, data: bytes) -> os.stat_result:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tinystorage, "write_atomic", full)
    before = store.interviews()
    with store:
        with pytest.raises(StoreError):
            store.save_together([replace(before[0], notes="changed"), interview(2)], "x")
        assert store.interviews() == before and not store.can_undo()
    assert read_back(store.path) == before
