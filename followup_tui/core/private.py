"""Private notes guarded: finding where a message repeats the user's own notes.

The notes are for the user alone (DOMAIN.md, "Private stays private"); the tone check uses
this to flag note text pasted into a message. Pure string work, no clock, no I/O.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w'\u2019]+")
# Runs of this many words from the notes are too specific to be chance.
_PRIVATE_RUN = 4
_SMALL = frozenset(
    (  # noqa: SIM905
        "a an the and or but to of in on for with at by it is i i'm my me you your we our "
        "this that was be so as"
    ).split()
)


def _words(text: str) -> list[tuple[str, int, int]]:
    return [
        (m.group(0).casefold().replace("\u2019", "'"), m.start(), m.end())
        for m in _WORD.finditer(text)
    ]


def private_spans(text: str, notes: str, shared: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Where ``text`` repeats a run of words from ``notes``: (start, end) offsets, in order.

    A run is four words of one sentence of the notes (fewer for a shorter one), not all of
    them small words. Text that is also in ``shared`` (a topic, the highlight) was meant to
    be said, so a run made mostly of it does not count.
    """
    runs: set[tuple[str, ...]] = set()
    for line in re.split(r"[\n.;!?]|\s[-\u2013\u2014]\s", notes):
        words = [w for w, _, _ in _words(line)]
        size = min(_PRIVATE_RUN, len(words))
        if size < 2:
            continue
        for i in range(len(words) - size + 1):
            run = tuple(words[i : i + size])
            if not _SMALL.issuperset(run):
                runs.add(run)
    if not runs:
        return []
    said = _words(text)
    covered = _shared_offsets(text, shared)
    found: list[tuple[int, int]] = []
    end_of_last = -1
    for size in sorted({len(r) for r in runs}, reverse=True):
        for i in range(len(said) - size + 1):
            window = said[i : i + size]
            if tuple(w for w, _, _ in window) not in runs or window[0][1] < end_of_last:
                continue
            # Words the user meant to say (a topic that the notes repeat) are not private;
            # the run is private only when most of it is the notes' own words.
            own = [w for w, start, _ in window if start not in covered]
            if len(own) * 2 < size or _SMALL.issuperset(own):
                continue
            start, end = window[0][1], window[-1][2]
            end_of_last = end
            found.append((start, end))
    return sorted(found)


def _shared_offsets(text: str, shared: tuple[str, ...]) -> set[int]:
    """Offsets in ``text`` of characters inside a copy of some shared text."""
    folded = text.casefold()
    covered: set[int] = set()
    for piece in shared:
        piece = piece.strip().casefold()
        if len(piece) < 3:
            continue
        at = folded.find(piece)
        while at >= 0:
            covered.update(range(at, at + len(piece)))
            at = folded.find(piece, at + 1)
    return covered
