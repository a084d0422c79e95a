"""Sync conflict copies: noticed by `followup status` and the store, folded in by
`followup merge` with nothing lost from either side."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from followup_tui.paths import conflict_copies
from followup_tui.storage import Store
from followup_tui.storage.datafile import load
from tests.storage.support import interview
from tests.storage.test_sync_merge import note
from tests.test_cli import pinned, run  # noqa: F401 (fixtures)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The data file named by FOLLOWUP_DB (see ``pinned``), holding one interview."""
    path = tmp_path / "data" / "followup.json"
    with Store.open(path) as store:
        store.add(interview(1, role="Analyst"))
    return path


def conflict_copy(data: Path, name: str, *, newer: bool) -> Path:
    """What a sync client leaves when both devices changed the file: the other device's
    version, here with one interview added and the role of the first changed."""
    copy = data.with_name(name)
    shutil.copyfile(data, copy)
    with Store.open(copy) as other:
        other.add(interview(2))
        other.update(replace(other.get("iv1"), role="Designer"))
    with Store.open(data) as mine:
        mine.log("iv1", note(1))  # while this device logged a note
    stamp = os.stat(data).st_mtime_ns
    os.utime(copy, ns=(stamp, stamp + (10**9 if newer else -(10**9))))
    return copy


SYNCTHING = "followup.sync-conflict-20261130-101500-ABCDEFG.json"
DROPBOX = "followup (Sam's conflicted copy 2026-11-30).json"


def test_both_kinds_of_conflict_copy_are_found(data: Path) -> None:
    for name in (SYNCTHING, DROPBOX):
        data.with_name(name).write_text("{}")
    data.with_name("other.sync-conflict-1-2-3.json").write_text("{}")
    assert [p.name for p in conflict_copies(data)] == sorted([DROPBOX, SYNCTHING])


def test_status_points_at_a_conflict_copy(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    conflict_copy(data, SYNCTHING, newer=True)
    code, out, err = run(capsys, "status", "--all")
    assert code == 0
    assert "Company 1" in out
    assert f"a sync conflict copy lies beside the data file: {SYNCTHING}" in err
    assert "followup merge" in err


def test_merge_folds_a_newer_copy_in_and_says_what_it_added(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    copy = conflict_copy(data, SYNCTHING, newer=True)
    code, out, err = run(capsys, "merge", str(copy))
    assert code == 0, err
    assert "1 interview added" in out
    assert "Added: Company 2." in out
    merged = load(data).interviews
    assert sorted(merged) == ["iv1", "iv2"]
    assert merged["iv1"].role == "Designer"  # the newer version's edit
    texts = [e.text for e in merged["iv1"].events]
    assert "note 1" in texts  # this device's event survives
    assert any("role was: Analyst" in t for t in texts)  # and so does its older value
    code, out, _ = run(capsys, "merge", str(copy))
    assert code == 0 and "nothing to merge" in out


def test_merge_keeps_this_files_edit_when_the_copy_is_older(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    copy = conflict_copy(data, DROPBOX, newer=False)
    code, _, err = run(capsys, "merge", str(copy))
    assert code == 0, err
    merged = load(data).interviews["iv1"]
    assert merged.role == "Analyst"
    assert any("role was: Designer" in e.text for e in merged.events)


def test_the_store_notices_a_conflict_copy_once(data: Path) -> None:
    with Store.open(data) as store:
        assert not store.changed_elsewhere()
        data.with_name(SYNCTHING).write_text("{}")
        assert store.changed_elsewhere()
        store.refresh()
        [notice] = store.take_notices()
        assert SYNCTHING in notice and "followup merge" in notice
        assert not store.changed_elsewhere()


def test_a_bad_copy_is_one_line(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    copy = data.with_name(SYNCTHING)
    copy.write_text('{"meta": {"1": {"schema": 1}}, "interviews": {"1": {}, "1": {}}}')
    code, out, err = run(capsys, "merge", str(copy))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "'1' appears twice" in err
