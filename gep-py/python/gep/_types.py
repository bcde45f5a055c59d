"""Literal types of the wire values, hand-kept.

``tests/test_drift.py`` fails when one of them drifts from the Rust core:
``Code`` from ``gep-core/src/code_table.rs`` and ``gep.RULE_CODES``,
``State`` and ``Severity`` from the JSON Schemas in ``schemas/``.
"""

from __future__ import annotations

from typing import Literal, Union

__all__ = ["Code", "FindingKind", "PathSegment", "RuleSeverity", "Severity", "State"]

#: A stable rule code (``PR``, ``DE``, ``OR``: the charter's rules; ``IN`` input, ``LC`` lifecycle).
Code = Literal[
    "PR01", "PR02", "PR03", "PR04", "PR05", "PR06", "PR07",
    "DE01", "DE02", "DE03", "DE04", "DE05", "DE06", "DE07", "DE08", "DE09", "DE10", "DE11", "DE12",
    "OR01", "OR02", "OR03", "OR04", "OR05", "OR06", "OR07", "OR08", "OR09",
    "IN01", "IN02", "IN03", "IN04", "IN05", "IN06", "IN07", "IN08", "IN09",
    "LC01", "LC02", "LC03", "LC04", "LC05", "LC06",
]  # fmt: skip

#: The state of a GEP.
State = Literal[
    "proposed", "validated", "announced", "held", "reported", "approved", "declined", "cancelled"
]

#: The severity of a violation: an error refuses, a warning is kept.
Severity = Literal["error", "warning"]

#: The severity of a rule in the charter's table.
RuleSeverity = Literal["error", "warning", "attested", "informative"]

#: One step of a violation's path: an object key or an array index.
PathSegment = Union[str, int]

#: What the anonymisation scanner found.
FindingKind = Literal["name", "email", "phone", "organisation", "best_practice"]
