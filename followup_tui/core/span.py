"""How a length of time is written in a countdown.

Apart from the rest of the rules so that ``followup status``, answered from the standings
cache, can write a countdown without importing them.
"""

from __future__ import annotations

from datetime import timedelta


def format_span(span: timedelta) -> str:
    """A compact length of time: "2d 4h", "5h 12m", "12m", "<1m" (sign ignored)."""
    seconds = abs(int(span.total_seconds()))
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
