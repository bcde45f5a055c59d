#!/usr/bin/env python3
"""Feeds the IC's online database with the approved GEPs of a folder.

    python examples/python/feed_ic_database.py DIR [--db PATH] [--lang fr|en]

Reads every GEP document (``*.json``) in DIR. A document that does not load
(malformed, or breaking the charter) is reported with its file, code and
message, and the others go on. The IC record (OR08) of each approved GEP is
written into a SQLite database: the schema is created on first run, and
records are upserted by GEP id, so running again changes nothing. A summary
table is printed at the end.

Exit status: 0 when every document loaded, 2 when some did not (their
records are simply missing), 1 on a usage or database error.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence, TextIO

import gep

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS gep_record (
    gep_id       TEXT PRIMARY KEY,
    theme        TEXT NOT NULL,
    starts_at    TEXT NOT NULL,  -- RFC 3339, with the offset it was written with
    ends_at      TEXT NOT NULL,
    place_name   TEXT NOT NULL,
    city         TEXT NOT NULL,
    synthesis    TEXT NOT NULL,  -- JSON: questions, resources, follow_ups, discussion
    record       TEXT NOT NULL   -- the whole IC record, canonical JSON
);
CREATE TABLE IF NOT EXISTS gep_participant (
    gep_id       TEXT NOT NULL REFERENCES gep_record (gep_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    given_name   TEXT NOT NULL,
    family_name  TEXT NOT NULL,
    PRIMARY KEY (gep_id, position)
);
"""


@dataclass
class Row:
    """One line of the summary."""

    file: str
    gep_id: str
    state: str
    outcome: str


@dataclass
class Failure:
    """A document that did not load."""

    file: str
    code: str
    message: str


def open_database(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION):
        raise SystemExit(f"{path}: schema version {version}, this script writes {SCHEMA_VERSION}")
    with db:
        db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def upsert(db: sqlite3.Connection, record: dict[str, Any]) -> str:
    """Writes one IC record; returns ``inserted``, ``updated`` or
    ``unchanged`` (nothing written)."""
    gep_id: str = record["gep_id"]
    text = canonical(record)
    existing = db.execute("SELECT record FROM gep_record WHERE gep_id = ?", (gep_id,)).fetchone()
    if existing is not None and existing[0] == text:
        return "unchanged"
    row = (
        gep_id,
        record["theme"],
        record["dates"]["start"],
        record["dates"]["end"],
        record["place"]["name"],
        record["place"]["city"],
        canonical(record["synthesis"]),
        text,
    )
    db.execute(
        """INSERT INTO gep_record (gep_id, theme, starts_at, ends_at, place_name, city, synthesis, record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (gep_id) DO UPDATE SET
               theme = excluded.theme, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
               place_name = excluded.place_name, city = excluded.city,
               synthesis = excluded.synthesis, record = excluded.record""",
        row,
    )
    db.execute("DELETE FROM gep_participant WHERE gep_id = ?", (gep_id,))
    db.executemany(
        "INSERT INTO gep_participant (gep_id, position, given_name, family_name) VALUES (?, ?, ?, ?)",
        [(gep_id, i, p["given_name"], p["family_name"]) for i, p in enumerate(record["participants"])],
    )
    return "inserted" if existing is None else "updated"


def feed(folder: Path, db: sqlite3.Connection, lang: str) -> tuple[list[Row], list[Failure]]:
    rows: list[Row] = []
    failures: list[Failure] = []
    with db:  # one transaction: all the records or none
        for path in sorted(folder.glob("*.json")):
            try:
                with open(path, "rb") as fp:
                    g = gep.load(fp)
            except gep.GepError as e:
                first: Optional[gep.Violation] = e.errors[0] if e.errors else None
                code = first.code if first is not None else "?"
                message = (first.message_fr if lang == "fr" else first.message_en) if first is not None else str(e)
                failures.append(Failure(path.name, code, message))
                rows.append(Row(path.name, "", "", f"not loaded ({code})"))
                continue
            except OSError as e:
                failures.append(Failure(path.name, "", str(e)))
                rows.append(Row(path.name, "", "", "not read"))
                continue
            if g.state != "approved":
                rows.append(Row(path.name, g.id, g.state, "skipped (not approved)"))
                continue
            rows.append(Row(path.name, g.id, g.state, upsert(db, g.ic_record())))
    return rows, failures


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line.rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip(), file=out)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="a folder of GEP documents (*.json)")
    parser.add_argument("--db", type=Path, default=Path("ic_records.sqlite3"), help="the SQLite database")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="the language of the messages")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 1
    try:
        db = open_database(args.db)
        try:
            rows, failures = feed(folder, db, args.lang)
        finally:
            db.close()
    except sqlite3.Error as e:
        print(f"{args.db}: {e}", file=sys.stderr)
        return 1

    if failures:
        print(f"{len(failures)} document(s) could not be loaded:", file=sys.stderr)
        table(["file", "code", "message"], [(f.file, f.code, f.message) for f in failures], sys.stderr)
        print(file=sys.stderr)
    table(["file", "GEP", "state", "IC database"], [(r.file, r.gep_id, r.state, r.outcome) for r in rows], sys.stdout)
    counts: dict[str, int] = {}
    for r in rows:
        key = r.outcome.split(" ")[0]
        counts[key] = counts.get(key, 0) + 1
    print()
    print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no document")
    return 2 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
