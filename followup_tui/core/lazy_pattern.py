"""A regular expression compiled on first use rather than at import.

The tone check's phrase lists compile to a few large alternations that take tens of
milliseconds to build; compiling them when the module loads put that cost on the first open
of the composer. Built lazily, they can be compiled a few at a time while the app is idle.
The date parser's patterns wait likewise: the board's first frame imports ``core.dates``
to write its dates, and parses none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property


class LazyPattern:
    """A pattern and its flags, compiled the first time it is matched (or warmed)."""

    __slots__ = ("__dict__", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        """The regular expression's source."""
        self.flags = flags
        """Its ``re`` flags."""

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (built once, on first access)."""
        return re.compile(self.pattern, self.flags)

    @property
    def is_compiled(self) -> bool:
        """True once the pattern has been built."""
        return "compiled" in self.__dict__

    def match(self, text: str) -> re.Match[str] | None:
        """As :meth:`re.Pattern.match`."""
        return self.compiled.match(text)

    def search(self, text: str) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return self.compiled.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return self.compiled.finditer(text)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"
