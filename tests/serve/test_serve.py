"""recovery-tui serve: loopback by default, a token on every request with --lan, the page's
URLs from the browser's own host, nothing printed that would leak the token."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import re
import shlex
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import segno
from serve_support import TODAY_TEXT, client, dirs_with_a_race, screen_text

from recovery_tui import serve as serve_module
from recovery_tui.paths import Dirs
from recovery_tui.serve import Serving, app_command, main, serve, start
from recovery_tui.serve_text import PHONE_FONT_SIZE, page_url, qr_text, serving_text

WAIT = 20.0  # the longest a test waits for the server or the app's first screen


@pytest.fixture
def dirs(tmp_path: Path) -> Dirs:
    return Dirs(tmp_path / "data", tmp_path / "config")


@pytest.fixture
async def loopback(dirs: Dirs) -> AsyncIterator[Serving]:
    serving = await start(dirs, port=0)
    yield serving
    await serving.stop()


@pytest.fixture
async def lan(dirs: Dirs) -> AsyncIterator[Serving]:
    serving = await start(dirs, lan=True, port=0)
    yield serving
    await serving.stop()


def base(serving: Serving) -> str:
    return f"http://127.0.0.1:{serving.port}"


# -- loopback ---------------------------------------------------------------------------
async def test_loopback_answers_with_the_page(loopback: Serving) -> None:
    assert loopback.token is None
    async with client() as http, http.get(base(loopback) + "/") as response:
        page = await response.text()
        assert response.status == 200
        assert "Set-Cookie" not in response.headers
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert f'data-session-websocket-url="ws://127.0.0.1:{loopback.port}/ws"' in page
    assert "<div>recovery-tui</div>" in page  # the title, not the command line
    assert sys.executable not in page
    assert "googleapis" not in page  # nothing fetched from the internet


async def test_loopback_listens_on_loopback_only(loopback: Serving) -> None:
    sockets = [sock.getsockname() for sock in _listening(loopback)]
    assert sockets and all(address[0] == "127.0.0.1" for address in sockets)


def _listening(serving: Serving) -> list[socket.socket]:
    return [sock for site in serving.runner.sites for sock in site._server.sockets]  # type: ignore[attr-defined, union-attr]


async def test_loopback_accepts_its_own_names(loopback: Serving) -> None:
    async with client() as http:
        for host in (f"localhost:{loopback.port}", f"127.0.0.1:{loopback.port}"):
            async with http.get(base(loopback) + "/", headers={"Host": host}) as response:
                assert response.status == 200, host


async def test_loopback_refuses_another_sites_name(loopback: Serving) -> None:
    """A page from elsewhere whose name was pointed at 127.0.0.1 (DNS rebinding)."""
    async with client() as http:
        for host in (f"evil.example:{loopback.port}", 'x" onload="y'):
            async with http.get(base(loopback) + "/", headers={"Host": host}) as response:
                assert response.status == 403, host


async def test_loopback_websocket_refuses_a_foreign_origin(loopback: Serving) -> None:
    async with client() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(base(loopback) + "/ws", headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403


# -- LAN --------------------------------------------------------------------------------
async def test_lan_refuses_every_path_without_the_token(lan: Serving) -> None:
    async with client() as http:
        paths = ("/", "/static/js/textual.js", "/ws", "/download/x", "/?token=wrong", "/?token=é")
        for path in paths:
            async with http.get(base(lan) + path) as response:
                assert response.status == 403, path
                assert lan.token is not None and lan.token not in await response.text()


async def test_lan_token_sets_a_strict_cookie_then_the_cookie_alone_opens(lan: Serving) -> None:
    assert lan.token is not None
    async with client() as http:
        async with http.get(base(lan) + f"/?token={lan.token}") as response:
            assert response.status == 200
            cookie = response.headers["Set-Cookie"]
        assert lan.token in cookie
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        for path in ("/", "/static/js/textual.js"):
            async with http.get(base(lan) + path) as response:
                assert response.status == 200, path
                assert "Set-Cookie" not in response.headers  # set once, by the link


async def test_lan_cookie_of_another_start_is_refused(lan: Serving, dirs: Dirs) -> None:
    other = await start(dirs, lan=True, port=0)
    try:
        assert other.token != lan.token
        async with client() as http:
            name = f"recovery_tui_token_{lan.port}"
            http.cookie_jar.update_cookies({name: other.token or ""})
            async with http.get(base(lan) + "/") as response:
                assert response.status == 403
    finally:
        await other.stop()


async def test_lan_page_urls_come_from_the_browsers_host(lan: Serving) -> None:
    host = f"192.168.1.20:{lan.port}"
    async with client() as http:
        url = base(lan) + f"/?token={lan.token}"
        async with http.get(url, headers={"Host": host}) as response:
            page = await response.text()
    assert f'data-session-websocket-url="ws://{host}/ws"' in page
    assert f"http://{host}/static/" in page
    assert "0.0.0.0" not in page


async def test_lan_websocket_refuses_a_foreign_origin_even_with_the_cookie(lan: Serving) -> None:
    async with client() as http:
        async with http.get(base(lan) + f"/?token={lan.token}") as response:
            assert response.status == 200
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(base(lan) + "/ws", headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403


async def test_lan_listens_on_every_interface(lan: Serving) -> None:
    (sock,) = _listening(lan)
    assert sock.getsockname()[0] in ("::", "0.0.0.0")


async def test_the_token_differs_between_two_starts(dirs: Dirs) -> None:
    tokens = []
    for _ in range(2):
        serving = await start(dirs, lan=True, port=0)
        tokens.append(serving.token)
        await serving.stop()
    assert None not in tokens and tokens[0] != tokens[1]
    assert all(len(token or "") >= 32 for token in tokens)  # 24 random bytes


async def test_the_token_never_reaches_a_log(
    lan: Serving, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    async with client() as http, http.get(base(lan) + f"/?token={lan.token}") as response:
        assert response.status == 200
    assert lan.token is not None
    assert lan.token not in caplog.text
    captured = capfd.readouterr()
    assert lan.token not in captured.out + captured.err


# -- the app behind it ------------------------------------------------------------------
def test_the_command_is_this_program_on_the_same_dirs(tmp_path: Path) -> None:
    odd = Dirs(tmp_path / "my data; rm -rf ~", tmp_path / "it's config")
    assert shlex.split(app_command(odd)) == [
        sys.executable,
        "-m",
        "recovery_tui",
        "--data-dir",
        str(odd.data.resolve()),
        "--config-dir",
        str(odd.config.resolve()),
    ]


async def test_each_websocket_runs_its_own_app_showing_today(tmp_path: Path) -> None:
    # Children left by other tests in this process (a speech command not waited for yet)
    # are not this test's business.
    before = set(_apps_running())
    serving = await start(dirs_with_a_race(tmp_path), lan=True, port=0)
    try:
        async with client() as http:
            async with http.get(base(serving) + f"/?token={serving.token}") as response:
                assert response.status == 200
            origin = {"Origin": base(serving)}
            url = base(serving) + "/ws?width=100&height=32"
            async with (
                http.ws_connect(url, headers=origin) as first,
                http.ws_connect(url, headers=origin) as second,
            ):
                texts = await asyncio.gather(_first_screen(first), _first_screen(second))
                assert serving.server.sessions == 2
            for text in texts:
                assert TODAY_TEXT in text
            for _ in range(int(WAIT / 0.05)):
                if serving.server.sessions == 0 and not set(_apps_running()) - before:
                    break
                await asyncio.sleep(0.05)
            # Closing a tab ends its copy of the app, and the process is waited for.
            assert serving.server.sessions == 0 and set(_apps_running()) - before == set()
    finally:
        await serving.stop()


def _apps_running() -> list[str]:
    """This process's children that run recovery_tui or have exited without being waited
    for (zombies, whose command line is gone)."""
    found = []
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            with contextlib.suppress(OSError):
                state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
                line = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                if state == "Z" or b"recovery_tui" in line:
                    found.append(f"{pid} {state} {line.decode(errors='replace')}")
    return found


async def _first_screen(ws: aiohttp.ClientWebSocketResponse) -> str:
    frames: list[bytes | str] = []

    async def read() -> None:
        async for message in ws:
            if message.type is aiohttp.WSMsgType.BINARY:
                frames.append(message.data)
                if TODAY_TEXT in screen_text(frames):
                    return

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(read(), WAIT)
    return screen_text(frames)


# -- starting, printing, stopping -------------------------------------------------------
def test_the_qr_code_holds_the_url() -> None:
    url = page_url("192.168.1.20", 8000, "abc-DEF_123")
    assert url == "http://192.168.1.20:8000/?token=abc-DEF_123"
    lines = qr_text(url).splitlines()
    width, height = segno.make(url, error="m").symbol_size()  # with its quiet zone
    assert len(lines) == (height + 1) // 2 and {len(line) for line in lines} == {width}
    assert set("".join(lines)) <= set("█▀▄ ")


def test_the_qr_code_in_colour_is_light_on_dark_line_by_line() -> None:
    plain = qr_text("http://a/").splitlines()
    coloured = qr_text("http://a/", colour=True).splitlines()
    assert [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in coloured] == plain
    assert all(line.startswith("\x1b[97;40m") and line.endswith("\x1b[0m") for line in coloured)


def test_what_lan_prints() -> None:
    text = serving_text(8123, "tok", "192.168.1.20", colour=False)
    phone = f"http://192.168.1.20:8123/?token=tok&fontsize={PHONE_FONT_SIZE}"
    assert phone in text and qr_text(phone) in text
    assert "http://127.0.0.1:8123/?token=tok\n" in text


def test_what_loopback_prints() -> None:
    text = serving_text(8123, None, None, colour=False)
    assert "http://127.0.0.1:8123/" in text and "token" not in text and "█" not in text


async def test_serve_prints_answers_and_stops_on_sigterm(dirs: Dirs) -> None:
    out = io.StringIO()
    task = asyncio.create_task(serve(dirs, lan=False, port=0, out=out))
    url = await _printed_url(out)
    async with client() as http, http.get(url) as response:
        assert response.status == 200
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(task, WAIT)
    async with client() as http:
        with pytest.raises(aiohttp.ClientConnectionError):
            await http.get(url)


async def test_serve_lan_prints_the_token_and_a_qr_code(
    dirs: Dirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve_module, "lan_address", lambda: "127.0.0.1")
    out = io.StringIO()
    task = asyncio.create_task(serve(dirs, lan=True, port=0, out=out))
    url = await _printed_url(out)
    assert "?token=" in url and "▀" in out.getvalue()
    async with client() as http, http.get(url) as response:
        assert response.status == 200
    os.kill(os.getpid(), signal.SIGINT)
    await asyncio.wait_for(task, WAIT)


async def _printed_url(out: io.StringIO) -> str:
    for _ in range(int(WAIT / 0.05)):
        found = re.search(r"http://127\.0\.0\.1:\d+/\S*", out.getvalue())
        if found:
            return found.group(0)
        await asyncio.sleep(0.05)
    raise AssertionError(f"serve printed no URL: {out.getvalue()!r}")


def test_a_taken_port_is_one_clear_line(dirs: Dirs, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(dirs, port=port) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"port {port}" in err


async def test_a_tab_s_app_is_waited_for_when_it_stops() -> None:
    from textual_serve.download_manager import DownloadManager

    from recovery_tui.serve import ReapedAppService

    async def ignore(_: object = None) -> None:
        return None

    # An app that closes its output at once but takes a moment more to exit.
    slow_exit = shlex.join(
        [
            sys.executable,
            "-c",
            "import os, time; print('__GANGLION__', flush=True); os.close(1); time.sleep(0.5)",
        ]
    )
    service = ReapedAppService(
        slow_exit,
        write_bytes=ignore,
        write_str=ignore,
        close=ignore,
        download_manager=DownloadManager(),
    )
    await service.start(80, 24)
    await service.stop()
    assert service._process is not None and service._process.returncode == 0
