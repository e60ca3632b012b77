"""Where data, configuration and styles live."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from recovery_tui.private import make_private_dir

APP_NAME = "recovery-tui"
DATA_ENV = "RECOVERY_TUI_DATA_DIR"
CONFIG_ENV = "RECOVERY_TUI_CONFIG_DIR"


@dataclass(frozen=True, slots=True)
class Dirs:
    data: Path
    config: Path

    @property
    def routines(self) -> Path:
        return self.config / "routines"

    @property
    def error_log(self) -> Path:
        return self.data / "errors.log"

    def make_config(self) -> Path:
        """Create the config dir (owner-only, 0700) if it is missing; for whatever first
        writes there."""
        make_private_dir(self.config)
        return self.config


def resolve_dirs(data_dir: str | None = None, config_dir: str | None = None) -> Dirs:
    """Flag first, then environment, then the platform default (platformdirs)."""
    data = data_dir or os.environ.get(DATA_ENV)
    config = config_dir or os.environ.get(CONFIG_ENV)
    if not data or not config:
        import platformdirs

        data = data or platformdirs.user_data_dir(APP_NAME, appauthor=False)
        config = config or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return Dirs(Path(data).expanduser(), Path(config).expanduser())


def styles_dir() -> Path:
    """The .tcss files: inside the package when installed from a wheel, at the top of a
    checkout otherwise (the wheel build copies ``styles/`` into ``recovery_tui/styles``)."""
    packaged = Path(__file__).parent / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "styles"


def style(name: str) -> Path:
    """One stylesheet; screens list their own so start-up parses only what Today needs."""
    return styles_dir() / name
