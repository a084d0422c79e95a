"""What the app's first frame draws from the standings cache, read before the data file.

The cache (:mod:`followup_tui.standings_cache`) keeps a section for it: the counts of every
row, whether an offer was accepted, and the first open rows in board order with what their
panes draw beyond a row's names and standing (the round, the interviewers, the start).
Reading it costs the same at any size; every row's standing would cost a parse of them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from followup_tui.standings_cache import (
    FIRST_ROWS,
    CachedRow,
    decode_actions,
    decode_row,
    decode_status,
    micros,
    read_section,
)
from followup_tui.standings_head import DAMAGE, count


@dataclass(frozen=True, slots=True)
class Pane:
    """What a pane of the app's list draws besides a row's names and standing."""

    round: str
    """The round as the user typed it."""
    follows: str
    """The id of the round it follows ("" for a first round)."""
    interviewers: list[str]
    """Every interviewer's name, blank ones included."""
    start: datetime
    """When the interview starts."""


class Frame:
    """What the app's first frame draws, as the cache holds it: the counts of every row,
    and the first open rows (their standings made only when asked for)."""

    def __init__(self, stored: dict[str, Any], now_us: int) -> None:
        """The ``first`` section as stored, at ``now_us``; raises one of ``DAMAGE`` when
        in an unexpected shape."""
        self._actions = decode_actions(stored["actions"])
        self._now_us = now_us
        self.total: int = count(stored["total"])
        """How many rows the cache holds, open or not."""
        self.open_statuses = {decode_status(k): count(n) for k, n in stored["open"].items()}
        """How many open rows have each status."""
        self.open_rows = sum(self.open_statuses.values())
        """How many rows are open."""
        self.offer_accepted: bool = stored["accepted"] is True
        """Whether a row's offer was accepted (its steps then reorder the board)."""
        self._records: list[list[Any]] = stored["rows"]
        if self.open_rows > self.total or len(self._records) != min(self.open_rows, FIRST_ROWS):
            raise ValueError("counts that don't add up")
        if any(not isinstance(r, list) or len(r) != 14 for r in self._records):
            raise ValueError("a row without what its pane draws")

    def __len__(self) -> int:
        """How many open rows it holds (the first ones, in board order)."""
        return len(self._records)

    def row(self, index: int) -> CachedRow:
        """The open row at ``index``, its countdown worked out for the frame's instant."""
        return decode_row(self._records[index], self._actions, self._now_us)

    def pane(self, index: int) -> Pane:
        """What the pane of the open row at ``index`` draws besides its row."""
        round_, follows, names, start = self._records[index][10:14]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError("interviewers")
        return Pane(str(round_), str(follows), names, datetime.fromisoformat(start))


def load_frame(data_file: Path, key: dict[str, Any], now: datetime) -> Frame | None:
    """What the app's first frame draws from the cache of ``data_file`` at ``now``; None
    as :func:`load_head` has it."""
    found = read_section(data_file, key, now, "first")
    if found is None:
        return None
    try:
        return Frame(found[1], micros(now))
    except DAMAGE:
        return None
