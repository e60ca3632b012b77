"""Speech through a fake text-to-speech command that records what it was asked to say and
when; it sleeps in its own process to play a slow synthesiser."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from recovery_tui.services.speech import (
    KNOWN_COMMANDS,
    Speaker,
    SpeechSetupError,
    command_line,
    find_command,
    parse_template,
)

SLOW_SECONDS = 5.0
WAIT_LIMIT = 10.0  # the longest the tests wait for the fake process to write its log


def write_fake(tmp_path: Path, *, sleep: float = 0.0, exit_code: int = 0) -> tuple[Path, Path]:
    """A speech command that logs its arguments and start time, sleeps, logs its end."""
    log = tmp_path / "said.jsonl"
    script = tmp_path / "fake-speak"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys, time\n"
        f"log = open({str(log)!r}, 'a')\n"
        "log.write(json.dumps({'args': sys.argv[1:], 'at': time.time()}) + '\\n')\n"
        "log.flush()\n"
        f"time.sleep({sleep})\n"
        "log.write(json.dumps({'end': sys.argv[1:]}) + '\\n')\n"
        "log.flush()\n"
        f"sys.exit({exit_code})\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script, log


def records(log: Path) -> list[dict[str, object]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def wait_for(condition: Callable[[], bool]) -> None:
    # The fake runs in its own process: poll its log, bounded, rather than sleep a guess.
    deadline = time.monotonic() + WAIT_LIMIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the fake speech command never got there")
        time.sleep(0.02)


def started(log: Path) -> list[list[str]]:
    return [r["args"] for r in records(log) if "args" in r]  # type: ignore[misc]


def ended(log: Path) -> list[list[str]]:
    return [r["end"] for r in records(log) if "end" in r]  # type: ignore[misc]


class Problems:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, problem: str) -> None:
        self.seen.append(problem)


def test_says_the_phrase_as_one_argument_without_a_shell(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path)
    problems = Problems()
    speaker = Speaker([str(script)], problems)
    phrase = "Left side. Calf; touch pwned $(id) `id` 'x' \"y\""
    speaker.say(phrase)
    wait_for(lambda: bool(ended(log)))
    assert started(log) == [[phrase]]
    assert not (Path.cwd() / "pwned").exists()
    assert problems.seen == []


def test_a_template_places_the_phrase(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path)
    words = find_command(f"'{script}' --voice en-gb --text={{text}} -s 140", which=lambda _: None)
    speaker = Speaker(words, Problems())
    speaker.say("Switch sides.")
    wait_for(lambda: bool(started(log)))
    assert started(log) == [["--voice", "en-gb", "--text=Switch sides.", "-s", "140"]]


def test_a_phrase_never_reaches_the_command_as_an_option(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path)
    Speaker([str(script)], Problems()).say("-w /tmp/x.wav")
    wait_for(lambda: bool(started(log)))
    assert started(log) == [["w /tmp/x.wav"]]


def test_a_slow_command_never_delays_the_caller(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path, sleep=SLOW_SECONDS)
    speaker = Speaker([str(script)], Problems())
    calls: list[float] = []
    phrases = ("Left side. Calf. Thirty seconds.", "Three, two, one.", "Switch sides.")
    for count, phrase in enumerate(phrases, start=1):
        before = time.monotonic()
        speaker.say(phrase)
        calls.append(time.monotonic() - before)
        wait_for(lambda count=count: len(started(log)) == count)
    # each call returned long before the fake's sleep could have ended
    assert max(calls) < SLOW_SECONDS / 5
    speaker.close()


def test_a_new_phrase_replaces_one_still_speaking(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path, sleep=SLOW_SECONDS)
    speaker = Speaker([str(script)], Problems())
    speaker.say("Right side. Quad stretch. Two minutes.")
    wait_for(lambda: len(started(log)) == 1)
    assert speaker.speaking
    first = speaker._current
    speaker.say("Session done.")
    assert first is not None
    wait_for(lambda: first.poll() is not None)
    assert first.returncode < 0  # stopped by a signal, not left to finish
    wait_for(lambda: len(started(log)) == 2)
    assert [args[0] for args in started(log)] == [
        "Right side. Quad stretch. Two minutes.",
        "Session done.",
    ]
    assert ended(log) == []  # neither ran to its end: the first was cut, the second is slow
    speaker.close()
    assert not speaker.speaking


def test_the_start_times_follow_the_calls(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path)
    speaker = Speaker([str(script)], Problems())
    asked: list[float] = []
    for count, phrase in enumerate(("Get ready.", "Left side. Calf. Thirty seconds."), 1):
        asked.append(time.time())
        speaker.say(phrase)
        wait_for(lambda count=count: len(ended(log)) == count)
    times = [r["at"] for r in records(log) if "at" in r]
    assert len(times) == 2
    assert asked[0] <= times[0] <= asked[1] <= times[1]  # type: ignore[operator]


def test_a_missing_command_is_reported_once(tmp_path: Path) -> None:
    problems = Problems()
    speaker = Speaker([str(tmp_path / "no-such-speaker")], problems)
    for _ in range(3):
        speaker.say("Switch sides.")
    assert len(problems.seen) == 1
    assert "no-such-speaker" in problems.seen[0]
    assert not speaker.available


def test_no_command_on_the_machine_is_reported_once() -> None:
    problems = Problems()
    speaker = Speaker.from_settings(None, problems, which=lambda _: None)
    speaker.say("Session done.")
    speaker.say("Session done.")
    assert len(problems.seen) == 1
    assert "espeak-ng" in problems.seen[0]
    assert not speaker.available


def test_a_failing_command_is_reported_once_and_then_left_alone(tmp_path: Path) -> None:
    script, log = write_fake(tmp_path, exit_code=3)
    problems = Problems()
    speaker = Speaker([str(script)], problems)
    speaker.say("Get ready.")
    wait_for(lambda: bool(ended(log)))
    assert speaker._current is not None
    wait_for(lambda: speaker._current is not None and speaker._current.poll() is not None)
    speaker.say("Switch sides.")
    speaker.say("Session done.")
    assert len(problems.seen) == 1
    assert "exit status 3" in problems.seen[0]
    assert len(started(log)) == 1


def test_the_first_known_command_found_wins() -> None:
    installed = {"spd-say", "say"}
    found = find_command(None, which=lambda name: f"/usr/bin/{name}" if name in installed else None)
    assert found == ("spd-say",)
    assert [words[0] for words in KNOWN_COMMANDS] == ["espeak-ng", "spd-say", "say"]


def test_the_users_template_wins_over_what_is_installed() -> None:
    assert find_command("piper-say --fast", which=lambda name: name) == ("piper-say", "--fast")


@pytest.mark.parametrize(
    "template", ["'unclosed", "{text} espeak-ng", "say \x1b[31m{text}", "say\x07 {text}"]
)
def test_unusable_templates_say_why(template: str) -> None:
    with pytest.raises(SpeechSetupError):
        parse_template(template)


def test_a_bad_template_is_reported_once_through_the_callback() -> None:
    problems = Problems()
    speaker = Speaker.from_settings("'unclosed", problems, which=lambda name: name)
    speaker.say("Paused.")
    assert len(problems.seen) == 1
    assert "cannot be read" in problems.seen[0]


def test_command_line_without_placeholder_appends() -> None:
    assert command_line(("espeak-ng",), "Paused.") == ["espeak-ng", "Paused."]
