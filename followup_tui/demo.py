"""The demo data set: a dozen interviews whose dates move with the clock.

``data/demo.json`` writes every time relative to *now* ("-3h", "+1d 10:00", "-6bd 17:30"),
so that whatever the date, the demo shows every status. This module turns it into
ordinary interviews for a given instant and calendar.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.codec import document_to_interviews
from followup_tui.core.model import Interview

_RELATIVE = re.compile(r"^([+-])(\d+)(bd|d|h|m)(?: (\d{1,2}):(\d{2}))?$")
_INSTANT_FIELDS = frozenset({"start", "at"})
_DATE_FIELDS = frozenset({"decision_by", "check_in_on", "until"})


def demo_source() -> Path:
    """The demo file: packaged with an installed wheel, or ``data/`` in a source checkout."""
    packaged = resources.files("followup_tui") / "_data" / "demo.json"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "demo.json"


def load_demo(now: datetime, calendar: BusinessCalendar) -> list[Interview]:
    """The demo interviews, their times resolved against ``now``."""
    raw = json.loads(demo_source().read_text(encoding="utf-8"))
    return document_to_interviews(resolve_document(raw, now, calendar))


def resolve_document(
    raw: dict[str, Any], now: datetime, calendar: BusinessCalendar
) -> dict[str, Any]:
    """An interchange document from the demo's relative one."""
    interviews = [_resolve(item, now, calendar) for item in raw["interviews"]]
    return {"format": "followup", "version": 1, "interviews": interviews}


def _resolve(value: Any, now: datetime, calendar: BusinessCalendar, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _resolve(v, now, calendar, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, now, calendar) for v in value]
    if isinstance(value, str) and (key in _INSTANT_FIELDS or key in _DATE_FIELDS):
        instant = relative_instant(value, now, calendar)
        return (
            instant.isoformat() if key in _INSTANT_FIELDS else calendar.day_of(instant).isoformat()
        )
    return value


def relative_instant(expr: str, now: datetime, calendar: BusinessCalendar) -> datetime:
    """The instant a relative expression names; raises ``ValueError`` for anything else."""
    match = _RELATIVE.match(expr.strip())
    if match is None:
        raise ValueError(f"not a relative time: {expr!r}")
    sign, amount, unit, hour, minute = match.groups()
    n = int(amount) * (1 if sign == "+" else -1)
    if unit in ("h", "m"):
        return now + (timedelta(hours=n) if unit == "h" else timedelta(minutes=n))
    today = calendar.day_of(now)
    day = today + timedelta(days=n) if unit == "d" else _business_day(calendar, today, n)
    at = time(int(hour), int(minute)) if hour is not None else now.astimezone(calendar.tz).time()
    return datetime.combine(day, at.replace(tzinfo=None), tzinfo=calendar.tz)


def _business_day(calendar: BusinessCalendar, today: date, n: int) -> date:
    return calendar.add(today, n) if n >= 0 else calendar.subtract(today, -n)
