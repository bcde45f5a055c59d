"""The adversarial cases of ``tests/adversarial/`` (``tests/README.md``,
"Adversarial cases"), as the Python runners read them: the generator that
expands an input, the GEP a case starts from, and the check that a GEP still
works after a refusal."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Union

import pytest

import gep
from conftest import GEP_ID, REPO, fixture_commands

ADVERSARIAL = REPO / "tests" / "adversarial"

Json = Any
Input = Union[str, dict[str, Any]]


def expand(spec: Input) -> str:
    """An input: inline text, or ``{"parts": [...]}`` whose parts are texts
    or repetitions (``{n}`` becomes the index from ``start``, as 12 digits)."""
    if isinstance(spec, str):
        return spec
    out: list[str] = []
    for part in spec["parts"]:
        if isinstance(part, str):
            out.append(part)
            continue
        repeat: str = part["repeat"]
        count: int = part["count"]
        start: int = part.get("start", 0)
        separator: str = part.get("separator", "")
        if "{n}" in repeat:
            out.append(separator.join(repeat.replace("{n}", f"{start + k:012d}") for k in range(count)))
        elif separator:
            out.append(separator.join([repeat] * count))
        else:
            out.append(repeat * count)
    return "".join(out)


def load_cases() -> list[tuple[str, dict[str, Json]]]:
    out = []
    for path in sorted(ADVERSARIAL.glob("*.json")):
        for case in json.loads(path.read_text("utf-8")):
            out.append((path.name, case))
    return out


@lru_cache(maxsize=None)
def _fixture_document(name: str) -> str:
    commands = fixture_commands(name)
    g = gep.start(GEP_ID, commands[0])
    for command in commands[1:]:
        g.apply(command)
    return g.dumps()


def fixture_gep(name: str) -> gep.Gep:
    """A fresh GEP at a conformance fixture's state."""
    return gep.loads(_fixture_document(name))


def given_gep(case: dict[str, Json]) -> gep.Gep:
    """The GEP an ``apply`` case's command is applied to."""
    if "given_document" in case:
        return gep.loads(expand(case["given_document"]))
    name: str = case["given"]
    return fixture_gep(name)


# A command every open state takes: the organiser asks for support, dated
# after anything the fixtures and vectors hold.
def follow_up(g: gep.Gep) -> dict[str, Json]:
    return {
        "at": "2099-01-01T00:00:00+00:00",
        "actor": g.organiser,
        "action": {"type": "request_support", "topic": "un lieu pour la prochaine séance"},
    }


def still_works(g: gep.Gep) -> None:
    """After a refusal the handle still works: it saves, its document loads
    back equal, and a valid command is accepted (a closed GEP refuses it with
    LC01, as any command)."""
    saved = g.dumps()
    assert gep.loads(saved) == g
    g.snapshot()
    if g.state in ("declined", "cancelled"):
        with pytest.raises(gep.CharterViolation) as caught:
            g.copy().apply(follow_up(g))
        assert caught.value.codes == ["LC01"]
        return
    events = len(g.log)
    g.apply(follow_up(g))
    assert len(g.log) == events + 1
    assert g.log[-1].type == "support_requested"
