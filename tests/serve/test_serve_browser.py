"""A real headless browser (Debian's chromium, driven by Playwright) opens serve --lan's
link and sees Today arrive over the websocket.

The terminal is drawn on a canvas, so the app's text is read from the websocket frames the
page receives, escape codes stripped. Nothing leaves this machine: requests for any other
host are aborted and the browser resolves no name but loopback.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from serve_support import TODAY_TEXT, dirs_with_a_race, screen_text

from recovery_tui.serve import Serving, start
from recovery_tui.serve_text import PHONE_FONT_SIZE, page_url

CHROMIUM = Path("/usr/bin/chromium")
WAIT_MS = 20_000
HISTORY_TEXT = "Day detail"  # in History's footer only
BROWSER_FLAGS = [
    "--no-sandbox",  # CI runs as root, where chromium's sandbox will not start
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

playwright_api = pytest.importorskip(
    "playwright.async_api", reason="the playwright package is not installed (the test extra has it)"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)


@pytest.fixture
async def lan(tmp_path: Path) -> AsyncIterator[Serving]:
    serving = await start(dirs_with_a_race(tmp_path), lan=True, port=0)
    yield serving
    await serving.stop()


@pytest.fixture
async def page(lan: Serving) -> AsyncIterator[playwright_api.Page]:
    async with playwright_api.async_playwright() as driver:
        browser = await driver.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=BROWSER_FLAGS,
        )
        try:
            context = await browser.new_context(viewport={"width": 412, "height": 860})
            await context.route("**/*", _loopback_only)
            yield await context.new_page()
        finally:
            await browser.close()


async def _loopback_only(route: playwright_api.Route) -> None:
    if route.request.url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")):
        await route.continue_()
    else:
        await route.abort()


async def test_without_the_token_the_browser_gets_403(
    lan: Serving, page: playwright_api.Page
) -> None:
    response = await page.goto(f"http://127.0.0.1:{lan.port}/")
    assert response is not None and response.status == 403


async def test_a_phone_sized_browser_shows_today(lan: Serving, page: playwright_api.Page) -> None:
    frames: list[bytes | str] = []
    arrived = asyncio.Event()
    problems: list[str] = []

    def on_frame(payload: bytes | str) -> None:
        frames.append(payload)
        if TODAY_TEXT in screen_text(frames):
            arrived.set()

    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    # the link the phone's QR code carries, on loopback
    url = page_url("127.0.0.1", lan.port, lan.token, PHONE_FONT_SIZE)
    response = await page.goto(url)
    assert response is not None and response.status == 200
    await asyncio.wait_for(arrived.wait(), WAIT_MS / 1000)

    cookies = await page.context.cookies()
    (cookie,) = [c for c in cookies if c["name"] == f"recovery_tui_token_{lan.port}"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert lan.server.sessions == 1
    assert not [p for p in problems if "Content Security Policy" in p]

    # keys typed into the terminal reach the app: h opens History, with its own keys
    frames.clear()
    await page.focus(".xterm-helper-textarea")
    await page.keyboard.press("h")
    for _ in range(WAIT_MS // 100):
        if HISTORY_TEXT in screen_text(frames):
            break
        await asyncio.sleep(0.1)
    assert HISTORY_TEXT in screen_text(frames)

    # closing the tab ends that copy of the app
    await page.close()
    for _ in range(WAIT_MS // 100):
        if lan.server.sessions == 0:
            break
        await asyncio.sleep(0.1)
    assert lan.server.sessions == 0
