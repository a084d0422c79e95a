"""``followup remind``: say once, while the app is closed, that a step has fallen due.

Run every few minutes (a systemd user timer, or cron), it announces each step of the
agenda that is owed now and was not announced before, as a desktop notification where one
can be shown (``desktop-notifier``, then ``notify-send``), else on standard output. What
it announced is kept in a small file beside the data file; a step whose date moves is
announced again when it falls due again.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, time, tzinfo
from pathlib import Path

from followup_tui.core.agenda import Entry
from followup_tui.report import plain

Channel = Callable[[str, str], bool]
"""Shows a notification (title, body); False when it could not be shown."""

MAX_SEPARATE = 3
"""More steps than this at once make one notification listing them, not a flood."""
APP_NAME = "followup"
"""How notifications name their sender."""
MORNING = time(9, 0)
"""The local time a check-in or note is announced on its day."""


def state_path(data_file: Path) -> Path:
    """Where the announced steps are remembered, beside the data file.

    Not ``followup.json.something``: the store clears ``.followup.json.*.tmp`` files it
    finds beside the data file, and this file's own temporary copies must not match.
    """
    return data_file.with_name(f"{data_file.stem}-reminded{data_file.suffix or '.json'}")


def load_announced(path: Path) -> dict[str, str]:
    """Step key to the instant it fell due, for each step already announced.

    A missing or unreadable file means nothing was announced yet.
    """
    from followup_tui import regular  # a named pipe there is never read

    try:
        data = json.loads(regular.read_bytes(path))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def announce_from(entry: Entry, tz: tzinfo) -> datetime:
    """When a step is announced: a thank-you as soon as it is owed, a step of a day at
    :data:`MORNING` that day (as the calendar's reminder), not in the night."""
    if entry.day is None:
        return entry.owed_from
    return datetime.combine(entry.day, MORNING, tzinfo=tz)


def fresh(
    entries: Iterable[Entry], now: datetime, tz: tzinfo, announced: Mapping[str, str]
) -> list[Entry]:
    """The steps to announce at ``now``: those not yet announced for the instant they
    fell due."""
    return [
        e
        for e in entries
        if announce_from(e, tz) <= now and announced.get(e.key) != e.owed_from.isoformat()
    ]


def remembered(
    entries: Iterable[Entry], announced: Mapping[str, str], told: Iterable[Entry]
) -> dict[str, str]:
    """What to remember next time: the steps told now, and those told before that are
    still on the agenda (a step that left it is forgotten)."""
    on_agenda = {e.key for e in entries}
    kept = {k: v for k, v in announced.items() if k in on_agenda}
    kept.update({e.key: e.owed_from.isoformat() for e in told})
    return dict(sorted(kept.items()))


def when(entry: Entry, now: datetime, tz: tzinfo) -> str:
    """When it is due, in a few words: "due by Wed 4 Nov 11:00", "due today"."""
    if entry.deadline is not None:
        deadline = entry.deadline.astimezone(tz)
        late = "was due" if entry.deadline <= now else "due"
        return f"{late} by {deadline:%a %-d %b %H:%M}"
    assert entry.day is not None
    if entry.day == now.astimezone(tz).date():
        return "due today"
    return f"due since {entry.day:%a %-d %b}"


def messages(told: Sequence[Entry], now: datetime, tz: tzinfo) -> list[tuple[str, str]]:
    """The notifications for ``told``: one each, or one for them all when there are many."""
    if len(told) <= MAX_SEPARATE:
        return [(e.title, f"{_upper_first(when(e, now, tz))}. {e.purpose}") for e in told]
    lines = [f"{e.title} ({when(e, now, tz)})" for e in told]
    return [(f"{len(told)} follow-up steps due", "\n".join(lines))]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def desktop(title: str, body: str) -> bool:
    """A notification through ``desktop-notifier``: the desktop's own, on any system."""
    try:
        from desktop_notifier import DesktopNotifierSync
    except ImportError:
        return False
    shown: list[bool] = []
    # It logs a failure (no session bus under cron, say) instead of raising; the
    # callback runs only once the notification was handed over.
    quiet = logging.getLogger("desktop_notifier")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL + 1)
    try:
        notifier = DesktopNotifierSync(app_name=APP_NAME)
        notifier.send(title=title, message=body, on_dispatched=lambda: shown.append(True))
    except Exception:  # any failure of an optional channel: the next one is tried
        return False
    finally:
        quiet.setLevel(level)
    return bool(shown)


def notify_send(title: str, body: str) -> bool:
    """A notification through ``notify-send`` (libnotify), where it is installed."""
    program = shutil.which("notify-send")
    if program is None:
        return False
    try:
        done = subprocess.run(
            [program, f"--app-name={APP_NAME}", "--", title, body],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


CHANNELS: tuple[Channel, ...] = (desktop, notify_send)
"""Tried in order; printing is the last resort."""


def announce(
    notes: Sequence[tuple[str, str]],
    channels: Sequence[Channel],
    echo: Callable[[str], None],
) -> None:
    """Show each notification on the first channel that can, or ``echo`` it."""
    for title, body in notes:
        title = plain(title)
        lines = [plain(line) for line in body.split("\n")]
        if not any(channel(title, "\n".join(lines)) for channel in channels):
            echo("\n  ".join([f"{title}:", *lines]))


def remind(
    entries: Sequence[Entry],
    data_file: Path,
    now: datetime,
    tz: tzinfo,
    *,
    channels: Sequence[Channel] = CHANNELS,
    echo: Callable[[str], None] = print,
) -> int:
    """Announce the steps of ``entries`` newly owed at ``now``, and remember them;
    returns how many were announced.

    Raises ``OSError`` if what was announced can't be remembered (it is then announced
    again next time, rather than lost).
    """
    path = state_path(data_file)
    announced = load_announced(path)
    told = fresh(entries, now, tz, announced)
    announce(messages(told, now, tz), channels, echo)
    keep = remembered(entries, announced, told)
    if keep != announced:
        from followup_tui.storage.atomic import make_folders, write_atomic

        make_folders(path.parent)
        write_atomic(path, json.dumps(keep, indent=1).encode("utf-8"))
    return len(told)
