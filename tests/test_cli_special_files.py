"""A data file that is not a regular file (a named pipe, a device, a folder) is refused at
once by every command and by the app: one line naming it, exit code 2, nothing read and
nothing created beside it. The same for the files kept beside it: the lock, the backup,
the drafts.

Each case runs as a process of its own with a time limit: a named pipe opened for reading
waits for a writer for ever, and ``/dev/zero`` never ends, so a regression must fail the
test rather than hang the run. The limit is a guard, not a measure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.core.codec import interviews_to_document
from tests.hostile.terminal import followup_argv
from tests.support.board import at, make
from tests.support.store import write_data_file
from tests.support.terminal import PtySession
from tests.test_cli import pinned  # noqa: F401 (fixture)

GUARD = 60.0
"""Seconds a command may take before the test calls it hung (a slow machine needs far less)."""

READERS = (
    ("status",),
    ("status", "--short"),
    ("status", "--json"),
    ("status", "--all"),
    ("status", "--all", "--json"),
    ("export",),
    ("export", "--ics"),
    ("remind", "--print"),
    ("compose", "acme"),
    ("tone", "--interview", "acme"),
    ("serve", "--port", "0"),
)
"""Commands that only read the data file."""
WRITERS = (("import", "{export}"), ("merge", "{export}"))
"""Commands that write to it (``{export}``: an interchange file to import or merge)."""


def followup(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """``followup ARGS`` on the data file ``db``, ended by the guard if it hangs."""
    env = dict(os.environ, FOLLOWUP_DB=str(db))
    return subprocess.run(
        followup_argv(*args),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=GUARD,
        check=False,
    )


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """The command ended with one line on standard error holding ``words``, and exit 2."""
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "unexpected error" not in done.stderr


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """An interchange file of one interview, to import or merge."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps(interviews_to_document([make("Acme", at(11, 4), id="acme")])))
    return path


def special(tmp_path: Path, kind: str) -> Path:
    """A data file of ``kind`` in a folder of its own."""
    folder = tmp_path / "special"
    folder.mkdir()
    path = folder / "followup.json"
    if kind == "named pipe":
        os.mkfifo(path)
    else:
        path.mkdir()
    return path


def expand(args: tuple[str, ...], export: Path) -> list[str]:
    return [arg.format(export=export) for arg in args]


@pytest.mark.parametrize("args", READERS + WRITERS, ids=" ".join)
@pytest.mark.parametrize("kind", ["named pipe", "folder"])
def test_a_data_file_that_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, export: Path, kind: str, args: tuple[str, ...]
) -> None:
    path = special(tmp_path, kind)
    refused(followup(*expand(args, export), db=path), str(path), kind)
    assert os.listdir(path.parent) == [path.name]  # no lock, cache or backup beside it


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_a_device_as_the_data_file_is_refused_at_once(
    tmp_path: Path, export: Path, args: tuple[str, ...]
) -> None:
    # Readers only: a writer that got as far as locking would create /dev/zero.lock.
    refused(followup(*expand(args, export), db=Path("/dev/zero")), "/dev/zero", "device")


def test_the_app_refuses_a_named_pipe_at_once(tmp_path: Path) -> None:
    path = special(tmp_path, "named pipe")
    env = dict(os.environ, FOLLOWUP_DB=str(path))
    session = PtySession(followup_argv(), env)
    try:
        status = session.wait_exit(GUARD)
    finally:
        session.close()
    assert os.waitstatus_to_exitcode(status) == 2
    assert str(path) in session.text()
    assert "named pipe" in session.text()
    assert os.listdir(path.parent) == [path.name]


def test_a_named_pipe_for_the_lock_file_is_refused_at_once(tmp_path: Path, export: Path) -> None:
    db = tmp_path / "data" / "followup.json"
    write_data_file(db, [make("Globex", at(11, 4))])
    lock = db.with_name(db.name + ".lock")
    lock.unlink()
    os.mkfifo(lock)
    refused(followup("import", str(export), db=db), str(lock), "named pipe")


def test_a_named_pipe_for_the_backup_is_never_read(tmp_path: Path) -> None:
    db = tmp_path / "data" / "followup.json"
    db.parent.mkdir()
    db.write_text("{")  # damaged: the message looks for a backup to go back to
    backup = db.with_name(db.name + ".bak")
    os.mkfifo(backup)
    done = followup("status", db=db)
    assert done.returncode == 2
    assert f"The backup beside it ({backup}) can't be used either" in done.stderr
    assert "named pipe" in done.stderr


def test_a_named_pipe_for_the_drafts_is_never_read(tmp_path: Path) -> None:
    path = tmp_path / "followup.json.drafts"
    os.mkfifo(path)
    code = (
        "import sys\nfrom pathlib import Path\nfrom followup_tui.storage.drafts import Drafts\n"
        "print(Drafts(Path(sys.argv[1])).problem)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=GUARD,
        check=True,
    )
    assert str(path) in done.stdout
    assert "named pipe" in done.stdout


def test_a_named_pipe_for_the_reminders_state_is_never_read(tmp_path: Path) -> None:
    db = tmp_path / "data" / "followup.json"
    write_data_file(db, [make("Globex", at(11, 4))])
    os.mkfifo(db.with_name("followup-reminded.json"))
    done = followup("remind", "--print", db=db)
    assert done.returncode == 0, done.stderr
    assert "Globex" in done.stdout


@pytest.mark.parametrize("command", ["import", "merge"])
def test_a_named_pipe_to_import_or_merge_is_refused_at_once(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    refused(followup(command, str(fifo), db=tmp_path / "followup.json"), str(fifo), "regular file")


@pytest.mark.usefixtures("pinned")
@pytest.mark.parametrize("args", [("status",), ("status", "--short"), ("export",)], ids=" ".join)
def test_a_named_pipe_for_the_settings_is_refused_at_once(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    db = tmp_path / "data" / "followup.json"
    write_data_file(db, [make("Acme", at(11, 4), id="acme")])
    settings = Path(os.environ["FOLLOWUP_CONFIG"])
    settings.write_text('policy = "standard"\n', encoding="utf-8")
    assert followup("status", db=db).returncode == 0  # the standings cache, warm
    settings.unlink()
    os.mkfifo(settings)
    refused(followup(*args, db=db), str(settings), "named pipe")
