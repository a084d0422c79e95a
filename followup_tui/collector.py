"""The cycle collector paused while objects that live on are made.

Reading thousands of interviews, or importing the app and building its first frame, makes
objects by the hundred thousand that live as long as the program and hold no cycles. Each
threshold crossed meanwhile runs a collection that walks them all and frees none of them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(when: bool = True) -> Iterator[None]:
    """Run the block with the collector off (if ``when``), then turn it back on if it was
    on before (it stays on if the block turned it on: the app does at its first frame)."""
    was_on = gc.isenabled()
    if when:
        gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
