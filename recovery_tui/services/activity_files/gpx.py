"""A run from a GPX file, read with gpxpy.

One track is one activity; its segments are the stretches between pauses. gpxpy gives the
distance (2-D: GPS elevation is too noisy to add to it), the moving time (pauses detected
from speed) and the climb and descent after its three-point elevation smoothing. Heart rate
sits in each point's extensions, in Garmin's TrackPointExtension (``<gpxtpx:hr>``), which
every major app writes.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from recovery_tui.domain.activity import Activity, SourceFormat, heart_rate_summary, sport_name
from recovery_tui.services.activity_files import errors
from recovery_tui.services.activity_files.offsets import in_own_offset, states_local_offset

if TYPE_CHECKING:
    from gpxpy.gpx import GPXTrackPoint

_HR_TAGS = frozenset({"hr", "heartrate"})
# gpxpy finds namespace declarations with a regular expression that scans from each
# " xmlns" to the next '=': text with thousands of " xmlns" and no '=' after them would keep
# it busy for hours. Real declarations reach their '=' within a few dozen characters. (Its
# other scans stop at the next quote, which each of their own matches brings.)
_SLOW_XMLNS = re.compile(r"\sxmlns:?[^=]{256}")
_POINT_TAGS = ("<trkpt", "<rtept", "<wpt")
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def decode(data: bytes) -> str:
    """The XML text, in the encoding its BOM or declaration names (UTF-8 by default)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    data = data.removeprefix(codecs.BOM_UTF8)
    match = _ENCODING.match(data)
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return data.decode(encoding)
    except LookupError:
        return data.decode("utf-8")


def climb(elevations: Sequence[float | None]) -> tuple[float | None, float | None]:
    """Ascent and descent in metres after gpxpy's elevation smoothing; unknown without two
    elevations. Shared by the TCX and FIT readers so every format climbs the same way."""
    from gpxpy.geo import calculate_uphill_downhill

    known = [e for e in elevations if e is not None and math.isfinite(e)]
    if len(known) < 2:
        return None, None
    up, down = calculate_uphill_downhill(known)  # type: ignore[arg-type]
    return float(up), float(down)


def _heart_rates(points: Sequence[GPXTrackPoint]) -> Iterator[float]:
    for point in points:
        for extension in point.extensions:
            for element in extension.iter():
                tag = element.tag if isinstance(element.tag, str) else ""
                if tag.rpartition("}")[2].rpartition(":")[2].lower() in _HR_TAGS:
                    try:
                        yield float((element.text or "").strip())
                    except ValueError:
                        continue


def read_gpx(data: bytes, max_points: int) -> Activity:
    import gpxpy
    import gpxpy.gpx

    try:
        text = decode(data)
    except UnicodeDecodeError as error:
        raise errors.damaged(error.reason) from None
    if sum(text.count(tag) for tag in _POINT_TAGS) > max_points:
        raise errors.too_many_points(max_points)
    if _SLOW_XMLNS.search(text):
        raise errors.damaged("malformed namespace declaration")
    try:
        document = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError, OverflowError) as error:
        raise errors.damaged(error) from None

    tracks = [t for t in document.tracks if any(s.points for s in t.segments)]
    if len(tracks) > 1:
        raise errors.several(len(tracks))
    if not tracks:
        raise errors.route_only() if document.routes else errors.no_track()
    track = tracks[0]
    points = [p for segment in track.segments for p in segment.points]
    timed = [p.time for p in points if p.time is not None]
    if len(timed) < 2:
        raise errors.one_moment() if timed else errors.no_times()

    start = in_own_offset(timed[0])
    finish = in_own_offset(timed[-1]).astimezone(start.tzinfo)
    moving = track.get_moving_data()
    ascent, descent = climb([p.elevation for p in points])
    avg_hr, max_hr = heart_rate_summary(_heart_rates(points))
    return Activity(
        start=start,
        finish=finish,
        distance_km=track.length_2d() / 1000,
        moving_seconds=min(moving.moving_time, (finish - start).total_seconds()),
        source_format=SourceFormat.GPX,
        local_offset_known=states_local_offset(timed[0]),
        ascent_m=ascent,
        descent_m=descent,
        avg_hr=avg_hr,
        max_hr=max_hr,
        sport=sport_name(track.type),
    )
