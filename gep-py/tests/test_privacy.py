"""The scanner and redaction with spans in code points; the IC record and
the contact list."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import gep
from conftest import REPO, fixture_commands

ORGANISER = "00000000-0000-0000-0000-000000000001"
GUEST = "00000000-0000-0000-0000-000000000003"
ROSTER: list[dict[str, Any]] = [
    {
        "id": ORGANISER,
        "given_name": "Hélène",
        "family_name": "Dubois-Martin",
        "email": "helene.duboismartin@exemple.fr",
        "phone": "06 12 34 56 78",
        "organisation": "Métropole de Lyon",
        "ic_status": "member",  # ignored: the people of a document go as they are
    },
    {"id": GUEST, "given_name": "Françoise", "family_name": "Le Goff"},
]
BENCHMARK = REPO / "tests" / "documents" / "benchmark.json"


def check_spans(text: str, findings: list[gep.Finding]) -> None:
    for f in findings:
        assert text[f.start : f.end] == f.text, f
        assert f.to_dict()["start"] == f.start


@pytest.mark.parametrize(
    "text",
    [
        "Merci à Hélène Dubois-Martin et à Mme Le Goff.",
        "👋🏽 Merci à Hélène Dubois-Martin 🇫🇷 et à Mme Le Goff 🙏.",
        unicodedata.normalize("NFD", "Merci à Hélène Dubois-Martin et à Mme Le Goff (Françoise)."),
        "𝕳𝖊𝖑𝖑𝖔 — Hélène ! 😀😀😀 Le Goff",
    ],
)
def test_spans_are_code_points_on_accented_nfd_and_emoji_text(text: str) -> None:
    findings = gep.scan(text, ROSTER)
    assert [f.kind for f in findings][:1] == ["name"]
    people = {f.person for f in findings}
    assert people == {ORGANISER, GUEST}
    assert all(f.code == "DE08" and f.severity == "error" for f in findings)
    check_spans(text, findings)


def test_contact_details_and_organisations() -> None:
    text = "Écrire à helene.duboismartin@exemple.fr ou au 06 12 34 56 78 ; la Métropole de Lyon 🏙️ suit."
    findings = gep.scan(text, ROSTER)
    assert [(f.kind, f.severity) for f in findings] == [
        ("email", "error"),
        ("phone", "error"),
        ("organisation", "warning"),
    ]
    check_spans(text, findings)


def test_redaction() -> None:
    text = "👋 Hélène (helene.duboismartin@exemple.fr) et Mme Le Goff, puis Hélène encore."
    assert gep.redact(text, ROSTER) == "👋 [personne A] ([courriel]) et Mme [personne B], puis [personne A] encore."
    scanner = gep.Scanner(ROSTER)
    assert scanner.redact(text, {"person": "<{}>"}) == "👋 <A> ([courriel]) et Mme <B>, puis <A> encore."
    assert scanner.scan(text) == gep.scan(text, ROSTER)


def test_a_scanner_from_a_gep() -> None:
    g = gep.start("6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", fixture_commands("proposed")[0])
    findings = gep.Scanner(g).scan("Karim Benali a proposé ce GEP.")
    assert [f.text for f in findings] == ["Karim Benali"]


def test_best_practices() -> None:
    text = "😀 Diffuser un référentiel de Bonnes Pratiques"
    (f,) = gep.best_practices(text)
    assert (f.kind, f.code, f.severity) == ("best_practice", "PR02", "warning")
    check_spans(text, [f])
    assert "best_practice" in repr(f)


def test_a_malformed_roster() -> None:
    with pytest.raises(gep.MalformedInput) as caught:
        gep.scan("texte", [{"id": "x", "given_name": "A", "family_name": "B"}])
    assert caught.value.codes == ["IN04"]
    assert caught.value.violations[0].path == (0, "id")
    with pytest.raises(gep.MalformedInput) as caught:
        gep.scan("texte", [{"id": ORGANISER}])
    assert caught.value.codes == ["IN03"]
    with pytest.raises(gep.MalformedInput):
        gep.redact("texte", ROSTER, {"colour": "x"})
    with pytest.raises(gep.MalformedInput) as caught:
        gep.scan("lone \udcff", ROSTER)
    assert caught.value.codes == ["IN01"]


def approved() -> gep.Gep:
    return gep.loads(BENCHMARK.read_bytes())


def test_the_ic_record_of_an_approved_gep() -> None:
    g = approved()
    record = g.ic_record()
    assert record["gep_id"] == g.id
    assert set(record) == {"gep_id", "dates", "place", "theme", "participants", "synthesis"}
    assert record["place"]["city"] == "Lyon"
    assert "@" not in str(record)


def test_no_ic_record_before_approval() -> None:
    g = gep.start("6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", fixture_commands("proposed")[0])
    with pytest.raises(gep.CharterViolation) as caught:
        g.ic_record()
    assert caught.value.codes == ["OR08"]


def test_the_contact_list_holds_who_consented() -> None:
    commands = fixture_commands("held")
    g = gep.start("6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", commands[0])
    for c in commands[1:]:
        g.apply(c)
    at = datetime(2026, 4, 17, tzinfo=timezone(timedelta(hours=2)))
    assert g.contact_list(ORGANISER) == []
    g.give_consent(at, GUEST)
    (contact,) = g.contact_list(ORGANISER)
    assert contact["person"] == GUEST
    assert set(contact) == {"person", "given_name", "family_name", "email"}
    g.withdraw_consent(at + timedelta(hours=1), GUEST)
    assert g.contact_list(ORGANISER) == []
    with pytest.raises(gep.CharterViolation) as caught:
        g.contact_list("00000000-0000-0000-0000-000000000099")
    assert caught.value.codes == ["DE10"]
    with pytest.raises(gep.MalformedInput) as malformed:
        g.contact_list("nobody")
    assert malformed.value.violations[0].path == ("requester",)


def test_the_benchmark_document_loads(tmp_path: Path) -> None:
    g = approved()
    assert g.state == "approved"
    assert g.dumps() == BENCHMARK.read_text("utf-8")
