"""One writer per data file: an exclusive ``flock`` on ``<file>.lock``.

The operating system drops the lock when the process ends, however it ends (SIGKILL, a
closed terminal, a crash), so a dead process never blocks the next start. Readers don't
lock: atomic renames already guarantee them a whole file.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import suppress
from pathlib import Path

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
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
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
        # Who holds it, for the message a second instance shows; not needed for safety.
        with suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(fd, path)

    def release(self) -> None:
        """Give the lock up (idempotent)."""
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _read_pid(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
