#!/usr/bin/env bash
# Runs the cargo-fuzz targets of gep-core for a bounded time each.
#
#   bash scripts/fuzz.sh [SECONDS]      # seconds per target; default
#                                       # $GEP_FUZZ_SECONDS, else 20
#
# Needs a nightly toolchain (`cargo +nightly`); without one it says so and
# exits 0. Installs cargo-fuzz if missing, builds the targets of fuzz/,
# seeds fuzz/corpus/<target>/ from tests/vectors, tests/fixtures and
# tests/documents, then runs each target (load_document, commands, scanner,
# planner) for SECONDS with libFuzzer, and prints the executions of each.
# Exits non-zero if a target finds a crash (a panic: a failed property), a
# leak, a timeout or an out-of-memory, printing the artifact's path.
#
# Environment: GEP_FUZZ_SECONDS (seconds per target), GEP_FUZZ_TARGETS
# (a space-separated subset), GEP_FUZZ_SANITIZER (address, the default, or
# none for faster runs without leak detection). Total time: about
# 4 × SECONDS plus the build (a few minutes from cold on 2 cores).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

seconds=${1:-${GEP_FUZZ_SECONDS:-20}}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "fuzz: SECONDS must be a positive integer, not '$seconds'" >&2
    exit 2
fi
targets=${GEP_FUZZ_TARGETS:-"load_document commands scanner planner"}
sanitizer=${GEP_FUZZ_SANITIZER:-address}

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: skipped — no nightly toolchain (rustup toolchain install nightly to run)"
    exit 0
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi

echo "fuzz: building the targets ($(cargo +nightly --version), sanitizer $sanitizer)"
(cd fuzz && cargo +nightly fuzz build --sanitizer "$sanitizer")
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin_dir="$root/fuzz/target/$host/release"

# ---------------------------------------------------------------------------
# Seed corpora, made afresh from the conformance vectors at every run (the
# inputs libFuzzer adds beside them are kept, and ignored by git).
# ---------------------------------------------------------------------------
for t in $targets; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
done
if command -v python3 >/dev/null 2>&1; then
    python3 - "$root" <<'PY'
import glob, json, os, sys

root = sys.argv[1]
corpus = os.path.join(root, "fuzz", "corpus")
GEP_ID = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11"
PAST = {
    "propose": "proposed", "validate": "validated", "decline": "declined",
    "announce": "announced", "cancel": "cancelled", "register": "registered",
    "withdraw": "withdrew", "hold": "held", "report": "reported",
    "validate_report": "report_validated", "object_to_report": "report_objected",
    "revise": "revised", "approve": "approved", "request_support": "support_requested",
    "give_consent": "consent_given", "withdraw_consent": "consent_withdrawn",
    "purge_personal_data": "personal_data_purged",
}

def write(target, name, data):
    d = os.path.join(corpus, target)
    if os.path.isdir(d):
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(d, "seed-" + name), "wb") as f:
            f.write(data)

def document(commands, gep_id=GEP_ID):
    """A document whose events are these commands (derived events, such as
    an admission from the waiting list, are not added: such a document
    fails with IN08, a seed all the same)."""
    events = []
    for c in commands:
        if not isinstance(c, dict) or not isinstance(c.get("action"), dict):
            continue
        event = dict(c["action"])
        event["type"] = PAST.get(event.get("type"), event.get("type"))
        events.append({"at": c.get("at"), "actor": c.get("actor"), "event": event})
    return json.dumps({"version": 1, "gep_id": gep_id, "events": events}, ensure_ascii=False)

def texts(value):
    """Every string of a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from texts(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from texts(v)

fixtures = {}
for path in sorted(glob.glob(os.path.join(root, "tests", "fixtures", "*.json"))):
    name = os.path.splitext(os.path.basename(path))[0]
    raw = open(path, "rb").read()
    fixtures[name] = json.loads(raw)
    write("commands", "fixture-" + name, raw)
    write("load_document", "fixture-" + name, document(fixtures[name]))

for path in sorted(glob.glob(os.path.join(root, "tests", "documents", "*.json"))):
    name = os.path.splitext(os.path.basename(path))[0]
    write("load_document", "document-" + name, open(path, "rb").read())

seen_texts = set()
for path in sorted(glob.glob(os.path.join(root, "tests", "vectors", "*.json"))):
    suite = os.path.splitext(os.path.basename(path))[0]
    for i, vector in enumerate(json.load(open(path, encoding="utf-8"))):
        name = f"{suite}-{i:03}"
        if "document" in vector:
            write("load_document", name, json.dumps(vector["document"], ensure_ascii=False))
        if "document_text" in vector:
            write("load_document", name, vector["document_text"])
        if "commands" in vector:
            commands = list(fixtures.get(vector.get("given"), [])) + list(vector["commands"])
            write("commands", name, json.dumps(commands, ensure_ascii=False))
            write("load_document", name + "-log", document(commands, vector.get("gep_id", GEP_ID)))
            for t in texts(vector["commands"]):
                if len(t) >= 12 and t not in seen_texts:
                    seen_texts.add(t)
                    write("scanner", f"{name}-{len(seen_texts):03}", t)

# The planner's input is read with `arbitrary`: a few plain patterns.
for b in range(8):
    write("planner", f"pattern-{b}", bytes([b * 31 % 256]) * 48)
PY
else
    echo "fuzz: python3 not found; seeding from the fixtures and documents only"
    for f in tests/fixtures/*.json; do
        [ -d fuzz/corpus/commands ] && cp "$f" "fuzz/corpus/commands/seed-fixture-$(basename "$f")"
    done
    for f in tests/documents/*.json; do
        [ -d fuzz/corpus/load_document ] && cp "$f" "fuzz/corpus/load_document/seed-document-$(basename "$f")"
    done
fi

# ---------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------
failed=0
summary=()
for t in $targets; do
    log="$root/fuzz/artifacts/$t/run.log"
    seeds=$(find "fuzz/corpus/$t" -type f | wc -l)
    echo "fuzz: $t for ${seconds}s ($seeds inputs in fuzz/corpus/$t)"
    set +e
    "$bin_dir/$t" "$root/fuzz/corpus/$t" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$root/fuzz/artifacts/$t/" >"$log" 2>&1 </dev/null
    status=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    execs=${execs:-?}
    artifacts=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
    if [ "$status" -ne 0 ] || [ -n "$artifacts" ]; then
        failed=1
        kind=$(grep -o -m 1 -E 'ERROR: libFuzzer: [a-z-]+|panicked at|ERROR: AddressSanitizer: [a-z-]+|ERROR: LeakSanitizer' "$log" || true)
        echo "fuzz: $t FAILED after $execs executions (exit $status${kind:+, $kind})"
        grep -m 5 -E "panicked at|assertion|ERROR" "$log" | sed 's/^/    /' || true
        for a in $artifacts; do
            echo "fuzz: $t artifact: $a"
            echo "      reproduce: (cd fuzz && cargo +nightly fuzz run $t $a)"
        done
        echo "fuzz: $t log: $log"
        summary+=("$t: FAILED ($execs executions)")
    else
        echo "fuzz: $t ok: $execs executions in ${seconds}s"
        summary+=("$t: ok, $execs executions in ${seconds}s")
    fi
done

echo "fuzz: summary"
for line in "${summary[@]}"; do
    echo "    $line"
done
if [ "$failed" -ne 0 ]; then
    echo "fuzz: a target failed"
    exit 1
fi
echo "fuzz: every target ran clean"
