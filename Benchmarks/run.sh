#!/usr/bin/env bash
# Runs the whole comparison of docs/performance.md: generates rows, runs the Swift engine (release) and
# OpenFisca on the same rows, checks both against the exact reference, prints a table and writes
# Benchmarks/results/results.csv. BENCH_LARGE=1 adds N = 10^7. Everything generated stays in git-ignored folders.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-libcsv.sh
venv=.build-bench/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import openfisca_core" 2>/dev/null || "$venv/bin/pip" install --quiet openfisca-core==46.0.1
# The same release build folder as Benchmarks/batch.sh.
swift build -c release --scratch-path .build-release --product subvention-bench >/dev/null
bench=$(swift build -c release --scratch-path .build-release --product subvention-bench --show-bin-path)/subvention-bench
mkdir -p Benchmarks/data Benchmarks/results
sizes="1000 10000 100000 1000000"
if [ "${BENCH_LARGE:-0}" = 1 ]; then sizes="$sizes 10000000"; fi
results=Benchmarks/results/results.csv
echo "n,openfisca_rows_per_s,subvention_rows_per_s,subvention_one_thread_rows_per_s,ratio,openfisca_single_s,subvention_single_s,csv_mb_per_s,openfisca_wrong_rows,subvention_wrong_rows,subvention_csv_wrong_rows,openfisca_peak_rss_kb,subvention_peak_rss_kb,subvention_csv_peak_rss_kb" > "$results"
rss() { # peak RSS in KB of a command, through GNU time when present
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "%M" -o Benchmarks/data/rss "$@" && cat Benchmarks/data/rss 1>&2; else "$@"; echo 0 1>&2; fi
}
for n in $sizes; do
  rows=Benchmarks/data/rows-$n.csv
  [ -f "$rows" ] || python3 Benchmarks/generate_rows.py "$n" "$rows"
  of=$(rss "$venv/bin/python" Benchmarks/openfisca/run_openfisca.py --input "$rows" --output Benchmarks/data/openfisca-$n.csv 2>Benchmarks/data/of-rss)
  sw=$("$bench" engine "$rows" Benchmarks/data/subvention-$n.csv)
  csv=$("$bench" csv "$rows" Benchmarks/data/subvention-csv-$n.csv)
  of_check=$(python3 Benchmarks/compare.py "$rows" Benchmarks/data/openfisca-$n.csv openfisca)
  sw_check=$(python3 Benchmarks/compare.py "$rows" Benchmarks/data/subvention-$n.csv subvention)
  csv_check=$(python3 Benchmarks/compare.py "$rows" Benchmarks/data/subvention-csv-$n.csv subvention)
  python3 - "$n" "$of" "$sw" "$csv" "$of_check" "$sw_check" "$csv_check" "$(tail -1 Benchmarks/data/of-rss)" >> "$results" <<'PY'
import json, sys
n, of, sw, csv, ofc, swc, csvc, of_rss = sys.argv[1:]
of, sw, csv, ofc, swc, csvc = (json.loads(x) for x in (of, sw, csv, ofc, swc, csvc))
print(",".join(str(x) for x in [n, round(of["rows_per_second"]), round(sw["rows_per_second"]), round(sw["single_thread_rows_per_second"]),
      round(sw["rows_per_second"] / of["rows_per_second"], 2), f'{of["single_seconds"]:.6f}', f'{sw["single_seconds"]:.9f}',
      round(csv["csv_mb_per_second"], 1), ofc["wrong_rows"], swc["wrong_rows"], csvc["wrong_rows"], of_rss or 0, sw["peak_rss_kb"], csv["peak_rss_kb"]]))
PY
done
column -s, -t < "$results"
