"""``recovery-tui serve`` from the command line: its port checked, then the installed
entry point serving until SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from recovery_tui.cli import main

WAIT = 20.0


@pytest.mark.parametrize("port", ["http", "-1", "65536", "", "８０００", "80.5"])
def test_a_bad_port_is_bad_usage(
    port: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", port, "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("recovery-tui: error: --port")


def test_serve_answers_on_loopback_and_stops_on_sigterm(tmp_path: Path) -> None:
    env = {**os.environ, "RECOVERY_TUI_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "recovery_tui", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + WAIT
        url = None
        while url is None and time.monotonic() < deadline:
            line = child.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            url = found.group(0) if found else None
        assert url is not None, "serve printed no address"
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            assert response.status == 200
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=WAIT) == 0
        assert child.stderr is not None and child.stderr.read() == ""
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
