"""The charter of the *Groupes d'échange de pratiques* (GEP), enforced.

A thin layer over the Rust core ``gep-core``: the same rules, codes and
messages as the IC website, with Python's habits::

    import gep
    from datetime import datetime, timezone

    g = gep.loads(open("lyon.json", "rb").read())
    g.state                      # "announced"
    try:
        g.register(datetime.now(timezone.utc), person_id, person=..., role="observer",
                   accepted_confidentiality=True)
    except gep.CharterViolation as e:
        for v in e.violations:
            print(v.code, v.path, v.message_fr)

Exceptions: ``GepError`` (base), ``CharterViolation`` (refused by the charter
or the lifecycle) and ``MalformedInput`` (unreadable input), both also
``ValueError``. Datetimes are aware, in and out; a naive one is refused with
``MalformedInput`` (``IN05``).
"""

from __future__ import annotations

from typing import IO, Union

from gep._errors import CharterViolation, GepError, MalformedInput
from gep._gep import (
    FORMAT_VERSION,
    MAX_DOCUMENT_BYTES,
    RULE_CODES,
    Finding,
    Gep,
    LogEntry,
    Rule,
    Scanner,
    TablePlan,
    Violation,
    __version__,
    best_practices,
    loads,
    plan_tables,
    propose,
    redact,
    rules,
    scan,
    start,
)
from gep._types import Code, FindingKind, PathSegment, RuleSeverity, Severity, State

__all__ = [
    "FORMAT_VERSION",
    "MAX_DOCUMENT_BYTES",
    "RULE_CODES",
    "CharterViolation",
    "Code",
    "Finding",
    "FindingKind",
    "Gep",
    "GepError",
    "LogEntry",
    "MalformedInput",
    "PathSegment",
    "Rule",
    "RuleSeverity",
    "Scanner",
    "Severity",
    "State",
    "TablePlan",
    "Violation",
    "__version__",
    "best_practices",
    "dump",
    "dumps",
    "load",
    "loads",
    "plan_tables",
    "propose",
    "redact",
    "rules",
    "scan",
    "start",
]


def load(fp: IO[str] | IO[bytes]) -> Gep:
    """Loads a document from a file opened in text or binary mode.

    Raises ``MalformedInput`` or ``CharterViolation`` as ``loads``, and
    ``TypeError`` for what is not a file.
    """
    read = getattr(fp, "read", None)
    if not callable(read):
        raise TypeError(f"expected a file opened for reading, not {type(fp).__name__}")
    data: Union[str, bytes] = read()
    return loads(data)


def dumps(gep: Gep, *, pretty: bool = False) -> str:
    """The document of ``gep`` (its event log, as JSON); ``TypeError`` for
    what is not a ``Gep``."""
    return _gep_of(gep).dumps(pretty=pretty)


def dump(gep: Gep, fp: IO[str], *, pretty: bool = False) -> None:
    """Writes the document of ``gep`` to a file opened in text mode;
    ``TypeError`` for what is not a ``Gep`` or not a file."""
    text = _gep_of(gep).dumps(pretty=pretty)
    write = getattr(fp, "write", None)
    if not callable(write):
        raise TypeError(f"expected a file opened for writing, not {type(fp).__name__}")
    write(text)


def _gep_of(value: object) -> Gep:
    if not isinstance(value, Gep):
        raise TypeError(f"expected a gep.Gep, not {type(value).__name__}")
    return value
