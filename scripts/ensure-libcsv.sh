#!/usr/bin/env bash
# Installs the system libraries the project links when they are missing:
# - libcsv-dev (the C CSV library every CSV of the project goes through);
# - libsqlite3-dev (SQLite, which GRDB.swift uses for the register, `subvention registre`).
# The name stays: the README's set-up commands call this script.
set -euo pipefail
missing=()
# `grep` reads the whole list (no -q): with pipefail, an early exit would fail `ldconfig` with SIGPIPE.
if ! { [ -f /usr/include/csv.h ] && ldconfig -p 2>/dev/null | grep 'libcsv\.so' >/dev/null; }; then
    missing+=(libcsv-dev)
fi
if ! { [ -f /usr/include/sqlite3.h ] && ldconfig -p 2>/dev/null | grep 'libsqlite3\.so' >/dev/null; }; then
    missing+=(libsqlite3-dev)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "subvention: ${missing[*]} missing. Install as root: apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
else
    SUDO=
fi
echo "subvention: installing ${missing[*]}…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq "${missing[@]}" >&2
