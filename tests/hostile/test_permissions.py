"""Every file followup writes is readable by the user alone, whatever the umask says.

Run with a umask of 0 (new files would be world-writable if the code left it to the
umask): the data folder, the data file, its backup, its lock, the composer's drafts and
the crash log, as the real command creates them.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.support.terminal import PtySession

from .terminal import Home, followup_argv
from .test_terminal import PLANTED

DOCUMENT = {
    "format": "followup",
    "version": 1,
    "interviews": [
        {
            "company": "Acme",
            "role": "Analyst",
            "start": "2026-11-04T10:00:00-05:00",
            "interviewers": [{"name": "Dana Ruiz", "email": "dana@acme.example"}],
        }
    ],
}


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_written_is_private_even_with_umask_zero(tmp_path: Path) -> None:
    home = Home(tmp_path)
    env = home.env()
    env["FOLLOWUP_DB"] = str(tmp_path / "data" / "followup.json")  # a folder to create
    data = Path(env["FOLLOWUP_DB"])
    source = tmp_path / "in.json"
    source.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    subprocess.run(
        followup_argv("import", str(source)),
        env=env,
        check=True,
        capture_output=True,
        preexec_fn=lambda: os.umask(0),
    )
    app = PtySession(followup_argv(), env, umask=0)
    try:
        app.wait_for_text("Acme")
        mark = app.send("t")  # a second save: the backup of the first
        app.wait_for_text("Thank-you sent", start=mark)
        mark = app.send("\r")  # now, to those owed one
        app.wait_for_text("logged", start=mark)
        mark = app.send("c")  # the composer, and a draft
        app.wait_for_text("Mark sent", start=mark)
        app.send("x")
        mark = app.send(b"\x1b")
        app.wait_for_text("Draft kept", start=mark)
        app.send("q")
        assert os.WIFEXITED(app.wait_exit())
    finally:
        app.close()
    crash = PtySession([sys.executable, "-c", PLANTED.format(secret="s")], env, umask=0)
    try:
        crash.wait_for_text("Acme")
        crash.send("?")
        crash.wait_exit()
    finally:
        crash.close()

    written = {
        data.parent: 0o700,
        data: 0o600,
        data.with_name("followup.json.bak"): 0o600,
        data.with_name("followup.json.lock"): 0o600,
        data.with_name("followup.json.drafts"): 0o600,
        home.crash_log.parent: 0o700,
        home.crash_log: 0o600,
    }
    assert {path: mode(path) for path in written} == written
    others = sorted(p.name for p in data.parent.iterdir() if mode(p) & 0o077)
    assert others == []  # nothing else in the folder is open to others either
