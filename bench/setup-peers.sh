#!/usr/bin/env bash
# Install the peer tools bench/peers.py compares newslint with: proselint (PyPI), textlint (npm).
# Vale is measured when a `vale` binary is on PATH (its PyPI wrapper downloads the binary, which needs the internet).
set -euo pipefail
cd "$(dirname "$0")"
python -m pip install -q proselint
npm install --silent --no-audit --no-fund
