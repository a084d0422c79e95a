"""Work started in the background from a key, typed for mypy."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from textual.dom import DOMNode
from textual.worker import Worker


def start(
    node: DOMNode,
    work: Callable[[], Coroutine[Any, Any, None]],
    *,
    group: str,
    exclusive: bool = False,
) -> Worker[None]:
    """Run ``work`` in a worker belonging to ``node`` (ended if ``node`` goes).

    ``work`` is the async function itself, not a coroutine made from it: a worker replaced
    or cancelled before it starts would leave that coroutine never awaited. Textual's own
    ``run_worker`` accepts either, but its signature leaves mypy unable to tell what an
    async function's worker returns unless the result is annotated, as it is here.
    """
    worker: Worker[None] = node.run_worker(work, group=group, exclusive=exclusive)
    return worker
