"""Sync conflict copies: noticed by `followup status` and the store, folded in by
`followup merge` with nothing lost from either side."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup_tui.clock import FixedClock
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


@pytest.mark.parametrize("newer", [True, False], ids=["copy newer", "copy older"])
def test_merge_folds_a_copy_in_and_says_what_it_added(
    capsys: pytest.CaptureFixture[str], data: Path, newer: bool
) -> None:
    copy = conflict_copy(data, SYNCTHING, newer=newer)
    code, out, err = run(capsys, "merge", str(copy))
    assert code == 0, err
    assert "1 interview added" in out
    assert "Added: Company 2." in out
    merged = load(data).interviews
    assert sorted(merged) == ["iv1", "iv2"]
    # Only the copy's device changed the role: its edit wins whichever file is newer.
    assert merged["iv1"].role == "Designer"
    texts = [e.text for e in merged["iv1"].events]
    assert texts == ["note 1"]  # this device's event survives, and nothing to note
    code, out, _ = run(capsys, "merge", str(copy))
    assert code == 0 and "nothing to merge" in out


T1 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
T2 = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def edit(path: Path, when: datetime, **changes: object) -> None:
    """Change interview 1 in ``path`` as followup on some device does at ``when``."""
    with Store.open(path, clock=FixedClock(when)) as store:
        store.update(replace(store.get("iv1"), **changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("newer", [True, False], ids=["copy newer", "copy older"])
def test_an_archive_made_on_one_device_survives_the_merge(
    capsys: pytest.CaptureFixture[str], data: Path, newer: bool
) -> None:
    copy = data.with_name(SYNCTHING)
    shutil.copyfile(data, copy)
    edit(copy, T1, archived=True)  # the app archived it on the other device
    edit(data, T2, notes="they called")  # while this one edited the notes, later
    stamp = os.stat(data).st_mtime_ns
    os.utime(copy, ns=(stamp, stamp + (10**9 if newer else -(10**9))))

    code, out, err = run(capsys, "merge", str(copy))

    assert code == 0, err
    merged = load(data).interviews["iv1"]
    assert merged.archived is True
    assert merged.notes == "they called"
    assert merged.events == ()  # nothing edited on both sides: nothing to note
    assert merged.edited == (("archived", T1), ("notes", T2))
    assert "both sides" not in out


def test_the_same_field_edited_on_both_devices_goes_to_the_later_edit(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    copy = data.with_name(DROPBOX)
    shutil.copyfile(data, copy)
    edit(copy, T2, role="Designer")  # the later edit, in the older file
    edit(data, T1, role="Engineer")
    stamp = os.stat(data).st_mtime_ns
    os.utime(copy, ns=(stamp, stamp - 10**9))

    code, out, err = run(capsys, "merge", str(copy))

    assert code == 0, err
    merged = load(data).interviews["iv1"]
    assert merged.role == "Designer"
    [kept] = merged.events
    assert kept.text == "Edited in two places at once; the other role was: Engineer"
    assert (
        "1 interview changed, 1 field edited on both sides, the other value kept as a note." in out
    )


def test_files_without_edit_times_merge_as_before(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    # Both written by an older followup: nothing tells which side edited, so the newer file
    # wins and the other value is kept as a note.
    copy = data.with_name(DROPBOX)
    shutil.copyfile(data, copy)
    for path, role in ((copy, "Designer"), (data, "Engineer")):
        with Store.open(path) as store:
            old = replace(store.get("iv1"), role=role, edited=())
            store.remove("iv1")
            store.add(old)
    stamp = os.stat(data).st_mtime_ns
    os.utime(copy, ns=(stamp, stamp - 10**9))

    code, _, err = run(capsys, "merge", str(copy))

    assert code == 0, err
    merged = load(data).interviews["iv1"]
    assert merged.role == "Engineer"
    assert [e.text for e in merged.events] == [
        "Edited in two places at once; the other role was: Designer"
    ]


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
