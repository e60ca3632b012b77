"""The Textual app (``main``) and the flows it is made of: sessions and dialogs."""

from recovery_tui.app.main import RecoveryApp, StartRequest

__all__ = ["RecoveryApp", "StartRequest"]
