"""Activity files made by the tests: one known run written as GPX (gpxpy's writer), TCX
(a hand-made document) and FIT (fit-tool, in fit_samples.py), so each reader can be
checked against what was written.

The sample run goes due north along a meridian at a steady speed, so its distance is
known exactly; it climbs and then descends a hill, and may pause halfway (a second GPX
segment, a second TCX lap, a timer gap in FIT).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from xml.sax.saxutils import quoteattr

import gpxpy.gpx
from gpxpy.geo import ONE_DEGREE

TPX = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


@dataclass(frozen=True)
class Point:
    time: datetime
    lat: float
    lon: float
    elevation: float
    metres: float  # distance from the start
    hr: int | None


@dataclass(frozen=True)
class SampleRun:
    """A run of ``points`` points ``step_seconds`` apart at ``speed`` m/s, with a pause of
    ``pause_seconds`` after the first ``pause_after`` points, in the offset of ``start``."""

    start: datetime = datetime(2026, 4, 12, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    points: int = 400
    step_seconds: int = 5
    speed: float = 3.0
    pause_after: int | None = 200
    pause_seconds: int = 120
    with_hr: bool = True
    with_elevation: bool = True
    hill_m: float = 30.0
    laps: int = 2
    sport: str = "running"
    hr_values: Sequence[int] = field(default=tuple(range(140, 161)))

    def track(self) -> list[Point]:
        out: list[Point] = []
        for i in range(self.points):
            paused = self.pause_after is not None and i >= self.pause_after
            when = self.start + timedelta(
                seconds=i * self.step_seconds + (self.pause_seconds if paused else 0)
            )
            metres = i * self.step_seconds * self.speed
            climb = self.hill_m * (1 - abs(2 * i / (self.points - 1) - 1))
            out.append(
                Point(
                    time=when,
                    lat=45.0 + metres / ONE_DEGREE,
                    lon=6.0,
                    elevation=500.0 + climb,
                    metres=metres,
                    hr=self.hr_values[i % len(self.hr_values)] if self.with_hr else None,
                )
            )
        return out

    # What the run truly was, computed from the plan rather than read back.
    @property
    def distance_km(self) -> float:
        return (self.points - 1) * self.step_seconds * self.speed / 1000

    @property
    def finish(self) -> datetime:
        return self.track()[-1].time

    @property
    def moving_seconds(self) -> float:
        return (self.points - 1) * self.step_seconds

    @property
    def avg_hr(self) -> float | None:
        rates = [p.hr for p in self.track() if p.hr is not None]
        return statistics.mean(rates) if rates else None

    @property
    def max_hr(self) -> int | None:
        rates = [p.hr for p in self.track() if p.hr is not None]
        return max(rates) if rates else None

    def lap_slices(self) -> list[list[Point]]:
        track = self.track()
        size = -(-len(track) // self.laps)
        return [track[i : i + size] for i in range(0, len(track), size)]


# -- GPX ---------------------------------------------------------------------------------
def gpx_bytes(run: SampleRun, tracks: int = 1) -> bytes:
    document = gpxpy.gpx.GPX()
    document.nsmap["gpxtpx"] = TPX
    for _ in range(tracks):
        track = gpxpy.gpx.GPXTrack(name="Morning run")
        track.type = run.sport
        document.tracks.append(track)
        segment = gpxpy.gpx.GPXTrackSegment()
        track.segments.append(segment)
        for i, p in enumerate(run.track()):
            if run.pause_after is not None and i == run.pause_after:
                segment = gpxpy.gpx.GPXTrackSegment()
                track.segments.append(segment)
            point = gpxpy.gpx.GPXTrackPoint(
                p.lat, p.lon, elevation=p.elevation if run.with_elevation else None, time=p.time
            )
            if p.hr is not None:
                from xml.etree.ElementTree import Element, SubElement

                extension = Element(f"{{{TPX}}}TrackPointExtension")
                SubElement(extension, f"{{{TPX}}}hr").text = str(p.hr)
                point.extensions.append(extension)
            segment.points.append(point)
    return document.to_xml().encode("utf-8")


def gpx_route_only() -> bytes:
    document = gpxpy.gpx.GPX()
    route = gpxpy.gpx.GPXRoute(name="Planned loop")
    route.points.append(gpxpy.gpx.GPXRoutePoint(45.0, 6.0))
    route.points.append(gpxpy.gpx.GPXRoutePoint(45.01, 6.0))
    document.routes.append(route)
    return document.to_xml().encode("utf-8")


# -- TCX ---------------------------------------------------------------------------------
def _tcx_time(moment: datetime, zulu: bool) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if zulu else moment.isoformat()


def tcx_bytes(
    run: SampleRun, *, zulu: bool = False, activities: int = 1, lap_hr_only: bool = False
) -> bytes:
    """The run as TCX: each lap's timer time and distance run up to the next lap's first
    point, pauses excluded, so the laps add up to the run."""
    slices = run.lap_slices()
    laps = []
    for number, points in enumerate(slices, start=1):
        steps = len(points) - 1 + (0 if number == len(slices) else 1)
        rates = [p.hr for p in points if p.hr is not None]
        lap_hr = (
            f"<AverageHeartRateBpm><Value>{round(statistics.mean(rates))}</Value>"
            f"</AverageHeartRateBpm><MaximumHeartRateBpm><Value>{max(rates)}</Value>"
            "</MaximumHeartRateBpm>"
            if rates
            else ""
        )
        trackpoints = "".join(_trackpoint(p, run, zulu, lap_hr_only) for p in points)
        laps.append(
            f"<Lap StartTime={quoteattr(_tcx_time(points[0].time, zulu))}>"
            f"<TotalTimeSeconds>{steps * run.step_seconds}</TotalTimeSeconds>"
            f"<DistanceMeters>{steps * run.step_seconds * run.speed}</DistanceMeters>"
            f"<Calories>100</Calories>{lap_hr}<Intensity>Active</Intensity>"
            f"<TriggerMethod>Distance</TriggerMethod><Track>{trackpoints}</Track></Lap>"
        )
    activity = (
        f"<Activity Sport={quoteattr(run.sport.capitalize())}>"
        f"<Id>{_tcx_time(run.start, zulu)}</Id>{''.join(laps)}</Activity>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TrainingCenterDatabase xmlns="{TCX_NS}"><Activities>{activity * activities}'
        "</Activities></TrainingCenterDatabase>"
    ).encode()


def _trackpoint(p: Point, run: SampleRun, zulu: bool, lap_hr_only: bool) -> str:
    parts = [
        f"<Time>{_tcx_time(p.time, zulu)}</Time>",
        f"<Position><LatitudeDegrees>{p.lat}</LatitudeDegrees>"
        f"<LongitudeDegrees>{p.lon}</LongitudeDegrees></Position>",
    ]
    if run.with_elevation:
        parts.append(f"<AltitudeMeters>{p.elevation}</AltitudeMeters>")
    parts.append(f"<DistanceMeters>{p.metres}</DistanceMeters>")
    if p.hr is not None and not lap_hr_only:
        parts.append(f"<HeartRateBpm><Value>{p.hr}</Value></HeartRateBpm>")
    return f"<Trackpoint>{''.join(parts)}</Trackpoint>"


def tcx_course() -> bytes:
    return (
        f'<TrainingCenterDatabase xmlns="{TCX_NS}"><Courses><Course><Name>Loop</Name>'
        "<Track><Trackpoint><Time>2026-04-12T07:00:00Z</Time></Trackpoint></Track>"
        f"</Course></Courses></TrainingCenterDatabase>"
    ).encode()
