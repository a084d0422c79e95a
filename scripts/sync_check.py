"""Two devices sharing one followup data file through a real Syncthing, on loopback only.

Starts two Syncthing instances (Debian's ``syncthing`` package: ``apt-get install
syncthing``) in a temporary folder, each with its own home and its own copy of one shared
folder, talking to each other over 127.0.0.1 alone: global and local discovery, relays,
NAT traversal, upgrades, crash and usage reporting all off, GUI and API on 127.0.0.1.
Then both sides change the data file at the same time with followup commands, once while
connected and once while one side is stopped, fold in every sync conflict copy with
``followup merge``, and check that after they settle both sides hold the same, valid file
with every change made on either side.

Run it as ``python scripts/sync_check.py`` (``--keep`` leaves the folder for a look).
Exit code 0 when every change survived; 1 with what is missing otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

FOLDER_ID = "followup"
PATIENCE = 90.0
"""Seconds to wait for the two sides to settle before calling it a failure."""
START = "2026-11-03T10:00:00-05:00"
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Side:
    """One device: a Syncthing home, its copy of the shared folder, its followup."""

    name: str
    """What the script calls it ("laptop", "desktop")."""
    root: Path
    """The temporary folder everything of both sides lives in."""
    listen: int = field(default_factory=free_port)
    """Its sync port on 127.0.0.1."""
    gui: int = field(default_factory=free_port)
    """Its GUI and REST API port on 127.0.0.1."""
    api_key: str = field(default_factory=lambda: os.urandom(16).hex())
    """The REST API key."""
    device_id: str = ""
    """Its Syncthing device ID (once generated)."""
    process: subprocess.Popen[bytes] | None = None
    """Its running Syncthing, if started."""

    @property
    def home(self) -> Path:
        """Syncthing's configuration and database."""
        return self.root / f"home-{self.name}"

    @property
    def folder(self) -> Path:
        """This side's copy of the shared folder."""
        return self.root / f"sync-{self.name}"

    @property
    def data(self) -> Path:
        """This side's followup data file."""
        return self.folder / "followup.json"

    def env(self) -> dict[str, str]:
        """The environment of every program run for this side."""
        env = dict(os.environ)
        env.update(STNOUPGRADE="1", STNODEFAULTFOLDER="1", STNORESTART="1")
        env["HOME"] = str(self.home)  # nothing of the user's is read or written
        env["FOLLOWUP_CONFIG"] = str(self.root / f"settings-{self.name}.toml")
        env["PYTHONPATH"] = str(ROOT)
        return env

    def generate(self) -> None:
        """Make the shared folder and Syncthing's keys and configuration."""
        self.folder.mkdir(parents=True)
        (self.folder / ".stfolder").mkdir()
        # Each device's lock, backup and temporary files are its own business (README).
        (self.folder / ".stignore").write_text("*.lock\n*.bak\n.*.tmp\n")
        generate = ["syncthing", "generate", f"--home={self.home}", "--no-default-folder"]
        run(generate, self.env(), quiet=True)
        self.device_id = run(
            ["syncthing", "serve", f"--home={self.home}", "--device-id"], self.env()
        ).strip()

    def configure(self, other: Side) -> None:
        """Loopback only, nothing phoned home, and one folder shared with ``other``."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        config = tree.getroot()
        options = config.find("options")
        assert options is not None
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.listen}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "startBrowser": "false",
        }
        for tag in ("listenAddress", "globalAnnounceServer"):
            for old in options.findall(tag):
                options.remove(old)
        for tag, value in settings.items():
            element = options.find(tag)
            if element is None:
                element = ET.SubElement(options, tag)
            element.text = value
        gui = config.find("gui")
        assert gui is not None
        gui.set("tls", "false")
        for tag, value in (("address", f"127.0.0.1:{self.gui}"), ("apikey", self.api_key)):
            element = gui.find(tag)
            if element is None:
                element = ET.SubElement(gui, tag)
            element.text = value
        peer = ET.SubElement(
            config, "device", id=other.device_id, name=other.name, compression="metadata"
        )
        ET.SubElement(peer, "address").text = f"tcp://127.0.0.1:{other.listen}"
        folder = ET.SubElement(
            config,
            "folder",
            id=FOLDER_ID,
            label=FOLDER_ID,
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="10",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
        )
        # A folder added by hand gets no defaults: without this (0), Syncthing keeps no
        # conflict copy, and the older of two concurrent versions is simply dropped.
        ET.SubElement(folder, "maxConflicts").text = "10"
        for device in (self.device_id, other.device_id):
            ET.SubElement(folder, "device", id=device)
        tree.write(path)

    def start(self) -> None:
        """Start Syncthing and wait until its API answers."""
        log = open(self.root / f"syncthing-{self.name}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart"],
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            try:
                self.api("/rest/system/ping")
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"syncthing {self.name} did not start; see its log in {self.root}")

    def stop(self) -> None:
        """Shut Syncthing down (as a device going offline) and wait for it."""
        if self.process is None:
            return
        try:
            self.api("/rest/system/shutdown", method="POST")
        except OSError:
            self.process.terminate()
        self.process.wait(timeout=60)
        self.process = None

    def api(self, path: str, method: str = "GET") -> object:
        """Call Syncthing's REST API on 127.0.0.1; the decoded answer."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}",
            method=method,
            headers={"X-API-Key": self.api_key},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            body = answer.read()
        return json.loads(body) if body.strip() else None

    def scan(self) -> None:
        """Ask for a scan of the folder now (if running), not at the watcher's pace."""
        if self.process is not None:
            self.api(f"/rest/db/scan?folder={FOLDER_ID}", method="POST")

    def idle(self, other: Side) -> bool:
        """True when this side needs nothing and ``other`` has all it has."""
        status = self.api(f"/rest/db/status?folder={FOLDER_ID}")
        completion = self.api(f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}")
        assert isinstance(status, dict) and isinstance(completion, dict)
        return bool(
            status.get("state") == "idle"
            and status.get("needTotalItems") == 0
            and completion.get("completion") == 100
        )

    def followup(self, *args: str) -> str:
        """Run a followup command on this side's copy of the data file."""
        command = [sys.executable, "-m", "followup_tui", "--db", str(self.data), *args]
        return run(command, self.env())

    def log_note(self, interview_id: str, text: str) -> None:
        """Log a note as the app does: through the store, in a process of its own."""
        run([sys.executable, "-c", LOG_NOTE, str(self.data), interview_id, text], self.env())

    def add(self, interview_id: str) -> None:
        """Add an interview with ``followup import``."""
        record = {
            "id": interview_id,
            "company": f"Company {interview_id}",
            "role": "PM",
            "start": START,
        }
        source = self.root / f"import-{self.name}-{interview_id}.json"
        source.write_text(json.dumps({"format": "followup", "version": 1, "interviews": [record]}))
        self.followup("import", str(source))

    def merge_conflicts(self) -> list[str]:
        """Fold in every sync conflict copy on this side, then delete it."""
        done = []
        for copy in sorted(self.folder.glob("followup.sync-conflict-*")):
            said = self.followup("merge", str(copy)).strip().splitlines()
            copy.unlink()
            done.append(f"{self.name}: {copy.name}: {said[0] if said else ''}")
        return done


LOG_NOTE = """
import sys
from datetime import datetime, UTC
from pathlib import Path
from followup_tui.core.model import Event, EventKind
from followup_tui.storage import Store
with Store.open(Path(sys.argv[1])) as store:
    store.log(sys.argv[2], Event(EventKind.NOTE, datetime.now(UTC), text=sys.argv[3]))
    for line in store.take_notices():
        print(line, file=sys.stderr)
"""


def run(command: list[str], env: dict[str, str], *, quiet: bool = False) -> str:
    """Run ``command``; its output, or the end of the script with its error."""
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    if done.stderr.strip() and not quiet:
        print(f"    {done.stderr.strip()}")
    return done.stdout


def settle(a: Side, b: Side) -> list[str]:
    """Wait until both sides agree, folding in conflict copies; what was merged."""
    merged: list[str] = []
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        for side in (a, b):
            side.scan()
        time.sleep(1)
        copies = a.merge_conflicts()  # one side only: the copies reach both
        merged += copies
        if copies:
            continue
        if (
            a.idle(b)
            and b.idle(a)
            and a.data.read_bytes() == b.data.read_bytes()
            and not list(a.folder.glob("followup.sync-conflict-*"))
            and not list(b.folder.glob("followup.sync-conflict-*"))
        ):
            return merged
    states = {
        side.name: (side.api(f"/rest/db/status?folder={FOLDER_ID}"), side.data.read_bytes()[:0])
        for side in (a, b)
    }
    raise SystemExit(f"the two sides did not settle in time: {states}")


def at_once(*jobs: tuple[Side, list[tuple[str, ...]]]) -> None:
    """Run each side's changes in its own thread, all at the same time."""

    failures: list[BaseException] = []

    def work(side: Side, changes: list[tuple[str, ...]]) -> None:
        try:
            for change in changes:
                if change[0] == "add":
                    side.add(change[1])
                else:
                    side.log_note(change[1], change[2])
        except BaseException as exc:  # SystemExit too: a thread would swallow it
            failures.append(exc)

    threads = [threading.Thread(target=work, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"a change failed: {failures[0]}")


def check(a: Side, b: Side, ids: set[str], notes: dict[str, set[str]]) -> list[str]:
    """What is missing from the settled file (empty when nothing is)."""
    sys.path.insert(0, str(ROOT))
    from followup_tui.storage import Store

    problems = []
    if a.data.read_bytes() != b.data.read_bytes():
        problems.append("the two sides hold different files")
    with Store.open(a.data, read_only=True) as store:  # raises if the file is not valid
        found = {i.id: i for i in store.interviews()}
    problems += [f"interview {i} is missing" for i in sorted(ids - set(found))]
    for interview_id, texts in notes.items():
        have = {e.text for e in found[interview_id].events} if interview_id in found else set()
        problems += [f"{interview_id}: note {t!r} is missing" for t in sorted(texts - have)]
    return problems


def main() -> int:
    """Run the check; 0 when every change from both sides is in the settled file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if shutil.which("syncthing") is None:
        print("sync_check: needs syncthing (apt-get install syncthing)", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="followup-sync-"))
    a, b = Side("laptop", root), Side("desktop", root)
    ids: set[str] = set()
    notes: dict[str, set[str]] = {}
    try:
        for side in (a, b):
            side.generate()
        a.configure(b)
        b.configure(a)
        for side in (a, b):
            side.start()
        print(f"1. two Syncthing instances on 127.0.0.1 ({root})")

        a.add("shared")
        ids.add("shared")
        settle(a, b)
        print("2. the laptop's first interview reached the desktop")

        laptop = [("add", "l1"), ("note", "shared", "laptop 1"), ("add", "l2")]
        desktop = [("add", "d1"), ("note", "shared", "desktop 1"), ("add", "d2")]
        at_once((a, laptop), (b, desktop))
        ids |= {"l1", "l2", "d1", "d2"}
        notes["shared"] = {"laptop 1", "desktop 1"}
        merged = settle(a, b)
        print(f"3. both changed it at the same time; conflict copies merged: {len(merged)}")
        for line in merged:
            print(f"   {line}")

        b.stop()
        at_once(
            (a, [("add", "l3"), ("note", "shared", "laptop offline"), ("note", "l1", "l-note")]),
            (b, [("add", "d3"), ("note", "shared", "desktop offline"), ("note", "d1", "d-note")]),
        )
        ids |= {"l3", "d3"}
        notes["shared"] |= {"laptop offline", "desktop offline"}
        notes["l1"], notes["d1"] = {"l-note"}, {"d-note"}
        b.start()
        merged = settle(a, b)
        print(
            f"4. both changed it while the desktop was stopped; conflict copies merged: "
            f"{len(merged)}"
        )
        for line in merged:
            print(f"   {line}")

        problems = check(a, b, ids, notes)
        if problems:
            print("FAILED:\n  " + "\n  ".join(problems))
            return 1
        print(
            f"5. settled: the same valid file on both sides, with all {len(ids)} interviews "
            f"and all {sum(map(len, notes.values()))} notes from both sides"
        )
        return 0
    finally:
        for side in (a, b):
            side.stop()
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
