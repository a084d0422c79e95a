"""No flush to the disk platter in tests: ``os.fsync`` is still called wherever followup
calls it, and still refuses a descriptor that is not open, but returns without waiting.

What an fsync buys is a save that survives a power cut, which no test can see; what it
costs is a wait on a shared disk at each of the thousands of saves in a run. Processes a
test starts (the command line, the pty tests, the kill loops) flush for real, and the fault
injection tests wrap this stand-in, so every fsync point still fails on cue there.
"""

from __future__ import annotations

import os

import pytest


def _checked_fsync(fd: int) -> None:
    os.fstat(fd)  # raises as fsync would on a closed or bad descriptor


@pytest.fixture(autouse=True)
def no_disk_flush(monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.fsync`` checks its descriptor and returns without flushing."""
    monkeypatch.setattr(os, "fsync", _checked_fsync)
