"""Runs every conformance vector of ``tests/`` through Python, with the
semantics of the Rust runner (``gep-core/tests/conformance.rs``, described in
``tests/README.md``), and expects exactly its result.

Each vector runs twice: through ``gep.start``/``Gep.apply`` with the whole
commands (``route="apply"``), and through the typed API, ``gep.propose`` and
the lifecycle methods with keyword payloads, where a command can be written
so (``route="methods"``); documents go through ``gep.loads`` and ``gep.load``.
A vector's ``export`` (the contact list or the IC record) runs after the
commands, through ``Gep.contact_list`` and ``Gep.ic_record``.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

import pytest

import gep
from conftest import FIXTURES, GEP_ID, REPO, VECTORS

KNOWN_KEYS = {
    "name",
    "rules",
    "description",
    "given",
    "gep_id",
    "commands",
    "document",
    "document_text",
    "export",
    "expect",
}
EXPECT_KEYS = {"state", "violations", "warnings", "paths", "export"}
# The actions after `propose`, each a method of `gep.Gep`.
LIFECYCLE = {
    v["properties"]["type"]["const"]
    for v in json.loads((REPO / "schemas" / "command.schema.json").read_text("utf-8"))["$defs"]["Action"]["oneOf"]
} - {"propose"}

Json = Any


@dataclass
class Outcome:
    """What happened, in the shape of a vector's ``expect``."""

    state: Optional[str]
    violations: list[str]
    warnings: list[str]
    paths: Optional[list[list[Union[str, int]]]]
    export: Optional[Json] = None


def _path_key(path: list[Union[str, int]]) -> str:
    # serde_json's compact form, as the Rust runner sorts them.
    return json.dumps(path, separators=(",", ":"), ensure_ascii=False)


def _codes(vs: list[gep.Violation], severity: str) -> list[str]:
    return sorted(v.code for v in vs if v.severity == severity)


def _paths(vs: list[gep.Violation]) -> list[list[Union[str, int]]]:
    return sorted((list(v.path) for v in vs if v.severity == "error"), key=_path_key)


def _load_json(path: Path) -> Json:
    return json.loads(path.read_text("utf-8"))


def _fixtures() -> dict[str, list[Json]]:
    return {p.stem: _load_json(p) for p in sorted(FIXTURES.glob("*.json"))}


def _vectors() -> list[tuple[str, dict[str, Json]]]:
    out = []
    for path in sorted(VECTORS.glob("*.json")):
        for vector in _load_json(path):
            out.append((path.name, vector))
    return out


FIXTURE_COMMANDS = _fixtures()
ALL_VECTORS = _vectors()


class RunnerError(Exception):
    """The vector itself is wrong (a refusal before the end, a changed GEP)."""


def _round_trip(g: gep.Gep) -> None:
    saved = g.dumps()
    loaded = gep.loads(saved)
    if loaded != g:
        raise RunnerError("load(save(gep)) differs from gep")
    if loaded.dumps() != saved:
        raise RunnerError("second save differs from the first")


def _export(g: gep.Gep, export: dict[str, Json]) -> Json:
    """Runs a vector's export: the contact list or the IC record."""
    kind = export["type"]
    if kind == "contact_list" and set(export) == {"type", "requester"}:
        return g.contact_list(export["requester"])
    if kind == "ic_record" and set(export) == {"type"}:
        return g.ic_record()
    raise RunnerError(f"unknown export {export}")


def _accepted(g: gep.Gep, export: Optional[dict[str, Json]]) -> Outcome:
    """What an accepted run gives, with its export if any: the export's
    errors are the vector's violations, its value the vector's `export`."""
    _round_trip(g)
    outcome = Outcome(g.state, [], _codes(g.warnings, "warning"), [])
    if export is not None:
        try:
            outcome.export = _export(g, export)
        except gep.GepError as e:
            outcome.violations = _codes(e.violations, "error")
            outcome.paths = _paths(e.violations)
    return outcome


def _refusal(g: Optional[gep.Gep], error: gep.GepError) -> Outcome:
    if not error.violations:
        raise RunnerError(f"an error without violations (a bug): {error}")
    warnings = _codes(g.warnings, "warning") if g is not None else []
    warnings = sorted(warnings + _codes(error.violations, "warning"))
    return Outcome(
        g.state if g is not None else None,
        _codes(error.violations, "error"),
        warnings,
        _paths(error.violations),
    )


def _document_text(vector: dict[str, Json]) -> Optional[str]:
    if "document_text" in vector:
        text: str = vector["document_text"]
        return text
    if "document" in vector:
        # serde_json's `Value::to_string`: compact, keys sorted.
        return json.dumps(vector["document"], separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return None


def _by_method(g: Optional[gep.Gep], gep_id: str, command: Json) -> Optional[gep.Gep]:
    """Applies a command through ``gep.propose`` or a lifecycle method when
    it can be written so; returns the GEP, or raises ``LookupError`` when the
    command is not of that shape."""
    if not isinstance(command, dict) or set(command) != {"at", "actor", "action"}:
        raise LookupError
    at, actor, action = command["at"], command["actor"], command["action"]
    if not (isinstance(at, str) and isinstance(actor, str) and isinstance(action, dict)):
        raise LookupError
    kind = action.get("type")
    if not isinstance(kind, str):
        raise LookupError
    payload = {k: v for k, v in action.items() if k != "type"}
    if g is None and kind == "propose":
        # `at` stays the vector's text so that the core reads exactly it.
        return gep.propose(gep_id, at, actor, **payload)  # type: ignore[arg-type]
    if g is not None and kind in LIFECYCLE:
        getattr(g, kind)(at, actor, payload)
        return g
    raise LookupError


def run(vector: dict[str, Json], route: str) -> Outcome:
    gep_id: str = vector.get("gep_id", GEP_ID)
    export: Optional[dict[str, Json]] = vector.get("export")
    text = _document_text(vector)
    if text is not None:
        try:
            if route == "apply":
                g = gep.loads(text)
            else:
                g = gep.load(io.BytesIO(text.encode("utf-8")))
        except gep.GepError as e:
            if export is not None:
                raise RunnerError(f"the document of an export vector does not load: {e}") from e
            return _refusal(None, e)
        return _accepted(g, export)

    commands: list[tuple[bool, Json]] = []
    if "given" in vector:
        commands += [(True, c) for c in FIXTURE_COMMANDS[vector["given"]]]
    commands += [(False, c) for c in vector.get("commands", [])]
    total = len(commands)
    current: Optional[gep.Gep] = None
    for i, (from_fixture, command) in enumerate(commands):
        last = i + 1 == total
        before = current.dumps() if current is not None else None
        try:
            if route == "methods":
                try:
                    current = _by_method(current, gep_id, command)
                    continue
                except LookupError:
                    pass
            if current is None:
                current = gep.start(gep_id, command)
            else:
                current.apply(command)
        except gep.GepError as e:
            if not last or from_fixture or export is not None:
                raise RunnerError(f"command {i} refused before the end: {e}") from e
            if current is not None and current.dumps() != before:
                raise RunnerError("a refused command changed the document")
            return _refusal(current, e)
    if current is None:
        raise RunnerError("no command")
    return _accepted(current, export)


def expected(vector: dict[str, Json]) -> Outcome:
    e = vector["expect"]
    paths = e.get("paths")
    return Outcome(
        e["state"],
        sorted(e["violations"]),
        sorted(e["warnings"]),
        sorted(paths, key=_path_key) if paths is not None else None,
        e.get("export"),
    )


def test_vectors_are_found() -> None:
    assert len(ALL_VECTORS) >= 100
    names = [v["name"] for _, v in ALL_VECTORS]
    assert len(names) == len(set(names)), "duplicate vector names"


@pytest.mark.parametrize("route", ["apply", "methods"])
@pytest.mark.parametrize(("file", "vector"), ALL_VECTORS, ids=[v["name"] for _, v in ALL_VECTORS])
def test_vector(file: str, vector: dict[str, Json], route: str) -> None:
    unknown = (set(vector) - KNOWN_KEYS) | (set(vector["expect"]) - EXPECT_KEYS)
    assert not unknown, f"{file}: keys this runner does not know: {unknown}"
    for code in vector["rules"]:
        assert code in gep.RULE_CODES, f"unknown code {code}"
    want = expected(vector)
    got = run(vector, route)
    if want.paths is None:
        got.paths = None
    if want.export is None:
        got.export = None
    assert got == want
