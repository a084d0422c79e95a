"""Unexpected errors go to a private log file, never to the terminal with the user's data."""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from followup_tui import paths, regular


def log_dir() -> Path:
    """The folder crash logs are written to: the user's data folder (tests point it away)."""
    return paths.data_dir()


def record_crash(exc: BaseException, folder: Path | None = None) -> Path:
    """Append ``exc`` with its traceback (no local variables) to ``crash.log``; its path."""
    folder = folder or log_dir()
    path = paths.crash_log_path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        text = "".join(traceback.format_exception(exc))
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        # Never waits on a named pipe put in its place (NotRegular is an OSError).
        fd = regular.open_fd(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as log:
            log.write(f"--- {stamp}\n{text}\n")
    except OSError:
        pass  # the crash is reported anyway; a log we can't write must not hide it
    return path
