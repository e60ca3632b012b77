"""``serve``: the app in a browser (recovery_tui/serve.py does the serving)."""

from __future__ import annotations

import argparse

from recovery_tui.domain import validation as v
from recovery_tui.paths import Dirs

HIGHEST_PORT = 65535


def serve(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui import serve as serving

    port = (
        v.parse_int(args.port, "--port", 0, HIGHEST_PORT)
        if args.port is not None
        else serving.DEFAULT_PORT
    )
    return serving.main(dirs, lan=args.lan, port=port)
