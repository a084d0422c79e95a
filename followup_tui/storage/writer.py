"""What only a writer of the data file needs: its folder, its lock, TinyDB's table of
interviews over the atomic storage, and the one write that saves a change to it.

Imported when a store opens for writing, never for a reader (``followup status`` loads
neither TinyDB nor this).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.core.codec import interview_to_dict
from followup_tui.paths import backup_path_for
from followup_tui.storage import datafile
from followup_tui.storage.atomic import make_folders, remove_stale_temps, write_atomic
from followup_tui.storage.datafile import INTERVIEWS, Loaded
from followup_tui.storage.errors import StoreError
from followup_tui.storage.lock import WriterLock
from followup_tui.storage.tinystorage import AtomicJSONStorage, open_table

if TYPE_CHECKING:
    from tinydb.table import Table

    from followup_tui.core.model import Interview


def open_for_writing(path: Path) -> tuple[WriterLock, Loaded]:
    """The lock of the data file at ``path`` and what it holds, its folder made if need
    be and the temporary files a killed save left removed. Raises :class:`StoreLocked` if
    another process has the lock, :class:`StoreError` if the file can't be used."""
    if not path.parent.is_dir():
        try:
            make_folders(path.parent)
        except OSError as exc:
            raise StoreError(
                f"Can't create the folder {path.parent} for the data file ({exc.strerror})."
            ) from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"Can't open {path} for writing: its folder {path.parent} is read-only. "
            "`followup status` and `followup export` still work, read-only."
        )
    lock, loaded = lock_and_read(path)
    remove_stale_temps(path)
    return lock, loaded


def lock_and_read(path: Path) -> tuple[WriterLock, Loaded]:
    """Take the lock of the data file at ``path``, then read it (the lock given back if
    it can't be read). Raises :class:`StoreLocked` if another process has the lock."""
    lock = WriterLock.acquire(path)
    try:
        loaded = datafile.load(path)
    except BaseException:
        lock.release()
        raise
    return lock, loaded


class Writer:
    """TinyDB's table of interviews over our atomic storage, backing up what it replaces."""

    def __init__(self, path: Path, loaded: Loaded) -> None:
        """Write to ``path``, whose version ``loaded`` was read last."""
        backup = backup_path_for(path)

        def back_up(replaced: bytes) -> None:
            try:
                write_atomic(backup, replaced)
            except OSError as exc:
                raise StoreError(
                    f"Couldn't save to {path}: the backup {backup} can't be written "
                    f"({exc.strerror}). Nothing was changed."
                ) from None

        self.storage: AtomicJSONStorage = AtomicJSONStorage(
            path, loaded.tables, loaded.raw, back_up, loaded.stamp
        )
        """Saves every change (or batch of changes) atomically."""
        self.table: Table = open_table(self.storage, INTERVIEWS)
        """The interviews, one TinyDB document each."""

    def adopt(self, loaded: Loaded) -> None:
        """Take another program's version of the file as the one to change next."""
        self.storage.adopt(loaded.tables, loaded.raw, loaded.stamp)
        # A new table: the old one remembers the next document id of the old version.
        self.table = open_table(self.storage, INTERVIEWS)

    def save(
        self,
        puts: Mapping[str, Interview],
        removes: Sequence[str],
        doc_ids: Mapping[str, int],
    ) -> dict[str, int]:
        """Write ``puts`` (replacing the interview of the same id when ``doc_ids`` has it,
        else added) and ``removes`` (ids ``doc_ids`` has) in one atomic write; returns the
        document id of each interview added."""
        replacing = {i: interview_to_dict(v) for i, v in puts.items() if i in doc_ids}
        adding = [(i, interview_to_dict(v)) for i, v in puts.items() if i not in doc_ids]
        table = self.table
        with self.storage.batch():
            if replacing:

                def swap(doc: MutableMapping[str, object]) -> None:
                    new = replacing[str(doc["id"])]
                    doc.clear()
                    doc.update(new)

                table.update(swap, doc_ids=[doc_ids[i] for i in replacing])
            if removes:
                table.remove(doc_ids=[doc_ids[i] for i in removes])
            new_doc_ids = table.insert_multiple([d for _, d in adding]) if adding else []
        return {i: doc_id for (i, _), doc_id in zip(adding, new_doc_ids, strict=True)}
