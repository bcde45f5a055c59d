"""Aware datetimes in and out; a naive one is refused with a coded error."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Optional

import pytest

import gep
from conftest import GEP_ID, fixture_commands

COORDINATOR = "00000000-0000-0000-0000-000000000004"


def proposed() -> gep.Gep:
    return gep.start(GEP_ID, fixture_commands("proposed")[0])


def validate_payload() -> dict[str, Any]:
    payload: dict[str, Any] = copy.deepcopy(fixture_commands("validated")[1]["action"])
    del payload["type"]
    return payload


def test_a_naive_at_is_refused_with_in05() -> None:
    g = proposed()
    with pytest.raises(gep.MalformedInput) as caught:
        g.decline(datetime(2026, 1, 20, 16, 0), COORDINATOR, reason="thème hors charte")
    (v,) = caught.value.violations
    assert (v.code, v.path) == ("IN05", ("at",))
    assert "naive" in v.message_en and "fuseau" in v.message_fr
    assert isinstance(caught.value, ValueError)
    assert g.state == "proposed"


def test_a_naive_datetime_inside_the_payload_is_refused_at_its_path() -> None:
    g = proposed()
    payload = validate_payload()
    payload["meeting"]["at"] = datetime(2026, 1, 18, 14, 0)
    with pytest.raises(gep.MalformedInput) as caught:
        g.validate(datetime(2026, 1, 20, 16, 0, tzinfo=timezone.utc), COORDINATOR, payload)
    assert caught.value.violations[0].path == ("action", "meeting", "at")
    assert caught.value.codes == ["IN05"]


def test_at_must_be_a_datetime() -> None:
    with pytest.raises(gep.MalformedInput) as caught:
        proposed().decline(1768921200, COORDINATOR, reason="x")  # type: ignore[arg-type]
    assert caught.value.codes == ["IN05"]
    assert caught.value.violations[0].path == ("at",)


@pytest.mark.parametrize(
    ("tz", "written"),
    [
        (timezone.utc, "Z"),
        (timezone(timedelta(hours=1)), "+01:00"),
        (timezone(timedelta(hours=-3, minutes=-30)), "-03:30"),
        (timezone(timedelta(hours=5, minutes=45)), "+05:45"),
    ],
)
def test_the_offset_is_kept_in_the_document_and_out(tz: tzinfo, written: str) -> None:
    g = proposed()
    at = datetime(2026, 1, 20, 16, 0, 0, 123456, tzinfo=tz)
    g.decline(at, COORDINATOR, reason="thème hors charte")
    last = json.loads(g.dumps())["events"][-1]
    assert last["at"].endswith(written)
    assert ".123456" in last["at"]
    out = g.log[-1].at
    assert out == at
    assert out.utcoffset() == at.utcoffset()
    assert out.microsecond == 123456
    assert g.last_event_at == at


def test_zoneinfo_summer_and_winter_time() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        paris = zoneinfo.ZoneInfo("Europe/Paris")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database")
    g = proposed()
    payload = validate_payload()
    payload["meeting"]["at"] = datetime(2026, 1, 18, 14, 0, tzinfo=paris)
    payload["format"]["start"] = datetime(2026, 4, 16, 9, 0, tzinfo=paris)
    payload["format"]["end"] = datetime(2026, 4, 16, 12, 30, tzinfo=paris)
    g.validate(datetime(2026, 1, 20, 16, 0, tzinfo=paris), COORDINATOR, payload)
    event = g.log[-1].event
    assert event["meeting"]["at"] == "2026-01-18T14:00:00+01:00"
    assert event["format"]["start"] == "2026-04-16T09:00:00+02:00"
    assert g.log[-1].at.utcoffset() == timedelta(hours=1)


def test_an_offset_with_seconds_is_not_rfc3339() -> None:
    with pytest.raises(gep.MalformedInput) as caught:
        proposed().decline(
            datetime(2026, 1, 20, tzinfo=timezone(timedelta(hours=1, seconds=30))), COORDINATOR, reason="x"
        )
    assert caught.value.codes == ["IN05"]
    assert caught.value.violations[0].path == ("at",)


class Broken(tzinfo):
    def utcoffset(self, dt: Optional[datetime]) -> Optional[timedelta]:
        raise RuntimeError("no offset today")

    def dst(self, dt: Optional[datetime]) -> Optional[timedelta]:
        return None

    def tzname(self, dt: Optional[datetime]) -> Optional[str]:
        return None


class Unknown(tzinfo):
    """A tzinfo whose offset is unknown: a naive datetime, for Python."""

    def utcoffset(self, dt: Optional[datetime]) -> Optional[timedelta]:
        return None

    def dst(self, dt: Optional[datetime]) -> Optional[timedelta]:
        return None

    def tzname(self, dt: Optional[datetime]) -> Optional[str]:
        return None


def test_a_tzinfo_that_raises_or_has_no_offset() -> None:
    g = proposed()
    with pytest.raises(RuntimeError, match="no offset today"):
        g.decline(datetime(2026, 1, 20, tzinfo=Broken()), COORDINATOR, reason="x")
    with pytest.raises(gep.MalformedInput) as caught:
        g.decline(datetime(2026, 1, 20, tzinfo=Unknown()), COORDINATOR, reason="x")
    assert caught.value.codes == ["IN05"]
    assert g.state == "proposed"


@pytest.mark.parametrize("at", ["0000-06-01T10:00:00+00:00", "2026-01-10T10:00:60+01:00"])
def test_a_timestamp_python_cannot_hold_is_a_coded_error(at: str) -> None:
    command = copy.deepcopy(fixture_commands("proposed")[0])
    command["at"] = command["action"]["charter"]["accepted_at"] = at
    g = gep.start(GEP_ID, command)
    assert json.loads(g.dumps())["events"][0]["at"].startswith(at[:10])
    with pytest.raises(gep.MalformedInput) as caught:
        g.last_event_at
    assert caught.value.codes == ["IN05"]


def test_nanoseconds_are_kept_in_the_document_and_truncated_out() -> None:
    command = copy.deepcopy(fixture_commands("proposed")[0])
    command["at"] = "2026-01-10T10:00:00.123456789+01:00"
    g = gep.start(GEP_ID, command)
    assert g.last_event_at.microsecond == 123456
    assert '"2026-01-10T10:00:00.123456789+01:00"' in g.dumps()
