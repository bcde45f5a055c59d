"""The native module (Rust, ``gep-py/src``). Hand-kept: ``python -m
mypy.stubtest gep`` checks it against the built module."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Literal, Optional, Union, final

from gep._types import Code, FindingKind, PathSegment, RuleSeverity, Severity, State

__all__ = [
    "FORMAT_VERSION",
    "MAX_DOCUMENT_BYTES",
    "RULE_CODES",
    "Finding",
    "Gep",
    "LogEntry",
    "Rule",
    "Scanner",
    "TablePlan",
    "Violation",
    "__version__",
    "best_practices",
    "loads",
    "plan_tables",
    "propose",
    "redact",
    "rules",
    "scan",
    "start",
]

#: Every rule code, in the order of the core's table.
RULE_CODES: tuple[Code, ...]
#: The version of the document format this library reads and writes.
FORMAT_VERSION: int
#: The largest document accepted, in bytes (``IN09``).
MAX_DOCUMENT_BYTES: int
__version__: str

#: An id: a ``str`` or a ``uuid.UUID``.
_Id = Union[str, uuid.UUID]
#: A command or a document as JSON text, or a command as a dict.
_Text = Union[str, bytes, bytearray, memoryview]

@final
class Violation:
    """One broken rule. Callers branch on ``code``, never on the messages."""

    def __new__(
        cls,
        code: Code,
        severity: Severity,
        path: tuple[PathSegment, ...] | list[PathSegment],
        message_fr: str,
        message_en: str,
        context: Optional[Mapping[str, str]] = None,
    ) -> Violation: ...
    @property
    def code(self) -> Code: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def path(self) -> tuple[PathSegment, ...]:
        """Where in the input: keys and indices, as pydantic's ``loc``."""
    @property
    def message_fr(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def context(self) -> dict[str, str]: ...
    @property
    def is_error(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Violation], tuple[Any, ...]]: ...

@final
class Rule:
    """One rule of the catalogue."""

    @property
    def code(self) -> Code: ...
    @property
    def severity(self) -> RuleSeverity: ...
    @property
    def applies_at(self) -> str: ...
    @property
    def charter(self) -> bool: ...
    @property
    def title_fr(self) -> str: ...
    @property
    def title_en(self) -> str: ...

@final
class LogEntry:
    """One entry of the event log."""

    @property
    def at(self) -> datetime:
        """When, as an aware datetime with the offset it was written with.
        ``MalformedInput`` (``IN05``) for a timestamp Python cannot hold
        (year 0, a leap second, an instant outside years 1-9999 in UTC)."""
    @property
    def actor(self) -> str: ...
    @property
    def type(self) -> str:
        """The event's name, e.g. ``"registered"``."""
    @property
    def event(self) -> dict[str, Any]:
        """The event as in the document, with its ``type``."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Gep:
    """A GEP and its event log. Each lifecycle method takes an aware
    ``datetime``, the actor's id, and the payload as a dict and/or keyword
    arguments (``schemas/command.schema.json``); it returns the warnings the
    command raised, or raises ``CharterViolation`` / ``MalformedInput`` and
    leaves the GEP unchanged."""

    @classmethod
    def propose(
        cls,
        gep_id: _Id,
        at: datetime,
        actor: _Id,
        proposal: Optional[Mapping[str, Any]] = None,
        /,
        **fields: Any,
    ) -> Gep: ...
    @classmethod
    def loads(cls, data: _Text, /) -> Gep: ...
    def apply(self, command: Union[Mapping[str, Any], _Text], /) -> list[Violation]:
        """Applies a whole command ``{"at": …, "actor": …, "action": {…}}``."""
    def validate(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def decline(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def announce(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def cancel(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def register(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def withdraw(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def hold(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def report(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def validate_report(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def object_to_report(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def revise(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def approve(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def request_support(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def give_consent(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def withdraw_consent(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    def purge_personal_data(
        self, at: datetime, actor: _Id, payload: Optional[Mapping[str, Any]] = None, /, **fields: Any
    ) -> list[Violation]: ...
    @property
    def state(self) -> State: ...
    @property
    def id(self) -> str: ...
    @property
    def organiser(self) -> str: ...
    @property
    def warnings(self) -> list[Violation]:
        """Every warning kept so far."""
    @property
    def log(self) -> list[LogEntry]:
        """The event log, oldest first."""
    @property
    def last_event_at(self) -> datetime:
        """When the last event happened, as ``LogEntry.at``."""
    def ic_record(self) -> dict[str, Any]:
        """The IC record (OR08) of an approved GEP; ``CharterViolation``
        (OR08) before it is approved."""
    def contact_list(self, requester: _Id, /) -> list[dict[str, str]]:
        """The contact list (DE10) for an attendee: the attendees who
        consented; ``CharterViolation`` (DE10) otherwise."""
    def snapshot(self) -> dict[str, Any]:
        """The current state for display (``schemas/snapshot.schema.json``)."""
    def dumps(self, *, pretty: bool = False) -> str:
        """The document: the event log as JSON."""
    def copy(self) -> Gep: ...
    def __copy__(self) -> Gep: ...
    def __deepcopy__(self, memo: Any, /) -> Gep: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

def loads(data: _Text, /) -> Gep:
    """Loads a document (``str``, or UTF-8 ``bytes``): parses it and replays
    every event through the state machine."""

def start(gep_id: _Id, command: Union[Mapping[str, Any], _Text], /) -> Gep:
    """Starts a GEP from a whole ``propose`` command."""

def propose(
    gep_id: _Id,
    at: datetime,
    actor: _Id,
    proposal: Optional[Mapping[str, Any]] = None,
    /,
    **fields: Any,
) -> Gep:
    """Starts a GEP: an IC member proposes it."""

def rules() -> list[Rule]:
    """The rules catalogue, in the order of the core's table."""

@final
class Finding:
    """Something the scanner found; ``start`` and ``end`` count code points,
    so ``text[f.start:f.end] == f.text``."""

    @property
    def kind(self) -> FindingKind: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def code(self) -> Code: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def person(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

#: A roster: a ``Gep`` (its people) or people as dicts (``id``,
#: ``given_name``, ``family_name``, optionally ``email``, ``phone``,
#: ``organisation``).
_Roster = Union[Gep, Iterable[Mapping[str, Any]]]

@final
class Scanner:
    """The anonymisation scanner (DE08) for one roster: build it once, scan
    many texts."""

    def __new__(cls, roster: _Roster, /) -> Scanner: ...
    def scan(self, text: str, /) -> list[Finding]:
        """Every finding, in text order, never overlapping.
        ``MalformedInput`` for a text with lone surrogates (``IN01``) or
        larger than ``MAX_DOCUMENT_BYTES`` (``IN09``), as ``redact`` and
        ``best_practices``."""
    def redact(self, text: str, /, placeholders: Optional[Mapping[str, str]] = None) -> str:
        """The text anonymised with placeholders (``[personne A]``,
        ``[courriel]``, ``[téléphone]``, ``[organisation]`` by default)."""

def scan(text: str, roster: _Roster, /) -> list[Finding]:
    """As ``Scanner(roster).scan(text)``."""

def redact(text: str, roster: _Roster, /, placeholders: Optional[Mapping[str, str]] = None) -> str:
    """As ``Scanner(roster).redact(text, placeholders)``."""

def best_practices(text: str, /) -> list[Finding]:
    """Where a text frames its content as best practices (PR02 warnings)."""

@final
class TablePlan:
    """A table plan for the day (DE03). People are indices into the
    request's ``attendees``; rounds and tables count from 0 (the exports
    count from 1)."""

    @property
    def table_sizes(self) -> list[int]: ...
    @property
    def rounds(self) -> list[list[list[int]]]:
        """Round → table → people."""
    @property
    def measures(self) -> dict[str, Any]: ...
    @property
    def warnings(self) -> list[Violation]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_rounds(self) -> list[dict[str, Any]]:
        """The rounds to record at ``hold``, with the attendees' ids."""
    def itineraries(self) -> list[dict[str, Any]]: ...
    def to_markdown(self, lang: Literal["fr", "en"] = "fr") -> str: ...
    def tables_csv(self) -> str: ...
    def itineraries_csv(self) -> str: ...

def plan_tables(request: Union[Mapping[str, Any], _Text], /) -> TablePlan:
    """A table plan for the day: ``attendees`` (``id``, optional ``name``,
    ``organisation``, ``facilitator``), ``rounds``, ``method``
    (``rotation``, ``world_cafe``, ``ambassadors``), optional ``seed`` and
    ``options`` (``apart``, ``leave_out_facilitators``, ``effort``). The
    same request and seed give the same plan."""
