"""Two devices sharing one followup data file through a real Syncthing, on loopback only.

Starts two Syncthing instances (Debian's ``syncthing`` package: ``apt-get install
syncthing``) in a temporary folder, each with its own home and its own copy of one shared
folder, talking to each other over 127.0.0.1 alone: global and local discovery, relays,
NAT traversal, upgrades, crash and usage reporting all off, GUI and API on 127.0.0.1.
Then both sides change the data file at the same time: with followup commands on both,
once connected and once with one side stopped; then with the app itself open on the
laptop (in tmux, driven key by key) while the desktop runs commands, once connected and
once with the two paused from each other (offline) and reconnected. Every sync conflict
copy is folded in with ``followup merge``; once they settle, both sides must hold the same
valid file with every change made on either side (each archive the app made kept whole,
not as a note), and the app must show the desktop's.

Run it as ``python scripts/sync_check.py`` (``--keep`` leaves the folder for a look).
Exit code 0 when every change survived; 1 with what is missing; 2 when syncthing or tmux
is not installed (it says which).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sync_support.device import FOLDER_ID, PATIENCE, ROOT, Side
from sync_support.window import AppWindow

NEEDS = ("syncthing", "tmux")
"""The programs the check runs (Debian packages of the same names)."""
BEGAN = time.monotonic()


def say(text: str) -> None:
    """Print a step, with the seconds since the check began (where the time goes)."""
    print(f"[{time.monotonic() - BEGAN:3.0f} s] {text}", flush=True)


@dataclass
class Expected:
    """Every change made on either side, to be found in the settled file."""

    ids: set[str] = field(default_factory=set)
    """The interviews added."""
    notes: dict[str, set[str]] = field(default_factory=dict)
    """The note texts logged, by interview."""
    kinds: dict[str, set[str]] = field(default_factory=dict)
    """The kinds of event the app logged, by interview."""
    archived: set[str] = field(default_factory=set)
    """The interviews the app archived."""

    def note(self, interview_id: str, text: str) -> tuple[str, ...]:
        """Expect a note; the change that makes it (for :meth:`Side.log_note`)."""
        self.notes.setdefault(interview_id, set()).add(text)
        return ("note", interview_id, text)

    def add(self, interview_id: str) -> tuple[str, ...]:
        """Expect an interview; the change that adds it."""
        self.ids.add(interview_id)
        return ("add", interview_id)

    def event(self, interview_id: str, kind: str) -> None:
        """Expect an event of ``kind`` logged by the app."""
        self.kinds.setdefault(interview_id, set()).add(kind)

    @property
    def count(self) -> int:
        """How many changes are expected."""
        sizes = [len(self.ids), len(self.archived)]
        return sum(sizes) + sum(map(len, self.notes.values())) + sum(map(len, self.kinds.values()))


def settle(a: Side, b: Side, merger: Side) -> list[str]:
    """Wait until both sides agree, folding in conflict copies on ``merger`` (a side where
    no app holds the lock); what was merged."""
    merged: list[str] = []
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        for side in (a, b):
            side.scan()
        time.sleep(1)  # Syncthing's own pace; every turn looks at its state again
        copies = merger.merge_conflicts()  # on one side only: the copies reach both
        merged += copies
        if copies:
            continue
        if (
            a.idle(b)
            and b.idle(a)
            and a.data.read_bytes() == b.data.read_bytes()
            and not a.conflict_copies()
            and not b.conflict_copies()
        ):
            return merged
    states = {side.name: side.api(f"/rest/db/status?folder={FOLDER_ID}") for side in (a, b)}
    raise SystemExit(f"the two sides did not settle in time: {states}")


def commands(side: Side, changes: list[tuple[str, ...]]) -> Callable[[], None]:
    """A job making ``changes`` on ``side`` with followup commands, one after another."""

    def work() -> None:
        for change in changes:
            if change[0] == "add":
                side.add(change[1])
            else:
                side.log_note(change[1], change[2])

    return work


def at_once(*jobs: Callable[[], None]) -> None:
    """Run each job in its own thread, all at the same time."""
    failures: list[BaseException] = []

    def work(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as exc:  # SystemExit too: a thread would swallow it
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"a change failed: {failures[0]}")


def check(a: Side, b: Side, expected: Expected) -> list[str]:
    """What is missing from the settled file (empty when nothing is)."""
    sys.path.insert(0, str(ROOT))
    from followup_tui.storage import Store

    problems = []
    if a.data.read_bytes() != b.data.read_bytes():
        problems.append("the two sides hold different files")
    with Store.open(a.data, read_only=True) as store:  # raises if the file is not valid
        found = {i.id: i for i in store.interviews()}
    problems += [f"interview {i} is missing" for i in sorted(expected.ids - set(found))]
    for interview_id, texts in expected.notes.items():
        have = {e.text for e in found[interview_id].events} if interview_id in found else set()
        problems += [f"{interview_id}: note {t!r} is missing" for t in sorted(texts - have)]
    for interview_id, kinds in expected.kinds.items():
        events = found[interview_id].events if interview_id in found else ()
        have = {e.kind.value for e in events}
        problems += [f"{interview_id}: no {k} event" for k in sorted(kinds - have)]
    for interview_id in sorted(expected.archived):
        interview = found.get(interview_id)
        if interview is not None and not interview.archived:
            # Only the app archives, and only on the laptop: the edit times tell `followup
            # merge` so, even for the older file of a conflict, so the archive must survive
            # whole (a note keeping it would be a loss).
            kept = any(e.text.endswith("the other version was: archived") for e in interview.events)
            how = "only a note keeps it" if kept else "and no note keeps it"
            problems.append(f"{interview_id}: the archive was lost ({how})")
    return problems


def report(step: str, merged: list[str]) -> None:
    """Say what a step did, and each conflict copy merged."""
    say(f"{step}; conflict copies merged: {len(merged)}")
    for line in merged:
        print(f"   {line}")


def commands_only(a: Side, b: Side, expected: Expected) -> None:
    """Both sides change the file with commands: connected, then with the desktop stopped."""
    at_once(
        commands(a, [expected.add("l1"), expected.note("shared", "laptop 1"), expected.add("l2")]),
        commands(b, [expected.add("d1"), expected.note("shared", "desktop 1"), expected.add("d2")]),
    )
    report("3. both changed it at the same time with commands", settle(a, b, a))

    b.stop()
    at_once(  # one job a side: two commands on one side would wait for each other's lock
        commands(
            a,
            [expected.add("l3"), expected.note("shared", "laptop away"), expected.note("l1", "l")],
        ),
        commands(
            b,
            [expected.add("d3"), expected.note("shared", "desktop away"), expected.note("d1", "d")],
        ),
    )
    b.start()
    report("4. both changed it while the desktop was stopped", settle(a, b, a))


def with_the_app(a: Side, b: Side, app: AppWindow, expected: Expected) -> None:
    """The app on the laptop and commands on the desktop: connected, then offline."""

    def keys(archive: str, warm: str, check_in: str) -> Callable[[], None]:
        expected.archived.add(archive)
        expected.event(warm, "keep_warm_chosen")
        expected.event(check_in, "check_in_sent")

        def work() -> None:
            app.archive(archive)
            app.keep_warm(warm)
            app.check_in(check_in)

        return work

    app.start()
    at_once(
        keys(archive="l2", warm="d1", check_in="shared"),
        commands(
            b,
            [
                expected.add("d4"),
                expected.note("l2", "desktop, app open"),
                expected.note("shared", "desktop 2"),
                expected.note("d1", "desktop 2"),
            ],
        ),
    )
    report("5. the app (laptop) and commands (desktop) changed it at once", settle(a, b, b))
    app.select("d4")
    say("   the app shows the desktop's new interview")

    a.pause(b)
    b.pause(a)
    at_once(
        keys(archive="d2", warm="l1", check_in="d3"),
        commands(
            b,
            [
                expected.add("d5"),
                expected.note("d2", "desktop offline 2"),
                expected.note("l1", "desktop offline 2"),
                expected.note("d3", "desktop offline 2"),
            ],
        ),
    )
    a.resume(b)
    b.resume(a)
    a.wait(lambda: a.connected(b) and b.connected(a), "the two to connect again")
    report("6. both changed it while paused from each other, then reconnected", settle(a, b, b))
    app.select("d5")
    noticed = " (it pointed at a conflict copy)" if app.seen_conflict_notice else ""
    say(f"   the app shows the desktop's offline interview{noticed}")

    status = app.quit()
    if status != 0:
        raise SystemExit(f"the app ended with status {status}")


def main() -> int:
    """Run the check; 0 when every change from both sides is in the settled file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    missing = [name for name in NEEDS if shutil.which(name) is None]
    if missing:
        names = " ".join(missing)
        print(f"sync_check: needs {names} (apt-get install {names})", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="followup-sync-"))
    a, b = Side("laptop", root), Side("desktop", root)
    app = AppWindow(a)
    expected = Expected()
    try:
        for side in (a, b):
            side.generate()
        a.configure(b)
        b.configure(a)
        for side in (a, b):
            side.start()
        say(f"1. two Syncthing instances on 127.0.0.1 ({root})")

        a.add("shared")
        expected.ids.add("shared")
        settle(a, b, a)
        say("2. the laptop's first interview reached the desktop")

        commands_only(a, b, expected)
        with_the_app(a, b, app, expected)

        problems = check(a, b, expected)
        if problems:
            print("FAILED:\n  " + "\n  ".join(problems))
            return 1
        say(
            f"7. settled: the same valid file on both sides, with all {expected.count} "
            f"changes from both sides ({len(expected.ids)} interviews)"
        )
        return 0
    finally:
        app.close()
        for side in (a, b):
            side.stop()
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
