"""The phrases a session says out loud."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_tui.domain.models import Side
from recovery_tui.domain.segments import Finished, Segment, SegmentChanged, SegmentKind
from recovery_tui.domain.spoken import (
    COUNTDOWN,
    COUNTDOWN_LEAD,
    COUNTDOWN_MIN_SEGMENT,
    GET_READY,
    SESSION_DONE,
    SWITCH_SIDES,
    countdown_due,
    cue_phrase,
    length_words,
    number_words,
    segment_phrase,
    speakable,
    step_start,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (13, "thirteen"),
        (20, "twenty"),
        (45, "forty-five"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (105, "one hundred and five"),
        (2025, "two thousand twenty-five"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_number_words_refuses_negative() -> None:
    with pytest.raises(ValueError):
        number_words(-1)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (30, "Thirty seconds"),
        (1, "One second"),
        (60, "One minute"),
        (150, "Two minutes thirty seconds"),
        (121, "Two minutes one second"),
        (3600, "One hour"),
        (3725, "One hour two minutes five seconds"),
        (0, "Zero seconds"),
        (44.6, "Forty-five seconds"),
        (-5, "Zero seconds"),
    ],
)
def test_length_words(seconds: float, words: str) -> None:
    assert length_words(seconds) == words


def test_step_start_with_side() -> None:
    assert step_start("Wall calf stretch", Side.LEFT, 30) == (
        "Left side. Wall calf stretch. Thirty seconds."
    )


def test_step_start_without_side_and_trailing_dot_not_doubled() -> None:
    assert step_start("Knee hug.", None, 150) == "Knee hug. Two minutes thirty seconds."


def _segment(kind: SegmentKind, name: str, side: Side | None, seconds: float) -> Segment:
    return Segment(0, 0, name, side, seconds, "", (), kind)


def test_segment_phrases() -> None:
    assert segment_phrase(_segment(SegmentKind.GET_READY, "Get ready", None, 5)) == GET_READY
    assert segment_phrase(_segment(SegmentKind.SWITCH, "Switch sides", None, 5)) == SWITCH_SIDES
    assert segment_phrase(_segment(SegmentKind.STEP, "Quad stretch", Side.RIGHT, 120)) == (
        "Right side. Quad stretch. Two minutes."
    )


def test_countdown_once_when_crossing_the_lead() -> None:
    length = 30.0
    remaining = [5.0, 4.2, 3.4, 2.9, 2.1, 1.0, 0.2]
    due = [countdown_due(a, b, length) for a, b in itertools.pairwise(remaining)]
    assert due == [False, False, True, False, False, False]


def test_countdown_due_after_a_long_gap() -> None:
    # a late repaint that jumps from 6 s to 1 s left still says it
    assert countdown_due(6.0, 1.0, 60.0)
    assert not countdown_due(6.0, 0.0, 60.0)  # the change itself, not its countdown


def test_no_countdown_in_a_short_segment() -> None:
    assert not countdown_due(COUNTDOWN_LEAD + 0.5, COUNTDOWN_LEAD - 0.5, 5.0)
    assert countdown_due(COUNTDOWN_LEAD + 0.5, COUNTDOWN_LEAD - 0.5, COUNTDOWN_MIN_SEGMENT)


def test_speakable_drops_option_dashes_and_controls() -> None:
    assert speakable("-w /tmp/out.wav") == "w /tmp/out.wav"
    assert speakable("- -x") == "x"
    assert speakable("-\u00a0-x") == "x"
    assert speakable(" --\x1b[31mred\nline") == "[31mred line"


@given(st.text())
def test_phrases_are_one_clean_line_never_an_option(name: str) -> None:
    phrase = step_start(name, Side.LEFT, 45)
    assert "\n" not in phrase
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in phrase)
    assert not speakable(name).startswith("-")
    assert phrase.endswith("Forty-five seconds.")


CALF = _segment(SegmentKind.STEP, "Wall calf stretch", Side.LEFT, 30)
SWITCH = _segment(SegmentKind.SWITCH, "Switch sides", None, 5)


def test_cue_phrase_says_the_segment_landed_on() -> None:
    events = [SegmentChanged(CALF, SWITCH, 1.0, "time")]
    assert cue_phrase(events, SWITCH, 0.1, 4.9) == SWITCH_SIDES


def test_cue_phrase_after_skipping_several_says_the_last() -> None:
    hug = _segment(SegmentKind.STEP, "Knee hug", None, 60)
    events = [SegmentChanged(CALF, SWITCH, 1.0, "skip"), SegmentChanged(SWITCH, hug, 1.0, "skip")]
    assert cue_phrase(events, hug, 10.0, 60.0) == "Knee hug. One minute."


def test_cue_phrase_at_the_end_and_near_it() -> None:
    assert cue_phrase([Finished(2.0)], None, 0.2, 0.0) == SESSION_DONE
    assert cue_phrase([], CALF, 3.2, 2.9) == COUNTDOWN
    assert cue_phrase([], CALF, 2.9, 2.6) is None
    assert cue_phrase([], None, 3.2, 2.9) is None
