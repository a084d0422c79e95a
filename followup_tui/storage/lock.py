"""One writer per data file: an exclusive ``flock`` on ``<file>.lock``.

The operating system drops the lock when the process ends, however it ends (SIGKILL, a
closed terminal, a crash), so a dead process never blocks the next start. Readers don't
lock: atomic renames already guarantee them a whole file.

A lock on a file that no longer has the lock's name guards nothing: a sync client (or a
person) may delete or replace ``<file>.lock`` while it is held, and the next followup would
lock the new file. So a lock is only taken once the name is seen to still lead to the very
file locked, and the holder checks that again before each save (:meth:`WriterLock.hold`),
locking a fresh file under the name when it has gone.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import suppress
from pathlib import Path

from followup_tui import regular
from followup_tui.paths import lock_path_for
from followup_tui.storage.atomic import FILE_MODE
from followup_tui.storage.errors import StoreError, StoreLocked


class WriterLock:
    """The exclusive right to write one data file, held until :meth:`release`."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self.path = path
        """The lock file."""

    @classmethod
    def acquire(cls, data_path: Path) -> WriterLock:
        """Take the lock for ``data_path`` without waiting.

        Raises :class:`StoreLocked` if another process holds it, :class:`StoreError` if the
        lock file can't be created.
        """
        path = lock_path_for(data_path)
        for _ in range(_ATTEMPTS):
            fd = cls._lock_file(data_path, path)
            if _names(path, fd):
                break
            os.close(fd)  # replaced or deleted between our open and our lock: again
        else:
            raise StoreError(f"Can't lock {path}: another program keeps replacing it.")
        # Who holds it, for the message a second instance shows; not needed for safety.
        with suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(fd, path)

    def still_named(self) -> bool:
        """True while the lock's name still leads to the file locked (a ``stat``)."""
        return self._fd < 0 or _names(self.path, self._fd)

    def hold(self, data_path: Path) -> None:
        """Make sure the lock's name still leads to the file locked; if something deleted
        or replaced it, lock a fresh one under the name (no error: when another process
        got there first, the store's check of the data file still keeps both sides'
        changes)."""
        if self._fd < 0 or _names(self.path, self._fd):
            return
        with suppress(StoreError):
            fresh = WriterLock.acquire(data_path)
            old, self._fd = self._fd, fresh._fd
            fresh._fd = -1
            os.close(old)

    @classmethod
    def _lock_file(cls, data_path: Path, path: Path) -> int:
        try:
            fd = regular.open_fd(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except regular.NotRegular as exc:
            raise StoreError(f"Can't lock {path}: {exc.strerror}. Move it away.") from None
        except OSError as exc:
            raise StoreError(
                f"Can't open {data_path} for writing: the lock file {path} can't be created "
                f"({exc.strerror}). Check that you may write in {path.parent}; "
                "`followup status` and `followup export` still work, read-only."
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            who = f" (process {holder})" if holder else ""
            raise StoreLocked(
                f"{data_path} is already open in another followup{who}. Close that one to "
                "make changes here; `followup status` and `followup export` work meanwhile."
            ) from None
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"Can't lock {path} ({exc.strerror}).") from None
        return fd

    @staticmethod
    def is_free(data_path: Path) -> bool:
        """True when no process holds the lock of ``data_path`` (checked without taking it
        for long, and without creating the lock file)."""
        path = lock_path_for(data_path)
        try:
            fd = regular.open_fd(path, os.O_RDONLY)
        except FileNotFoundError:
            return True
        except OSError:  # NotRegular too: nothing followup could have locked
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True

    def release(self) -> None:
        """Give the lock up (idempotent)."""
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


_ATTEMPTS = 5
"""How often to try again when the lock file is replaced while being locked."""


def _names(path: Path, fd: int) -> bool:
    """True when ``path`` still leads to the file open as ``fd``."""
    try:
        named, held = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _read_pid(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
