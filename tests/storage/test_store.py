"""The store's API as the app and the command line use it."""

from __future__ import annotations

import builtins
import copy
import os
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from followup_tui.core.codec import CodecError, document_to_interviews, interviews_to_document
from followup_tui.core.model import Event, EventKind, Outcome
from followup_tui.paths import backup_path_for
from followup_tui.storage import Store, StoreError, default_db_path, tinystorage
from followup_tui.storage.atomic import write_atomic
from tests.support.store import read_back

from .support import START, interview, mode_of, temp_files


def _event(kind: EventKind = EventKind.THANK_YOU_SENT, **fields: Any) -> Event:
    return Event(kind, START + timedelta(hours=3), **fields)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the data file goes (not created yet)."""
    return tmp_path / "data" / "followup.json"


def test_the_default_path_is_in_the_user_data_folder() -> None:
    expected = platformdirs.user_data_path("followup") / "followup.json"
    assert default_db_path({}) == expected
    assert default_db_path({"FOLLOWUP_DB": "  "}) == expected


def test_followup_db_chooses_another_file() -> None:
    assert default_db_path({"FOLLOWUP_DB": "/srv/x.json"}) == Path("/srv/x.json")
    assert default_db_path({"FOLLOWUP_DB": "~/x.json"}) == Path.home() / "x.json"


def test_a_missing_file_is_an_empty_store_and_a_reader_creates_nothing(path: Path) -> None:
    with Store.open(path, read_only=True) as store:
        assert store.interviews() == []
        assert store.read_only
    assert not path.parent.exists()


def test_a_writer_creates_private_folders_and_the_file_at_the_first_save(path: Path) -> None:
    deeper = path.parent / "more" / "followup.json"
    with Store.open(deeper) as store:
        assert mode_of(deeper.parent) == mode_of(path.parent) == 0o700
        assert not deeper.exists()
        store.add(interview(1))
        assert mode_of(deeper) == 0o600


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_file_backup_and_lock_are_readable_by_the_user_alone(path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        with Store.open(path) as store:
            store.add(interview(1))
        with Store.open(path) as store:
            store.add(interview(2))
    finally:
        os.umask(old)
    assert mode_of(path) == 0o600
    assert mode_of(backup_path_for(path)) == 0o600
    assert mode_of(path.with_name("followup.json.lock")) == 0o600


def test_a_symlinked_data_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real" / "followup.json"
    with Store.open(real) as store:
        store.add(interview(1))
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with Store.open(link) as store:
        store.add(interview(2))
        assert store.path == real
    assert link.is_symlink()
    assert len(read_back(real)) == 2


def test_changes_are_saved_before_the_call_returns(path: Path) -> None:
    with Store.open(path) as store:
        added = store.add(interview(1))
        store.add(interview(2))
        logged = store.log("iv1", _event(to="Dana Ruiz"))
        store.update(replace(store.get("iv2"), notes="talked about the roadmap"))
        store.remove("iv2")
        assert read_back(path) == [logged] == store.interviews()
    assert added == interview(1)
    assert logged.events == (_event(to="Dana Ruiz"),)


def test_add_gives_an_empty_id_a_fresh_one(path: Path) -> None:
    with Store.open(path) as store:
        stored = store.add(interview(1, id=""))
        assert len(stored.id) == 32
        assert store.get(stored.id) == stored


def test_refused_changes_save_nothing(path: Path) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
        before = path.read_bytes()
        with pytest.raises(ValueError, match="already exists"):
            store.add(interview(1, notes="again"))
        with pytest.raises(CodecError, match="field 'company': must not be blank"):
            store.add(interview(2, company=" "))
        with pytest.raises(CodecError, match="field 'outcome'"):
            store.log("iv1", _event(EventKind.REPLY))
        with pytest.raises(KeyError):
            store.update(interview(5))
        with pytest.raises(KeyError):
            store.log("iv5", _event())
        with pytest.raises(KeyError):
            store.remove("iv5")
        with pytest.raises(KeyError):
            store.get("iv5")
        assert store.revision == 1
        assert path.read_bytes() == before


def test_an_update_that_changes_nothing_is_not_a_change(path: Path) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
        store.update(interview(1))
        assert store.revision == 1
        assert store.undo() == "Undone: adding Company 1"


def test_revision_counts_every_change(path: Path) -> None:
    with Store.open(path) as store:
        assert store.revision == 0
        store.add(interview(1))
        store.log("iv1", _event())
        store.undo()
        store.import_interviews([interview(2), interview(3)])
        assert store.revision == 4


def test_order_is_the_file_order_and_survives_reopening(path: Path) -> None:
    with Store.open(path) as store:
        for n in (3, 1, 2):
            store.add(interview(n))
        store.update(replace(store.get("iv3"), notes="edited"))
        order = [i.id for i in store.interviews()]
    assert order == ["iv3", "iv1", "iv2"]
    assert [i.id for i in read_back(path)] == order


def test_import_keeps_ids_replaces_clashes_and_saves_once(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
        saves: list[Path] = []

        def counted(p: Path, data: bytes) -> os.stat_result:
            saves.append(p)
            return write_atomic(p, data)

        monkeypatch.setattr(tinystorage, "write_atomic", counted)
        count = store.import_interviews([interview(1, notes="newer"), interview(2)])
        assert count == 2
        assert saves == [store.path]
        assert [i.notes for i in store.interviews()] == ["newer", "notes for 2"]


def test_import_is_all_or_nothing(path: Path) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
        before = path.read_bytes()
        with pytest.raises(CodecError, match=r"interview 2 .*duration_minutes"):
            store.import_interviews([interview(2), interview(3, duration_minutes=-5)])
        with pytest.raises(CodecError, match=r"interview 2 .*duplicate id 'iv2'"):
            store.import_interviews([interview(2), interview(2)])
        assert store.import_interviews([]) == 0
        assert [i.id for i in store.interviews()] == ["iv1"]
        assert path.read_bytes() == before


def test_export_import_export_through_the_store(path: Path, tmp_path: Path) -> None:
    with Store.open(path) as store:
        store.import_interviews([interview(n) for n in range(5)])
        store.log("iv3", _event(EventKind.REPLY, outcome=Outcome.STILL_DECIDING))
        first = interviews_to_document(store.interviews())
    with Store.open(tmp_path / "other.json") as other:
        other.import_interviews(document_to_interviews(copy.deepcopy(first)))
        assert interviews_to_document(other.interviews()) == first


def test_undo_describes_and_reverts_each_kind_of_change(path: Path) -> None:
    with Store.open(path) as store:
        assert store.undo() is None
        assert not store.can_undo()
        store.add(interview(1))
        store.log("iv1", _event(to="Dana Ruiz"))
        store.log("iv1", _event(EventKind.CHECK_IN_SENT))
        store.update(replace(store.get("iv1"), archived=True))
        store.update(replace(store.get("iv1"), archived=False, notes="x"))
        store.import_interviews([interview(2), interview(1, notes="imported")])
        store.remove("iv2")
        said = []
        while store.can_undo():
            said.append(store.undo())
        assert store.interviews() == []
    assert said == [
        "Undone: the removal of Company 2",
        "Undone: the import of 2 interviews",
        "Undone: the edit to Company 1",
        "Undone: archiving Company 1",
        "Undone: the check-in logged for Company 1",
        "Undone: the thank-you logged for Company 1",
        "Undone: adding Company 1",
    ]


def test_undo_is_saved_and_belongs_to_the_session(path: Path) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
        store.remove("iv1")
        assert store.undo() == "Undone: the removal of Company 1"
    with Store.open(path) as store:
        assert store.interviews() == [interview(1)]
        assert not store.can_undo()
        assert store.undo() is None


def test_the_backup_is_the_file_as_the_session_found_it(path: Path) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
    backup = backup_path_for(path)
    assert not backup.exists()  # there was nothing to back up
    first = path.read_bytes()
    with Store.open(path):
        pass
    assert not backup.exists()  # no save, no backup
    with Store.open(path) as store:
        store.add(interview(2))
        assert backup.read_bytes() == first
        store.add(interview(3))
        assert backup.read_bytes() == first  # once per session
    assert read_back(backup) == [interview(1)]


def test_reads_and_changes_never_read_the_file_again(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(path) as store:
        store.import_interviews([interview(n) for n in range(50)])
    with Store.open(path) as store:
        real_open = builtins.open

        def no_reading(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            assert "r" not in mode or Path(file).name != path.name, "the data file was re-read"
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", no_reading)
        monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self}"))
        assert len(store.interviews()) == 50
        store.log("iv7", _event())
        store.remove("iv8")
        assert store.get("iv7").events == (_event(),)


def test_changes_from_many_threads_are_all_saved(path: Path) -> None:
    with Store.open(path) as store:
        store.import_interviews([interview(n) for n in range(4)])

        def worker(n: int) -> None:
            for k in range(15):
                store.log(f"iv{n % 4}", _event(EventKind.NOTE, text=f"{n}-{k}"))

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.revision == 1 + 8 * 15
        assert sum(len(i.events) for i in store.interviews()) == 8 * 15
        assert read_back(path) == store.interviews()


def test_reads_answer_at_once_while_another_thread_saves(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
        saving, release = threading.Event(), threading.Event()
        order: list[str] = []

        def slow_disk(p: Path, data: bytes) -> os.stat_result:
            saving.set()
            release.wait()
            order.append("saved")
            return write_atomic(p, data)

        monkeypatch.setattr(tinystorage, "write_atomic", slow_disk)
        writer = threading.Thread(target=store.add, args=(interview(2),))
        writer.start()
        saving.wait()
        # A safety valve so that a read which did wait can't hang the suite: it would then
        # come after "saved" and fail below.
        valve = threading.Timer(10, release.set)
        valve.start()
        seen = (store.interviews(), store.get("iv1"), store.can_undo(), store.revision)
        order.append("read")
        release.set()
        writer.join()
        valve.cancel()
        assert order == ["read", "saved"]
        assert seen == ([interview(1)], interview(1), True, 1)
        assert [i.id for i in store.interviews()] == ["iv1", "iv2"]


def test_a_read_only_store_refuses_changes(path: Path) -> None:
    with Store.open(path) as store:
        store.add(interview(1))
    before = path.read_bytes()
    with Store.open(path, read_only=True) as reader:
        for change in (
            lambda: reader.add(interview(2)),
            lambda: reader.update(interview(1, notes="x")),
            lambda: reader.log("iv1", _event()),
            lambda: reader.remove("iv1"),
            lambda: reader.import_interviews([interview(3)]),
        ):
            with pytest.raises(StoreError, match="is open read-only"):
                change()
        assert not reader.can_undo() and reader.undo() is None
        assert reader.interviews() == [interview(1)]
    assert path.read_bytes() == before


def test_a_closed_store_refuses_changes_and_frees_the_lock(path: Path) -> None:
    store = Store.open(path)
    store.add(interview(1))
    store.close()
    store.close()
    with pytest.raises(StoreError, match="has been closed"):
        store.add(interview(2))
    assert not store.can_undo()
    with Store.open(path) as again:
        assert again.interviews() == [interview(1)]


def test_a_writer_clears_temporary_files_left_by_a_killed_save(path: Path) -> None:
    path.parent.mkdir()
    leftover = path.with_name(".followup.json.0123456789ab.tmp")
    leftover_backup = path.with_name(".followup.json.bak.0123456789ab.tmp")
    other = path.with_name(".notes.txt.0123456789ab.tmp")
    for item in (leftover, leftover_backup, other):
        item.write_bytes(b'{"half": ')
    Store.open(path, read_only=True).close()
    assert len(temp_files(path.parent)) == 3  # a reader never deletes anything
    Store.open(path).close()
    assert temp_files(path.parent) == [other.name]


UNDONE = {
    EventKind.THANK_YOU_SENT: "Undone: the thank-you logged for Acme",
    EventKind.CHECK_IN_SENT: "Undone: the check-in logged for Acme",
    EventKind.REPLY: "Undone: the reply from Acme",
    EventKind.UPDATE_SENT: "Undone: the update logged for Acme",
    EventKind.CLOSING_NOTE_SENT: "Undone: the closing note logged for Acme",
    EventKind.THANKS_SENT: "Undone: the thanks logged for Acme",
    EventKind.KEEP_WARM_CHOSEN: "Undone: keeping Acme warm",
    EventKind.KEEP_WARM_SENT: "Undone: the keep-warm note logged for Acme",
    EventKind.SNOOZED: "Undone: snoozing Acme",
    EventKind.REFERENCE_CONTACTED: "Undone: the reference contact logged for Acme",
    EventKind.WITHDREW: "Undone: the withdrawal from Acme",
    EventKind.NOTE: "Undone: the note on Acme",
    EventKind.OFFER_ACCEPTED: "Undone: the accepted offer at Acme",
    EventKind.OFFER_DECLINED: "Undone: the declined offer at Acme",
}
"""What undo says after logging each kind of event for Acme."""


def test_undo_names_every_kind_of_event_in_plain_words(path: Path) -> None:
    assert set(UNDONE) == set(EventKind)
    with Store.open(path) as store:
        store.add(interview(1, company="Acme"))
        for kind, said in UNDONE.items():
            at = START + timedelta(days=1)
            outcome = Outcome.STILL_DECIDING if kind is EventKind.REPLY else None
            until = (at + timedelta(days=7)).date() if kind is EventKind.SNOOZED else None
            store.log("iv1", Event(kind, at, outcome=outcome, until=until))
            assert store.undo() == said
