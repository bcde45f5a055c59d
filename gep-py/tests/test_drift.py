"""The Python lists of codes and states must not drift from the Rust core
(as pydantic-core's test of its error types)."""

from __future__ import annotations

import json
import re
from typing import Any, get_args

import gep
from conftest import REPO

CODE_TABLE = REPO / "gep-core" / "src" / "code_table.rs"
SCHEMAS = REPO / "schemas"


def rust_codes() -> list[str]:
    """The codes of the Rust table, in its order."""
    text = CODE_TABLE.read_text("utf-8")
    return re.findall(r"^\s+([A-Z]{2}[0-9]{2}) =>", text, flags=re.MULTILINE)


def schema_consts(file: str, definition: str) -> list[str]:
    schema: dict[str, Any] = json.loads((SCHEMAS / file).read_text("utf-8"))
    return [variant["const"] for variant in schema["$defs"][definition]["oneOf"]]


def test_rule_codes_match_the_rust_table() -> None:
    codes = rust_codes()
    assert len(codes) >= 40
    assert list(gep.RULE_CODES) == codes


def test_code_literal_matches_the_rust_table() -> None:
    assert list(get_args(gep.Code)) == rust_codes()


def test_catalogue_matches_the_codes() -> None:
    rules = gep.rules()
    assert [r.code for r in rules] == list(gep.RULE_CODES)
    assert {r.severity for r in rules} <= set(get_args(gep.RuleSeverity))
    assert all(r.charter == (r.code[:2] in {"PR", "DE", "OR"}) for r in rules)
    assert all(r.title_fr and r.title_en for r in rules)


def test_code_literal_matches_the_schema() -> None:
    assert schema_consts("violation.schema.json", "Code") == list(get_args(gep.Code))


def test_state_literal_matches_the_schema() -> None:
    assert schema_consts("snapshot.schema.json", "State") == list(get_args(gep.State))


def test_severity_literal_matches_the_schema() -> None:
    assert schema_consts("violation.schema.json", "Severity") == list(get_args(gep.Severity))


def test_lifecycle_methods_match_the_command_schema() -> None:
    # Every action of the core is a method of `Gep` (`propose` starts one).
    actions = [v["properties"]["type"]["const"] for v in _action_variants()]
    assert actions[0] == "propose"
    missing = [a for a in actions[1:] if not callable(getattr(gep.Gep, a, None))]
    assert not missing, f"actions without a method: {missing}"


def _action_variants() -> list[dict[str, Any]]:
    schema: dict[str, Any] = json.loads((SCHEMAS / "command.schema.json").read_text("utf-8"))
    variants: list[dict[str, Any]] = schema["$defs"]["Action"]["oneOf"]
    return variants


def test_every_exported_name_exists() -> None:
    for name in gep.__all__:
        assert hasattr(gep, name), name
