"""Reading a file only when it is a regular file.

A named pipe opened for reading waits for a writer for ever, and a device such as
``/dev/zero`` never ends: either, named as the data file or the settings file, found where
a file beside it belongs (its lock, backup, drafts, reminders) or given to import, would
hang followup.
So the name is looked up first (``stat`` opens nothing), and the file is then opened
without waiting and looked at again, in case something else was put under the name in
between.
"""

from __future__ import annotations

import errno
import os
import stat

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:  # the quick status path reads the settings file through here
    from pathlib import Path


class NotRegular(OSError):
    """The name leads to something other than a regular file; ``strerror`` says what, in
    the user's words ("it is a named pipe, not a regular file")."""

    def __init__(self, mode: int) -> None:
        super().__init__(errno.EINVAL, f"it is {kind_of(mode)}, not a regular file")
        self.folder = stat.S_ISDIR(mode)
        """True when it is a folder (which has advice of its own)."""

    def __str__(self) -> str:
        return str(self.strerror)


def kind_of(mode: int) -> str:
    """What a file of ``mode`` (``st_mode``) is, in a few words: "a folder", "a named
    pipe", "a device", "a socket", "a regular file"."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check(path: str | os.PathLike[str]) -> os.stat_result | None:
    """The ``stat`` of ``path`` (symbolic links followed) when it is a regular file, None
    when nothing has that name. Raises :class:`NotRegular` for anything else, and
    ``OSError`` when it can't be looked up."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise NotRegular(info.st_mode)
    return info


def open_fd(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
    """``os.open(path, flags)`` for a regular file only: :class:`NotRegular` otherwise.
    The name is looked up first, so a named pipe is never opened (not even to be refused),
    and the file is opened without waiting and looked at again (the descriptor closed if
    it is not one)."""
    check(path)  # absent: os.open says so (or creates it, with O_CREAT)
    fd = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC, mode)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(info.st_mode)
        # A regular file never waits anyway; blocking I/O is what the caller expects.
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read(path: str | Path) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path`` and the ``stat`` of the very file they were
    read from. Raises :class:`NotRegular` for anything else, ``FileNotFoundError`` when it
    is absent, ``OSError`` when it can't be read."""
    with os.fdopen(open_fd(path, os.O_RDONLY), "rb") as handle:
        info = os.fstat(handle.fileno())
        return handle.read(), info


def read_bytes(path: str | Path) -> bytes:
    """``path.read_bytes()`` for a regular file only (:func:`read`)."""
    return read(path)[0]
