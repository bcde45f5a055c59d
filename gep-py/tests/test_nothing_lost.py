"""Nothing is lost by a refusal: for every conformance vector whose last step
is refused (``tests/vectors/``), and for every adversarial case that applies
a command (``tests/adversarial/``), the ``Gep`` saved after the refusal is
byte-identical to its save before the attempt, and the same handle then
takes a valid command.

Vector commands go through ``Gep.apply`` (the whole command) and through
the lifecycle method (``g.register(at, actor, payload)``); refused exports
(the contact list, the IC record) through their methods.
"""

from __future__ import annotations

import json
from typing import Any, Optional

import pytest

import gep
from cases import Json, expand, given_gep, load_cases, still_works
from conftest import FIXTURES, GEP_ID, VECTORS

FIXTURE_COMMANDS = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(FIXTURES.glob("*.json"))}
LIFECYCLE = {
    "validate", "decline", "announce", "cancel", "register", "withdraw", "hold", "report", "validate_report",
    "object_to_report", "revise", "approve", "request_support", "give_consent", "withdraw_consent",
    "purge_personal_data",
}  # fmt: skip


def _refused_vectors() -> list[dict[str, Json]]:
    out = []
    for path in sorted(VECTORS.glob("*.json")):
        for vector in json.loads(path.read_text("utf-8")):
            if "document" in vector or "document_text" in vector or not vector["expect"]["violations"]:
                continue
            commands = FIXTURE_COMMANDS.get(vector.get("given", ""), []) + vector.get("commands", [])
            if "export" not in vector and len(commands) < 2:
                continue  # a refused `propose`: no GEP before the attempt
            out.append(vector)
    return out


REFUSED = _refused_vectors()
COMMANDS = [v for v in REFUSED if "export" not in v]
EXPORTS = [v for v in REFUSED if "export" in v]
ADVERSARIAL = [(f, c) for f, c in load_cases() if c["entry"] == "apply" and c["expect"]["status"] != "ok"]


def _up_to_refusal(vector: dict[str, Json]) -> tuple[gep.Gep, Optional[Json]]:
    """The GEP before the refused step, and the refused command (``None``
    for an export)."""
    commands = FIXTURE_COMMANDS.get(vector.get("given", ""), []) + vector.get("commands", [])
    last: Optional[Json] = None
    if "export" not in vector:
        commands, last = commands[:-1], commands[-1]
    g = gep.start(vector.get("gep_id", GEP_ID), commands[0])
    for command in commands[1:]:
        g.apply(command)
    return g, last


def _by_method(g: gep.Gep, command: Json) -> bool:
    """Applies ``command`` through its lifecycle method, when it can be
    written so; whether it could."""
    if not isinstance(command, dict) or set(command) != {"at", "actor", "action"}:
        return False
    action = command["action"]
    if not isinstance(action, dict) or action.get("type") not in LIFECYCLE:
        return False
    payload = {k: v for k, v in action.items() if k != "type"}
    getattr(g, action["type"])(command["at"], command["actor"], payload)
    return True


def test_the_refusals_are_found() -> None:
    # At least as many as today, so that these tests cannot pass on nothing.
    assert len(COMMANDS) >= 80
    assert len(EXPORTS) >= 4
    assert len(ADVERSARIAL) >= 50


@pytest.mark.parametrize("route", ["apply", "method"])
@pytest.mark.parametrize("vector", COMMANDS, ids=[v["name"] for v in COMMANDS])
def test_a_refused_vector_command_loses_nothing(vector: dict[str, Json], route: str) -> None:
    g, command = _up_to_refusal(vector)
    assert command is not None
    before = g.dumps()
    with pytest.raises(gep.GepError) as caught:
        if route == "apply" or not _by_method(g, command):
            g.apply(command)
    assert sorted(v.code for v in caught.value.violations if v.is_error) == sorted(vector["expect"]["violations"])
    assert g.dumps() == before, "a refused command changed the GEP"
    still_works(g)


@pytest.mark.parametrize("vector", EXPORTS, ids=[v["name"] for v in EXPORTS])
def test_a_refused_export_loses_nothing(vector: dict[str, Json]) -> None:
    g, _ = _up_to_refusal(vector)
    before = g.dumps()
    export = vector["export"]
    with pytest.raises(gep.CharterViolation):
        if export["type"] == "contact_list":
            g.contact_list(export["requester"])
        else:
            g.ic_record()
    assert g.dumps() == before
    still_works(g)


@pytest.mark.parametrize(("file", "case"), ADVERSARIAL, ids=[c["name"] for _, c in ADVERSARIAL])
def test_a_refused_adversarial_command_loses_nothing(file: str, case: dict[str, Any]) -> None:
    g = given_gep(case)
    before = g.dumps()
    awaits = f" [awaits: {case['awaits']}]" if "awaits" in case else ""
    with pytest.raises(gep.GepError):
        g.apply(expand(case["input"]))
        pytest.fail(f"{file}: {case['name']} was accepted{awaits}")
    assert g.dumps() == before, f"{file}: {case['name']}"
    still_works(g)
