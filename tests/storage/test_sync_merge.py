"""Another program (a sync client, a second device) changes the file while a store is open:
the next save merges, keeps the version it replaces as the backup, and says so."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from followup_tui.core.model import Event, EventKind
from followup_tui.paths import backup_path_for
from followup_tui.storage import Store
from followup_tui.storage.datafile import load

from .support import START, interview

Replace = Callable[[Path, Path], None]


def copy_over(source: Path, target: Path) -> None:
    """What `cp` does: the same file (inode) rewritten in place."""
    shutil.copyfile(source, target)


def rename_over(source: Path, target: Path) -> None:
    """What sync clients do: a temporary file beside the target, renamed over it."""
    temp = target.with_name(".syncthing." + target.name + ".tmp")
    shutil.copyfile(source, temp)
    os.replace(temp, target)


WAYS = pytest.mark.parametrize("put", [copy_over, rename_over], ids=["cp", "rename"])


def other_version(path: Path, change: Callable[[Store], object]) -> Path:
    """A copy of ``path`` changed by another followup (another device), not yet in place."""
    elsewhere = path.with_name("elsewhere.json")
    shutil.copyfile(path, elsewhere)
    with Store.open(elsewhere) as other:
        change(other)
    return elsewhere


def note(n: int) -> Event:
    return Event(EventKind.NOTE, START + timedelta(days=n, hours=2), text=f"note {n}")


@WAYS
def test_another_programs_additions_survive_a_save(tmp_path: Path, put: Replace) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.import_interviews(interview(n) for n in range(1, 6))
    store = Store.open(path)
    newer = other_version(path, lambda o: o.import_interviews(interview(n) for n in (6, 7, 8)))
    put(newer, path)
    replaced = path.read_bytes()

    store.log("iv1", note(1))

    on_disk = load(path).interviews
    assert sorted(on_disk) == [f"iv{n}" for n in range(1, 9)]
    assert on_disk["iv1"].events == (note(1),)
    assert sorted(i.id for i in store.interviews()) == sorted(on_disk)
    assert backup_path_for(path).read_bytes() == replaced
    [notice] = store.take_notices()
    assert "merged (3 interviews added)" in notice
    assert "\n" not in notice
    store.close()


@WAYS
def test_both_sides_events_survive(tmp_path: Path, put: Replace) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1))
    store = Store.open(path)
    put(other_version(path, lambda o: o.log("iv1", note(2))), path)

    store.log("iv1", note(3))

    assert set(load(path).interviews["iv1"].events) == {note(2), note(3)}
    store.close()


def test_the_same_field_edited_on_both_sides_keeps_the_other_value_as_a_note(
    tmp_path: Path,
) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1, role="Analyst"))
    store = Store.open(path)
    theirs = other_version(
        path, lambda o: o.update(replace(o.get("iv1"), role="Designer", round="final"))
    )
    rename_over(theirs, path)

    store.update(replace(store.get("iv1"), role="Engineer"))

    saved = load(path).interviews["iv1"]
    assert saved.role == "Engineer"  # the later edit: the one saved now
    assert saved.round == "final"  # only they changed it
    [kept] = saved.events
    assert kept.kind is EventKind.NOTE
    assert "role was: Designer" in kept.text
    assert "1 field edited on both sides" in store.take_notices()[0]
    store.close()


def test_our_removal_stays_removed_and_one_missing_on_their_side_is_kept(
    tmp_path: Path,
) -> None:
    # Missing from their version may be a deletion there, or a sync client writing an
    # older version over ours: only our own removal is sure, so only it is honoured.
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.import_interviews(interview(n) for n in (1, 2, 3))
    store = Store.open(path)
    rename_over(other_version(path, lambda o: o.remove("iv2")), path)

    store.remove("iv3")

    assert sorted(load(path).interviews) == ["iv1", "iv2"]
    store.close()


def test_an_event_we_logged_survives_an_older_version_written_over_ours(
    tmp_path: Path,
) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1))
    older = path.read_bytes()
    store = Store.open(path)
    store.log("iv1", note(1))
    stale = tmp_path / "stale.json"
    stale.write_bytes(older)
    rename_over(stale, path)  # a sync client puts back the version from before the note

    store.log("iv1", note(2))

    assert load(path).interviews["iv1"].events == (note(1), note(2))
    store.close()


def test_our_archive_survives_an_older_version_written_over_ours(tmp_path: Path) -> None:
    # The sync check's case: the app archived; a sync client then put back the other
    # device's version, made before the archive arrived there (with a note of its own);
    # the app's next save must keep the archive, and the note.
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.import_interviews([interview(1), interview(2)])
    older = other_version(path, lambda o: o.log("iv1", note(1)))
    store = Store.open(path)
    store.update(replace(store.get("iv1"), archived=True))
    rename_over(older, path)

    store.log("iv2", note(2))

    saved = load(path).interviews["iv1"]
    assert saved.archived is True
    assert note(1) in saved.events
    assert [n for n in store.take_notices() if "both sides" in n] == []
    store.close()


def test_an_undo_stays_undone(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1))
        setup.log("iv1", note(1))
    store = Store.open(path)
    store.log("iv1", note(2))
    rename_over(other_version(path, lambda o: o.log("iv1", note(3))), path)

    store.undo()  # takes back note 2, the change made here

    assert load(path).interviews["iv1"].events == (note(1), note(3))
    store.close()


def test_their_change_to_an_interview_we_removed_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.import_interviews(interview(n) for n in (1, 2))
    store = Store.open(path)
    copy_over(other_version(path, lambda o: o.log("iv2", note(2))), path)

    store.remove("iv2")

    assert load(path).interviews["iv2"].events == (note(2),)
    store.close()


def test_a_file_merely_touched_is_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as store:
        store.add(interview(1))
        os.utime(path, ns=(1, 1))
        store.add(interview(2))
        assert store.take_notices() == []


def test_the_backup_holds_the_bytes_replaced_not_those_read_at_start(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1))
    store = Store.open(path)
    rename_over(other_version(path, lambda o: o.add(interview(2))), path)
    replaced = path.read_bytes()

    store.add(interview(3))

    assert backup_path_for(path).read_bytes() == replaced
    assert sorted(load(backup_path_for(path)).interviews) == ["iv1", "iv2"]
    store.close()


def test_a_change_saved_over_another_version_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    with Store.open(path) as setup:
        setup.add(interview(1))
    store = Store.open(path)
    rename_over(other_version(path, lambda o: o.add(interview(2))), path)
    store.log("iv1", note(1))

    assert store.undo() == "Undone: the note on Company 1"

    saved = load(path).interviews
    assert sorted(saved) == ["iv1", "iv2"]
    assert saved["iv1"].events == ()
    store.close()
