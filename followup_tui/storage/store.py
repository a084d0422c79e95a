"""The store: the user's interviews in one TinyDB JSON file, safe against crashes and races.

- One writer at a time (a lock the OS drops when the process dies); readers never lock.
- Read once, kept in memory; every change is saved before the call returns, atomically
  and fsynced, so the file always holds the whole old state or the whole new one.
- A file that can't be read is never written: :class:`StoreError` says what is wrong and
  how to restore the backup kept beside it (the bytes each session's first save replaces).
- Never overwrites another program's change: before each save the file's stamp (device,
  inode, size, mtime) is compared with what was last read or written; if a sync client or
  another device changed it, that version is read, merged with this change
  (:mod:`followup_tui.storage.outside`), backed up, and only then written over, and
  :meth:`Store.take_notices` has a line for the user.
- Every change of a field is timed, from the store's clock
  (:mod:`followup_tui.storage.edit_times`).
- What only a writer needs (the lock, TinyDB, the write itself) is
  :mod:`followup_tui.storage.writer`'s, imported when a store opens for writing.
- Every method is thread-safe, so the app can save from a worker thread; reads
  (``interviews``, ``get``, ``can_undo``, ``revision``) never wait for a save in progress.

Each stored interview is the interchange record of :mod:`followup_tui.core.codec`, and
everything is checked by that codec before it is saved, so what is saved always reads back.
"""

from __future__ import annotations

import os
import shlex
import threading
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from followup_tui.core.codec import CodecError, checked
from followup_tui.core.model import Event, Interview
from followup_tui.paths import conflict_copies
from followup_tui.storage import datafile, history
from followup_tui.storage.datafile import Loaded
from followup_tui.storage.errors import StoreError, StoreLocked

if TYPE_CHECKING:
    from followup_tui.clock import Clock
    from followup_tui.storage.lock import WriterLock
    from followup_tui.storage.merge import Merged
    from followup_tui.storage.writer import Writer

__all__ = ["Store", "StoreError", "StoreLocked"]


class Store:
    """The user's interviews, kept in memory and saved on every change."""

    def __init__(
        self, path: Path, loaded: Loaded, lock: WriterLock | None, clock: Clock | None = None
    ) -> None:
        """Use :meth:`open`."""
        self.path = path
        """The data file (absolute, symbolic links resolved)."""
        self.clock = clock
        """What times each change of a field (None: the clock ``FOLLOWUP_NOW`` names, or
        the system's)."""
        self.read_only = lock is None
        """True when opened for reading only: every change raises :class:`StoreError`."""
        self.revision = 0
        """Goes up by one with every saved change (the UI reloads when it moves)."""
        self.saved_here = False
        """Whether this store has written the file (a change, a merge, an undo)."""
        self._lock = lock
        # Serialises changes. Reads don't take it: each change publishes a new dict, never
        # touched again, so a read during a slow save answers at once from the old one.
        self._mutex = threading.RLock()
        self._by_id: Mapping[str, Interview] = loaded.interviews
        self._doc_ids = loaded.doc_ids
        self._history = history.History()
        self._closed = False
        self._notices: list[str] = []
        self._stamp = loaded.stamp  # a reader's: what it last read
        self._refused: datafile.Stamp | None = None  # a version refresh found unusable
        self._conflicts_told: set[Path] = set()
        # A reader never writes: it needs neither TinyDB nor the tables the file parsed to,
        # so `followup status` imports neither and frees those as soon as it has read.
        self._writer = None if lock is None else _writer(path, loaded)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, clock: Clock | None = None) -> Store:
        """Open the data file at ``path`` (a missing file is a new, empty store).

        A writer takes the lock (:class:`StoreLocked` if another process has it) and may
        create the folder. A reader takes no lock, creates nothing and always works while
        another process writes. Raises :class:`StoreError` if the file can't be used.
        ``clock`` times each change of a field (default: see :attr:`clock`).
        """
        path = Path(os.path.realpath(Path(path).expanduser()))
        datafile.refuse_unusual(path)
        if read_only:
            return cls(path, datafile.load(path), None, clock)
        from followup_tui.storage.writer import open_for_writing

        lock, loaded = open_for_writing(path)
        return cls(path, loaded, lock, clock)

    def interviews(self) -> list[Interview]:
        """Every interview, in file order (new ones last). From memory: no disk read."""
        return list(self._by_id.values())

    def get(self, interview_id: str) -> Interview:
        """The interview with this id; ``KeyError`` if there is none."""
        return self._by_id[interview_id]

    def changed_elsewhere(self) -> bool:
        """A quick look (a ``stat``, no lock, never waiting for a save): True when
        :meth:`refresh` has something to take in, or when the lock file was deleted or
        replaced (refresh locks it again). A writer gone is :meth:`writer_gone`'s to say."""
        if self._closed:
            return False
        if self._refused is not None and _stamp_now(self.path) == self._refused:
            return False  # said once already: not again every few seconds
        if set(conflict_copies(self.path)) - self._conflicts_told:
            return True
        writer = self._writer
        if writer is not None:
            lock = self._lock
            lost = lock is not None and not lock.still_named()  # refresh takes it again
            return lost or writer.storage.changed_on_disk()
        return _stamp_now(self.path) != self._stamp

    def writer_gone(self) -> bool:
        """True when this store is read-only and no process holds the file's lock any
        more (the window that was writing has closed): :meth:`take_over` may then succeed.
        A quick look that takes nothing."""
        if not self.read_only or self._closed:
            return False
        from followup_tui.storage.lock import WriterLock

        return WriterLock.is_free(self.path)

    def take_over(self) -> bool:
        """Become the writer of a read-only store: take the lock, then read the file afresh
        (the window that had it may have saved since this one last looked). True when this
        store may now make changes; False, still read-only, when another process holds the
        lock (a third window got there first). Raises :class:`StoreError` if the file can't
        be read, the lock given back."""
        from followup_tui.storage.writer import lock_and_read

        with self._mutex:
            if self._closed:
                return False
            if not self.read_only:
                return True
            try:
                lock, loaded = lock_and_read(self.path)
            except StoreLocked:
                return False
            self._lock, self._writer, self.read_only = lock, _writer(self.path, loaded), False
            self._refused = None
            self._take_in(loaded)
            return True

    def refresh(self) -> bool:
        """Take in what another program saved to the file since it was last read or
        written here (a read-only store stays read-only: see :meth:`take_over`). True when
        anything changed (the revision moves, and :meth:`take_notices` says what)."""
        with self._mutex:
            if self._closed:
                return False
            if self._lock is not None:
                self._lock.hold(self.path)
            self._tell_conflicts()
            try:
                return self._refresh()
            except StoreError as exc:
                self._refused = _stamp_now(self.path)
                self._notices.append(str(exc))
                return False

    def _refresh(self) -> bool:
        writer = self._writer
        if writer is None:
            return self._refresh_reader()
        if not writer.storage.changed_on_disk():
            return False
        fresh = datafile.reread(self.path)
        if fresh.raw is None:
            return False
        writer.adopt(fresh)
        self._take_in(fresh)
        self._notices.append(f"{self.path.name} was changed by another program: updated.")
        return True

    def _refresh_reader(self) -> bool:
        if _stamp_now(self.path) == self._stamp:
            return False
        self._take_in(datafile.reread(self.path))
        self._notices.append(f"{self.path.name} was changed by the other followup: updated.")
        return True

    def _take_in(self, loaded: Loaded) -> None:
        """Memory follows a version of the file read from disk."""
        self._by_id, self._doc_ids, self._stamp = loaded.interviews, loaded.doc_ids, loaded.stamp
        self._history = history.History()
        self.revision += 1

    def _tell_conflicts(self) -> None:
        for copy in sorted(set(conflict_copies(self.path)) - self._conflicts_told):
            self._conflicts_told.add(copy)
            self._notices.append(
                f"A sync conflict copy lies beside {self.path.name}: {copy.name}. "
                f"Fold it in with: followup merge {shlex.quote(str(copy))}"
            )

    def merge_in(
        self, other: Mapping[str, Interview], *, other_is_newer: bool, at: datetime
    ) -> Merged:
        """Fold another version of the data (a sync conflict copy) into the store, in one
        save: nothing is removed from either; a field the two hold differently takes the
        value of the side that changed it later (by the interviews' edit times), or, when
        that is not known, the newer version's, and keeps the other in a note dated ``at``
        (see :mod:`followup_tui.storage.merge`). Returns what it took in."""
        from followup_tui.storage.outside import folded_in

        with self._mutex:
            merged, puts = folded_in(self._by_id, other, other_is_newer=other_is_newer, at=at)
            if puts:
                # The merge kept each field's edit time: taking a value in is no new edit.
                self._apply(puts, (), f"merge of {len(puts)} interviews", timed=False)
            return merged

    def take_notices(self) -> list[str]:
        """What the user should be told since the last call (a merge of another program's
        change, one line each), then forgotten."""
        with self._mutex:
            notices, self._notices = self._notices, []
            return notices

    def can_undo(self) -> bool:
        """True when this session has a change to undo (never waits for a save)."""
        return bool(self._history) and not self.read_only and not self._closed

    def add(self, interview: Interview) -> Interview:
        """Save a new interview and return it as stored (an empty id gets a fresh one).

        Raises ``CodecError`` if it can't be stored, ``ValueError`` if the id is taken.
        """
        new = checked(interview)
        with self._mutex:
            if new.id in self._by_id:
                raise ValueError(f"an interview with id {new.id!r} already exists")
            self._apply({new.id: new}, (), history.added(new.company))
        return new

    def update(self, interview: Interview) -> None:
        """Replace the interview with the same id (``KeyError`` if there is none)."""
        new = checked(interview)
        with self._mutex:
            old = self._by_id[new.id]
            # Edit times alone are no change (a caller may hold a copy read before one).
            if replace(new, edited=old.edited) != old:
                self._apply({new.id: new}, (), history.edited(old, new))

    def log(self, interview_id: str, event: Event) -> Interview:
        """Append ``event`` to an interview's log; return the interview as it now is."""
        with self._mutex:
            new = checked(self._by_id[interview_id].with_event(event))
            self._apply({new.id: new}, (), history.logged(event.kind, new.company))
            return new

    def remove(self, interview_id: str) -> None:
        """Delete an interview (``KeyError`` if there is none)."""
        with self._mutex:
            old = self._by_id[interview_id]
            self._apply({}, (interview_id,), history.removed(old.company))

    def import_interviews(self, interviews: Iterable[Interview]) -> int:
        """Add many interviews in one save, all or nothing; returns how many.

        Ids are kept (an empty one gets a fresh id). An interview whose id is already in
        the store replaces it, so importing an export of this file changes nothing.
        Raises ``CodecError`` (nothing saved) if any of them can't be stored or two share
        an id.
        """
        batch = list(interviews)
        return len(self.save_together(batch, history.imported(len(batch))))

    def save_together(self, interviews: Iterable[Interview], what: str) -> list[Interview]:
        """Save several interviews in one write, all or nothing, as one change that undo
        takes back whole and names ``what`` ("the reply from Acme and its next round").

        An interview whose id is in the store replaces it; an empty id gets a fresh one.
        Returns them as stored. Raises ``CodecError`` (nothing saved) if any of them can't
        be stored or two share an id.
        """
        batch: dict[str, Interview] = {}
        for index, interview in enumerate(interviews, 1):
            new = checked(interview, index)
            if new.id in batch:
                label = f"interview {index} ({new.company})"
                raise CodecError(f"duplicate id {new.id!r}", record=label, field="id")
            batch[new.id] = new
        if batch:
            with self._mutex:
                self._apply(batch, (), what)
        return list(batch.values())

    def undo(self) -> str | None:
        """Revert the newest change of this session, saving at once.

        Returns what was undone ("Undone: the thank-you logged for Acme"), or None if
        nothing.
        """
        with self._mutex:
            change = self._history.last()
            if change is None or self.read_only or self._closed:
                return None
            puts = {i: before for i, before in change.before if before is not None}
            gone = tuple(i for i, before in change.before if before is None)
            self._apply(puts, gone, "", record=False)
            if self._history.last() is change:  # a merge on the way starts history afresh
                self._history.drop_last()
            return f"Undone: {change.description}"

    def close(self) -> None:
        """Release the lock; the store can't be changed any more (idempotent)."""
        with self._mutex:
            self._closed = True
            if self._lock is not None:
                from followup_tui.storage.atomic import wait_for_cleanup

                wait_for_cleanup()  # the old file the last save set aside is gone
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _apply(
        self,
        puts: dict[str, Interview],
        removes: Iterable[str],
        what: str,
        record: bool = True,
        timed: bool = True,
    ) -> None:
        """Save ``puts`` (new or replacing) and ``removes`` in one atomic write; then, and
        only then, update memory, the revision and the undo history.

        With ``timed``, each field a put changes gets the time now as its edit time, in
        ``puts`` itself, so a caller returning them returns them as saved."""
        if self._closed:
            raise StoreError(f"{self.path} has been closed; nothing was saved.")
        writer = self._writer
        if writer is None:
            raise StoreError(
                f"{self.path} is open read-only (another followup window is editing it); "
                "nothing was saved."
            )
        if self._lock is not None:
            self._lock.hold(self.path)
        if timed:
            from followup_tui.storage.edit_times import time_edits

            time_edits(self._by_id, puts, self._now)
        if writer.storage.changed_on_disk():
            # Undo history starts afresh from the other program's version, with this change
            # in it: undoing it puts back that version's interviews, not older ones.
            puts, removes = self._merge_from_disk(writer, puts, removes)
        removes = [i for i in removes if i in self._by_id]
        new_doc_ids = writer.save(puts, removes, self._doc_ids)
        self.saved_here = True
        # Saved: now memory may follow.
        before = tuple((i, self._by_id.get(i)) for i in [*puts, *removes])
        by_id = dict(self._by_id)
        for interview_id in removes:
            del by_id[interview_id]
            del self._doc_ids[interview_id]
        self._doc_ids.update(new_doc_ids)
        by_id.update(puts)
        self._by_id = by_id
        self.revision += 1
        if record:
            self._history.push(history.Change(what, before))

    def _now(self) -> datetime:
        from followup_tui.clock import clock_from_env

        if self.clock is None:
            self.clock = clock_from_env()
        return self.clock.now().astimezone(UTC)

    def _merge_from_disk(
        self, writer: Writer, puts: dict[str, Interview], removes: Iterable[str]
    ) -> tuple[dict[str, Interview], list[str]]:
        """Another program changed the file: read it, merge this change into it, and return
        the change to make to *its* version (which memory now follows)."""
        from followup_tui.storage.outside import merged_notice, under_outside_change

        fresh = datafile.reread(self.path)
        merged, new_puts, new_removes = under_outside_change(self._by_id, puts, removes, fresh)
        writer.adopt(fresh)
        self._by_id, self._doc_ids = fresh.interviews, fresh.doc_ids
        self._history = history.History()
        self._notices.append(merged_notice(merged, "another program changed", self.path))
        return new_puts, new_removes


def _stamp_now(path: Path) -> datafile.Stamp | None:
    try:
        return datafile.stamp_of(os.stat(path))
    except OSError:
        return None


def _writer(path: Path, loaded: Loaded) -> Writer:
    """What a writer needs to save, imported only when a store opens for writing."""
    from followup_tui.storage.writer import Writer

    return Writer(path, loaded)
