"""The real ``followup`` on a pseudo-terminal, as the shell's conventions expect it: the demo
leaves no folder behind however it ends, and ``NO_COLOR`` leaves the app without colour.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

from tests.support.board import at, make
from tests.support.store import write_data_file
from tests.support.terminal import PtySession

from .terminal import Home, followup_argv

_COLOUR = re.compile(rb"\x1b\[[0-9;]*?[34]8;2;(\d+);(\d+);(\d+)")
"""A true-colour foreground or background in an SGR sequence."""

CRASHING_DEMO = """
import sys
from followup_tui.app.screens.main import MainScreen

def broken_help(self):
    raise ValueError("planted failure")

MainScreen.action_help = broken_help
from followup_tui.cli import main
sys.exit(main(["demo"]))
"""
"""``followup demo`` with ``?`` made to fail."""


def demo_env(home: Home) -> dict[str, str]:
    """``home``'s environment with its own temporary folder, to see what the demo leaves."""
    temp = home.folder / "tmp"
    temp.mkdir()
    return {**home.env(), "TMPDIR": str(temp)}


def left_behind(env: dict[str, str]) -> list[str]:
    """What is still in the temporary folder of ``env``."""
    return sorted(p.name for p in Path(env["TMPDIR"]).iterdir())


def start_demo(sessions: list[PtySession], argv: list[str], env: dict[str, str]) -> PtySession:
    """The demo on a terminal, its board on screen and its folder made."""
    session = PtySession(argv, env)
    sessions.append(session)
    session.wait_for_text("Acme Robotics")
    assert [name[:14] for name in left_behind(env)] == ["followup-demo-"]
    return session


def test_the_demo_removes_its_folder_when_it_ends(
    tmp_path: Path, sessions: list[PtySession]
) -> None:
    env = demo_env(Home(tmp_path))
    demo = start_demo(sessions, followup_argv("demo"), env)
    assert demo.finish(b"q") == 0
    assert left_behind(env) == []


def test_the_demo_removes_its_folder_when_told_to_stop(
    tmp_path: Path, sessions: list[PtySession]
) -> None:
    env = demo_env(Home(tmp_path))
    demo = start_demo(sessions, followup_argv("demo"), env)
    os.kill(demo.pid, signal.SIGTERM)
    status = demo.wait_exit()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signal.SIGTERM
    assert left_behind(env) == []


def test_the_demo_removes_its_folder_after_an_error(
    tmp_path: Path, sessions: list[PtySession]
) -> None:
    env = demo_env(Home(tmp_path))
    demo = start_demo(sessions, [sys.executable, "-c", CRASHING_DEMO], env)
    mark = demo.send("?")
    status = demo.wait_exit()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1
    assert "followup: unexpected error (ValueError)" in demo.text(mark)
    assert left_behind(env) == []


def colours_drawn(tmp_path: Path, sessions: list[PtySession], **extra: str) -> set[bytes]:
    """Every true colour the app draws its board in, with ``extra`` in its environment."""
    home = Home(tmp_path)
    write_data_file(home.db, [make("Acme", at(11, 4))])
    env = {k: v for k, v in home.env().items() if k != "NO_COLOR"}
    session = PtySession(followup_argv(), {**env, "COLORTERM": "truecolor", **extra})
    sessions.append(session)
    session.wait_for_text("Acme")
    session.finish(b"q")
    return {b";".join(m.groups()) for m in _COLOUR.finditer(bytes(session.buffer))}


def is_grey(colour: bytes) -> bool:
    """True for a colour whose red, green and blue are the same."""
    return len(set(colour.split(b";"))) == 1


def test_no_color_turns_the_app_grey(tmp_path: Path, sessions: list[PtySession]) -> None:
    coloured = colours_drawn(tmp_path / "coloured", sessions)
    assert any(not is_grey(c) for c in coloured)  # the badges are coloured normally
    plain = colours_drawn(tmp_path / "plain", sessions, NO_COLOR="1")
    assert plain and all(is_grey(c) for c in plain)
