"""``recovery-tui serve``: the app in a browser, one copy of the app per browser tab.

textual-serve runs the app as a child process per websocket and relays its terminal to the
page. On loopback (the default) only pages from this machine's own names are served. With
``--lan`` the server listens on every interface and a random token, new at each start, is
required on every request: the link carries it once (``?token=``), the answer sets it as an
HttpOnly, SameSite=Strict cookie, and from then on the cookie or the token opens pages,
static files and the websocket; anything else gets 403. The websocket also refuses a page
from another origin, so no other site open in the phone's browser can drive the app.

textual-serve builds its aiohttp application in a private method and has no hook for any of
this, which is why its version is pinned in pyproject.toml.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import shlex
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TextIO

import aiohttp_jinja2
import textual_serve.server
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from recovery_tui.paths import Dirs
from recovery_tui.serve_text import lan_address, serving_text

LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
DEFAULT_PORT = 8000
TITLE = "recovery-tui"
TOKEN_PARAM = "token"
WEBSOCKET_PATH = "/ws"
SHUTDOWN_SECONDS = 5.0
APP_EXIT_SECONDS = 5.0
# A host as a browser sends it: a name or an IPv4 address, or an IPv6 one in brackets,
# then maybe a port. Anything else is refused before it reaches the page's URLs.
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d+)?")
# The page links a web font from the internet: a phone would tell a third party about
# every session, and offline it only delays the page. The browser's monospace font serves.
_REMOTE_FONT = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>\s*", re.IGNORECASE)
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _same(offered: str, token: str) -> bool:
    # In constant time; as bytes, since compare_digest refuses non-ASCII text.
    return secrets.compare_digest(offered.encode("utf-8", "replace"), token.encode("utf-8"))


def new_token() -> str:
    return secrets.token_urlsafe(24)


def app_command(dirs: Dirs) -> str:
    """The shell line textual-serve runs for each browser: this same program on the same
    data and configuration (textual-serve starts it through a shell, hence the quoting)."""
    return shlex.join(
        [
            sys.executable,
            "-m",
            "recovery_tui",
            "--data-dir",
            str(dirs.data.resolve()),
            "--config-dir",
            str(dirs.config.resolve()),
        ]
    )


@dataclass(frozen=True, slots=True)
class Guard:
    """Who may come in: ``token`` is None on loopback, where only its names are allowed.
    The cookie's name carries the port, so two servers on one machine never mix."""

    token: str | None
    cookie: str

    def host_allowed(self, host: str) -> bool:
        if not _HOST.fullmatch(host):
            return False
        if self.token is not None:
            return True
        # Loopback: a page from another site whose name was pointed at 127.0.0.1 (DNS
        # rebinding) arrives with that site's name; only this machine's own names pass.
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in LOOPBACK_NAMES

    def token_in(self, request: web.Request) -> str | None:
        if self.token is None:
            return None
        offered = request.query.get(TOKEN_PARAM)
        return offered if offered is not None and _same(offered, self.token) else None

    def admits(self, request: web.Request) -> bool:
        if self.token is None:
            return True
        cookie = request.cookies.get(self.cookie, "")
        return self.token_in(request) is not None or _same(cookie, self.token)

    @staticmethod
    def same_origin(request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser: the host and the token rules still apply
        return origin in (f"http://{request.host}", f"https://{request.host}")

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.host_allowed(request.host) or not self.admits(request):
            raise web.HTTPForbidden(text="Forbidden: open the link that serve printed.\n")
        if request.path == WEBSOCKET_PATH and not self.same_origin(request):
            raise web.HTTPForbidden(text="Forbidden: another site's page.\n")
        response = await handler(request)
        if not response.prepared:
            response.headers.update(_SECURITY_HEADERS)
            if self.token_in(request) is not None:
                response.set_cookie(
                    self.cookie, self.token or "", httponly=True, samesite="Strict", path="/"
                )
        return response


class ReapedAppService(AppService):
    """textual-serve's copy of the app for one tab, waited for when it stops.

    textual-serve asks the app to quit and reads its output to the end, but never waits for
    the process: one still exiting when serve stops leaves its pipes to an event loop that
    is gone. Here it is waited for (killed if it has not quit in time)."""

    async def stop(self) -> None:
        await super().stop()
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), APP_EXIT_SECONDS)
        except TimeoutError:
            process.kill()
            await process.wait()


# The server makes each tab's service by this name (see the pin in pyproject.toml).
textual_serve.server.AppService = ReapedAppService  # type: ignore[misc]


class GuardedServer(Server):
    """textual-serve's server behind the guard, with the page's URLs taken from the host
    the browser asked for (bound to every interface, its own would be 0.0.0.0)."""

    def __init__(self, command: str, guard: Guard) -> None:
        super().__init__(command, title=TITLE)
        self.guard = guard
        self.sessions = 0  # browsers connected now, each with its own copy of the app

    async def make_app(self) -> web.Application:
        app = await self._make_app()
        app.middlewares.append(self.guard.middleware)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """serve prints its own lines (textual-serve's would show the command)."""

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        base = f"{request.scheme}://{request.host}"
        router = request.app.router
        websocket = str(router["websocket"].url_for())
        static = str(router["static"].url_for(filename="/")).rstrip("/") + "/"
        scheme = "wss" if request.scheme == "https" else "ws"
        context = {
            "font_size": _font_size(request.query.get("fontsize", "")),
            "app_websocket_url": f"{scheme}://{request.host}{websocket}",
            "config": {"static": {"url": f"{base}{static}"}},
            "application": {"name": self.title},
        }
        page = aiohttp_jinja2.render_string("app_index.html", request, context)
        return web.Response(text=_REMOTE_FONT.sub("", page), content_type="text/html")

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1


def _cookie_name(port: int) -> str:
    return f"recovery_tui_token_{port}"


def _font_size(value: str) -> int:
    return int(value) if value.isdigit() and 6 <= int(value) <= 64 else 16


@dataclass
class Serving:
    """A started server: where it listens and what it needs."""

    server: GuardedServer
    runner: web.AppRunner
    port: int
    token: str | None
    stopped: asyncio.Event = field(default_factory=asyncio.Event)

    async def stop(self) -> None:
        await self.runner.cleanup()
        self.stopped.set()


def listening_socket(*, lan: bool, port: int) -> socket.socket:
    """One socket, so port 0 gives one free port: on loopback, or on every interface (IPv6
    and IPv4 together where the machine has IPv6)."""
    families = (
        [(socket.AF_INET6, "::"), (socket.AF_INET, "0.0.0.0")]
        if lan
        else [(socket.AF_INET, LOOPBACK)]
    )
    error: OSError | None = None
    for family, address in families:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            sock.bind((address, port))
            sock.listen(128)
        except OSError as failure:
            sock.close()
            error = failure
            continue
        sock.setblocking(False)
        return sock
    assert error is not None
    raise error


async def start(dirs: Dirs, *, lan: bool = False, port: int = DEFAULT_PORT) -> Serving:
    """Listen on loopback, or on every interface with a new token; port 0 picks a free one.
    Raises OSError when the port is taken."""
    sock = listening_socket(lan=lan, port=port)
    bound = sock.getsockname()[1]
    token = new_token() if lan else None
    server = GuardedServer(app_command(dirs), Guard(token, cookie=_cookie_name(bound)))
    # No access log: it would print every URL, the token with it.
    runner = web.AppRunner(
        await server.make_app(), access_log=None, shutdown_timeout=SHUTDOWN_SECONDS
    )
    await runner.setup()
    try:
        await web.SockSite(runner, sock).start()
    except OSError:
        await runner.cleanup()
        raise
    return Serving(server, runner, bound, token)


async def serve(dirs: Dirs, *, lan: bool, port: int, out: TextIO = sys.stdout) -> None:
    """Run until Ctrl+C or SIGTERM; closing a tab ends that tab's copy of the app."""
    serving = await start(dirs, lan=lan, port=port)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, serving.stopped.set)
    address = lan_address() if lan else None
    colour = out.isatty() and "NO_COLOR" not in os.environ
    out.write(serving_text(serving.port, serving.token, address, colour=colour))
    out.flush()
    try:
        await serving.stopped.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await serving.runner.cleanup()


def main(dirs: Dirs, *, lan: bool = False, port: int = DEFAULT_PORT) -> int:
    """What the ``serve`` subcommand calls; 0 when stopped, 1 when it cannot listen."""
    try:
        asyncio.run(serve(dirs, lan=lan, port=port))
    except OSError as error:
        print(f"recovery-tui: cannot serve on port {port}: {error.strerror}", file=sys.stderr)
        return 1
    return 0
