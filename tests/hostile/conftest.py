"""What the hostile tests that start the real program share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.terminal import PtySession


@pytest.fixture
def sessions() -> Iterator[list[PtySession]]:
    """Programs started by the test; any still running at the end are killed."""
    started: list[PtySession] = []
    yield started
    for session in started:
        session.close()
