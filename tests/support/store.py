"""Reading a data file back as another window would: the test of what was really saved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from followup_tui.core.model import Interview
from followup_tui.storage.store import Store


def read_back(path: Path) -> list[Interview]:
    """What the data file at ``path`` holds now, read afresh (no lock taken), in file order."""
    with Store.open(path, read_only=True) as store:
        return store.interviews()


def stored(path: Path) -> dict[str, Interview]:
    """What the data file at ``path`` holds now, read afresh, by interview id."""
    return {interview.id: interview for interview in read_back(path)}


def write_data_file(path: Path, interviews: Sequence[Interview]) -> None:
    """A data file at ``path`` holding ``interviews``, its store closed again (lock free)."""
    with Store.open(path) as store:
        store.import_interviews(interviews)
