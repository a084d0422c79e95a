"""Every command that prints, into a pipe whose reader has gone (``followup export | head
-c 10``, ``followup status | true``): it ends quietly, as a process ended by SIGPIPE does
(exit code 141), with nothing on standard error and no crash log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.cli import main
from tests.hostile.terminal import followup_argv
from tests.test_cli import demo_file, pinned  # noqa: F401 (fixtures)

GUARD = 60.0
"""Seconds a command may take before the test calls it hung (not a measure)."""

PRINTING = (
    ("status",),
    ("status", "--all"),
    ("status", "--json"),
    ("status", "--short"),
    ("status", "--demo"),
    ("export",),
    ("export", "--ics"),
    ("remind", "--print"),
    ("tone", "{draft}"),
    ("tone", "--interview", "demo-cyberdyne", "{draft}"),
    ("compose", "demo-cyberdyne"),
    ("paths",),
    ("completion", "bash"),
    ("completion", "zsh"),
    ("completion", "fish"),
    ("man",),
    ("demo",),
    ("import", "{export}"),
    ("merge", "{export}"),
    ("serve", "--port", "0"),
)
"""Each command that prints to standard output (``{draft}``: a draft to check,
``{export}``: an interchange file; ``serve`` ends when its banner can't be printed)."""


@pytest.fixture
def files(tmp_path: Path, demo_file: Path) -> dict[str, str]:  # noqa: F811
    """The demo's interviews in the data file, and files to name on the command line."""
    assert main(["import", str(demo_file)]) == 0
    # Once more, with somewhere to print to: `status` is then answered by the quick path.
    subprocess.run(followup_argv("status"), stdout=subprocess.DEVNULL, timeout=GUARD, check=True)
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Sam, I just wanted to circle back, sorry to bother you again!!\n")
    return {"draft": str(draft), "export": str(demo_file)}


def ends_quietly(argv: list[str], folder: Path) -> None:
    """``argv`` run into a pipe whose reader has gone ends as SIGPIPE would, silently, and
    leaves no crash log in ``folder``."""
    reader, writer = os.pipe()
    os.close(reader)  # as `| true` does, and `| head -1` once it has its line
    try:
        done = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=GUARD,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.stderr == b""
    assert done.returncode == 141
    assert not list(folder.rglob("crash.log"))


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_command_into_a_closed_pipe_ends_quietly(
    tmp_path: Path, files: dict[str, str], args: tuple[str, ...]
) -> None:
    ends_quietly(followup_argv(*(arg.format(**files) for arg in args)), tmp_path)


def test_status_computed_with_no_cache_into_a_closed_pipe_ends_quietly(
    tmp_path: Path,
    demo_file: Path,  # noqa: F811
) -> None:
    assert main(["import", str(demo_file)]) == 0  # no status yet: the full path answers
    ends_quietly([sys.executable, "-m", "followup_tui", "status"], tmp_path)
