#!/usr/bin/env bash
# The Python module's checks: builds `gep` (gep-py) into .venv, then runs
# pytest (the conformance vectors and the Python surface), mypy --strict on
# the tests and the examples, and stubtest on the hand-kept stubs.
#
#   bash scripts/test-python.sh
#
# Creates .venv when missing and installs gep-py/requirements-dev.txt when
# it changed. The module is built in the dev profile (fast to build, and the
# tests do not measure speed); GEP_PY_RELEASE=1 builds it optimised.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

VENV="$PWD/.venv"
PYTHON="${PYTHON:-python3}"

step "python venv (.venv)"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.gep-requirements-dev.txt"
if ! cmp -s gep-py/requirements-dev.txt "$stamp"; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r gep-py/requirements-dev.txt
  cp gep-py/requirements-dev.txt "$stamp"
fi
export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"
python --version

step "build the module into .venv (maturin develop${GEP_PY_RELEASE:+ --release})"
(cd gep-py && maturin develop --locked --quiet ${GEP_PY_RELEASE:+--release})

cd gep-py

step "pytest: conformance vectors, adversarial cases, nothing lost, Python surface, IC database feed"
status=0
python -m pytest -p no:cacheprovider || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi

step "mypy --strict: tests and examples"
python -m mypy --strict --no-incremental tests ../examples/python

step "stubtest: the stubs match the built module"
python -m mypy.stubtest gep --allowlist stubtest-allowlist.txt

printf '\npython checks passed\n'
