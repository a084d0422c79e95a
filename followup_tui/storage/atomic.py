"""All-or-nothing file writes: a temporary file beside the target, fsynced, renamed over it.

A reader (or the next start after a crash) sees either the whole old file or the whole new
one, never a mix: ``os.replace`` swaps the name in one step, and the fsyncs make sure the
new bytes and the new name are on disk before we say "saved".
"""

from __future__ import annotations

import errno
import glob
import os
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


def write_atomic(path: Path, data: bytes, *, mode: int = FILE_MODE) -> None:
    """Replace the content of ``path`` with ``data``, all or nothing.

    Raises ``OSError`` on failure; then ``path`` still holds its old content (or is still
    absent) and no temporary file is left behind. :class:`FolderSyncError` is the one
    exception: the new content is in place but the folder sync failed.
    """
    path = Path(path)
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    try:
        fsync_folder(path.parent)
    except OSError as exc:
        raise FolderSyncError(exc.errno, exc.strerror, str(path.parent)) from exc


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
