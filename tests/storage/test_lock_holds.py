"""The lock holds when its file is deleted or replaced, and a read-only store may become the
writer once the writer has gone, when asked to."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from followup_tui.paths import lock_path_for
from followup_tui.storage import Store, StoreError, StoreLocked
from followup_tui.storage import lock as lock_module
from followup_tui.storage.datafile import load

from .support import interview


def test_a_deleted_lock_file_is_taken_again_before_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as first:
        first.add(interview(1))
        os.unlink(lock_path_for(path))  # a sync client, or a person tidying up
        first.add(interview(2))
        with pytest.raises(StoreLocked):
            Store.open(path)


def test_a_replaced_lock_file_is_taken_again_before_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as first:
        first.add(interview(1))
        stranger = tmp_path / "stranger"
        stranger.write_text("12345\n")
        os.replace(stranger, lock_path_for(path))
        first.add(interview(2))
        with pytest.raises(StoreLocked):
            Store.open(path)


def test_the_lock_is_only_taken_once_its_name_leads_to_the_file_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "followup.json"
    opened: list[int] = []
    real = lock_module.WriterLock._lock_file

    def replaced_after_the_first_open(data_path: Path, lock_path: Path) -> int:
        fd = real(data_path, lock_path)
        opened.append(fd)
        if len(opened) == 1:  # someone renames another file over it right after
            other = tmp_path / "other"
            other.write_text("")
            os.replace(other, lock_path)
        return fd

    monkeypatch.setattr(
        lock_module.WriterLock, "_lock_file", staticmethod(replaced_after_the_first_open)
    )
    with Store.open(path):
        assert len(opened) == 2
        monkeypatch.undo()
        with pytest.raises(StoreLocked):
            Store.open(path)


def test_a_reader_is_offered_the_writers_place_and_takes_it_only_when_asked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "followup.json"
    writer = Store.open(path)
    writer.add(interview(1))
    reader = Store.open(path, read_only=True)
    assert not reader.changed_elsewhere()
    assert not reader.writer_gone()
    assert reader.refresh() is False
    assert reader.read_only

    writer.add(interview(2))
    assert reader.changed_elsewhere()
    assert reader.refresh() is True
    assert [i.id for i in reader.interviews()] == ["iv1", "iv2"]
    assert reader.read_only

    writer.add(interview(3))  # its last save, which the reader has not looked at yet
    writer.close()
    assert reader.writer_gone()
    assert reader.read_only  # a free lock is only offered: looking takes nothing
    reader.refresh()
    assert reader.read_only
    assert reader.writer_gone()

    assert reader.take_over() is True
    assert not reader.read_only
    assert not reader.writer_gone()
    assert [i.id for i in reader.interviews()] == ["iv1", "iv2", "iv3"]
    reader.add(interview(4))
    assert sorted(load(path).interviews) == ["iv1", "iv2", "iv3", "iv4"]
    with pytest.raises(StoreLocked):
        Store.open(path)
    reader.close()


def test_a_reader_stays_read_only_when_another_window_takes_the_lock_first(
    tmp_path: Path,
) -> None:
    path = tmp_path / "followup.json"
    writer = Store.open(path)
    writer.add(interview(1))
    reader = Store.open(path, read_only=True)
    writer.close()
    assert reader.writer_gone()
    with Store.open(path) as third:
        third.add(interview(2))
        assert not reader.writer_gone()
        assert reader.take_over() is False
        assert reader.read_only
        with pytest.raises(StoreError, match="read-only"):
            reader.add(interview(3))
    assert reader.writer_gone()
    assert reader.take_over() is True
    assert sorted(i.id for i in reader.interviews()) == ["iv1", "iv2"]
    reader.close()


def test_a_writer_takes_in_another_programs_version(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as store:
        store.add(interview(1))
        assert not store.changed_elsewhere()
        elsewhere = tmp_path / "elsewhere.json"
        shutil.copyfile(path, elsewhere)
        with Store.open(elsewhere) as other:
            other.add(interview(2))
        shutil.copyfile(elsewhere, path)
        before = store.revision

        assert store.changed_elsewhere()
        assert store.refresh() is True
        assert [i.id for i in store.interviews()] == ["iv1", "iv2"]
        assert store.revision == before + 1
        assert not store.changed_elsewhere()
        store.add(interview(3))
        assert sorted(load(path).interviews) == ["iv1", "iv2", "iv3"]


def test_an_open_store_notices_its_lock_file_gone_and_takes_it_again(tmp_path: Path) -> None:
    # The app looks every two seconds: the lock is back long before the next save.
    path = tmp_path / "followup.json"
    with Store.open(path) as first:
        first.add(interview(1))
        os.unlink(lock_path_for(path))
        assert first.changed_elsewhere()
        first.refresh()
        assert not first.changed_elsewhere()
        with pytest.raises(StoreLocked):
            Store.open(path)
