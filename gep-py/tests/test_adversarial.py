"""Runs every adversarial case of ``tests/adversarial/`` through Python, with
the semantics of the Rust runner (``gep-core/tests/adversarial.rs``; see
``tests/README.md``, "Adversarial cases"): each gets its coded answer, never
a panic, a hang or an uncaught exception. Then the cases only Python can
write: ``bytes`` that are not UTF-8, ``str`` with lone surrogates,
``float('nan')`` and ``None`` inside commands, nested Python values, and
timestamps that Python cannot hold.

A case's ``status`` is ``ok`` (no exception), ``failure``
(``gep.MalformedInput``) or ``refused`` (``gep.CharterViolation``).
"""

from __future__ import annotations

import array
import collections.abc
import io
import json
import math
import sys
import threading
import time
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Callable, Optional, Union

import pytest

import gep
from cases import Json, expand, fixture_gep, given_gep, load_cases, still_works
from conftest import GEP_ID, fixture_commands

CASES = load_cases()
KNOWN_KEYS = {"name", "about", "entry", "given", "given_document", "gep_id", "roster", "placeholders", "awaits", "input", "expect"}
EXPECT_KEYS = {"status", "violations", "paths", "state", "findings"}
# No case may take longer (a dev build of the module, two shared cores).
SLOW = 20.0
ORGANISER = "00000000-0000-0000-0000-000000000001"
NEWCOMER = "00000000-0000-0000-0000-0000000000c8"
Path = list[Union[str, int]]


def _path_key(path: Path) -> str:
    return json.dumps(path, separators=(",", ":"), ensure_ascii=False)


def _outcome(status: str, error: Optional[gep.GepError] = None, **extra: Any) -> dict[str, Any]:
    violations = error.violations if error is not None else []
    errors = [v for v in violations if v.severity == "error"]
    return {
        "status": status,
        "violations": sorted(v.code for v in errors),
        "paths": sorted((list(v.path) for v in errors), key=_path_key),
        **extra,
    }


def _call(f: Callable[[], Any], ok: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    try:
        value = f()
    except gep.MalformedInput as e:
        return _outcome("failure", e)
    except gep.CharterViolation as e:
        return _outcome("refused", e)
    return {**_outcome("ok"), **ok(value)}


def run(case: dict[str, Json]) -> dict[str, Any]:
    entry = case["entry"]
    text = expand(case["input"])
    if entry == "load":
        got = _call(lambda: gep.loads(text), lambda g: {"state": g.state})
        # The same text as UTF-8 bytes reads the same.
        assert _call(lambda: gep.loads(text.encode("utf-8")), lambda g: {"state": g.state}) == got
        return got
    if entry == "start":
        return _call(lambda: gep.start(case.get("gep_id", GEP_ID), text), lambda g: {"state": g.state})
    if entry == "apply":
        g = given_gep(case)
        before = g.dumps()
        got = _call(lambda: g.apply(text), lambda _: {"state": g.state})
        if got["status"] != "ok":
            assert g.dumps() == before, "a refused command changed the GEP"
            still_works(g)
        return got
    if entry == "scan":
        roster = case["roster"]
        return _call(lambda: gep.scan(text, roster), lambda found: {"findings": len(found)})
    if entry == "redact":
        roster, placeholders = case["roster"], case.get("placeholders")
        return _call(lambda: gep.redact(text, roster, placeholders), lambda _: {})
    if entry == "plan":
        return _call(lambda: gep.plan_tables(text), lambda _: {})
    raise AssertionError(f"unknown entry {entry}")


def test_the_cases_are_found() -> None:
    assert len(CASES) >= 80
    names = [c["name"] for _, c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"


@pytest.mark.parametrize(("file", "case"), CASES, ids=[c["name"] for _, c in CASES])
def test_case(file: str, case: dict[str, Json]) -> None:
    unknown = (set(case) - KNOWN_KEYS) | (set(case["expect"]) - EXPECT_KEYS)
    assert not unknown, f"{file}: keys this runner does not know: {unknown}"
    for code in case["expect"]["violations"]:
        assert code in gep.RULE_CODES, f"unknown code {code}"
    started = time.monotonic()
    got = run(case)
    took = time.monotonic() - started
    want = dict(case["expect"])
    want["violations"] = sorted(want["violations"])
    if "paths" in want:
        want["paths"] = sorted(want["paths"], key=_path_key)
    got = {k: v for k, v in got.items() if k in want}
    awaits = f" [awaits: {case['awaits']}]" if "awaits" in case else ""
    assert got == want, f"{file}: {case['name']}{awaits}"
    assert took < SLOW, f"took {took:.1f} s"


# ----------------------------------------------------------------------------
# Cases only Python can write.
# ----------------------------------------------------------------------------


def _codes_paths(e: gep.GepError) -> list[tuple[str, tuple[Union[str, int], ...]]]:
    return [(v.code, v.path) for v in e.violations]


def _malformed(f: Callable[[], Any]) -> list[tuple[str, tuple[Union[str, int], ...]]]:
    with pytest.raises(gep.MalformedInput) as caught:
        f()
    return _codes_paths(caught.value)


AT = datetime(2026, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def _cancel(reason: object) -> dict[str, Any]:
    return {"at": "2026-03-01T10:00:00+01:00", "actor": ORGANISER, "action": {"type": "cancel", "reason": reason}}


def test_bytes_that_are_not_utf8_are_in01_at_the_byte() -> None:
    document = fixture_gep("announced").dumps().encode("utf-8")
    broken = document[:100] + b"\xff" + document[101:]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.loads(broken)
    assert _codes_paths(caught.value) == [("IN01", ())]
    assert caught.value.violations[0].context["offset"] == "100"
    assert _malformed(lambda: gep.loads(bytearray(broken))) == [("IN01", ())]
    # A multi-byte character cut in the middle.
    assert _malformed(lambda: gep.loads("é".encode("utf-8")[:1])) == [("IN01", ())]
    command = json.dumps(_cancel("salle")).encode("utf-8").replace(b"salle", b"sal\xc3le")
    g = fixture_gep("announced")
    before = g.dumps()
    assert _malformed(lambda: g.apply(command)) == [("IN01", ())]
    assert g.dumps() == before
    still_works(g)
    assert _malformed(lambda: gep.start(GEP_ID, b"\xfe" + json.dumps(fixture_commands("proposed")[0]).encode())) == [
        ("IN01", ())
    ]
    assert _malformed(lambda: gep.plan_tables(b'{"attendees": [], "rounds": 2, "method": "rotation\xff"}')) == [
        ("IN01", ())
    ]


def test_lone_surrogates_are_in01_never_a_unicode_error() -> None:
    g = fixture_gep("announced")
    before = g.dumps()
    surrogate = "\udc80"
    # Whole texts.
    assert _malformed(lambda: gep.loads(before.replace("Lyon", "Ly" + surrogate))) == [("IN01", ())]
    assert _malformed(lambda: g.apply(json.dumps(_cancel("x"))[:-2] + surrogate + '"}}')) == [("IN01", ())]
    assert _malformed(lambda: gep.plan_tables('{"attendees": [], "rounds": 2, "method": "' + surrogate + '"}')) == [
        ("IN01", ())
    ]
    # Inside Python values: at the path of the text.
    assert _malformed(lambda: g.apply(_cancel("salle " + surrogate))) == [("IN01", ("action", "reason"))]
    assert _malformed(lambda: g.cancel(AT, ORGANISER, reason=surrogate)) == [("IN01", ("action", "reason"))]
    assert _malformed(lambda: g.cancel(AT, ORGANISER, {"reason": "x", surrogate: 1})) == [("IN01", ("action",))]
    assert _malformed(lambda: g.cancel(AT, "\ud800" + ORGANISER[1:], reason="x")) == [("IN01", ("actor",))]
    at = "2026-03-01T10:00:00+01:00" + surrogate
    assert _malformed(lambda: g.cancel(at, ORGANISER, reason="x")) == [("IN01", ("at",))]  # type: ignore[arg-type]
    assert _malformed(lambda: gep.start(surrogate, fixture_commands("proposed")[0])) == [("IN01", ("gep_id",))]
    assert _malformed(lambda: g.contact_list(surrogate)) == [("IN01", ("requester",))]
    assert g.dumps() == before
    still_works(g)
    # The scanner's text and roster.
    roster = [{"id": NEWCOMER, "given_name": "Zoé", "family_name": "Perrin"}]
    assert _malformed(lambda: gep.scan("Merci Zoé " + surrogate, roster)) == [("IN01", ())]
    assert _malformed(lambda: gep.redact("Merci " + surrogate, roster)) == [("IN01", ())]
    assert _malformed(lambda: gep.best_practices(surrogate)) == [("IN01", ())]
    assert _malformed(lambda: gep.scan("Merci", [{**roster[0], "family_name": surrogate}])) == [
        ("IN01", (0, "family_name"))
    ]
    assert _malformed(lambda: gep.redact("Merci Zoé", roster, {"person": surrogate})) == [("IN01", ("person",))]


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_non_finite_floats_are_in04_at_their_path(number: float) -> None:
    g = fixture_gep("validated")
    before = g.dumps()
    assert _malformed(
        lambda: g.announce(datetime(2026, 2, 1, 9, tzinfo=timezone.utc), ORGANISER, ic_site=True, mailing_list=True, cap=number)
    ) == [("IN04", ("action", "cap"))]
    command = {**fixture_commands("announced")[2]}
    command["action"] = {**command["action"], "cap": number}
    assert _malformed(lambda: g.apply(command)) == [("IN04", ("action", "cap"))]
    assert g.dumps() == before
    still_works(g)
    request = {"attendees": [{"id": NEWCOMER}], "rounds": number, "method": "rotation"}
    assert _malformed(lambda: gep.plan_tables(request)) == [("IN04", ("rounds",))]


def test_none_where_a_number_or_a_text_belongs_is_coded() -> None:
    g = fixture_gep("announced")
    before = g.dumps()
    register = json.loads(json.dumps(fixture_commands("announced")[3]["action"]))
    del register["type"]
    register["person"] = {**register["person"], "id": NEWCOMER, "email": "zoe@exemple.fr", "given_name": None}
    assert _malformed(lambda: g.register(AT, NEWCOMER, register)) == [("IN04", ("action", "person", "given_name"))]
    assert _malformed(lambda: g.cancel(AT, ORGANISER, reason=None)) == [("IN04", ("action", "reason"))]
    assert _malformed(lambda: g.apply(_cancel(None))) == [("IN04", ("action", "reason"))]
    assert _malformed(lambda: g.cancel(None, ORGANISER, reason="x")) == [("IN05", ("at",))]  # type: ignore[arg-type]
    assert _malformed(lambda: g.cancel(AT, None, reason="x")) == [("IN04", ("actor",))]  # type: ignore[arg-type]
    assert _malformed(lambda: g.apply({**_cancel("x"), "at": None})) == [("IN04", ("at",))]
    assert g.dumps() == before
    still_works(g)
    reported = fixture_gep("reported")
    assert _malformed(
        lambda: reported.validate_report(AT + timedelta(days=60), "00000000-0000-0000-0000-000000000064", revision=None)
    ) == [("IN04", ("action", "revision"))]
    # None for an optional field is the field left out.
    validated = fixture_gep("validated")
    validated.announce(datetime(2026, 2, 1, 9, tzinfo=timezone.utc), ORGANISER, ic_site=True, mailing_list=True, cap=None)
    assert validated.state == "announced"
    # A whole argument of the wrong type is a programming error: TypeError.
    with pytest.raises(TypeError):
        gep.loads(None)  # type: ignore[arg-type]


def test_integers_past_64_bits_and_booleans_for_numbers_are_in04() -> None:
    g = fixture_gep("validated")
    at = datetime(2026, 2, 1, 9, tzinfo=timezone.utc)
    assert _malformed(lambda: g.announce(at, ORGANISER, ic_site=True, mailing_list=True, cap=2**64)) == [
        ("IN04", ("action", "cap"))
    ]
    assert _malformed(lambda: g.announce(at, ORGANISER, ic_site=True, mailing_list=True, cap=True)) == [
        ("IN04", ("action", "cap"))
    ]
    assert _malformed(lambda: g.announce(at, ORGANISER, ic_site=True, mailing_list=True, cap=-1)) == [
        ("IN04", ("action", "cap"))
    ]


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def test_python_values_nested_100000_deep_are_in04_not_a_recursion_error() -> None:
    g = fixture_gep("announced")
    before = g.dumps()
    deep = _nested(100_000)
    with pytest.raises(gep.MalformedInput) as caught:
        g.cancel(AT, ORGANISER, reason=deep)
    (v,) = caught.value.violations
    assert v.code == "IN04"
    assert v.path[:2] == ("action", "reason") and len(v.path) > 100
    with pytest.raises(gep.MalformedInput) as caught:
        g.apply({"at": "2026-03-01T10:00:00+01:00", "actor": ORGANISER, "action": deep})
    assert caught.value.codes == ["IN04"]
    d: dict[str, Any] = {}
    cursor = d
    for _ in range(100_000):
        cursor["a"] = {}
        cursor = cursor["a"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.plan_tables({"attendees": [], "rounds": 2, "method": "rotation", "options": d})
    assert caught.value.codes == ["IN04"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.scan("Merci Zoé", [{"id": NEWCOMER, "given_name": "Zoé", "family_name": "Perrin", "notes": deep}])
    assert caught.value.codes == ["IN04"]
    # A list that holds itself.
    cycle: list[Any] = []
    cycle.append(cycle)
    with pytest.raises(gep.MalformedInput) as caught:
        g.cancel(AT, ORGANISER, reason=cycle)
    assert caught.value.codes == ["IN04"]
    assert g.dumps() == before
    still_works(g)


def test_json_text_nested_100000_deep_is_in01() -> None:
    g = fixture_gep("announced")
    before = g.dumps()
    text = '{"at": "2026-03-01T10:00:00+01:00", "actor": "%s", "action": {"reason": %s' % (ORGANISER, "[" * 100_000)
    assert [c for c, _ in _malformed(lambda: g.apply(text))] == ["IN01"]
    assert [c for c, _ in _malformed(lambda: gep.loads("[" * 100_000))] == ["IN04"]
    assert g.dumps() == before
    still_works(g)


@pytest.mark.parametrize(
    "at",
    ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59.999999999-00:01"],
)
def test_a_timestamp_whose_utc_instant_python_cannot_hold_is_in05_when_read(at: str) -> None:
    command = json.loads(json.dumps(fixture_commands("proposed")[0]))
    command["at"] = command["action"]["charter"]["accepted_at"] = at
    g = gep.start(GEP_ID, command)
    assert json.loads(g.dumps())["events"][0]["at"] == at
    readers: list[Callable[[], datetime]] = [lambda: g.last_event_at, lambda: g.log[0].at]
    for read in readers:
        with pytest.raises(gep.MalformedInput) as caught:
            read()
        assert caught.value.codes == ["IN05"]


def test_every_timestamp_python_reads_compares_and_hashes() -> None:
    offsets = [timedelta(hours=-23, minutes=-59), timedelta(0), timedelta(hours=23, minutes=59)]
    for year, month, day in [(1, 1, 2), (9999, 12, 30)]:
        for offset in offsets:
            at = datetime(year, month, day, 12, tzinfo=timezone(offset)).isoformat()
            command = json.loads(json.dumps(fixture_commands("proposed")[0]))
            command["at"] = command["action"]["charter"]["accepted_at"] = at
            g = gep.start(GEP_ID, command)
            read = g.last_event_at
            assert read == datetime.fromisoformat(at)
            hash(read)
            read.astimezone(timezone.utc)


def test_a_datetime_at_the_edge_of_pythons_range_round_trips_or_is_coded() -> None:
    g = fixture_gep("announced")
    edge = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(-timedelta(hours=23, minutes=59)))
    g.request_support(edge, ORGANISER, topic="une salle")
    with pytest.raises(gep.MalformedInput) as caught:
        g.last_event_at
    assert caught.value.codes == ["IN05"]
    assert gep.loads(g.dumps()) == g


def test_registrations_one_by_one_stop_at_max_registrations() -> None:
    announced = fixture_gep("announced").dumps()
    g = gep.loads(announced.split(',{"at":"2026-02-02T08:00:00+01:00"')[0] + "]}")
    assert g.state == "announced" and len(g.log) == 3
    started = time.monotonic()
    limit = 2_000

    def register(k: int) -> None:
        person = f"00000000-0000-0000-0000-{100_000 + k:012d}"
        g.register(
            AT,
            person,
            person={"id": person, "given_name": "Léa", "family_name": "Martin", "email": f"p{k}@exemple.fr", "ic_status": "member"},
            role="participant",
            accepted_confidentiality=True,
        )

    for k in range(limit):
        register(k)
    before = g.dumps()
    with pytest.raises(gep.MalformedInput) as caught:
        register(limit)
    assert caught.value.codes == ["IN09"]
    assert g.dumps() == before
    still_works(g)
    assert time.monotonic() - started < SLOW


class _ChangingOffset(tzinfo):
    """A pure-Python tzinfo, as dateutil's and pytz's are, whose
    ``utcoffset`` runs code: here it changes a dict and reads a GEP."""

    def __init__(self, changes: dict[str, Any], reads: Optional[gep.Gep] = None) -> None:
        self.changes, self.reads = changes, reads
        self.seen: list[str] = []

    def utcoffset(self, dt: Optional[datetime]) -> timedelta:
        self.changes[f"k{len(self.changes)}"] = "added"
        if self.reads is not None:
            self.seen.append(self.reads.state)
        return timedelta(hours=1)

    def dst(self, dt: Optional[datetime]) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: Optional[datetime]) -> str:
        return "+01:00"


def test_a_dict_changed_while_it_is_read_is_read_as_it_was() -> None:
    g = fixture_gep("announced")
    before = g.dumps()
    reason: dict[str, Any] = {}
    reason.update(a=datetime(2026, 1, 1, tzinfo=_ChangingOffset(reason)), b="x")
    # The pairs are read first; the dict given as the reason is IN04 (a
    # reason is text), never a panic.
    assert _malformed(lambda: g.cancel(AT, ORGANISER, reason=reason)) == [("IN04", ("action", "reason"))]
    assert g.dumps() == before
    still_works(g)


def test_python_code_run_during_a_call_may_read_the_same_gep() -> None:
    g = fixture_gep("announced")
    offset = _ChangingOffset({}, reads=g)
    at = datetime(2026, 3, 1, 10, 0, tzinfo=offset)
    # The tzinfo reads the GEP while its own command is being read.
    g.request_support(at, ORGANISER, topic="compte-rendu")
    assert offset.seen and set(offset.seen) == {"announced"}
    assert g.log[-1].type == "support_requested"


def test_a_gep_shared_between_threads_never_finds_itself_busy() -> None:
    g = fixture_gep("announced")
    before = g.dumps()
    errors: list[BaseException] = []
    done = threading.Event()
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)

    def writer() -> None:
        try:
            for _ in range(300):
                # Refused (an unknown actor): every refusal makes an
                # exception, whose __init__ is Python code.
                with pytest.raises(gep.CharterViolation):
                    g.cancel(AT, NEWCOMER, reason="x")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            done.set()

    def reader() -> None:
        try:
            while not done.is_set():
                assert g.state == "announced"
                g.snapshot()
                assert g == g
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    try:
        threads = [threading.Thread(target=writer), threading.Thread(target=reader), threading.Thread(target=reader)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(switch)
    assert errors == []
    assert g.dumps() == before


class _HugeSequence(collections.abc.Sequence[int]):
    """A sequence that claims 2**62 items: never read as bytes."""

    def __len__(self) -> int:
        return 2**62

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, int) and i < 2:
            return 123
        raise IndexError


def test_only_str_bytes_bytearray_and_memoryview_are_read_as_text() -> None:
    document = fixture_gep("announced").dumps()
    data = document.encode("utf-8")
    for text in (bytearray(data), memoryview(data)):
        assert gep.loads(text) == gep.loads(document)
    for value in (_HugeSequence(), range(10), array.array("B", data[:10])):
        with pytest.raises(TypeError):
            gep.loads(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            gep.start(GEP_ID, value)  # type: ignore[arg-type]
    request = b'{"attendees": [{"id": "00000000-0000-0000-0000-000000000001"}], "rounds": 1, "method": "rotation"}'
    want = gep.plan_tables(request).rounds
    assert gep.plan_tables(bytearray(request)).rounds == want
    assert gep.plan_tables(memoryview(request)).rounds == want


def test_the_python_helpers_refuse_what_is_not_a_gep_or_a_file() -> None:
    g = fixture_gep("announced")
    for value in (None, "x", 42):
        with pytest.raises(TypeError):
            gep.dumps(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            gep.dump(value, io.StringIO())  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            gep.load(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gep.dump(g, None)  # type: ignore[arg-type]
