"""All-or-nothing file writes: a temporary file beside the target, fsynced, renamed over it.

A reader (or the next start after a crash) sees either the whole old file or the whole new
one, never a mix: ``os.replace`` swaps the name in one step, and the fsyncs make sure the
new bytes and the new name are on disk before we say "saved".

The old file is renamed aside and deleted by a thread once the save is done, because
freeing its blocks inside the rename over it would lengthen every save; the next write,
and the end of the program, wait for that thread.
"""

from __future__ import annotations

import errno
import glob
import os
import threading
from contextlib import suppress
from pathlib import Path

FILE_MODE = 0o600
"""Data files, backups and locks are readable by the user alone."""
FOLDER_MODE = 0o700
"""Folders we create for the data file."""


class FolderSyncError(OSError):
    """The new file is in place, but its folder could not be synced to disk.

    The rename may not survive a power cut; the caller decides whether to put the old
    content back.
    """


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name beside ``path`` (hidden, recognisable as ours)."""
    # os.urandom is what secrets.token_hex uses, without importing hashlib and hmac.
    return path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")


def stale_temp_paths(path: Path) -> list[Path]:
    """Temporary files a killed process may have left beside ``path`` (or its backup)."""
    pattern = os.path.join(glob.escape(str(path.parent)), f".{glob.escape(path.name)}.*.tmp")
    return [Path(p) for p in glob.glob(pattern, include_hidden=True)]


def remove_stale_temps(path: Path) -> None:
    """Delete temporary files left beside ``path`` by a process that died mid-save.

    Only safe while holding the writer lock: then no one else is writing one.
    """
    for stale in stale_temp_paths(path):
        with suppress(OSError):
            os.unlink(stale)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int = FILE_MODE) -> os.stat_result:
    """Replace the content of ``path`` with ``data``, all or nothing; return the ``stat`` of
    the new file (taken from the file itself, so another program's file renamed over it a
    moment later is never mistaken for ours).

    Raises ``OSError`` on failure; then ``path`` still holds its old content (or is still
    absent) and no temporary file is left behind. :class:`FolderSyncError` is the one
    exception: the new content is in place but the folder sync failed.
    """
    path = Path(path)
    wait_for_cleanup()
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    old = None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        old = _set_aside(path)
        os.replace(temp, path)
    except BaseException:
        for name in (temp, old):
            if name is not None:
                with suppress(OSError):
                    os.unlink(name)
        raise
    try:
        fsync_folder(path.parent)
    except OSError as exc:
        if old is not None:
            with suppress(OSError):
                os.unlink(old)
        raise FolderSyncError(exc.errno, exc.strerror, str(path.parent)) from exc
    if old is not None:
        _delete_later(old)
    return written


def _set_aside(path: Path) -> Path | None:
    """A second name for the current file at ``path``, or None (no file, or no hard links
    on this file system: then the rename frees its blocks, as it would anyway)."""
    aside = temp_path_for(path)
    try:
        os.link(path, aside, follow_symlinks=False)
    except OSError:
        return None
    return aside


_cleanup_lock = threading.Lock()
_cleanup: threading.Thread | None = None


def _delete_later(name: Path) -> None:
    global _cleanup
    # Not a daemon: the end of the program waits for it, so nothing is left behind.
    thread = threading.Thread(target=_delete, args=(name,), name="followup-cleanup")
    with _cleanup_lock:
        _cleanup = thread
        thread.start()


def _delete(name: Path) -> None:
    with suppress(OSError):  # left behind, it is a stale temporary file: cleared at next open
        os.unlink(name)


def wait_for_cleanup() -> None:
    """Return once the old file a finished write set aside is deleted."""
    global _cleanup
    with _cleanup_lock:
        thread, _cleanup = _cleanup, None
    if thread is not None:
        thread.join()


def make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each readable by the user alone."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    if not current.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, f"{current} is a file, not a folder", str(current))
    for item in reversed(missing):
        with suppress(FileExistsError):
            os.mkdir(item, FOLDER_MODE)
