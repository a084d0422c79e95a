"""The real ``followup`` started with the standings cache warm: its first frame comes from
the cache and the data file is read after it, as seen from a pseudo-terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from followup_tui import quick_status
from followup_tui.standings_cache import cache_path_for
from followup_tui.storage.store import Store
from tests.support.board import at, make
from tests.support.store import read_back, write_data_file
from tests.support.terminal import PtySession

from .terminal import Home, followup_argv, start


@pytest.fixture
def home(tmp_path: Path) -> Home:
    """A data file of two interviews."""
    home = Home(tmp_path)
    write_data_file(home.db, [make("Acme", at(11, 4)), make("Globex", at(10, 29))])
    return home


def warm(home: Home) -> None:
    """``followup status``, as a user's earlier run: it writes the standings cache."""
    subprocess.run(followup_argv("status"), env=home.env(), capture_output=True, check=True)
    assert cache_path_for(home.db).exists()


def test_keys_typed_at_once_act_once_the_file_is_read(
    home: Home, sessions: list[PtySession]
) -> None:
    warm(home)
    app = PtySession(followup_argv(), home.env())
    sessions.append(app)
    # Before the first frame, most likely: held, then replayed. (An enter typed before
    # the app puts the terminal in raw mode arrives as ctrl+j, with the cache or without.)
    app.send("/Glob")
    app.wait_for_text("1 shown")
    mark = app.send("\r")  # leaves the filter box for the list, whose keys come back
    app.wait_for_text("Detail", start=mark)
    assert app.finish() == 0
    with Store.open(home.db):  # the lock was given back
        pass
    assert [i.company for i in read_back(home.db)] == ["Acme", "Globex"]


def test_a_second_window_started_from_the_cache_says_it_is_read_only(
    home: Home, sessions: list[PtySession]
) -> None:
    first = start(sessions, home)
    warm(home)  # the writer's open left the file as it was: the cache holds
    second = PtySession(followup_argv(), home.env())
    sessions.append(second)
    # In the app, not before it on stderr, as a start that reads the file first says it.
    second.wait_for_text("Opened")
    second.wait_for_text("read-only: another window is editing")
    assert "Opening read-only" not in second.text()
    assert second.finish() == 0
    assert first.finish() == 0


def answered_from_the_cache(home: Home, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether ``followup status`` would answer from the standings cache as it stands."""
    with monkeypatch.context() as env:
        for name, value in home.env().items():
            env.setenv(name, value)
        return quick_status.status(("status",), os.environ, tty=False) is not None


def test_a_session_that_saved_leaves_the_cache_ready_for_the_next_start(
    home: Home, sessions: list[PtySession], monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(home)
    assert answered_from_the_cache(home, monkeypatch)
    app = start(sessions, home)
    mark = app.send("x")  # archives the selected interview: a save
    app.wait_for_text(": archived", start=mark)
    assert app.finish() == 0
    assert len([i for i in read_back(home.db) if i.archived]) == 1
    # The next start draws its first frame from the cache, and status answers from it.
    assert answered_from_the_cache(home, monkeypatch)


def test_a_session_that_saved_nothing_leaves_no_cache_behind(
    home: Home, sessions: list[PtySession]
) -> None:
    app = start(sessions, home)
    assert app.finish() == 0
    assert not cache_path_for(home.db).exists()  # a look costs nothing at the end
