"""Textual's command palette, without its crash when it closes in the middle of a search.

Textual 8.2.8's palette looks for matching commands in a background worker; closed while
that worker runs (ctrl+p then escape at once, or a key typed before it is up), the worker
finds none of the palette's widgets, and its error ends the app. This palette runs the
same search, and a search whose palette has closed meanwhile just stops.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import cast

from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.worker import Worker

_search = cast(
    "Callable[[CommandPalette, str], Awaitable[None]]",
    CommandPalette._gather_commands.__wrapped__,  # type: ignore[attr-defined]
)
"""Textual's search itself (the method under its ``@work`` decorator)."""


class SteadyCommandPalette(CommandPalette):
    """The command palette; closing it mid-search is not an error."""

    def _gather_commands(self, search_value: str) -> Worker[None]:
        """Search for ``search_value`` in the background, as Textual's palette does."""
        # A callable, not a coroutine: a search replaced before it starts is never created.
        return self.run_worker(
            partial(self._search_while_open, search_value),
            exclusive=True,
            group=self._GATHER_COMMANDS_GROUP,
        )

    async def _search_while_open(self, search_value: str) -> None:
        try:
            await _search(self, search_value)
        except NoMatches:
            if self.still_open:
                raise  # a real fault, not a closed palette

    @property
    def still_open(self) -> bool:
        """True while the palette is up with its widgets; False once it is closing.

        Being taken down, it stays attached to the app for a while after its widgets are
        gone (Textual marks it as pruning, then closes it).
        """
        closing = self._closing or self._closed or self._pruning
        return self.is_attached and not closing and self in self.app.screen_stack
