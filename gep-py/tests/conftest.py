"""Shared fixtures: the repository's paths and the sample GEP's commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
FIXTURES = REPO / "tests" / "fixtures"
GEP_ID = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11"


def fixture_commands(name: str) -> list[dict[str, Any]]:
    """The commands of a conformance fixture (``tests/fixtures/NAME.json``)."""
    commands: list[dict[str, Any]] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    return commands


@pytest.fixture
def held_commands() -> list[dict[str, Any]]:
    return fixture_commands("held")


@pytest.fixture
def reported_commands() -> list[dict[str, Any]]:
    return fixture_commands("reported")
