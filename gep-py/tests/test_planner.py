"""The table planner (DE03) from Python."""

from __future__ import annotations

import json
from typing import Any

import pytest

import gep


def request(n: int = 37, rounds: int = 3, method: str = "world_cafe", seed: int = 42) -> dict[str, Any]:
    return {
        "attendees": [
            {
                "id": f"00000000-0000-0000-0000-{100 + i:012d}",
                "name": f"Personne {i}",
                **({"organisation": "Métropole de Lyon"} if i % 5 == 0 else {}),
            }
            for i in range(n)
        ],
        "rounds": rounds,
        "method": method,
        "seed": seed,
    }


def test_a_plan_and_its_exports() -> None:
    plan = gep.plan_tables(request())
    assert plan.table_sizes == [6, 6, 5, 5, 5, 5, 5]
    assert len(plan.rounds) == 3
    seated = sorted(p for table in plan.rounds[0] for p in table)
    assert seated == list(range(37))
    assert plan.measures["repeats"] == 0
    assert plan.warnings == []
    assert plan.to_dict()["rounds"] == plan.rounds
    assert len(plan.itineraries()) == 37
    rounds = plan.to_rounds()
    assert len(rounds) == 3 and rounds[0]["subgroups"]
    assert "| Table |" in plan.to_markdown("fr")
    assert plan.to_markdown("en") != plan.to_markdown()
    assert plan.tables_csv().startswith("round,table,")
    assert plan.itineraries_csv().count("\n") >= 37
    assert "37 people" in repr(plan)
    with pytest.raises(ValueError):
        plan.to_markdown("de")  # type: ignore[arg-type]


def test_the_same_seed_gives_the_same_plan() -> None:
    assert gep.plan_tables(request()).to_dict() == gep.plan_tables(json.dumps(request())).to_dict()
    assert gep.plan_tables(request()).to_dict() == gep.plan_tables(json.dumps(request()).encode()).to_dict()


def test_small_groups_get_a_de03_warning() -> None:
    plan = gep.plan_tables(request(n=4, rounds=2, method="rotation"))
    assert {w.code for w in plan.warnings} == {"DE03"}
    assert all(w.severity == "warning" for w in plan.warnings)


def test_malformed_requests() -> None:
    with pytest.raises(gep.MalformedInput) as caught:
        gep.plan_tables({**request(), "method": "speed_dating"})
    assert caught.value.codes == ["IN04"]
    assert caught.value.violations[0].path == ("method",)
    with pytest.raises(gep.MalformedInput) as caught:
        gep.plan_tables({**request(), "rounds": 0})
    assert caught.value.codes == ["IN07"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.plan_tables(b"\xff")
    assert caught.value.codes == ["IN01"]
    with pytest.raises(gep.MalformedInput) as caught:
        gep.plan_tables({**request(), "rounds": 10_000})
    assert caught.value.codes == ["IN09"]


def test_pairs_that_cannot_sit_apart_are_refused() -> None:
    r = request(n=4, rounds=1, method="rotation")
    ids = [a["id"] for a in r["attendees"]]
    with pytest.raises(gep.CharterViolation) as caught:
        gep.plan_tables({**r, "options": {"apart": [[ids[0], ids[1]]]}})
    assert "DE03" in caught.value.codes
    assert ("options", "apart", 0) in [v.path for v in caught.value.errors]
