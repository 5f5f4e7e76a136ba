#!/usr/bin/env bash
# Installs libcsv-dev (the C CSV library every CSV of the project goes through) when it is missing.
set -euo pipefail
# `grep` reads the whole list (no -q): with pipefail, an early exit would fail `ldconfig` with SIGPIPE.
if [ -f /usr/include/csv.h ] && ldconfig -p 2>/dev/null | grep 'libcsv\.so' >/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "subvention: libcsv-dev is missing. Install it as root: apt-get update && apt-get install -y libcsv-dev" >&2
        exit 1
    fi
else
    SUDO=
fi
echo "subvention: installing libcsv-dev…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq libcsv-dev >&2
