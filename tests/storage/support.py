"""Small helpers shared by the storage tests."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followup_tui.core.model import Interview, Interviewer

START = datetime(2026, 11, 3, 15, 0, tzinfo=UTC)


def interview(n: int, **changes: object) -> Interview:
    """A plausible interview, different for each ``n``."""
    fields: dict[str, object] = {
        "id": f"iv{n}",
        "company": f"Company {n}",
        "role": "Product Manager",
        "start": START + timedelta(days=n),
        "interviewers": (Interviewer("Dana Ruiz", email="dana@example.com"),),
        "notes": f"notes for {n}",
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def temp_files(folder: Path) -> list[str]:
    """Temporary files left in ``folder``."""
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def mode_of(path: Path) -> int:
    """The permission bits of ``path``."""
    return path.stat().st_mode & 0o777


OPEN_AS_NOBODY = """
import os
import sys
from pathlib import Path
from followup_tui.storage import Store, StoreError
# The store imports what only a writer needs when a writer opens: import it all now.
import followup_tui.storage.atomic, followup_tui.storage.lock, followup_tui.storage.tinystorage
import followup_tui.storage.writer
# Everything is imported (root may read the interpreter's folders; nobody may not): now
# become a user the permission bits apply to.
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
try:
    Store.open(Path(sys.argv[1]), read_only=sys.argv[2] == "read").close()
except StoreError as exc:
    print(exc)
    sys.exit(3)
print("opened")
"""


def open_unprivileged(path: Path, *, read_only: bool) -> tuple[int, str]:
    """Open ``path`` as a user the permission bits apply to (``nobody`` when we are root,
    who ignores them). Returns (exit code, what it printed)."""
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AS_NOBODY, str(path), "read" if read_only else "write"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    return done.returncode, done.stdout + done.stderr
