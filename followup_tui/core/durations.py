"""Lengths of time as people type and read them: "45m", "1h30", "1.5 hours"."""

from __future__ import annotations

import re

from followup_tui.core.date_error import DateError

_DURATION = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minute|minutes)?)?$"
)


def parse_duration(text: str) -> int:
    """Minutes from "45", "45m", "1h", "1h30", "1h 30m", "1:30", "1.5 hours" (1 to 1440)."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise DateError("enter a length, e.g. 45m or 1h30")
    if m := re.match(r"^(\d+):(\d{2})$", cleaned):
        minutes = int(m[1]) * 60 + int(m[2])
    elif (m := _DURATION.match(cleaned)) and (m["h"] or m["m"]):
        minutes = round(float(m["h"] or 0) * 60) + int(m["m"] or 0)
    else:
        raise DateError(f"can't read '{text.strip()}' as a length (e.g. 45m, 1h30)")
    if not 1 <= minutes <= 24 * 60:
        raise DateError("a length between 1 minute and 24 hours, please")
    return minutes


def describe_duration(minutes: int) -> str:
    """A length of time: "45m", "1h", "1h 30m"."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}h {rest}m"
    return f"{hours}h" if hours else f"{rest}m"
