"""``followup serve``: the app in a browser tab, served by ``textual-serve`` to this machine
alone.

Each tab that connects starts its own ``followup`` on the data file, as a terminal window
would, so the data file's rules are the app's: the first one open writes, any other one
opens read-only and says so. The server listens on 127.0.0.1 only, and takes a tab's
connection only from its own page: any web page the user visits could otherwise open a
WebSocket to it (browsers let them) and drive the app.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web

HOST = "127.0.0.1"
"""Where the server listens: this machine, never the network."""

DEFAULT_PORT = 8000
"""The port when none is given (textual-serve's own default)."""

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""``TEXTUAL_DRIVER`` in the app's environment when textual-serve started it."""


def app_command(db: Path) -> str:
    """The shell command each browser tab runs: this ``followup`` on the data file ``db``."""
    return shlex.join([sys.executable, "-m", "followup_tui", "--db", str(db)])


def origins(port: int) -> frozenset[str]:
    """The pages allowed to connect: the server's own, by either name of this machine."""
    return frozenset({f"http://{HOST}:{port}", f"http://localhost:{port}"})


TEMPLATES = Path(__file__).with_name("serve_templates")
"""textual-serve's page, less the web font it fetches from an outside host."""


def serve(db: Path, port: int) -> None:
    """Serve the app on the data file ``db`` at http://127.0.0.1:``port`` until interrupted."""
    from aiohttp import web
    from textual_serve.server import Server

    allowed = origins(port)

    class LocalServer(Server):
        """textual-serve's server, taking connections from its own page alone."""

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """Start an app for the tab, if the connection comes from the server's page."""
            if request.headers.get("Origin", "") not in allowed:
                raise web.HTTPForbidden(text="followup serve: not from its own page")
            return await super().handle_websocket(request)

    from rich.console import Console

    class Banner(Console):
        """textual-serve's console, ending as every followup command does when the reader
        of standard output has gone (rich's own ends with exit code 1)."""

        def on_broken_pipe(self) -> None:
            from followup_tui.quick_status import reader_gone

            self.quiet = True
            raise SystemExit(reader_gone())

    server = LocalServer(
        app_command(db), host=HOST, port=port, title="followup", templates_path=TEMPLATES
    )
    server.console = Banner()  # before serve(): its log handler writes there too
    server.serve()
