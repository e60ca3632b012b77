"""The sample run of activity_samples.py as FIT files, written with fit-tool as a watch
writes them (fit-tool takes Unix milliseconds, but ``local_timestamp`` in FIT seconds)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from activity_samples import SampleRun

FIT_EPOCH = 631065600  # 1989-12-31T00:00:00Z in Unix seconds


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def fit_bytes(
    run: SampleRun,
    *,
    sessions: int = 1,
    file_type: str = "ACTIVITY",
    local_timestamp: bool = True,
    session_hr: bool = True,
    session_climb: bool = True,
) -> bytes:
    """The run as a watch writes it: records, timer events around the pause, laps, then
    the session and activity summaries."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.event_message import EventMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport

    track = run.track()
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    file_id.type = FileType[file_type]
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 0x1234
    file_id.time_created = _ms(run.start)
    builder.add(file_id)

    def timer(event_type: EventType, moment: datetime) -> None:
        event = EventMessage()
        event.event = Event.TIMER
        event.event_type = event_type
        event.timestamp = _ms(moment)
        builder.add(event)

    timer(EventType.START, track[0].time)
    for i, p in enumerate(track):
        if run.pause_after is not None and i == run.pause_after:
            timer(EventType.STOP_ALL, track[i - 1].time)
            timer(EventType.START, p.time)
        record = RecordMessage()
        record.timestamp = _ms(p.time)
        record.position_lat = p.lat
        record.position_long = p.lon
        record.distance = p.metres
        if run.with_elevation:
            record.altitude = p.elevation
        if p.hr is not None:
            record.heart_rate = p.hr
        builder.add(record)
    timer(EventType.STOP_ALL, track[-1].time)

    slices = run.lap_slices()
    for number, points in enumerate(slices, start=1):
        steps = len(points) - 1 + (0 if number == len(slices) else 1)
        end = slices[number][0].time if number < len(slices) else points[-1].time
        lap = LapMessage()
        lap.start_time = _ms(points[0].time)
        lap.timestamp = _ms(end)
        lap.total_elapsed_time = (end - points[0].time).total_seconds()
        lap.total_timer_time = steps * run.step_seconds
        lap.total_distance = steps * run.step_seconds * run.speed
        builder.add(lap)

    for _ in range(sessions):
        session = SessionMessage()
        session.start_time = _ms(run.start)
        session.timestamp = _ms(run.finish)
        session.total_elapsed_time = (run.finish - run.start).total_seconds()
        session.total_timer_time = run.moving_seconds
        session.total_distance = run.distance_km * 1000
        session.sport = Sport.RUNNING
        session.num_laps = len(slices)
        if session_climb and run.with_elevation:
            session.total_ascent = round(run.hill_m)
            session.total_descent = round(run.hill_m)
        if session_hr and run.avg_hr is not None:
            session.avg_heart_rate = round(run.avg_hr)
            session.max_heart_rate = run.max_hr
        builder.add(session)

    activity = ActivityMessage()
    activity.timestamp = _ms(run.finish)
    activity.num_sessions = sessions
    activity.total_timer_time = run.moving_seconds
    if local_timestamp:
        offset = run.start.utcoffset() or timedelta(0)
        local = run.finish.astimezone(UTC) + offset
        activity.local_timestamp = round(local.timestamp()) - FIT_EPOCH
    builder.add(activity)
    return builder.build().to_bytes()


def fit_empty() -> bytes:
    """A FIT header and checksum around no messages at all."""
    from fit_tool.fit_file_builder import FitFileBuilder

    return FitFileBuilder(auto_define=True).build().to_bytes()
