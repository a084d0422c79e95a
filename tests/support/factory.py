"""The one way tests build the app: on a data file of their own, pinned at ``NOW``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

import pytest

from followup_tui.app.app import FollowupApp
from followup_tui.clock import Clock, FixedClock
from followup_tui.core.model import Interview
from followup_tui.settings import Settings
from followup_tui.storage.store import Store

from .board import NOW, SETTINGS, standard_board


def open_app(
    store: Store, settings: Settings = SETTINGS, clock: Clock | None = None
) -> FollowupApp:
    """The app on an open ``store``, as the command line makes it (pinned at ``NOW``).

    The composer doesn't stop to ask for the user's name: tests of that first-run question
    set ``asked_who`` back to False.
    """
    app = FollowupApp(store, settings, clock or FixedClock(NOW))
    app.asked_who = True
    return app


def open_stores(
    path: Path, interviews: Sequence[Interview], *, read_only: bool = False
) -> list[Store]:
    """A fresh data file at ``path`` holding ``interviews``; the stores opened on it.

    The last store is the one an app should use. With ``read_only`` it is a reader opened
    while the first, a writer, still holds the lock: a second window, as the command line
    opens it when another followup is writing.
    """
    writer = Store.open(path)
    writer.import_interviews(interviews)
    if not read_only:
        return [writer]
    try:
        return [writer, Store.open(path, read_only=True)]
    except BaseException:
        writer.close()
        raise


class AppFactory(Protocol):
    """Builds an app on a fresh data file (``make_app`` fixture)."""

    def __call__(
        self,
        interviews: Sequence[Interview] | None = None,
        *,
        clock: Clock | None = None,
        read_only: bool = False,
    ) -> FollowupApp:
        """An app on ``interviews`` (default: the standard board), pinned at ``NOW``."""
        ...


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """Where a test's data lives."""
    return tmp_path / "followup.json"


@pytest.fixture
def open_store(data_file: Path) -> Iterator[list[Store]]:
    """Stores opened by the test, closed after it."""
    opened: list[Store] = []
    yield opened
    for store in opened:
        store.close()


@pytest.fixture
def make_app(data_file: Path, open_store: list[Store]) -> AppFactory:
    """Build an app on a fresh data file holding ``interviews`` (default: the standard board).

    With ``read_only`` the app is a second window: another store holds the file's lock.
    """

    def build(
        interviews: Sequence[Interview] | None = None,
        *,
        clock: Clock | None = None,
        read_only: bool = False,
    ) -> FollowupApp:
        board = standard_board() if interviews is None else interviews
        stores = open_stores(data_file, board, read_only=read_only)
        open_store.extend(stores)
        return open_app(stores[-1], clock=clock)

    return build
