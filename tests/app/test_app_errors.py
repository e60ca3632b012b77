"""An unexpected error never shows a traceback: it is logged in the data dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import SIZE, fixed_clock, make_app

from recovery_tui.app import RecoveryApp
from recovery_tui.paths import Dirs


async def test_unexpected_error_is_logged_with_a_short_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    app = make_app(tmp_path)

    def explode() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "action_help", explode)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
    log = tmp_path / "data" / "errors.log"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
    shown = " ".join(capfd.readouterr().err.split())
    assert "unexpected error" in shown and "errors.log" in shown
    assert "Traceback" not in shown


async def test_the_stopped_line_shows_the_log_path_as_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """A data dir may be named anything: its path reaches the terminal without escapes."""
    data = tmp_path / "data \x1b]0;pwned\x07 [b]x[/b]"
    app = RecoveryApp(Dirs(data, tmp_path / "config"), clock=fixed_clock())

    def explode() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "action_help", explode)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
    err = capfd.readouterr().err
    assert "RuntimeError: boom" in (data / "errors.log").read_text(encoding="utf-8")
    assert "\x1b" not in err and "\x07" not in err
    assert "data ]0;pwned [b]x[/b]/errors.log" in err
