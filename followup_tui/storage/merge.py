"""Merging two versions of the interviews, so that neither side's change is lost.

Used when another program (a sync client, a second device) changed the data file since
followup last read or wrote it, and by ``followup merge`` for a sync conflict copy.

- Interviews are matched by id; events by identity. An event is never edited, only appended
  (or taken back by undo), so the event itself (kind, instant, text...) is its identity:
  the same event saved on both sides is one event, not two.
- With a common base (what both sides started from), both sides' additions and edits
  survive, and so do this side's removals (a deleted interview, an undone event). An
  interview or event merely missing from the other version is kept: a sync client that
  wrote an older version over ours looks exactly like a deletion there, and a deletion
  that comes back can be made again, while a lost change can't be found again. Likewise
  a field the other side holds as it was before the base's last edit of it (by the edit
  times) is an older copy, not their edit: ours stands.
  Without a base (a conflict copy), nothing is removed.
- Without a base, a field the two versions hold differently goes to the side that changed
  it later, by the edit times each interview keeps (:attr:`Interview.edited`). A field only
  one side changed has a time on that side and none on the other, so that edit survives
  whole, with nothing to note (an archive stays archived). When both sides have a time, both
  may have edited it: the later edit wins and the other value is kept as a note (below).
  Each field's edit time is the later of the two.
- The same field edited on both sides: with a base, or without one at the same time or at
  times not known (files older than edit times), the preferred side's value wins (the edit
  being saved now, which is the later one). The value that lost is kept in the interview's
  history as a note, so it can be put back by hand.

Pure: no file, no clock; the caller says when the merge happens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from followup_tui.core.model import EDITABLE_FIELDS, Event, EventKind, Interview

_SHOWN = 200
"""How much of a losing value a note keeps (a longer one is cut, and says so)."""

_SAID_AS = {
    "start": "the other time was",
    "duration_minutes": "the other length in minutes was",
    "decision_by": "the other decision date was",
    "check_in_on": "the other agreed check-in date was",
    "channel": "the other check-in channel was",
    "posting_url": "the other posting link was",
    "notes": "the other notes were",
    "interviewers": "the other interviewers were",
    "archived": "the other version was",
    "follows": "the other previous round was",
}
"""How a note names a field, as the form does (the rest by their own name): the note is
read in the interview's history, by someone who never saw the file's field names."""


@dataclass
class Merged:
    """The outcome of a merge."""

    interviews: dict[str, Interview]
    """Every interview after the merge, by id, in file order."""
    added: list[str] = field(default_factory=list)
    """Ids of interviews the other side added."""
    changed: list[str] = field(default_factory=list)
    """Ids of interviews the other side changed (fields or events)."""
    removed: list[str] = field(default_factory=list)
    """Ids of interviews this side removed and the other left alone."""
    conflicts: list[str] = field(default_factory=list)
    """"Company: field" for every field both sides may have edited differently (the value
    that lost is kept as a note); not one that only one side is known to have changed."""

    def summary(self) -> str:
        """What the merge took from the other side, in a few words ("" if nothing)."""
        parts = []
        if self.added:
            parts.append(_count(len(self.added), "interview") + " added")
        if self.changed:
            parts.append(_count(len(self.changed), "interview") + " changed")
        if self.removed:
            parts.append(_count(len(self.removed), "interview") + " removed")
        if self.conflicts:
            parts.append(
                _count(len(self.conflicts), "field")
                + " edited on both sides, the other value kept as a note"
            )
        return ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def merge(
    base: Mapping[str, Interview] | None,
    ours: Mapping[str, Interview],
    theirs: Mapping[str, Interview],
    at: datetime,
) -> Merged:
    """Merge ``theirs`` (the other side) into ``ours`` (the preferred side).

    ``base`` is what both started from, or None when unknown (then nothing is removed).
    ``at`` is when the merge happens: the time of the notes it adds. The result lists
    interviews in ``theirs``' order, then those only ``ours`` has.
    """
    known = base or {}
    result = Merged({})
    for key in [*theirs, *(k for k in ours if k not in theirs)]:
        mine, other, start = ours.get(key), theirs.get(key), known.get(key)
        if mine is not None and other is not None:
            merged = _merge_one(start, mine, other, at, result.conflicts)
            if merged != mine:
                result.changed.append(key)
            result.interviews[key] = merged
        elif other is not None:  # only on their side
            if base is not None and start is not None and other == start:
                result.removed.append(key)  # we removed it; they left it alone
                continue
            if start is None:
                result.added.append(key)
            else:
                result.changed.append(key)  # we removed it, they changed it: keep it
            result.interviews[key] = other
        elif mine is not None:  # only on our side: kept, even if the base had it (see above)
            result.interviews[key] = mine
    return result


def _merge_one(
    base: Interview | None, ours: Interview, theirs: Interview, at: datetime, conflicts: list[str]
) -> Interview:
    if ours == theirs:
        return ours
    changes: dict[str, object] = {}
    notes: list[Event] = []
    for name in EDITABLE_FIELDS:
        mine, other = getattr(ours, name), getattr(theirs, name)
        if mine == other:
            continue
        lost = other
        if base is not None:
            start = getattr(base, name)
            if other == start or _older_copy(base, theirs, name):
                continue  # only we changed it (an older copy of theirs changed nothing)
            if mine == start:
                changes[name] = other  # only they changed it
                continue
        else:
            mine_at, other_at = ours.edited_at(name), theirs.edited_at(name)
            if _later(other_at, mine_at):
                changes[name], lost = other, mine
                if mine_at is None:
                    continue  # only they changed it
            elif _later(mine_at, other_at) and other_at is None:
                continue  # only we changed it
        conflicts.append(f"{ours.company}: {name}")
        notes.append(Event(EventKind.NOTE, at, text=_note(name, lost)))
    events = _merge_events(base.events if base is not None else None, ours.events, theirs.events)
    edited = _merge_edited(ours.edited, theirs.edited)
    return replace(ours, **changes, events=(*events, *notes), edited=edited)  # type: ignore[arg-type]


def _older_copy(base: Interview, theirs: Interview, name: str) -> bool:
    """True when their value of a field can't be an edit made since ``base``: the base
    knows when the field was last edited and theirs holds no later time (a sync client
    put back a version made before that edit)."""
    known = base.edited_at(name)
    return known is not None and not _later(theirs.edited_at(name), known)


def _later(this: datetime | None, that: datetime | None) -> bool:
    """True when ``this`` edit time is known to come after ``that`` (an unknown one, None,
    comes before every known one)."""
    return this is not None and (that is None or this > that)


def _merge_edited(
    ours: tuple[tuple[str, datetime], ...], theirs: tuple[tuple[str, datetime], ...]
) -> tuple[tuple[str, datetime], ...]:
    """Each field's later edit time of the two sides."""
    stamps = dict(ours)
    for name, at in theirs:
        if _later(at, stamps.get(name)):
            stamps[name] = at
    return tuple(sorted(stamps.items()))


def _merge_events(
    base: tuple[Event, ...] | None, ours: tuple[Event, ...], theirs: tuple[Event, ...]
) -> list[Event]:
    """Both sides' events: theirs in their order, then ours that they lack; an event
    this side took back (undo) stays gone."""
    want = Counter(theirs) | Counter(ours)
    if base is not None:
        start, mine, other = Counter(base), Counter(ours), Counter(theirs)
        # Our undo is honoured; their version lacking an event is not (see above).
        counts = {
            e: mine[e] + max(0, other[e] - start[e])
            if mine[e] < start[e]
            else max(mine[e], other[e])
            for e in mine | other
        }
        want = Counter({e: n for e, n in counts.items() if n > 0})
    result: list[Event] = []
    for event in (*theirs, *ours):
        if want[event] > 0:
            want[event] -= 1
            result.append(event)
    return result


def _note(name: str, value: object) -> str:
    shown = _describe(value)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    said = _SAID_AS.get(name, f"the other {name} was")
    return f"Edited in two places at once; {said}: {shown}"


def _describe(value: object) -> str:
    if isinstance(value, bool):  # the one yes-or-no field: archived
        return "archived" if value else "not archived"
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, tuple):
        return "; ".join(getattr(v, "name", str(v)) for v in value) or "(none)"
    return str(value)
