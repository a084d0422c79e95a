"""``followup serve``: the app in a browser tab, on this machine alone, one writer.

The browser test drives a real headless Chromium (Debian's ``chromium``; ``.ci/run``
installs it) at the page, as a user would: the board shows, keys work, copying and mail
links reach the browser.
"""

from __future__ import annotations

import asyncio
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import aiohttp
import pytest

from followup_tui.serve import HOST, app_command, origins
from followup_tui.storage.store import Store
from tests.hostile.terminal import Home, followup_argv
from tests.support.board import standard_board
from tests.support.browser import Browser, chromium
from tests.support.store import write_data_file

TIMEOUT = 30.0
"""Longest wait for the server to listen or to end (a slow CI machine, not a measure)."""


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def listening(port: int) -> bool:
    """True once something accepts connections on ``port``."""
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) == 0


class Served:
    """``followup serve`` running on a data file."""

    def __init__(self, home: Home) -> None:
        self.home = home
        """The data file, settings and pinned clock it runs with."""
        self.port = free_port()
        """Where it listens."""
        argv = followup_argv("serve", "--port", str(self.port))
        self.process = subprocess.Popen(
            argv, env=home.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        """The server."""
        deadline = time.monotonic() + TIMEOUT
        while not listening(self.port):
            assert self.process.poll() is None, self.process.communicate()[0].decode()
            assert time.monotonic() < deadline, "followup serve never listened"
            time.sleep(0.05)

    @property
    def url(self) -> str:
        """The page to open."""
        return f"http://{HOST}:{self.port}/"

    def stop(self) -> str:
        """Stop the server as Ctrl+C does; what it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=TIMEOUT)
        return out.decode("utf-8", "replace")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The server on the standard board less its open offer (which would be listed first):
    Initech's check-in to Dana Ruiz comes first."""
    home = Home(tmp_path / "home")
    home.folder.mkdir()
    write_data_file(home.db, [i for i in standard_board() if i.company != "Hooli"])
    server = Served(home)
    yield server
    if server.process.poll() is None:
        server.stop()  # as Ctrl+C does, so the tabs' apps end with it


def test_each_tab_runs_this_followup_on_the_data_file() -> None:
    command = app_command(Path("/data/my interviews.json"))
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "followup_tui",
        "--db",
        "/data/my interviews.json",
    ]
    assert origins(8000) == {"http://127.0.0.1:8000", "http://localhost:8000"}


def test_serve_listens_on_this_machine_alone(served: Served) -> None:
    # All of 127/8 reaches this machine: a server listening on every address would answer
    # on 127.0.0.2 too, one on 127.0.0.1 alone does not.
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.2", served.port)) != 0
    assert f"on http://{HOST}:{served.port}" in " ".join(served.stop().split())


async def test_the_page_asks_no_outside_host_for_anything(served: Served) -> None:
    url = f"http://{HOST}:{served.port}/"
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        page = await response.text()
    assert response.status == 200 and "textual.js" in page
    fetched = re.findall(r"""(?:src|href)=["']([^"']+)""", page)
    assert fetched, page
    assert all(url.startswith(("/", f"http://{HOST}:{served.port}/")) for url in fetched), fetched


async def test_another_page_cannot_connect_to_the_app(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{served.url}ws", origin="http://evil.example")
        assert refused.value.status == 403
        async with session.ws_connect(f"{served.url}ws", origin=served.url.rstrip("/")) as tab:
            assert not tab.closed


async def read_until(tab: aiohttp.ClientWebSocketResponse, needle: bytes) -> bytes:
    """What the tab's app sends until ``needle`` shows in it."""
    seen = b""
    while needle not in seen:
        message = await asyncio.wait_for(tab.receive(), TIMEOUT)
        assert message.type is aiohttp.WSMsgType.BINARY, message
        seen += message.data
    return seen


async def test_a_second_tab_opens_read_only(served: Served) -> None:
    page = served.url.rstrip("/")
    tab = f"{page}/ws?width=120&height=40"
    async with aiohttp.ClientSession() as session, session.ws_connect(tab, origin=page) as first:
        await read_until(first, b"Initech")  # the first tab's app has the data file
        async with session.ws_connect(tab, origin=page) as second:
            await read_until(second, b"read-only")


def test_a_data_file_that_cannot_be_read_is_said_before_serving(tmp_path: Path) -> None:
    home = Home(tmp_path)
    home.db.write_text("{not json", encoding="utf-8")
    done = subprocess.run(
        followup_argv("serve", "--port", str(free_port())),
        env=home.env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 2 and done.stderr.startswith("followup: ")


@pytest.mark.slow
@pytest.mark.skipif(
    chromium() is None, reason="chromium is not installed (apt-get install chromium)"
)
async def test_in_a_real_browser_the_board_shows_and_keys_work(
    served: Served, tmp_path: Path
) -> None:
    async with Browser(tmp_path / "profile") as browser:
        await browser.open(served.url)
        await browser.wait_for_text("Initech")
        await browser.focus_terminal()

        mark = len(await browser.screen())
        await browser.press("c")  # the composer, on Initech's check-in
        await browser.wait_for_text("Hi Dana,", start=mark)  # the body: drawn once mounted
        await browser.screenshot(tmp_path / "composer.png")

        await browser.press("g", ctrl=True)
        (copied,) = await browser.wait_for("window.__copied.length && window.__copied")
        assert copied.startswith("Subject: ") and "\n\nHi Dana," in copied  # the message

        await browser.press("o", ctrl=True)
        ((url, target),) = await browser.wait_for("window.__opened.length && window.__opened")
        assert unquote(urlsplit(url).path) == "dana@example.com" and target == "_self"

        mark = len(await browser.screen())
        await browser.press("escape")  # back to the board (a key typed at once would be alt+)
        mark = len(await browser.wait_for_text("Compose", start=mark))
        await browser.press("x")  # archive Initech: the tab's app writes the data file
        await browser.wait_for_text("archived", start=mark)

    served.stop()
    with Store.open(served.home.db) as store:  # the tab's app is gone, its lock with it
        assert not store.read_only
        (initech,) = (i for i in store.interviews() if i.company == "Initech")
        assert initech.archived
    assert (tmp_path / "composer.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
