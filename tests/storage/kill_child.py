"""A process that saves changes in a loop until it is killed (for the kill-loop tests).

Run as ``python kill_child.py serve``: a small fork server, so each victim starts in a
millisecond instead of paying Python's start-up. It reads commands on stdin:

- ``run store PATH SEED``: fork a child that opens PATH with our :class:`Store` and changes
  it forever (adds, edits, logged events, removals, undos; notes from empty to the codec's
  limit, so the file grows and shrinks). Before each change the child prints
  ``try put ID V SIZE EVENTS`` or ``try del ID``; once the change is saved it prints ``ok``.
- ``run stock PATH SEED``: the same kind of loop with stock TinyDB ``JSONStorage`` (each
  change announced by a bare ``try``).
- ``reap PID``: wait for that child to die; prints ``reaped PID``.

The server prints ``pid PID`` for each child it starts; a child prints ``ready`` once its
store is open. Every line is a single ``write`` shorter than PIPE_BUF, so lines from the
server and its children never interleave, and all of a dead child's lines come before
the ``reaped`` line.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followup_tui.core.codec import LONG_TEXT_LIMITS
from followup_tui.core.model import Event, EventKind, Interview
from followup_tui.storage import Store

BASE = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
Spec = tuple[int, int, int]
"""(version, notes size, number of events) of one interview."""


def note_event(k: int) -> Event:
    """The k-th event logged on an interview (from 0)."""
    return Event(EventKind.NOTE, BASE + timedelta(minutes=k + 1), text=f"event {k}")


def expected(interview_id: str, version: int, size: int, events: int) -> Interview:
    """The interview a ``put`` line describes: everything derives from the four numbers."""
    return Interview(
        id=interview_id,
        company=f"Company {interview_id}",
        role="Engineer",
        start=BASE + timedelta(hours=int(interview_id[1:]) % 1000),
        notes=f"{interview_id}:{version}:" + "n" * size,
        events=tuple(note_event(k) for k in range(events)),
    )


def spec_of(interview: Interview) -> Spec:
    """The (version, size, events) that :func:`expected` would need to rebuild it."""
    _, version, rest = interview.notes.split(":", 2)
    return int(version), len(rest), len(interview.events)


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode())


LONGEST = LONG_TEXT_LIMITS["notes"] - 100
"""The longest notes a change writes: the codec's limit, less room for the id and version."""


def _size(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.6:
        return rng.randrange(0, 500)
    if roll < 0.9:
        return rng.randrange(500, 20_000)
    return rng.randrange(15_000, LONGEST)


def _choose(rng: random.Random, count: int) -> str:
    if count == 0:
        return "add"
    # Drift between a handful and a few dozen interviews, so the file grows and shrinks.
    add = 0.45 if count < 25 else 0.15
    weights = {"add": add, "edit": 0.25, "log": 0.2, "del": 0.3 - add / 3, "undo": 0.05}
    return rng.choices(list(weights), list(weights.values()))[0]


def run_store(path: Path, seed: int) -> None:
    """Change the store at ``path`` forever, reporting each change (see module doc)."""
    rng = random.Random(seed)
    store = Store.open(path)
    state: dict[str, Spec] = {i.id: spec_of(i) for i in store.interviews()}
    next_number = max((int(i[1:]) for i in state), default=0) + 1
    # Each change touches one interview; undo restores its spec from before.
    undo_specs: list[tuple[str, Spec | None]] = []
    _say("ready")
    while True:
        op = _choose(rng, len(state))
        target = rng.choice(sorted(state)) if state else ""
        if op == "undo" and store.can_undo():
            interview_id, before = undo_specs[-1]
            _announce(interview_id, before)
            store.undo()
            undo_specs.pop()
            _apply(state, interview_id, before)
            _say("ok")
            continue
        if op in ("add", "undo"):
            target, before = f"k{next_number}", None
            next_number += 1
            after: Spec | None = (0, _size(rng), 0)
        else:
            before = state[target]
            version, size, events = before
            after = {
                "edit": (version + 1, _size(rng), events),
                "log": (version, size, events + 1),
                "del": None,
            }[op]
        _announce(target, after)
        if after is None:
            store.remove(target)
        elif op == "log":
            store.log(target, note_event(before[2] if before else 0))
        elif before is None:
            store.add(expected(target, *after))
        else:
            store.update(expected(target, *after))
        undo_specs.append((target, before))
        _apply(state, target, after)
        _say("ok")


def _announce(interview_id: str, spec: Spec | None) -> None:
    if spec is None:
        _say(f"try del {interview_id}")
    else:
        _say(f"try put {interview_id} {spec[0]} {spec[1]} {spec[2]}")


def _apply(state: dict[str, Spec], interview_id: str, spec: Spec | None) -> None:
    if spec is None:
        state.pop(interview_id, None)
    else:
        state[interview_id] = spec


def run_stock(path: Path, seed: int) -> None:
    """The same kind of loop on stock TinyDB storage, which rewrites the file in place."""
    from tinydb import TinyDB

    rng = random.Random(seed)
    db = TinyDB(path)
    _say("ready")
    while True:
        ids = [doc.doc_id for doc in db.all()]
        op = _choose(rng, len(ids))
        _say("try")
        if op == "del":
            db.remove(doc_ids=[rng.choice(ids)])
        elif op in ("edit", "log") and ids:
            db.update({"notes": "n" * _size(rng)}, doc_ids=[rng.choice(ids)])
        else:
            db.insert({"company": "Acme", "notes": "n" * _size(rng)})
        _say("ok")


def serve() -> None:
    """The fork server loop (see module doc)."""
    # A victim is a followup started from a terminal: a hang-up or a terminate ends it, even
    # when whatever started the tests ignores them (nohup ignores SIGHUP, and children inherit
    # it). Set here, before any fork, so a victim killed at once is already so.
    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    for line in sys.stdin:
        words = line.split()
        if words[0] == "run":
            mode, path, seed = words[1], Path(words[2]), int(words[3])
            pid = os.fork()
            if pid == 0:
                _child(mode, path, seed)
            _say(f"pid {pid}")
        elif words[0] == "reap":
            os.waitpid(int(words[1]), 0)
            _say(f"reaped {words[1]}")


def _child(mode: str, path: Path, seed: int) -> None:
    try:
        (run_store if mode == "store" else run_stock)(path, seed)
    except BaseException:
        message = traceback.format_exc().replace("\n", " | ")[-3000:]
        _say(f"error {message}")
    os._exit(1)


if __name__ == "__main__":
    serve()
