"""The IC database feed (``examples/python/feed_ic_database.py``) on a
temporary folder and database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import gep
from conftest import REPO, fixture_commands

SCRIPT = REPO / "examples" / "python" / "feed_ic_database.py"
OTHER_ID = "0b7e7a52-5f0c-4c39-9d8e-3a1f62d0c001"


def approved(gep_id: str) -> gep.Gep:
    commands = fixture_commands("reported")
    g = gep.start(gep_id, commands[0])
    for c in commands[1:]:
        g.apply(c)
    at = datetime(2026, 4, 22, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    for person in g.snapshot()["report"]["pending"]:
        g.validate_report(at, person, revision=1)
    g.approve(at + timedelta(days=1), g.organiser)
    return g


def run(folder: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(folder), "--db", str(db), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def test_feed(tmp_path: Path) -> None:
    folder = tmp_path / "geps"
    folder.mkdir()
    (folder / "benchmark.json").write_bytes((REPO / "tests" / "documents" / "benchmark.json").read_bytes())
    (folder / "lyon-autumn.json").write_text(approved(OTHER_ID).dumps(pretty=True), "utf-8")
    proposed = gep.start(OTHER_ID, fixture_commands("proposed")[0])
    (folder / "proposed.json").write_text(proposed.dumps(), "utf-8")
    (folder / "truncated.json").write_text('{"version": 1, "gep_id": ', "utf-8")
    (folder / "latin1.json").write_bytes('{"version": 1, "gep_id": "é"}'.encode("latin-1"))
    broken = approved(OTHER_ID).dumps().replace('"accepted":true', '"accepted":false', 1)
    (folder / "charter.json").write_text(broken, "utf-8")
    (folder / "notes.txt").write_text("not a document", "utf-8")
    db = tmp_path / "ic.sqlite3"

    first = run(folder, db)
    assert first.returncode == 2, first.stderr
    assert "3 document(s) could not be loaded" in first.stderr
    for file, code in [("truncated.json", "IN01"), ("latin1.json", "IN01"), ("charter.json", "OR02")]:
        line = next(ln for ln in first.stderr.splitlines() if ln.startswith(file))
        assert code in line
    assert "2 inserted" in first.stdout
    assert "1 skipped" in first.stdout
    assert "3 not" in first.stdout

    with sqlite3.connect(db) as conn:
        ids = {r[0] for r in conn.execute("SELECT gep_id FROM gep_record")}
        assert ids == {"6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", OTHER_ID}
        count = conn.execute("SELECT count(*) FROM gep_participant WHERE gep_id = ?", (OTHER_ID,)).fetchone()[0]
        city = conn.execute("SELECT city FROM gep_record WHERE gep_id = ?", (OTHER_ID,)).fetchone()[0]
    assert count == len(approved(OTHER_ID).snapshot()["attendees"])
    assert city == "Lyon"

    before = dump(db)
    second = run(folder, db)
    assert second.returncode == 2
    assert "2 unchanged" in second.stdout
    assert "inserted" not in second.stdout and "updated" not in second.stdout
    assert dump(db) == before


def test_a_clean_folder_exits_zero(tmp_path: Path) -> None:
    folder = tmp_path / "geps"
    folder.mkdir()
    (folder / "a.json").write_text(approved(OTHER_ID).dumps(), "utf-8")
    result = run(folder, tmp_path / "db.sqlite3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "1 inserted" in result.stdout


def test_not_a_folder(tmp_path: Path) -> None:
    result = run(tmp_path / "missing", tmp_path / "db.sqlite3")
    assert result.returncode == 1
