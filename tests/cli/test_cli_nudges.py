"""``status`` through a recovery, and ``remind`` at several times of day with a fake
notifier: each nudge once, nothing outside the waking day or once the task is done."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from pathlib import Path

import pendulum
import pytest
from cli_support import NOW, TODAY
from conftest import Cli

from recovery_tui.commands import nudges as nudge_commands
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.nudges import WakingDay, stretch_time, walk_times
from recovery_tui.domain.plan import STRETCH, WALKS
from recovery_tui.services.journal import open_journal
from recovery_tui.services.notifier import Delivery


def at(clock: FakeClock, moment: time, days: int = 0) -> None:
    day = TODAY + timedelta(days=days)
    clock.set(
        pendulum.datetime(
            day.year, day.month, day.day, moment.hour, moment.minute, tz=NOW.timezone_name
        )
    )


def tick(data_dir: Path, clock: FakeClock, task: str, count: int) -> None:
    journal = open_journal(data_dir, clock)
    journal.set_task(journal.today(), task, count)
    journal.close()


def race(cli: Cli, days_ago: int) -> None:
    day = (TODAY - timedelta(days=days_ago)).isoformat()
    assert cli("log-run", "--distance-km", "21.1", "--kind", "race", "--date", day)[0] == 0


# -- status ------------------------------------------------------------------------------
def test_status_without_a_run(cli: Cli) -> None:
    code, out, _ = cli("status")
    assert code == 0 and out == "No recovery window\n"
    data = json.loads(cli("status", "--format", "json")[1])
    assert data["class"] == "idle" and data["day"] is None


def test_status_on_the_run_day(cli: Cli) -> None:
    race(cli, 0)
    out = cli("status")[1]
    assert out.startswith("Run day · ") and out.count("\n") == 1


@pytest.mark.parametrize("days_ago", [1, 2, 5])
def test_status_through_the_window(
    cli: Cli, days_ago: int, data_dir: Path, clock: FakeClock
) -> None:
    race(cli, days_ago)
    today = json.loads(cli("today", "--json")[1])
    walks = next(task["target"] for task in today["tasks"] if task["id"] == WALKS)
    out = cli("status")[1].strip()
    assert out.startswith(f"Day {days_ago}/{today['window_days']} · walk")
    assert (f"walks 0/{walks}" if walks > 1 else "walk –") in out
    assert "stretch –" in out and out.endswith("next: walk")
    tick(data_dir, clock, WALKS, walks)
    tick(data_dir, clock, STRETCH, 1)
    data = json.loads(cli("status", "--format", "json")[1])
    assert data["text"] == cli("status")[1].strip()
    assert (f"walks {walks}/{walks}" if walks > 1 else "walk ✓") in data["text"]
    assert "stretch ✓" in data["text"] and not data["text"].endswith("next: walk")
    assert data["day"] == days_ago and data["window_days"] == today["window_days"]


def test_status_json_is_one_line_for_a_bar(cli: Cli) -> None:
    race(cli, 2)
    out = cli("status", "--format", "json")[1]
    assert out.count("\n") == 1
    assert {"text", "tooltip", "class", "percentage", "full_text"} <= json.loads(out).keys()


# -- remind ------------------------------------------------------------------------------
class FakeNotifier:
    def __init__(self, delivery: Delivery = Delivery.DESKTOP) -> None:
        self.delivery = delivery
        self.sent: list[str] = []

    def send(self, title: str, body: str) -> Delivery:
        self.sent.append(title)
        return self.delivery


@pytest.fixture
def notifier(monkeypatch: pytest.MonkeyPatch) -> FakeNotifier:
    fake = FakeNotifier()
    monkeypatch.setattr(nudge_commands, "notifier", lambda: fake)
    return fake


WAKING = WakingDay()
FIRST_WALK, SECOND_WALK, _ = walk_times(3, WAKING)


def minutes_after(moment: time, minutes: int) -> time:
    moved = datetime.combine(TODAY, moment) + timedelta(minutes=minutes)
    return moved.time()


def test_remind_through_a_day(
    cli: Cli, clock: FakeClock, notifier: FakeNotifier, data_dir: Path
) -> None:
    race(cli, 2)
    at(clock, minutes_after(WAKING.start, -30))  # asleep
    assert cli("remind") == (0, "", "")
    at(clock, minutes_after(FIRST_WALK, -1))
    assert cli("remind") == (0, "", "")
    assert notifier.sent == []
    at(clock, minutes_after(FIRST_WALK, 5))
    assert cli("remind") == (0, "", "")  # silent for cron
    assert notifier.sent == ["Walk 1 of 3"]
    at(clock, minutes_after(FIRST_WALK, 20))
    assert cli("remind")[0] == 0
    assert notifier.sent == ["Walk 1 of 3"]  # once only
    tick(data_dir, clock, WALKS, 1)
    at(clock, minutes_after(SECOND_WALK, 1))
    cli("remind")
    assert notifier.sent == ["Walk 1 of 3", "Walk 2 of 3"]
    tick(data_dir, clock, WALKS, 3)
    at(clock, minutes_after(stretch_time(WAKING), 1))
    cli("remind")
    assert notifier.sent[-1] == "Time for the stretch"
    tick(data_dir, clock, STRETCH, 1)
    at(clock, minutes_after(WAKING.end, -10))
    count = len(notifier.sent)
    assert cli("remind", "--verbose") == (0, "Nothing due now.\n", "")
    assert len(notifier.sent) == count  # all done: nothing more


def test_remind_says_what_it_sent_when_asked(
    cli: Cli, clock: FakeClock, notifier: FakeNotifier
) -> None:
    race(cli, 1)
    at(clock, minutes_after(FIRST_WALK, 1))
    assert cli("remind", "--verbose")[1] == "Sent 'Walk 1 of 3' (desktop).\n"
    assert cli("remind", "--verbose")[1] == "Already sent today.\n"


def test_remind_follows_the_waking_day_setting(
    cli: Cli, clock: FakeClock, notifier: FakeNotifier
) -> None:
    race(cli, 1)
    cli("settings", "remind_from", "10:00")
    cli("settings", "remind_until", "16:00")
    first = walk_times(3, WakingDay(time(10), time(16)))[0]
    at(clock, minutes_after(first, -1))
    cli("remind")
    assert notifier.sent == []
    at(clock, minutes_after(first, 1))
    cli("remind")
    assert notifier.sent == ["Walk 1 of 3"]


def test_a_reminder_that_reaches_nobody_is_said_and_tried_again(
    cli: Cli, clock: FakeClock, notifier: FakeNotifier, data_dir: Path
) -> None:
    race(cli, 1)
    notifier.delivery = Delivery.NONE
    at(clock, minutes_after(FIRST_WALK, 1))
    code, out, err = cli("remind")
    assert code == 1 and out == ""
    assert "no desktop session and no terminal to show 'Walk 1 of 3'" in err
    notifier.delivery = Delivery.TERMINAL
    assert cli("remind")[0] == 0
    assert notifier.sent == ["Walk 1 of 3", "Walk 1 of 3"]


def test_only_todays_reminders_are_remembered(
    cli: Cli, clock: FakeClock, notifier: FakeNotifier, data_dir: Path
) -> None:
    race(cli, 1)
    at(clock, minutes_after(FIRST_WALK, 1))
    cli("remind")
    at(clock, minutes_after(FIRST_WALK, 1), days=1)
    cli("remind")
    assert notifier.sent == ["Walk 1 of 3", "Walk 1 of 3"]  # a new day, a new nudge
    journal = open_journal(data_dir, clock)
    kept = journal.setting("reminders_sent")
    journal.close()
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert isinstance(kept, list) and kept and all(k.startswith(tomorrow) for k in kept)


@pytest.mark.parametrize("days_ago", [8, 21, 60])
def test_status_after_the_window_counts_no_days(cli: Cli, days_ago: int) -> None:
    """Past a half marathon's seven days the line says where the runner is, as Today does,
    never 'Day 21/7'."""
    race(cli, days_ago)
    today = json.loads(cli("today", "--json")[1])
    data = json.loads(cli("status", "--format", "json")[1])
    assert not data["text"].startswith("Day ")
    assert data["day"] is None and data["window_days"] is None
    assert data["text"].split(" · ")[0] in (
        "No recovery window",
        "Back to running",
        *(f"Back to running {n}/4" for n in range(1, 5)),
    )
    assert data["text"].startswith("Back to running") == (today["phase"] == "return")


def test_status_is_marked_while_an_alarm_stands(cli: Cli) -> None:
    """A red flag ticked: the line starts with '!', bars get the class 'alarm' and the
    message first in the tooltip, the same words as Today's alarm."""
    race(cli, 2)
    assert cli("checkin", "--flag", "swelling")[0] == 0
    today = json.loads(cli("today", "--json")[1])
    data = json.loads(cli("status", "--format", "json")[1])
    assert data["text"].startswith("! Day 2/")
    messages = [alarm["message"] for alarm in today["alarms"]]
    assert data["class"] == "alarm" and data["alarms"] == messages != []
    assert data["tooltip"].splitlines()[0] == f"! {messages[0]}"
    assert cli("status")[1].startswith("! Day 2/")
