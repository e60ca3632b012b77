"""Placeholder: the recovery plan rules are being written (see the Foundation issue)."""
