"""When each field of an interview was last changed (:attr:`Interview.edited`), kept up
to date on every save, so that merging a sync conflict copy, which has no common version,
can tell which side changed a field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from followup_tui.core.model import EDITABLE_FIELDS, Interview


def time_edits(
    saved: Mapping[str, Interview], puts: dict[str, Interview], now: Callable[[], datetime]
) -> None:
    """Give each field a put changes (against ``saved``) the time ``now()`` as its edit
    time, in ``puts`` itself; the edit times it carries and those saved before are kept,
    the later of each (a caller may hold an interview read before another change was
    saved). ``now`` is called at most once, and only when a field changed."""
    at: datetime | None = None
    for key, new in puts.items():
        old = saved.get(key)
        if old is None:
            continue  # a new interview: nothing in it was changed yet
        stamps = dict(old.edited)
        for name, when in new.edited:
            known = stamps.get(name)
            if known is None or when > known:
                stamps[name] = when
        changed = [n for n in EDITABLE_FIELDS if getattr(old, n) != getattr(new, n)]
        if changed:
            at = at or now()
            stamps.update(dict.fromkeys(changed, at))
        edited = tuple(sorted(stamps.items()))
        if edited != new.edited:
            puts[key] = replace(new, edited=edited)
