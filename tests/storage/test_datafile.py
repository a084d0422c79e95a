"""Reading a data file leaves the garbage collector as it found it (and a big file frozen)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup_tui.core.codec import interview_from_dict
from followup_tui.storage import Store, datafile

from .support import interview


@pytest.fixture
def three(tmp_path: Path) -> bytes:
    """The bytes of a data file holding three interviews."""
    path = tmp_path / "followup.json"
    with Store.open(path) as store:
        store.import_interviews([interview(1), interview(2), interview(3)])
    return path.read_bytes()


@pytest.fixture
def collector_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector was on as each interview was decoded; unfreezes afterwards."""
    seen: list[bool] = []

    def spy(data: object, index: int, **kw: Any) -> Any:
        seen.append(gc.isenabled())
        return interview_from_dict(data, index, **kw)

    monkeypatch.setattr(datafile, "interview_from_dict", spy)
    yield seen
    gc.unfreeze()


def test_decoding_pauses_the_collector_and_freezes_a_big_file(
    three: bytes, collector_seen: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datafile, "FREEZE_FROM", 3)
    gc.unfreeze()
    loaded = datafile.parse(three)
    assert gc.get_freeze_count() > 0
    assert len(loaded.interviews) == 3
    assert collector_seen == [False, False, False]
    assert gc.isenabled()


def test_a_small_file_is_not_frozen(three: bytes, collector_seen: list[bool]) -> None:
    gc.unfreeze()
    datafile.parse(three)
    assert gc.get_freeze_count() == 0
    assert collector_seen == [False, False, False]
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off_and_a_bad_file_turns_it_back_on(three: bytes) -> None:
    gc.disable()
    try:
        datafile.parse(three)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(Exception, match="cut short"):
        datafile.parse(three[:-5])
    assert gc.isenabled()
