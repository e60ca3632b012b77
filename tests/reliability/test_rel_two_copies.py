"""Two copies of the CLI writing to the same data dir at once lose nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

CALLS = 20
DAYS = [(date.today() - timedelta(days=k)).isoformat() for k in range(4)]
OTHER_AREAS = ["knees", "hips", "glutes", "calves", "hamstrings"]
# Each copy is one interpreter running its commands one after the other through
# ``cli.main``, exactly as ``recovery-tui`` does (a fresh Repository per command).
# Copy A keeps changing the ankles of four days; copy B adds, once each, another area to
# the same four days: an A write that dropped a B area would show as a missing area.
COPY = textwrap.dedent(
    """
    import sys
    from recovery_tui.cli import main
    data, who, days, areas = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4:]
    for i in range(20):
        sore = f"ankles={i % 11}" if who == "A" else f"{areas[i // 4]}=5"
        for args in (
            ["checkin", "--date", days[i % 4], "--sore", sore],
            ["log-run", "--distance-km", f"{1 if who == 'A' else 2}.{i:02d}", "--date", days[0]],
        ):
            code = main([*args, "--data-dir", data])
            if code:
                sys.exit(code)
    """
)


def test_two_clis_writing_at_once_keep_every_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    copies = [
        subprocess.Popen(
            [sys.executable, "-c", COPY, str(data), who, ",".join(DAYS), *OTHER_AREAS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        for who in ("A", "B")
    ]
    for copy in copies:
        _out, err = copy.communicate(timeout=120)
        assert copy.returncode == 0, err
        assert "Traceback" not in err
    history = subprocess.run(
        [sys.executable, "-m", "recovery_tui", "history", "--days", "4", "--format", "json"],
        capture_output=True,
        text=True,
        env={"RECOVERY_TUI_DATA_DIR": str(data), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert history.returncode == 0, history.stderr
    rows = {row["date"]: row for row in json.loads(history.stdout)}
    for k, day in enumerate(DAYS):
        last_a = max(i for i in range(CALLS) if i % 4 == k)
        expected = {"ankles": last_a % 11} | {area: 5 for area in OTHER_AREAS}
        assert rows[day]["soreness"] == expected, day
    main = json.loads((data / "recovery.json").read_text())
    distances = sorted(run["distance_km"] for run in main["runs"].values())
    assert distances == sorted(round(km + i / 100, 2) for km in (1, 2) for i in range(CALLS))
