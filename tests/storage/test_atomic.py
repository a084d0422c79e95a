"""Atomic writes: the old file is set aside, deleted after the save, and never left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from followup_tui.storage import atomic
from followup_tui.storage.atomic import FolderSyncError, wait_for_cleanup, write_atomic


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A file holding b"old", alone in its folder."""
    target = tmp_path / "data.json"
    write_atomic(target, b"old")
    wait_for_cleanup()
    return target


def test_the_old_file_is_set_aside_and_deleted_after_the_save(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    later: list[Path] = []
    monkeypatch.setattr(atomic, "_delete_later", later.append)
    write_atomic(path, b"new")
    [aside] = later
    # The rename freed nothing: the old content still has its second name.
    assert aside.read_bytes() == b"old"
    assert aside in atomic.stale_temp_paths(path)
    assert path.read_bytes() == b"new"
    atomic._delete(aside)
    assert os.listdir(path.parent) == [path.name]


def test_after_the_cleanup_only_the_new_file_is_left(path: Path) -> None:
    for content in (b"one", b"two", b"three"):
        write_atomic(path, content)
    wait_for_cleanup()
    assert os.listdir(path.parent) == [path.name]
    assert path.read_bytes() == b"three"


def test_without_hard_links_the_save_still_happens(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object, **kw: object) -> None:
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(path, b"new")
    wait_for_cleanup()
    assert path.read_bytes() == b"new"
    assert os.listdir(path.parent) == [path.name]


def test_a_failed_rename_leaves_the_old_file_and_nothing_else(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError, match="full"):
        write_atomic(path, b"new")
    wait_for_cleanup()
    assert path.read_bytes() == b"old"
    assert os.listdir(path.parent) == [path.name]


def test_a_failed_folder_sync_leaves_the_new_file_and_nothing_else(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(folder: Path) -> None:
        raise OSError(errno.EIO, "disk error")

    monkeypatch.setattr(atomic, "fsync_folder", broken)
    with pytest.raises(FolderSyncError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert os.listdir(path.parent) == [path.name]
