"""The Python surface: the lifecycle as methods, exceptions, round trips."""

from __future__ import annotations

import copy
import io
import json
import pickle
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import gep
from conftest import GEP_ID, fixture_commands

ORGANISER = uuid.UUID(int=1)
COORDINATOR = "00000000-0000-0000-0000-000000000004"
TIMESTAMP_KEYS = {"at", "start", "end", "accepted_at", "validation_deadline"}


def as_python(value: Any) -> Any:
    """The fixture's JSON with timestamps as aware datetimes and ids of the
    actor kept as text: what a script would write."""
    if isinstance(value, dict):
        return {
            k: datetime.fromisoformat(v) if k in TIMESTAMP_KEYS and isinstance(v, str) else as_python(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [as_python(v) for v in value]
    return value


def by_methods(commands: list[dict[str, Any]]) -> gep.Gep:
    """Runs commands through `gep.propose` and the lifecycle methods."""
    first, *rest = (as_python(c) for c in commands)
    payload = {k: v for k, v in first["action"].items() if k != "type"}
    g = gep.propose(uuid.UUID(GEP_ID), first["at"], uuid.UUID(first["actor"]), **payload)
    for c in rest:
        action = dict(c["action"])
        method = getattr(g, action.pop("type"))
        assert method(c["at"], c["actor"], action) == []
    return g


def by_apply(commands: list[dict[str, Any]]) -> gep.Gep:
    g = gep.start(GEP_ID, commands[0])
    for c in commands[1:]:
        g.apply(c)
    return g


@pytest.fixture
def reported() -> gep.Gep:
    return by_methods(fixture_commands("reported"))


def test_methods_with_datetimes_write_the_same_document_as_the_json_commands() -> None:
    for name in ["proposed", "validated", "announced", "announced_capped", "held", "reported"]:
        commands = fixture_commands(name)
        assert by_methods(commands).dumps() == by_apply(commands).dumps(), name


def test_the_whole_lifecycle(reported: gep.Gep) -> None:
    assert reported.snapshot()["state"] == "reported"
    snapshot = reported.snapshot()
    for person in snapshot["report"]["pending"]:
        reported.validate_report(datetime(2026, 4, 22, 9, 0, tzinfo=timezone(timedelta(hours=2))), person, revision=1)
    assert reported.approve(datetime(2026, 4, 23, 7, 0, tzinfo=timezone.utc), ORGANISER) == []
    assert reported.state == "approved"
    assert reported.snapshot()["state"] == "approved"
    assert reported.log[-1].type == "approved"
    assert reported.log[-1].actor == str(ORGANISER)
    assert reported.last_event_at == datetime(2026, 4, 23, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def test_a_refusal_raises_charter_violation_and_changes_nothing(reported: gep.Gep) -> None:
    before = reported.dumps()
    warnings = reported.warnings
    with pytest.raises(gep.CharterViolation) as caught:
        # Approving before the attendees validated the report (DE09).
        reported.approve(datetime(2026, 4, 23, 9, 0, tzinfo=timezone.utc), ORGANISER)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, gep.GepError)
    assert set(error.codes) == {"DE09"}
    assert len(error.codes) == len(reported.snapshot()["report"]["pending"])
    v = error.errors[0]
    assert v.code == "DE09"
    assert v.severity == "error"
    assert v.is_error
    assert isinstance(v.path, tuple)
    assert v.message_fr and v.message_en and v.message_fr != v.message_en
    assert isinstance(v.context, dict)
    assert str(error).startswith("DE09")
    assert reported.dumps() == before
    assert reported.state == "reported"
    assert reported.warnings == warnings


def test_a_command_in_the_wrong_state_is_lc01() -> None:
    g = by_apply(fixture_commands("proposed"))
    with pytest.raises(gep.CharterViolation) as caught:
        g.approve(datetime(2026, 4, 16, 12, 40, tzinfo=timezone.utc), ORGANISER)
    assert caught.value.codes == ["LC01"]
    assert caught.value.violations[0].path == ("action", "type")
    assert g.state == "proposed"


def test_every_violation_at_once_with_paths() -> None:
    g = by_apply(fixture_commands("validated"))
    with pytest.raises(gep.CharterViolation) as caught:
        g.announce(
            datetime(2026, 2, 1, 9, 0, tzinfo=timezone.utc),
            ORGANISER,
            ic_site=True,
            mailing_list=False,
            members_only=True,
        )
    assert sorted(caught.value.codes) == ["OR05", "OR06"]
    paths = {v.code: v.path for v in caught.value.violations}
    assert paths["OR05"] == ("action", "mailing_list")
    assert paths["OR06"] == ("action", "members_only")


def test_payload_as_dict_and_keywords() -> None:
    g = by_apply(fixture_commands("validated"))
    at = datetime(2026, 2, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    g2 = g.copy()
    g.announce(at, ORGANISER, {"ic_site": True}, mailing_list=True)
    g2.announce(at, ORGANISER, {"ic_site": True, "mailing_list": True, "type": "announce"})
    assert g == g2
    with pytest.raises(TypeError):
        g2.copy().announce(at, ORGANISER, {"ic_site": True}, ic_site=True, mailing_list=True)
    with pytest.raises(gep.MalformedInput) as caught:
        g2.copy().cancel(at, ORGANISER, {"type": "announce", "reason": "x"})
    assert caught.value.violations[0].path == ("action", "type")


def test_unknown_and_missing_fields_are_malformed_input_with_paths() -> None:
    g = by_apply(fixture_commands("validated"))
    at = datetime(2026, 2, 1, 9, 0, tzinfo=timezone.utc)
    with pytest.raises(gep.MalformedInput) as caught:
        g.announce(at, ORGANISER, ic_site=True, mailing_list=True, colour="blue")
    assert caught.value.codes == ["IN02"]
    assert caught.value.violations[0].path == ("action", "colour")
    assert isinstance(caught.value, ValueError)
    with pytest.raises(gep.MalformedInput) as caught:
        g.announce(at, ORGANISER, ic_site=True)
    assert caught.value.codes == ["IN03"]
    with pytest.raises(gep.MalformedInput) as caught:
        g.announce(at, ORGANISER, ic_site="yes", mailing_list=True)
    assert caught.value.codes == ["IN04"]
    assert caught.value.violations[0].path == ("action", "ic_site")
    with pytest.raises(gep.MalformedInput) as caught:
        g.announce(at, "not-a-uuid", ic_site=True, mailing_list=True)
    assert caught.value.codes == ["IN04"]
    assert g.state == "validated"


def test_an_unknown_field_has_its_path_wherever_type_stands() -> None:
    g = by_apply(fixture_commands("validated"))
    command = {
        "at": "2026-02-01T09:00:00+01:00",
        "actor": str(ORGANISER),
        "action": {"ic_site": True, "mailing_list": True, "colour": "blue", "type": "announce"},
    }
    for text in (json.dumps(command), json.dumps(command, sort_keys=True)):
        with pytest.raises(gep.MalformedInput) as caught:
            g.apply(text)
        assert caught.value.codes == ["IN02"]
        assert caught.value.violations[0].path == ("action", "colour")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ({1, 2}, "IN04"),
        (object(), "IN04"),
        (float("nan"), "IN04"),
        (float("inf"), "IN04"),
        (2**80, "IN04"),
        ({1: "key is not a str"}, "IN04"),
        ("lone surrogate \udcff", "IN01"),
    ],
)
def test_python_values_that_are_not_json(value: Any, code: str) -> None:
    g = by_apply(fixture_commands("proposed"))
    with pytest.raises(gep.MalformedInput) as caught:
        g.decline(datetime(2026, 1, 20, tzinfo=timezone.utc), COORDINATOR, reason=value)
    assert caught.value.codes == [code]
    assert caught.value.violations[0].path == ("action", "reason")


def test_deep_and_self_referential_values_do_not_crash() -> None:
    g = by_apply(fixture_commands("proposed"))
    deep: list[Any] = []
    cursor = deep
    for _ in range(10_000):
        cursor.append([])
        cursor = cursor[0]
    loop: list[Any] = []
    loop.append(loop)
    for value in (deep, loop):
        with pytest.raises(gep.MalformedInput) as caught:
            g.decline(datetime(2026, 1, 20, tzinfo=timezone.utc), COORDINATOR, reason=value)
        assert caught.value.codes == ["IN04"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.loads('{"version": 1, "gep_id": ' + "[" * 100_000)
    assert caught.value.codes in (["IN01"], ["IN04"])


def test_loads_str_bytes_and_bytearray_and_dump_load_files(reported: gep.Gep, tmp_path: Any) -> None:
    text = reported.dumps()
    assert gep.loads(text) == reported
    assert gep.loads(text.encode("utf-8")) == reported
    assert gep.loads(bytearray(text.encode("utf-8"))) == reported
    assert gep.Gep.loads(text) == reported
    pretty = gep.dumps(reported, pretty=True)
    assert "\n" in pretty
    assert gep.loads(pretty).dumps() == text
    path = tmp_path / "gep.json"
    with open(path, "w", encoding="utf-8") as fp:
        gep.dump(reported, fp)
    with open(path, encoding="utf-8") as fp:
        assert gep.load(fp) == reported
    with open(path, "rb") as fb:
        assert gep.load(fb) == reported
    assert gep.load(io.StringIO(text)).dumps() == text
    with pytest.raises(TypeError):
        gep.loads(42)  # type: ignore[arg-type]


def test_invalid_utf8_and_malformed_documents() -> None:
    with pytest.raises(gep.MalformedInput) as caught:
        gep.loads(b'{"version": 1, "gep_id": "\xff"}')
    assert caught.value.codes == ["IN01"]
    assert caught.value.violations[0].context["offset"] == "26"
    with pytest.raises(gep.MalformedInput) as caught:
        gep.loads('{"version": 1, "gep_id": "\udcff"}')
    assert caught.value.codes == ["IN01"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.loads("{")
    assert caught.value.codes == ["IN01"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.loads('{"version": 2, "gep_id": "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", "events": []}')
    assert caught.value.codes == ["IN06"]
    assert caught.value.violations[0].path == ("version",)


def test_a_document_that_breaks_the_charter_is_charter_violation() -> None:
    document = json.loads(by_apply(fixture_commands("validated")).dumps())
    document["events"][1]["event"]["theme"] = "un autre thème"
    with pytest.raises(gep.CharterViolation) as caught:
        gep.loads(json.dumps(document))
    assert caught.value.codes == ["OR03"]
    assert caught.value.violations[0].path[:3] == ("events", 1, "event")


def test_start_needs_propose() -> None:
    commands = fixture_commands("validated")
    with pytest.raises(gep.CharterViolation) as caught:
        gep.start(GEP_ID, commands[1])
    assert caught.value.codes == ["LC01"]
    with pytest.raises(gep.MalformedInput) as malformed:
        gep.start("not a uuid", commands[0])
    assert malformed.value.violations[0].path == ("gep_id",)
    g = gep.start(GEP_ID, json.dumps(commands[0]))
    g.apply(json.dumps(commands[1]).encode("utf-8"))
    assert g.state == "validated"
    with pytest.raises(gep.MalformedInput) as malformed:
        g.apply(b"\xff")
    assert malformed.value.codes == ["IN01"]


def test_the_gep_is_not_built_directly() -> None:
    with pytest.raises(TypeError):
        gep.Gep()


def test_copy_pickle_and_equality(reported: gep.Gep) -> None:
    clone = copy.copy(reported)
    deep = copy.deepcopy(reported)
    pickled = pickle.loads(pickle.dumps(reported))
    assert clone == reported == deep == pickled
    assert clone is not reported
    clone.request_support(datetime(2026, 4, 21, tzinfo=timezone.utc), ORGANISER, topic="rapport")
    assert clone != reported
    assert reported.log[-1].type != "support_requested"
    assert reported != "a string"
    assert repr(reported).startswith("<gep.Gep 6f1c2b9e")


def test_snapshot_is_json(reported: gep.Gep) -> None:
    snapshot = reported.snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot
    assert snapshot["gep_id"] == reported.id == GEP_ID
    assert snapshot["organiser"] == reported.organiser
    assert snapshot["events"] == len(reported.log)


def test_log_entries(reported: gep.Gep) -> None:
    first = reported.log[0]
    assert first.type == "proposed"
    assert first.event["type"] == "proposed"
    assert first.to_dict()["event"] == first.event
    assert first.at == datetime(2026, 1, 10, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert first.at.utcoffset() == timedelta(hours=1)
    assert "proposed" in repr(first)


def test_warnings_are_returned_and_kept() -> None:
    held = by_apply(fixture_commands("held"))
    report = as_python(fixture_commands("reported")[-1])
    action = dict(report["action"])
    del action["type"]
    del action["evaluation"]
    new = held.report(report["at"], report["actor"], action)
    assert [w.code for w in new] == ["DE06"]
    assert new[0].severity == "warning"
    assert not new[0].is_error
    assert held.warnings == new


def test_violation_value_semantics() -> None:
    v = gep.Violation("OR05", "error", ["action", "mailing_list"], "fr", "en", {"k": "v"})
    same = gep.Violation("OR05", "error", ("action", "mailing_list"), "fr", "en", {"k": "v"})
    assert v == same and hash(v) == hash(same)
    assert v != gep.Violation("OR05", "warning", ["action", "mailing_list"], "fr", "en", {"k": "v"})
    assert len({v, same}) == 1
    assert pickle.loads(pickle.dumps(v)) == v
    assert v.to_dict() == {
        "code": "OR05",
        "severity": "error",
        "path": ["action", "mailing_list"],
        "message_fr": "fr",
        "message_en": "en",
        "context": {"k": "v"},
    }
    assert repr(v) == "Violation(code='OR05', severity='error', path=('action', 'mailing_list'), message_en='en')"
    assert str(v) == "OR05 at `action.mailing_list`: en"
    with pytest.raises(ValueError):
        gep.Violation("XX99", "error", [], "fr", "en")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        gep.Violation("OR05", "fatal", [], "fr", "en")  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        v.code = "OR06"  # type: ignore[misc]


def test_exceptions_pickle_with_their_violations(reported: gep.Gep) -> None:
    with pytest.raises(gep.CharterViolation) as caught:
        reported.approve(datetime(2026, 4, 23, 9, 0, tzinfo=timezone.utc), ORGANISER)
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is gep.CharterViolation
    assert again.violations == caught.value.violations
    assert str(again) == str(caught.value)
    assert gep.CharterViolation.__module__ == "gep"


def test_rules_catalogue() -> None:
    rules = gep.rules()
    by_code = {r.code: r for r in rules}
    assert by_code["PR07"].charter
    assert not by_code["IN01"].charter
    assert by_code["OR05"].severity == "error"
    assert "PR07" in repr(by_code["PR07"])
    assert gep.FORMAT_VERSION == 1
    assert gep.MAX_DOCUMENT_BYTES == 16 * 1024 * 1024
