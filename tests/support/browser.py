"""A real headless Chromium, driven over its DevTools protocol (with aiohttp, which
textual-serve brings): open a page, read what the terminal in it was sent, type keys, take a
screenshot.

The page is watched from inside: a script run before the page's own records everything its
WebSocket receives (the terminal's output, so what is on screen can be waited for), every
text it asks the browser to put on the clipboard, and every link it opens.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp

TIMEOUT = 30.0
"""Longest wait for the browser or the page (a slow CI machine, not a measure)."""

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    # Nothing but this machine: any other host name fails at once, never asked of the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
)
"""A quiet browser that asks the network for nothing of its own; DevTools on a free port."""

WATCH = """
window.__screen = "";
window.__copied = [];
window.__opened = [];
const PageSocket = window.WebSocket;
window.WebSocket = class extends PageSocket {
  constructor(...args) {
    super(...args);
    const decoder = new TextDecoder();
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__screen += decoder.decode(event.data, {stream: true});
      }
    });
  }
};
Object.defineProperty(navigator, "clipboard", {
  value: {
    writeText: async (text) => { window.__copied.push(text); },
    readText: async () => "",
  },
});
window.open = (url, target) => { window.__opened.push([url, target]); return null; };
"""
"""Run before the page's scripts: what the page receives, copies and opens is recorded."""

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_].*?\x1b\\|.)")

KEYS = {
    "escape": ("Escape", "Escape", 27, ""),
    "enter": ("Enter", "Enter", 13, "\r"),
}
"""Named keys: DOM key, DOM code, Windows key code, and the text they type."""


def chromium() -> str | None:
    """The Chromium command here, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium with one page, driven over DevTools."""

    def __init__(self, profile: Path) -> None:
        """Start Chromium with a fresh profile folder ``profile`` (made here)."""
        command = chromium()
        assert command is not None, "chromium is not installed"
        profile.mkdir(parents=True)
        self.profile = profile
        """The browser's own profile folder."""
        self.process = subprocess.Popen(
            [command, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,800"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helpers in a group of their own, ended together
        )
        """The browser."""
        self._session: aiohttp.ClientSession | None = None
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._ids = 0

    async def __aenter__(self) -> Browser:
        """Connect to the browser's page."""
        port = await self._devtools_port()
        self._session = aiohttp.ClientSession()
        deadline = time.monotonic() + TIMEOUT
        while True:
            async with self._session.get(f"http://127.0.0.1:{port}/json/list") as answer:
                pages = [t for t in await answer.json() if t["type"] == "page"]
            if pages:
                break
            assert time.monotonic() < deadline, "the browser opened no page"
            await asyncio.sleep(0.05)
        self._socket = await self._session.ws_connect(
            pages[0]["webSocketDebuggerUrl"], max_msg_size=0
        )
        await self.call("Page.enable")
        await self.call("Page.addScriptToEvaluateOnNewDocument", source=WATCH)
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Close the connection and end the browser (and its helper processes)."""
        if self._socket is not None:
            await self._socket.close()
        if self._session is not None:
            await self._session.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    async def _devtools_port(self) -> int:
        """The port Chromium chose, from the file it writes into its profile."""
        announced = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while not (announced.exists() and announced.read_text().strip()):
            assert self.process.poll() is None, "chromium exited at start"
            assert time.monotonic() < deadline, "chromium never opened its DevTools port"
            await asyncio.sleep(0.05)
        return int(announced.read_text().split()[0])

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Run one DevTools command; its result (events met meanwhile are dropped)."""
        assert self._socket is not None
        self._ids += 1
        await self._socket.send_json({"id": self._ids, "method": method, "params": params})
        while True:
            message = json.loads((await asyncio.wait_for(self._socket.receive(), TIMEOUT)).data)
            if message.get("id") == self._ids:
                assert "error" not in message, message["error"]
                result: dict[str, Any] = message["result"]
                return result

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        answer = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in answer, answer["exceptionDetails"]
        return answer["result"].get("value")

    async def open(self, url: str) -> None:
        """Load ``url`` in the page."""
        await self.call("Page.navigate", url=url)

    async def screen(self) -> str:
        """Everything the terminal in the page was sent so far, as text without escapes."""
        return _ANSI.sub("", await self.evaluate("window.__screen"))

    async def wait_for_text(self, needle: str, start: int = 0) -> str:
        """Wait until the terminal was sent ``needle`` after the first ``start`` characters."""
        deadline = time.monotonic() + TIMEOUT
        while needle not in (text := await self.screen())[start:]:
            assert time.monotonic() < deadline, f"{needle!r} never reached the page"
            await asyncio.sleep(0.05)
        return text

    async def wait_for(self, expression: str) -> Any:
        """Wait until a JavaScript expression is true-ish in the page; its value."""
        deadline = time.monotonic() + TIMEOUT
        while not (value := await self.evaluate(expression)):
            assert time.monotonic() < deadline, f"{expression} never held"
            await asyncio.sleep(0.05)
        return value

    async def focus_terminal(self) -> None:
        """Give the terminal the keyboard, as a click on it would."""
        await self.wait_for("document.querySelector('.xterm-helper-textarea') !== null")
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")

    async def press(self, key: str, *, ctrl: bool = False) -> None:
        """Type one key: a character, a name in :data:`KEYS`, or ctrl with a letter."""
        if key in KEYS:
            name, code, number, text = KEYS[key]
        else:
            name, text = key, "" if ctrl else key
            code = f"Key{key.upper()}" if key.isalpha() else ""
            number = ord(key.upper())
        down: dict[str, Any] = {
            "type": "keyDown" if text else "rawKeyDown",
            "key": name,
            "code": code,
            "windowsVirtualKeyCode": number,
            "modifiers": 2 if ctrl else 0,
        }
        if text:
            down["text"] = text
        await self.call("Input.dispatchKeyEvent", **down)
        up = {k: v for k, v in down.items() if k != "text"}
        await self.call("Input.dispatchKeyEvent", **{**up, "type": "keyUp"})

    async def screenshot(self, path: Path) -> None:
        """Save what the page shows as a PNG."""
        shot = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
