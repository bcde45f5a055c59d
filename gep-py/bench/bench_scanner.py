"""The anonymisation scanner against scrubadub and Presidio, on the same
1 MB text and roster, side by side in one run.

    python gep-py/bench/bench_scanner.py [--megabytes 1] [--rounds 3]

The roster is the benchmark GEP's people (``tests/documents/benchmark.json``:
64 people with names, e-mail addresses, some phones and organisations). The
text is French prose, generated with a fixed seed, where those people are
named (full names, given or family names alone, in capitals, without
accents), with e-mail addresses, French phone numbers and organisations.

Each tool is configured to look for the same things, with no NLP model:
- gep: ``gep.Scanner(roster).scan(text)`` (names folded for case, accents and
  elision; any e-mail; any French phone; organisations of the roster);
- scrubadub: ``EmailDetector``, ``PhoneDetector`` (region FR) and a
  ``UserSuppliedFilthDetector`` with the roster's names and organisations;
- Presidio: ``AnalyzerEngine`` with its ``NoOpNlpEngine``, the
  ``EmailRecognizer``, the ``PhoneRecognizer`` (region FR) and deny-list
  ``PatternRecognizer``s for the names and the organisations.
Their findings differ (scrubadub and Presidio match names as written, gep
folds case and accents); the counts are printed beside the times.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import random
import statistics
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import gep

DOCUMENT = Path(__file__).resolve().parents[2] / "tests" / "documents" / "benchmark.json"

FILLER = [
    "Les échanges ont d'abord porté sur la difficulté à rejoindre les habitants qui ne se déplacent pas aux réunions publiques.",
    "Plusieurs participants ont décrit des démarches d'« aller vers » : permanences au pied des immeubles, présence sur les marchés.",
    "Le groupe a souligné que ces démarches demandent du temps et une présence régulière.",
    "Elles s'accommodent mal des calendriers contraints des projets de renouvellement urbain.",
    "La question du retour aux habitants a occupé la seconde partie de la matinée.",
    "Un tour de table a permis à chacun de dire ce qu'il retenait de la séance.",
]


def roster() -> list[dict[str, Any]]:
    """The people of the benchmark GEP, with their contact details."""
    document = json.loads(DOCUMENT.read_text("utf-8"))
    people: dict[str, dict[str, Any]] = {}
    for entry in document["events"]:
        event = entry["event"]
        for p in event.get("people", []):
            people[p["id"]] = p
        if event["type"] == "registered":
            people[event["person"]["id"]] = event["person"]
    return list(people.values())


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def make_text(people: list[dict[str, Any]], megabytes: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    orgs = [p["organisation"] for p in people if p.get("organisation")]
    parts: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        p = rng.choice(people)
        kind = rng.randrange(10)
        if kind == 0:
            s = f"Selon {p['given_name']} {p['family_name']}, il faut revenir vers les habitants."
        elif kind == 1:
            s = f"{p['family_name'].upper()} a rappelé l'expérience de son quartier."
        elif kind == 2:
            s = f"D'après {strip_accents(p['given_name'])}, la démarche a pris du temps."
        elif kind == 3:
            s = f"Écrire à {p['email']} pour les suites."
        elif kind == 4:
            s = f"Contact : 0{rng.randrange(1, 8)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}."
        elif kind == 5 and orgs:
            s = f"La démarche de {rng.choice(orgs)} a été discutée."
        else:
            s = rng.choice(FILLER)
        parts.append(s)
        size += len(s.encode("utf-8")) + 1
    return " ".join(parts)


def gep_case(people: list[dict[str, Any]], text: str) -> Callable[[], list[str]]:
    def run() -> list[str]:
        return [f.kind for f in gep.Scanner(people).scan(text)]

    return run


def scrubadub_case(people: list[dict[str, Any]], text: str) -> Callable[[], list[str]]:
    import scrubadub
    import scrubadub.detectors

    def run() -> list[str]:
        scrubber = scrubadub.Scrubber(detector_list=[], locale="fr_FR")
        scrubber.add_detector(scrubadub.detectors.EmailDetector)
        scrubber.add_detector(scrubadub.detectors.PhoneDetector)
        known = []
        for p in people:
            for name in {p["given_name"], p["family_name"], f"{p['given_name']} {p['family_name']}"}:
                known.append({"match": name, "filth_type": "name"})
            if p.get("organisation"):
                known.append({"match": p["organisation"], "filth_type": "organization"})
        scrubber.add_detector(scrubadub.detectors.UserSuppliedFilthDetector(known, locale="fr_FR"))
        return [f.type for f in scrubber.iter_filth(text)]

    return run


def presidio_case(people: list[dict[str, Any]], text: str) -> Callable[[], list[str]]:
    from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    # The e-mail recognizer validates domains with tldextract, which fetches
    # the public suffix list by default: use the snapshot it ships with.
    import tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    names = sorted(
        {n for p in people for n in (p["given_name"], p["family_name"], f"{p['given_name']} {p['family_name']}")}
    )
    orgs = sorted({p["organisation"] for p in people if p.get("organisation")})

    def run() -> list[str]:
        registry = RecognizerRegistry(supported_languages=["fr"])
        registry.add_recognizer(EmailRecognizer(supported_language="fr"))
        registry.add_recognizer(PhoneRecognizer(supported_language="fr", supported_regions=["FR"]))
        registry.add_recognizer(PatternRecognizer("PERSON", deny_list=names, supported_language="fr"))
        registry.add_recognizer(PatternRecognizer("ORGANIZATION", deny_list=orgs, supported_language="fr"))
        nlp = NoOpNlpEngine(models=[{"lang_code": "fr", "model_name": "none"}])
        nlp.load()
        engine = AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["fr"])
        return [r.entity_type for r in engine.analyze(text=text, language="fr")]

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    people = roster()
    text = make_text(people, args.megabytes)
    cases = {
        "gep.Scanner(roster).scan": gep_case(people, text),
        "scrubadub": scrubadub_case(people, text),
        "presidio AnalyzerEngine (no NLP)": presidio_case(people, text),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    found: dict[str, Counter[str]] = {}
    for _ in range(args.rounds):
        for name, run in cases.items():
            start = time.perf_counter()
            kinds = run()
            times[name].append(time.perf_counter() - start)
            found[name] = Counter(kinds)

    import presidio_analyzer  # noqa: F401  (versions below)
    from importlib.metadata import version

    print(
        f"text: {len(text.encode('utf-8'))} bytes, {len(text)} code points; roster: {len(people)} people; "
        f"median of {args.rounds} runs (scanner built and text scanned)"
    )
    print(
        f"python {platform.python_version()}, gep {gep.__version__}, scrubadub {version('scrubadub')}, "
        f"presidio-analyzer {version('presidio-analyzer')}, phonenumbers {version('phonenumbers')}"
    )
    ours = statistics.median(times["gep.Scanner(roster).scan"])
    print(f"{'tool':<34} {'time':>9} {'MB/s':>8} {'gep faster by':>14}  findings")
    for name, ts in times.items():
        t = statistics.median(ts)
        mb = len(text.encode("utf-8")) / 1e6 / t
        counts = ", ".join(f"{k}: {n}" for k, n in sorted(found[name].items()))
        print(f"{name:<34} {t * 1000:>7.1f}ms {mb:>8.2f} {t / ours:>13.1f}×  {counts}")


if __name__ == "__main__":
    main()
