"""The one cleaning of text before it is shown (domain/text.py): control characters,
lone surrogates and the bidirectional controls go; words, right-to-left ones included,
stay."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from shown_text import BIDI_MARKS, EXPLICIT_BIDI, unsafe

from recovery_tui.domain.text import one_line, plain


def test_every_explicit_bidirectional_control_is_removed() -> None:
    explicit = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and unicodedata.bidirectional(chr(code)) in EXPLICIT_BIDI
    ]
    assert len(explicit) == 9  # U+202A..U+202E and U+2066..U+2069
    for ch in [*explicit, *BIDI_MARKS]:
        assert plain(f"a{ch}b") == "ab", hex(ord(ch))


def test_right_to_left_words_are_kept_in_the_order_stored() -> None:
    assert plain("note: \u202eשלום 12\u202c km") == "note: שלום 12 km"
    assert plain("مرحبا [b]") == "مرحبا [b]"
    assert plain("🏃\u200d♀️ e\u0301") == "🏃\u200d♀️ e\u0301"  # joiners and accents stay


def test_line_and_paragraph_separators_are_line_breaks() -> None:
    assert plain("a\u2028b\u2029c") == "a\nb\nc"
    assert one_line("a\u2028 b\u2029c") == "a b c"


def test_controls_and_surrogates() -> None:
    assert plain("\x1b[31mred\x07\x9b1m\x00") == "[31mred1m"
    assert plain("a\ud800b") == "a\ufffdb"
    assert plain("tab\tand\nline") == "tab\tand\nline"


@given(st.text(st.characters(exclude_categories=())))
def test_nothing_unsafe_is_left_and_cleaning_twice_changes_nothing(text: str) -> None:
    cleaned = plain(text)
    assert unsafe(cleaned) == []
    assert plain(cleaned) == cleaned
    line = one_line(text)
    assert unsafe(line) == [] and "\n" not in line and "\t" not in line
    line.encode("utf-8")
