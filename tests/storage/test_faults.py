"""Fault injection: the Nth open, write, fsync, close, rename or folder sync of a save fails.

Whatever fails, and whether the fault happens once or persists (a full disk stays full):
the file holds exactly the old state, no temporary file is left, the store's memory is
unchanged, and a StoreError says what happened. Then the same change, retried once the
fault is gone, is saved.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from followup_tui.clock import FixedClock
from followup_tui.core.model import Event, EventKind
from followup_tui.paths import backup_path_for
from followup_tui.storage import Store, StoreError
from tests.support.store import read_back

from .support import START, interview, temp_files

ERRNOS = (errno.ENOSPC, errno.EIO, errno.EACCES)
KINDS = ("open", "write", "fsync", "close", "replace", "diropen", "dirfsync")


class Faults:
    """Wraps the ``os`` calls a save makes; counts them, and fails the chosen one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts: Counter[str] = Counter()
        self.target: tuple[str, int, int, bool] | None = None
        self.injected = 0
        real_open, real_write, real_fsync = os.open, os.write, os.fsync
        real_close, real_replace = os.close, os.replace

        def fake_open(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
            if flags & os.O_CREAT or flags & os.O_DIRECTORY:
                self.hit("diropen" if flags & os.O_DIRECTORY else "open")
            return real_open(path, flags, mode, **kw)

        def fake_write(fd: int, data: Any) -> int:
            self.hit("write")
            return real_write(fd, data)

        def fake_fsync(fd: int) -> None:
            self.hit("dirfsync" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync")
            real_fsync(fd)

        def fake_close(fd: int) -> None:
            real_close(fd)  # the descriptor is gone either way, as with a real EIO on close
            self.hit("close")

        def fake_replace(src: Any, dst: Any) -> None:
            self.hit("replace")
            real_replace(src, dst)

        for name, fake in [
            ("open", fake_open),
            ("write", fake_write),
            ("fsync", fake_fsync),
            ("close", fake_close),
            ("replace", fake_replace),
        ]:
            monkeypatch.setattr(os, name, fake)
        self.armed = False

    def arm(
        self, kind: str | None = None, nth: int = 0, code: int = 0, persist: bool = False
    ) -> None:
        """Count calls from zero; fail the ``nth`` of ``kind`` (and the later ones if
        ``persist``)."""
        self.counts = Counter()
        self.target = (kind, nth, code, persist) if kind else None
        self.armed = True

    def disarm(self) -> None:
        self.armed, self.target = False, None

    def hit(self, kind: str) -> None:
        if not self.armed:
            return
        self.counts[kind] += 1
        if self.target is None:
            return
        want, nth, code, persist = self.target
        count = self.counts[kind]
        if kind == want and (count == nth or (persist and count > nth)):
            self.injected += 1
            raise OSError(code, os.strerror(code))


Change = Callable[[Store], object]

CLOCK = FixedClock(START)
"""Times every change of a field alike, so that a change saves the same bytes each try."""

#: The changes a user makes, each tried on a store where it will be the first save of the
#: session (it makes the backup too) and where it comes after another save.
CHANGES: dict[str, Change] = {
    "add": lambda s: s.add(interview(9)),
    "edit": lambda s: s.update(replace(s.get("iv1"), notes="changed", round="final")),
    "log": lambda s: s.log("iv2", Event(EventKind.THANK_YOU_SENT, START, to="Dana Ruiz")),
    "archive": lambda s: s.update(replace(s.get("iv1"), archived=True)),
    "remove": lambda s: s.remove("iv2"),
    "import": lambda s: s.import_interviews([interview(1, notes="re"), interview(7)]),
    "together": lambda s: s.save_together([interview(2, notes="re"), interview(8)], "both"),
    "undo": lambda s: s.undo(),
}


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A data file with three interviews and an older backup, in a folder of its own."""
    folder = tmp_path / "base"
    with Store.open(folder / "followup.json") as store:
        store.import_interviews([interview(1), interview(2), interview(3)])
    with Store.open(folder / "followup.json") as store:
        store.add(interview(4))  # a second session: a backup now exists
    return folder


def _scenario(base: Path, where: Path, first_save: bool) -> Store:
    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(base, where)
    store = Store.open(where / "followup.json", clock=CLOCK)
    if not first_save:
        store.update(replace(store.get("iv3"), notes="warm-up save"))
    return store


def _fresh(where: Path) -> Store:
    if where.exists():
        shutil.rmtree(where)
    return Store.open(where / "new" / "followup.json", clock=CLOCK)


def _check_fault(
    store: Store,
    change: Change,
    faults: Faults,
    fault: tuple[str, int, int, bool],
    new_bytes: bytes,
) -> None:
    kind, nth, code, persist = fault
    path = store.path
    old_bytes = path.read_bytes() if path.exists() else None
    old_backup = backup_path_for(path).read_bytes() if backup_path_for(path).exists() else None
    old_interviews, old_revision, old_undo = store.interviews(), store.revision, store.can_undo()
    faults.arm(kind, nth, code, persist)
    with pytest.raises(StoreError) as caught:
        change(store)
    faults.disarm()
    where = f"{kind} #{nth} {errno.errorcode[code]}{' persisting' if persist else ''}"
    message = str(caught.value)
    now_bytes = path.read_bytes() if path.exists() else None
    if now_bytes != old_bytes:
        # Only a fault that persists while the old file is being put back can leave the
        # new one, and the message must then say so.
        assert persist and now_bytes == new_bytes, where
        assert "The file may hold this change even so" in message, where
    assert temp_files(path.parent) == [], where
    assert store.interviews() == old_interviews, where
    assert (store.revision, store.can_undo()) == (old_revision, old_undo), where
    assert str(path) in message and os.strerror(code) in message, where
    backup = backup_path_for(path)
    if backup.exists() and backup.read_bytes() != old_backup:
        # A new backup may have been made before the failure: then it is the whole old file.
        assert backup.read_bytes() == old_bytes, where
    # With the fault gone, the same change saves, and memory matches the file.
    change(store)
    assert store.revision == old_revision + 1
    assert read_back(path) == store.interviews(), where


def _save_calls(
    make: Callable[[], Store], change: Change, faults: Faults
) -> tuple[Counter[str], bytes]:
    """The calls a fault-free save makes, and the file it leaves."""
    store = make()
    faults.arm()
    change(store)
    faults.disarm()
    store.close()
    return faults.counts, store.path.read_bytes()


CASES = [
    pytest.param(name, first, id=f"{name}, {'first' if first else 'later'} save")
    for name in CHANGES
    for first in (True, False)
    if not (name == "undo" and first)  # undo needs an earlier change of the session
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "first_save"), CASES)
def test_a_failing_save_leaves_file_and_memory_as_they_were(
    monkeypatch: pytest.MonkeyPatch, base: Path, tmp_path: Path, name: str, first_save: bool
) -> None:
    change = CHANGES[name]
    faults = Faults(monkeypatch)
    where = tmp_path / "case"
    calls, new_bytes = _save_calls(lambda: _scenario(base, where, first_save), change, faults)
    assert calls["write"] >= 1 and calls["replace"] == (2 if first_save else 1)
    tried = 0
    for kind in KINDS:
        for nth in range(1, calls[kind] + 1):
            for code in ERRNOS:
                for persist in (False, True):
                    store = _scenario(base, where, first_save)
                    _check_fault(store, change, faults, (kind, nth, code, persist), new_bytes)
                    store.close()
                    tried += 1
    assert tried == sum(calls[k] for k in KINDS) * len(ERRNOS) * 2
    assert faults.injected >= tried
    print(f"\nfaults injected for {name}: {tried} cases, {faults.injected} failing calls")


def test_a_failing_first_save_of_a_new_file_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    faults = Faults(monkeypatch)
    where = tmp_path / "fresh"
    change = CHANGES["add"]
    calls, new_bytes = _save_calls(lambda: _fresh(where), change, faults)
    for kind in KINDS:
        for nth in range(1, calls[kind] + 1):
            for code in ERRNOS:
                store = _fresh(where)
                _check_fault(store, change, faults, (kind, nth, code, False), new_bytes)
                store.close()


def test_the_message_says_what_to_do_about_a_full_disk(
    monkeypatch: pytest.MonkeyPatch, base: Path, tmp_path: Path
) -> None:
    faults = Faults(monkeypatch)
    store = _scenario(base, tmp_path / "full", first_save=False)
    faults.arm("write", 1, errno.ENOSPC, persist=True)
    with pytest.raises(StoreError) as caught:
        store.add(interview(9))
    faults.disarm()
    assert str(caught.value) == (
        f"Couldn't save to {store.path}: No space left on device. Nothing was changed: "
        "the file still holds what was saved before. The disk is full: free some space, "
        "then try again."
    )


def test_short_writes_still_save_the_whole_file(
    monkeypatch: pytest.MonkeyPatch, base: Path, tmp_path: Path
) -> None:
    real_write = os.write
    calls = Counter[str]()

    def dribble(fd: int, data: Any) -> int:
        calls["write"] += 1
        return real_write(fd, bytes(data[:100]))

    store = _scenario(base, tmp_path / "short", first_save=False)
    monkeypatch.setattr(os, "write", dribble)
    store.add(interview(9, notes="x" * 5000))
    monkeypatch.undo()
    assert calls["write"] > 50
    assert read_back(store.path) == store.interviews()
