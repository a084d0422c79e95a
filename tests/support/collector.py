"""Each test leaves the cycle collector as it found it: on, with nothing frozen.

The app moves everything alive out of the collector's sight when it starts
(``hold_collections``), which is right for one app in one process. A test run starts
hundreds of apps in one process: each start froze the ones before it, dead or not, so the
run kept every app it had started, and once a test unfroze them (the data file's own
freeze test does) every later collection walked millions of objects, making the tests
after it several times slower.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """After the test: nothing frozen, and the collector on if it was on before."""
    was_on = gc.isenabled()
    yield
    gc.unfreeze()
    if was_on:
        gc.enable()
