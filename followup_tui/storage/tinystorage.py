"""A TinyDB storage that keeps the data in memory and saves it atomically.

Stock ``JSONStorage`` re-reads the file for every query and rewrites it in place, so a kill
mid-write leaves half a file. This one is handed the data already read and checked, answers
TinyDB from memory, and saves with one ``orjson.dumps`` and one :func:`write_atomic`.

Changes can be grouped in a :meth:`AtomicJSONStorage.batch`: one save at the end, and if
anything fails (the save itself, or an error half-way) the memory goes back to what is on
disk, so memory and file never disagree.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import orjson
from tinydb.storages import Storage

from followup_tui.storage.atomic import FolderSyncError, write_atomic
from followup_tui.storage.datafile import Tables, empty_tables
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
        before_first_save: Callable[[], None] = lambda: None,
    ) -> None:
        """``tables`` is the content already read from ``path``, whose bytes are ``on_disk``
        (None when there is no file yet). ``before_first_save`` runs once, before the first
        write of the session (it makes the backup); if it raises, nothing is saved."""
        super().__init__()
        self.path = path
        """The data file."""
        self._tables = tables
        self._on_disk = on_disk
        self._before_first_save: Callable[[], None] | None = before_first_save
        self._depth = 0
        self._dirty = False

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
        if self._before_first_save is not None:
            self._before_first_save()
            self._before_first_save = None
        try:
            write_atomic(self.path, data)
        except FolderSyncError as exc:
            restored = self._put_back_old_file()
            raise _save_error(self.path, exc, restored) from None
        except OSError as exc:
            raise _save_error(self.path, exc, True) from None
        self._on_disk = data

    def _put_back_old_file(self) -> bool:
        """After a failed folder sync the new file is in place: put the old one back."""
        try:
            if self._on_disk is None:
                os.unlink(self.path)
            else:
                with suppress(FolderSyncError):
                    write_atomic(self.path, self._on_disk)
        except OSError:
            return False
        return True


def _save_error(path: Path, exc: OSError, unchanged: bool) -> StoreError:
    why = exc.strerror or str(exc)
    state = (
        "Nothing was changed: the file still holds what was saved before."
        if unchanged
        else "The file may hold this change even so; the app shows what was saved before."
    )
    hint = _HINTS.get(exc.errno or 0, "")
    return StoreError(" ".join(p for p in (f"Couldn't save to {path}: {why}.", state, hint) if p))
