"""What ``serve`` prints: the address to open and, for a phone, the same as a QR code.

The QR code is drawn with segno (pure Python, no dependencies) in half blocks, so it needs
no image viewer and scans from the terminal. The blocks are the code's light modules: on a
dark terminal that is the right way round; with colour allowed each line also sets white on
black, so a light terminal shows it the right way round too (not every phone's scanner
reads an inverted code).
"""

from __future__ import annotations

import io
import socket

import segno

# An address from the documentation range (RFC 5737): asking the kernel for a route to it
# names the interface a phone on the same network would reach; a datagram socket's
# connect() sends nothing.
_ROUTE_PROBE = ("192.0.2.1", 9)


def lan_address() -> str | None:
    """This machine's address on its local network, or None when it has none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_ROUTE_PROBE)
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


PHONE_FONT_SIZE = 10
"""The phone's link asks for a smaller font: at the page's default of 16 a phone held
upright has about 45 columns, fewer than the app's 60; at 10 it has about 68."""


def page_url(host: str, port: int, token: str | None, font_size: int | None = None) -> str:
    params = [f"token={token}"] if token else []
    if font_size is not None:
        params.append(f"fontsize={font_size}")
    return f"http://{host}:{port}/" + (f"?{'&'.join(params)}" if params else "")


_LIGHT_ON_DARK = "\x1b[97;40m"
_RESET = "\x1b[0m"


def qr_text(url: str, *, colour: bool = False) -> str:
    """The URL as a QR code in half blocks, its light border included."""
    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    lines = out.getvalue().splitlines()
    if colour:
        lines = [f"{_LIGHT_ON_DARK}{line}{_RESET}" for line in lines]
    return "".join(f"{line}\n" for line in lines)


def serving_text(port: int, token: str | None, address: str | None, *, colour: bool) -> str:
    """The lines serve prints once it listens."""
    if token is None:
        return (
            f"recovery-tui is served at {page_url('127.0.0.1', port, None)}\n"
            "Only this computer can open it (use --lan for a phone on the same network).\n"
            "Each browser tab runs its own copy of the app. Press Ctrl+C to stop.\n"
        )
    lines = []
    if address is None:
        lines.append(
            "No network address found: open this computer's address on port "
            f"{port} with ?token={token}\n"
        )
    else:
        url = page_url(address, port, token, PHONE_FONT_SIZE)
        lines.append(f"Open on a phone on the same network: {url}\nOr scan this:\n")
        lines.append(qr_text(url, colour=colour))
    lines += [
        f"On this computer: {page_url('127.0.0.1', port, token)}\n",
        "Anyone with this link can use the app until serve stops; a new start makes a new "
        "token.\nEach browser tab runs its own copy of the app. Press Ctrl+C to stop.\n",
    ]
    return "".join(lines)
