"""Loading the benchmark document: ``gep.loads`` against pydantic v2's
``model_validate_json`` on an equivalent model, side by side in one run.

    python gep-py/bench/bench_load.py [--rounds N]

The document is ``tests/documents/benchmark.json`` (written by
``gep_core::sample::benchmark_gep()``: 44 KB, a hundred-odd events). ``gep.loads``
parses it **and** replays every event through the state machine, checking
every rule of the charter; the pydantic model below only parses and
validates the shape (types, required and unknown fields, aware datetimes,
UUIDs, the ``type`` tags), which is a lower bar. ``json.loads`` is given
for reference.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path
from typing import Annotated, Callable, Literal, Optional, Union
from uuid import UUID

import pydantic
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

import gep
from gep._types import Code

DOCUMENT = Path(__file__).resolve().parents[2] / "tests" / "documents" / "benchmark.json"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The document format (schemas/document.schema.json), as pydantic models.
class Person(Model):
    id: UUID
    given_name: str
    family_name: str
    email: str
    phone: Optional[str] = None
    organisation: Optional[str] = None
    ic_status: Literal["member", "sympathiser", "non_member"]
    coordination_team: bool = False


class Slot(Model):
    start: AwareDatetime
    end: AwareDatetime


class Format(Model):
    kind: Literal["evening", "half_day", "full_day"]
    start: AwareDatetime
    end: AwareDatetime
    meal: Optional[Slot] = None


class Venue(Model):
    name: str
    address: Optional[str] = None
    city: str


class TeamMember(Model):
    person: UUID
    role: str


class CharterAcceptance(Model):
    accepted: bool
    version: str
    accepted_at: AwareDatetime


class Proposed(Model):
    type: Literal["proposed"]
    title: str
    theme: str
    questions: list[str]
    format: Format
    venue: Venue
    team: list[TeamMember] = []
    charter: CharterAcceptance
    people: list[Person]


class Meeting(Model):
    at: AwareDatetime
    coordination_members: list[UUID]


class Validated(Model):
    type: Literal["validated"]
    format: Format
    theme: str
    meeting: Meeting
    people: list[Person] = []


class Declined(Model):
    type: Literal["declined"]
    reason: str


class Cancelled(Model):
    type: Literal["cancelled"]
    reason: str


class Announced(Model):
    type: Literal["announced"]
    ic_site: bool
    mailing_list: bool
    members_only: bool = False
    cap: Optional[int] = Field(default=None, ge=0, le=2**32 - 1)
    registration_form: Optional[str] = None


class Registered(Model):
    type: Literal["registered"]
    person: Person
    role: str
    accepted_confidentiality: bool
    on_behalf_of: Optional[str] = None
    purpose: Optional[str] = None


class Withdrew(Model):
    type: Literal["withdrew"]
    person: UUID


class Admitted(Model):
    type: Literal["admitted_from_waiting_list"]
    person: UUID


class WalkIn(Model):
    person: Person
    role: str
    accepted_confidentiality: bool


class Round(Model):
    method: Optional[str] = None
    subgroups: list[list[UUID]]


class QuestionOutcome(Model):
    question: int = Field(ge=0)
    outcome: Literal["adopted", "reformulated", "set_aside"]
    wording: Optional[str] = None


class CaseStudy(Model):
    presenter: UUID
    title: str


class HandedOut(Model):
    kind: str
    title: str
    description: Optional[str] = None


class Attestation(Model):
    attested: bool
    by: UUID
    at: AwareDatetime


class Held(Model):
    type: Literal["held"]
    attendance: list[UUID]
    walk_ins: list[WalkIn] = []
    rounds: list[Round] = []
    questions: list[QuestionOutcome]
    added_questions: list[str] = []
    plenary: list[str] = []
    case_studies: list[CaseStudy] = []
    documents: list[HandedOut] = []
    no_promotion: Attestation
    no_recording: Attestation


class Synthesis(Model):
    questions: Optional[list[str]] = None
    resources: Optional[list[str]] = None
    follow_ups: Optional[list[str]] = None


class Waiver(Model):
    field: list[Union[int, str]]
    text: str
    occurrence: Optional[int] = None
    reason: str


class Reported(Model):
    type: Literal["reported", "revised"]
    author: UUID
    synthesis: Synthesis
    discussion: str
    evaluation: Optional[str] = None
    expectations: Optional[str] = None
    validation_deadline: Optional[AwareDatetime] = None
    waivers: list[Waiver] = []


class ReportValidated(Model):
    type: Literal["report_validated"]
    revision: int = Field(ge=0, le=2**32 - 1)


class ReportObjected(Model):
    type: Literal["report_objected"]
    revision: int = Field(ge=0, le=2**32 - 1)
    comment: str


class Approved(Model):
    type: Literal["approved"]


class SupportRequested(Model):
    type: Literal["support_requested"]
    topic: str


class NoPayload(Model):
    type: Literal["consent_given", "consent_withdrawn", "personal_data_purged"]


Event = Annotated[
    Union[
        Proposed,
        Validated,
        Declined,
        Announced,
        Cancelled,
        Registered,
        Withdrew,
        Admitted,
        Held,
        Reported,
        ReportValidated,
        ReportObjected,
        Approved,
        SupportRequested,
        NoPayload,
    ],
    Field(discriminator="type"),
]


class KeptWarning(Model):
    code: Code
    path: list[Union[int, str]]


class LogEntry(Model):
    at: AwareDatetime
    actor: UUID
    event: Event
    warnings: list[KeptWarning] = []


class Document(Model):
    version: Literal[1]
    gep_id: UUID
    events: list[LogEntry]


def measure(fn: Callable[[], object], seconds: float) -> float:
    """Documents per second over about `seconds`."""
    n = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(20):
            fn()
        n += 20
        now = time.perf_counter()
        if now >= deadline:
            return n / (now - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    text = DOCUMENT.read_text("utf-8")
    data = text.encode("utf-8")
    # Sanity: both read the document, and both refuse an unknown field.
    g = gep.loads(text)
    doc = Document.model_validate_json(text)
    assert g.state == "approved" and len(doc.events) == len(g.log)
    bad = text.replace('"version":1', '"version":1,"colour":"blue"', 1)
    for refuse in (lambda: gep.loads(bad), lambda: Document.model_validate_json(bad)):
        try:
            refuse()
        except ValueError:
            pass
        else:
            raise AssertionError("an unknown field was accepted")

    cases: dict[str, Callable[[], object]] = {
        "gep.loads(str)  (parse + replay + every rule)": lambda: gep.loads(text),
        "gep.loads(bytes)": lambda: gep.loads(data),
        "pydantic Document.model_validate_json(str)": lambda: Document.model_validate_json(text),
        "pydantic Document.model_validate_json(bytes)": lambda: Document.model_validate_json(data),
        "json.loads(str)  (reference: no model)": lambda: json.loads(text),
    }
    rates: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):  # interleaved, so that noise hits every case alike
        for name, fn in cases.items():
            rates[name].append(measure(fn, args.seconds))

    print(f"document: {DOCUMENT.name}, {len(data)} bytes, {len(g.log)} events")
    print(
        f"python {platform.python_version()}, pydantic {pydantic.VERSION}, gep {gep.__version__}; "
        f"median of {args.rounds} rounds of {args.seconds:.1f} s"
    )
    base = statistics.median(rates["pydantic Document.model_validate_json(str)"])
    print(f"{'case':<50} {'docs/s':>10} {'µs/doc':>9} {'vs pydantic(str)':>17}")
    for name, rs in rates.items():
        r = statistics.median(rs)
        print(f"{name:<50} {r:>10.0f} {1e6 / r:>9.1f} {r / base:>16.2f}×")


if __name__ == "__main__":
    main()
