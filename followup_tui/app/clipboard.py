"""The composer's send paths: copy a message to the clipboard, or hand a link to the desktop.

Copying does two things, because neither is sure to work alone: it sends the terminal's
clipboard escape (OSC 52, which many terminals honour and some ignore without telling), and
it pipes the text to a system clipboard tool where one is installed for the session
(``pbcopy``, ``wl-copy``, ``xclip``, ``xsel``). The result says which of them took it.

Opening a ``mailto:`` link goes through the desktop's own opener (``open``, ``xdg-open``,
Windows' file association), never :mod:`webbrowser`: in a terminal with no desktop that
module falls back to text browsers (lynx, w3m) that would take over the very terminal the
app is drawn in. Every tool runs with its input and output detached from the terminal,
on a thread, with a time limit, so a stuck tool can't freeze or garble the screen.

In a browser tab (``followup serve``) the user's clipboard and mail client are the
browser's, not the server's: the page takes the clipboard escape itself, and a link goes to
the page through Textual's ``App.open_url``. No tool of the machine serving it is run.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

TOOL_SECONDS = 3.0
"""How long a clipboard tool may take before it is given up on."""

OPEN_SECONDS = 5.0
"""How long the opener may run before it is taken to be busy launching (not failed)."""

Which = Callable[[str], str | None]


class Clipboard(Protocol):
    """What copying needs from the app: Textual's ``App.copy_to_clipboard`` (OSC 52)."""

    @property
    def is_web(self) -> bool:
        """True when the app is drawn in a browser tab, not a terminal."""
        ...

    def copy_to_clipboard(self, text: str) -> None:
        """Send ``text`` to the terminal's clipboard."""
        ...


class Browser(Protocol):
    """What opening a link needs from the app: Textual's ``App.open_url``."""

    @property
    def is_web(self) -> bool:
        """True when the app is drawn in a browser tab, not a terminal."""
        ...

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Have the browser the app is drawn in open ``url``."""
        ...


@dataclass(frozen=True, slots=True)
class Tool:
    """A command that reads text on its standard input and puts it on the clipboard."""

    name: str
    """What the user knows it as ("xclip")."""
    argv: tuple[str, ...]
    """The command line."""


def clipboard_tools(
    env: Mapping[str, str] = os.environ, which: Which = shutil.which, platform: str = sys.platform
) -> list[Tool]:
    """The clipboard tools worth trying here, best first (none without a desktop session)."""
    candidates: list[Tool] = []
    if platform == "darwin":
        candidates.append(Tool("pbcopy", ("pbcopy",)))
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(Tool("wl-copy", ("wl-copy",)))
    if env.get("DISPLAY"):
        candidates.append(Tool("xclip", ("xclip", "-selection", "clipboard")))
        candidates.append(Tool("xsel", ("xsel", "--clipboard", "--input")))
    return [tool for tool in candidates if which(tool.argv[0])]


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:120] if text else ""


def run_tool(tool: Tool, text: str, timeout: float = TOOL_SECONDS) -> str:
    """Pipe ``text`` into ``tool``: "" when it worked, else why it didn't."""
    # stderr goes to a file, not a pipe: xclip and wl-copy leave a child serving the
    # clipboard, and a pipe it inherited would keep us waiting for it to close.
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                tool.argv,
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=errors,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"{tool.name} did not finish within {timeout:g}s"
        except OSError as exc:
            return f"{tool.name} could not be run ({exc.strerror or exc})"
        if done.returncode == 0:
            return ""
        errors.seek(0)
        why = _first_line(errors.read())
        return f"{tool.name} failed (exit {done.returncode}{': ' + why if why else ''})"


@dataclass(frozen=True, slots=True)
class Copied:
    """What became of a copy."""

    tool: str
    """The system tool that took the text, or "" when none did."""
    tried: tuple[str, ...]
    """Why each tool tried before it (or instead of it) failed."""
    available: bool
    """False when no system tool is installed for this session."""
    browser: bool = False
    """True when the text went to the clipboard of the browser the app is drawn in."""

    def describe(self, what: str) -> str:
        """One line for the user saying where ``what`` ("message", "subject") went."""
        if self.browser:
            return f"Copied the {what} to the browser's clipboard"
        terminal = "the terminal's clipboard (OSC 52)"
        if self.tool:
            return f"Copied the {what} with {self.tool}, and to {terminal}"
        if not self.available:
            return (
                f"Copied the {what} to {terminal}. No wl-copy, xclip, xsel or pbcopy here: if"
                " pasting gives nothing, this terminal ignores OSC 52"
                " (in tmux: set -g set-clipboard on)"
            )
        return f"Copied the {what} to {terminal}, but " + "; ".join(self.tried)


def copy_with_tools(
    text: str, tools: Sequence[Tool], run: Callable[[Tool, str], str] = run_tool
) -> Copied:
    """Put ``text`` on the clipboard with the first of ``tools`` that works."""
    failures: list[str] = []
    for tool in tools:
        error = run(tool, text)
        if not error:
            return Copied(tool.name, tuple(failures), True)
        failures.append(error)
    return Copied("", tuple(failures), bool(tools))


async def copy_text(app: Clipboard, text: str, tools: Sequence[Tool] | None = None) -> Copied:
    """Copy ``text`` both ways: the terminal's escape at once, a system tool on a thread.

    In a browser tab the escape alone: the page puts it on the browser's clipboard.
    """
    app.copy_to_clipboard(text)
    if app.is_web:
        return Copied("", (), False, browser=True)
    found = clipboard_tools() if tools is None else tools
    return await asyncio.to_thread(copy_with_tools, text, found)


def opener(
    env: Mapping[str, str] = os.environ, which: Which = shutil.which, platform: str = sys.platform
) -> tuple[str, ...] | str:
    """The command that hands a link to the desktop, or (a str) why there is none here."""
    if platform == "darwin":
        return ("open",)
    if platform.startswith("win"):
        return ()  # os.startfile, below
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return "there is no desktop session here to open a mail client in"
    if not which("xdg-open"):
        return "xdg-open is not installed, so the mail client can't be started from here"
    return ("xdg-open",)


def open_link(url: str, command: tuple[str, ...] | str, timeout: float = OPEN_SECONDS) -> str:
    """Hand ``url`` to the desktop with ``command`` (from :func:`opener`): "" or why it failed."""
    if isinstance(command, str):
        return command
    if not command:
        try:
            os.startfile(url)  # type: ignore[attr-defined,unused-ignore]
        except OSError as exc:
            return f"Windows could not open the link ({exc.strerror or exc})"
        return ""
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                (*command, url),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                start_new_session=True,
            )
        except OSError as exc:
            return f"{command[0]} could not be run ({exc.strerror or exc})"
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return ""  # still starting the mail client: that is success as far as we can tell
        if code == 0:
            return ""
        errors.seek(0)
        why = _first_line(errors.read())
        return f"{command[0]} failed (exit {code}{': ' + why if why else ''})"


async def open_mail(url: str, command: tuple[str, ...] | str | None = None) -> str:
    """Open ``url`` in the user's mail client, on a thread: "" or why it failed."""
    return await asyncio.to_thread(open_link, url, opener() if command is None else command)


async def open_mail_from(app: Browser, url: str) -> str:
    """Open ``url`` in the user's mail client: the browser's own handler when the app is
    in a browser tab, else the desktop's (:func:`open_mail`). "" or why it failed."""
    if app.is_web:
        # In the same tab: a mail link hands over to the mail client and the page stays,
        # where a new tab would be left behind empty.
        app.open_url(url, new_tab=False)
        return ""
    return await open_mail(url)
