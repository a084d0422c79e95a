"""One device of the sync check: a Syncthing home, its copy of the shared folder, and the
followup commands run on it.

Each Syncthing listens and answers its API on 127.0.0.1 alone, with discovery, relays, NAT
traversal, upgrades, crash and usage reporting off.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FOLDER_ID = "followup"
PATIENCE = 90.0
"""Seconds to wait for a state (Syncthing started, two sides settled, a screen drawn)
before calling it a failure: a guard against a hang, never a measure of speed."""
START = "2026-11-03T10:00:00-05:00"
"""When every interview the check adds took place."""
ROOT = Path(__file__).resolve().parent.parent.parent
"""The repository: followup runs from it."""


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
            # Dial a paused-then-resumed peer again within seconds (5 is the least
            # Syncthing takes), not at the next minute's round: a reconnection was seen
            # to take a minute.
            "reconnectionIntervalS": "5",
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

    def pause(self, other: Side) -> None:
        """Stop talking to ``other`` (as if offline); wait until they are disconnected."""
        self.api(f"/rest/system/pause?device={other.device_id}", method="POST")
        self.wait(lambda: not self.connected(other), f"{self.name} to let go of {other.name}")

    def resume(self, other: Side) -> None:
        """Talk to ``other`` again (it must resume too before they connect)."""
        self.api(f"/rest/system/resume?device={other.device_id}", method="POST")

    def connected(self, other: Side) -> bool:
        """True while this side has a connection to ``other``."""
        answer = self.api("/rest/system/connections")
        assert isinstance(answer, dict)
        state = answer.get("connections", {}).get(other.device_id, {})
        return bool(state.get("connected"))

    def wait(self, condition: Callable[[], bool], what: str) -> None:
        """Wait until ``condition()`` holds (a hang guard of :data:`PATIENCE` seconds)."""
        deadline = time.monotonic() + PATIENCE
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"waited too long for {what}; see the logs in {self.root}")
            time.sleep(0.2)

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

    def conflict_copies(self) -> list[Path]:
        """The sync conflict copies of the data file in this side's folder."""
        return sorted(self.folder.glob("followup.sync-conflict-*"))

    def merge_conflicts(self) -> list[str]:
        """Fold in every sync conflict copy on this side, then delete it."""
        done = []
        for copy in self.conflict_copies():
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
