"""A TinyDB storage that keeps the data in memory and saves it atomically.

Stock ``JSONStorage`` re-reads the file for every query and rewrites it in place, so a kill
mid-write leaves half a file. This one is handed the data already read and checked, answers
TinyDB from memory, and saves with one ``orjson.dumps`` and one :func:`write_atomic`.

Changes can be grouped in a :meth:`AtomicJSONStorage.batch`: one save at the end, and if
anything fails (the save itself, or an error half-way) the memory goes back to what is on
disk, so memory and file never disagree.

:func:`open_table` gives the TinyDB table the store changes: one that changes documents
where they are, instead of TinyDB's copy of the whole table (twice) for every change.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from followup_tui import regular
from followup_tui.storage.atomic import FolderSyncError, wait_for_cleanup, write_atomic
from followup_tui.storage.datafile import Stamp, Tables, empty_tables, stamp_of
from followup_tui.storage.errors import StoreError

_HINTS = {
    errno.ENOSPC: "The disk is full: free some space, then try again.",
    errno.EDQUOT: "Your disk quota is used up: free some space, then try again.",
    errno.EACCES: "followup may not write in that folder: check its permissions.",
    errno.EPERM: "followup may not write in that folder: check its permissions.",
    errno.EROFS: "That disk is read-only.",
    errno.EIO: "The disk reported an input/output error: it may be failing.",
}


class AtomicJSONStorage(Storage):
    """TinyDB storage: read once, kept in memory, each save atomic and fsynced."""

    def __init__(
        self,
        path: Path,
        tables: Tables,
        on_disk: bytes | None,
        back_up: Callable[[bytes], None] = lambda _: None,
        stamp: Stamp | None = None,
    ) -> None:
        """``tables`` is the content already read from ``path``, whose bytes are ``on_disk``
        (None when there is no file yet) and whose :data:`Stamp` is ``stamp``. ``back_up``
        is given the bytes about to be replaced, before the first write of the session and
        before the first write over another program's version; if it raises, nothing is
        saved."""
        super().__init__()
        self.path = path
        """The data file."""
        self._tables = tables
        self._on_disk = on_disk
        self._stamp = stamp
        self._back_up = back_up
        self._backup_due = True
        self._depth = 0
        self._dirty = False

    def changed_on_disk(self) -> bool:
        """True when the file is no longer what was last read or written here: another
        program replaced or rewrote it (a file that is gone counts as unchanged: writing
        ours loses nothing).

        A cheap ``stat`` when nothing changed; only a changed stamp costs a read, to tell
        a real change from a mere touch.
        """
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        except OSError:
            return False  # the save itself will report what is wrong
        if self._on_disk is None:
            return True  # a file appeared where there was none
        stamp = stamp_of(st)
        if stamp == self._stamp:
            return False
        try:
            same = regular.read_bytes(self.path) == self._on_disk
        except OSError:
            return False
        if same:
            self._stamp = stamp
        return not same

    def adopt(self, tables: Tables, on_disk: bytes | None, stamp: Stamp | None) -> None:
        """Take another program's version of the file as the one on disk: the next save
        writes over it (backing it up first)."""
        self._tables = tables
        self._on_disk = on_disk
        self._stamp = stamp
        self._backup_due = True

    def read(self) -> Tables:
        """The current data (TinyDB may change it in place; a failed batch undoes that)."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Take TinyDB's new state; save it now, or at the end of the current batch."""
        self._tables = data
        if self._depth:
            self._dirty = True
        else:
            self._save_or_rollback()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group changes into one save; on any error, memory returns to the saved state."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._dirty = False
                self._rollback()
            raise
        self._depth -= 1
        if self._depth == 0 and self._dirty:
            self._dirty = False
            self._save_or_rollback()

    def _rollback(self) -> None:
        self._tables = empty_tables() if self._on_disk is None else orjson.loads(self._on_disk)

    def _save_or_rollback(self) -> None:
        try:
            self._save()
        except BaseException:
            self._rollback()
            raise

    def _save(self) -> None:
        try:
            # Compact: a third smaller than indented, so quicker to write and fsync.
            data = orjson.dumps(self._tables)
        except (TypeError, orjson.JSONEncodeError) as exc:
            raise StoreError(f"Couldn't save to {self.path}: {exc}. Nothing was changed.") from None
        if self._backup_due and self._on_disk is not None:
            self._back_up(self._on_disk)
        self._backup_due = False
        try:
            written = write_atomic(self.path, data)
        except FolderSyncError as exc:
            restored = self._put_back_old_file()
            raise _save_error(self.path, exc, restored) from None
        except OSError as exc:
            raise _save_error(self.path, exc, True) from None
        self._on_disk = data
        self._stamp = stamp_of(written)

    def _put_back_old_file(self) -> bool:
        """After a failed folder sync the new file is in place: put the old one back."""
        try:
            if self._on_disk is None:
                os.unlink(self.path)
            else:
                with suppress(FolderSyncError):
                    write_atomic(self.path, self._on_disk)
                wait_for_cleanup()  # the failed save leaves nothing behind when it reports
        except OSError:
            return False
        return True


class InPlaceTable(Table):
    """A TinyDB table whose changes touch only the documents they change.

    Stock TinyDB copies the whole table twice for a change to one document, holding the GIL
    the UI thread waits for. Changing the stored dict in place is safe here because
    :class:`AtomicJSONStorage` keeps the data in memory and, when a batch fails half-way,
    reloads it from the bytes on disk.
    """

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read() or {}
        # TinyDB's updaters only index, assign, pop and list keys: a view does for a dict.
        updater(_IntKeys(tables.setdefault(self.name, {})))  # type: ignore[arg-type]
        self._storage.write(tables)
        self.clear_cache()


class _IntKeys(MutableMapping[int, Any]):
    """A stored table (text ids) as TinyDB's updaters see it (integer ids)."""

    __slots__ = ("_docs",)

    def __init__(self, docs: dict[str, Any]) -> None:
        self._docs = docs

    def __getitem__(self, doc_id: int) -> Any:
        return self._docs[str(doc_id)]

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self._docs[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self._docs[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._docs

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    def clear(self) -> None:
        self._docs.clear()


class _TinyDB(TinyDB):
    table_class = InPlaceTable


def open_table(storage: AtomicJSONStorage, name: str) -> Table:
    """The TinyDB table ``name`` kept by ``storage``, changed in place."""
    return _TinyDB(storage=lambda: storage).table(name)


def _save_error(path: Path, exc: OSError, unchanged: bool) -> StoreError:
    why = exc.strerror or str(exc)
    state = (
        "Nothing was changed: the file still holds what was saved before."
        if unchanged
        else "The file may hold this change even so; the app shows what was saved before."
    )
    hint = _HINTS.get(exc.errno or 0, "")
    return StoreError(" ".join(p for p in (f"Couldn't save to {path}: {why}.", state, hint) if p))
