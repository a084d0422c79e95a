"""Reading a data file back as another window would: the test of what was really saved."""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from followup_tui.core.model import Interview
from followup_tui.storage import tinystorage
from followup_tui.storage.store import Store


def read_back(path: Path) -> list[Interview]:
    """What the data file at ``path`` holds now, read afresh (no lock taken), in file order."""
    with Store.open(path, read_only=True) as store:
        return store.interviews()


def stored(path: Path) -> dict[str, Interview]:
    """What the data file at ``path`` holds now, read afresh, by interview id."""
    return {interview.id: interview for interview in read_back(path)}


def without_edit_times(interviews: Sequence[Interview]) -> list[Interview]:
    """``interviews`` as if no field had ever been changed: for comparing what a change
    saved with what a test built by hand, the edit times the store added aside."""
    return [replace(interview, edited=()) for interview in interviews]


def write_data_file(path: Path, interviews: Sequence[Interview]) -> None:
    """A data file at ``path`` holding ``interviews``, its store closed again (lock free)."""
    with Store.open(path) as store:
        store.import_interviews(interviews)


class FullDisk:
    """The data file's saves succeed ``room`` more times, then the disk is full and stays so
    (the failure comes at the store's file write, as a real one would)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, room: int) -> None:
        self.room = room
        real = tinystorage.write_atomic

        def write_atomic(path: Path, data: bytes, **kw: Any) -> os.stat_result:
            if self.room <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self.room -= 1
            return real(path, data, **kw)

        monkeypatch.setattr(tinystorage, "write_atomic", write_atomic)
