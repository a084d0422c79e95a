"""How a length of time is written in a countdown.

Apart from the rest of the rules so that ``followup status``, answered from the standings
cache, can write a countdown without importing them (or ``datetime``: see
:func:`format_micros`).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from datetime import timedelta


def format_span(span: timedelta) -> str:
    """A compact length of time: "2d 4h", "5h 12m", "12m", "<1m" (sign ignored)."""
    return _format_seconds(abs(int(span.total_seconds())))


def format_micros(micros: int) -> str:
    """:func:`format_span` of a span given in whole microseconds, exactly as
    ``format_span(timedelta(microseconds=micros))`` (whose ``total_seconds`` is this same
    true division)."""
    return _format_seconds(abs(int(micros / 1_000_000)))


def _format_seconds(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h" if hours else f"{days}d"
    if hours:
        return f"{hours}h {minutes}m" if minutes else f"{hours}h"
    if minutes:
        return f"{minutes}m"
    return "<1m"
