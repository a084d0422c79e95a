"""Taskwarrior beside ``followup status``: the same number of items, in a TASKDATA of its own.

Nothing is installed here: the measures exist only when ``task`` is on PATH (Debian's
``taskwarrior``). Each interview becomes one task, made from its row on the board at the
bench's instant: the description is "<company>: <next step>" (the role when nothing is owed),
the project ``jobs``, one tag with the badge, ``due`` the badge's due instant when it has one,
and one annotation with the interview's notes when it has any. Closed and archived interviews
become completed tasks (``task next`` leaves them out, as ``followup status`` does). They are
loaded with ``task import`` into a fresh TASKDATA beside the data file, with an rc file that
only turns off the questions and the news, never the work ``task next`` does by default.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from followup_tui.core.board import Row, due_instant
from followup_tui.core.calendar import BusinessCalendar

RC = "confirmation=off\nnews.version=2.6.2\nverbose=blank,header,footnote,label\n"
"""The rc file: no question is asked, no news shown; everything else as installed."""


def available() -> bool:
    """True when Taskwarrior's ``task`` is on PATH."""
    return shutil.which("task") is not None


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def tasks(rows: Sequence[Row], calendar: BusinessCalendar, now: datetime) -> list[dict[str, Any]]:
    """One Taskwarrior task per row, as the module docstring says."""
    out = []
    for index, row in enumerate(rows):
        interview, standing = row.interview, row.standing
        step = standing.actions[0].label if standing.actions else interview.role
        task: dict[str, Any] = {
            "uuid": str(uuid.UUID(int=index + 1)),
            "description": f"{interview.company}: {step}",
            "entry": _stamp(interview.start if interview.start < now else now),
            "project": "jobs",
            "tags": [standing.status.value],
            "status": "pending" if row.is_open else "completed",
        }
        due = due_instant(row, calendar)
        if due is not None:
            task["due"] = _stamp(due)
        if not row.is_open:
            task["end"] = _stamp(now)
        if interview.notes:
            note = " ".join(interview.notes.split())
            task["annotations"] = [{"entry": _stamp(now), "description": note}]
        out.append(task)
    return out


def prepare(
    folder: Path, rows: Sequence[Row], calendar: BusinessCalendar, now: datetime
) -> dict[str, str]:
    """Load the tasks into ``folder``; returns the variables that point ``task`` at them."""
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(RC)
    env = {"TASKDATA": str(data), "TASKRC": str(rc)}
    source = folder / "tasks.json"
    source.write_text(json.dumps(tasks(rows, calendar, now)))
    subprocess.run(
        ["task", "import", str(source)],
        env={**_base_env(), **env},
        capture_output=True,
        check=True,
    )
    return env


def _base_env() -> Mapping[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("TASK",))}


NEXT = ("task", "next")
"""The report people run to see what to do next."""
COUNT = ("task", "status:pending", "count")
"""The count of open tasks (the closest to ``status --short``)."""
