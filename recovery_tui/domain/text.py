"""Text from users and files, made safe to show: the one cleaning every output path uses.

Notes, routine names and steps, ids, file paths and error messages quoting them may hold
control characters (an escape sequence would act on the terminal, a NUL cut a line short)
or lone surrogates (they cannot be encoded at all). ``plain`` keeps the words and drops
those; what it returns is still *text*, to be shown as text and never parsed as markup.

Right-to-left text is kept as it is: Hebrew or Arabic words are shown in their letters, and
a terminal that lays out right-to-left text does so by itself. What goes are the Unicode
*bidirectional controls* (the Bidi_Control property: the embeddings and overrides U+202A to
U+202E, the isolates U+2066 to U+2069, and the marks U+200E, U+200F, U+061C). They are
invisible and only change the order in which text is displayed, beyond the note that holds
them: a right-to-left override in a note turns the rest of its line round, the numbers and
words the app puts after it included, so what is shown is no longer what is stored (the
"Trojan Source" trick). Without them, text reads in the order it is stored.

The line and paragraph separators (U+2028, U+2029) are line breaks: ``plain`` makes them
newlines, so a one-line field or ``one_line`` treats them as it treats a newline.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, and the C1 controls (ESC's 8-bit cousins).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Every character with the Unicode Bidi_Control property (PropList.txt).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_SEPARATORS = re.compile("[\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


def plain(text: str) -> str:
    """``text`` without control characters or bidirectional controls; a lone surrogate
    becomes U+FFFD, a line or paragraph separator a newline."""
    cleaned = _CONTROLS.sub("", text)
    if not cleaned.isascii():
        cleaned = _SURROGATES.sub("\ufffd", cleaned)
        cleaned = _BIDI.sub("", cleaned)
        cleaned = _SEPARATORS.sub("\n", cleaned)
    return cleaned


def one_line(text: str) -> str:
    """``plain`` on a single line: breaks and tabs become single spaces (names, ids)."""
    return _LINE_BREAKS.sub(" ", plain(text)).strip()
