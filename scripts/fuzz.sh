#!/usr/bin/env bash
# Fuzzes one reader with libFuzzer for a while (issue 11; docs/robustness.md).
#
#   scripts/fuzz.sh READER SECONDS [libFuzzer options…]
#   scripts/fuzz.sh convention 0 -runs=1000000      # a number of executions instead of a time (0 = no time limit)
#
# READER: convention (convention and programme files), bilan, scenario or table (a programme's CSV table).
# Builds the target Fuzz/Sources/subvention-fuzz in release with -sanitize=fuzzer (coverage on every Swift module), seeds the corpus from
# Conventions/ and Examples/, runs for SECONDS and prints libFuzzer's final statistics. A crash, a hang
# (-timeout) or a broken invariant leaves its input in Fuzz/artifacts/ and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage : scripts/fuzz.sh convention|bilan|scenario|table SECONDES [options libFuzzer…]" >&2; exit 2; }
[ $# -ge 2 ] || usage
reader=$1
seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage

work=Fuzz/.work
seeds=$work/seeds/$reader
corpus=$work/corpus/$reader
mkdir -p "$seeds" "$corpus" Fuzz/artifacts
rm -f "$seeds"/*
case $reader in
    convention) find Conventions -name '*.yaml' ;;
    bilan) find Examples/bilans -name '*.yaml' ;;
    scenario) find Examples/scenarios -name '*.yaml' ;;
    table) find Examples/pas-de-calais-2023 -name '*.csv' ;;
    *) usage ;;
esac | while read -r file; do cp "$file" "$seeds/$(echo "$file" | tr / _)"; done

# The target exists only with SUBVENTION_FUZZ=1 (Package.swift), in its own build folder.
export SUBVENTION_FUZZ=1
build=(swift build -c release --scratch-path .build/fuzz --product subvention-fuzz
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link)
"${build[@]}" >&2
binary=$("${build[@]}" --show-bin-path)/subvention-fuzz

SUBVENTION_FUZZ_READER=$reader SUBVENTION_ROOT=$PWD "$binary" "$corpus" "$seeds" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="Fuzz/artifacts/$reader-" "$@"
