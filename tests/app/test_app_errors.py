"""An unexpected error never shows a traceback: it is logged in the data dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import SIZE, make_app


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
