"""Another version of the data file taken in without losing anything: what another
program saved meanwhile (merged under the change about to be saved), or a sync conflict
copy folded in on request; and what the user is told of it.

Only a writer ever merges, so a reader never imports this (nor :mod:`.merge`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from followup_tui.core.model import Interview
from followup_tui.paths import backup_path_for
from followup_tui.storage import merge
from followup_tui.storage.datafile import Loaded
from followup_tui.storage.merge import Merged


def under_outside_change(
    base: Mapping[str, Interview],
    puts: Mapping[str, Interview],
    removes: Iterable[str],
    fresh: Loaded,
) -> tuple[Merged, dict[str, Interview], list[str]]:
    """This change (``puts`` and ``removes`` on ``base``, the version last read or
    written) merged with ``fresh``, the version another program saved since: the merge,
    and the change to make to *fresh* to get it (its puts, its removes)."""
    gone = set(removes)
    ours = {i: v for i, v in base.items() if i not in gone} | dict(puts)
    merged = merge.merge(base, ours, fresh.interviews, _saved_at(fresh))
    new_puts = {i: v for i, v in merged.interviews.items() if fresh.interviews.get(i) != v}
    new_removes = [i for i in fresh.interviews if i not in merged.interviews]
    return merged, new_puts, new_removes


def folded_in(
    mine: Mapping[str, Interview],
    other: Mapping[str, Interview],
    *,
    other_is_newer: bool,
    at: datetime,
) -> tuple[Merged, dict[str, Interview]]:
    """``other`` (a sync conflict copy, say) folded into ``mine`` as
    :meth:`Store.merge_in` describes: the merge, and the interviews to save for it."""
    if other_is_newer:
        merged = merge.merge(None, other, mine, at)
        merged.added = [i for i in other if i not in mine]
        merged.changed = [i for i in mine if i in other and merged.interviews[i] != mine[i]]
    else:
        merged = merge.merge(None, mine, other, at)
    puts = {i: v for i, v in merged.interviews.items() if mine.get(i) != v}
    return merged, puts


def merged_notice(merged: Merged, what: str, path: Path) -> str:
    """The line telling the user that ``what`` the data file at ``path`` and it was
    merged, and where the version written over is kept."""
    summary = merged.summary() or "nothing new"
    return (
        f"{what.capitalize()} {path.name} meanwhile: merged ({summary}); "
        f"the version it wrote is kept in {backup_path_for(path).name}."
    )


def _saved_at(loaded: Loaded) -> datetime:
    """When the other program's version was saved: the time of the notes a merge adds
    (never the wall clock, so a merge reads the same whenever it is replayed)."""
    mtime_ns = loaded.stamp[3] if loaded.stamp else 0
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC)
