#!/usr/bin/env bash
# The product path of docs/performance.md: `subvention batch` as a user runs it (release build, CSV out, --output),
# on generated tables of the Pas-de-Calais 2023 shape, 10^3 … 10^6 rows (BENCH_LARGE=1 adds 10^7), timed and
# measured with /usr/bin/time -v; every row of every output checked against the exact reference
# (Benchmarks/check_batch.py → Benchmarks/reference.py); OpenFisca on the same rows (same seed, engine shape).
# Writes Benchmarks/results/batch.csv, with wall-clock time and CPU time (user + system: the figure to read on a
# machine shared with other work). BENCH_SIZES="…" chooses the sizes; BENCH_OPENFISCA=0 skips OpenFisca. Generated data stays in Benchmarks/data/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-libcsv.sh
swift build -c release --scratch-path .build-release --product subvention >/dev/null
subvention=$(swift build -c release --scratch-path .build-release --product subvention --show-bin-path)/subvention
venv=.build-bench/venv
if [ "${BENCH_OPENFISCA:-1}" = 1 ]; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -c "import openfisca_core" 2>/dev/null || "$venv/bin/pip" install --quiet openfisca-core==46.0.1
fi
mkdir -p Benchmarks/data Benchmarks/results
sizes="${BENCH_SIZES:-1000 10000 100000 1000000}"
if [ "${BENCH_LARGE:-0}" = 1 ]; then sizes="$sizes 10000000"; fi
results=Benchmarks/results/batch.csv
echo "n,table_mb,batch_seconds,batch_mb_per_s,batch_rows_per_s,batch_cpu_seconds,batch_mb_per_cpu_s,batch_peak_rss_mb,wrong_rows,openfisca_rows_per_s,openfisca_load_plus_one_run_s,openfisca_peak_rss_mb,openfisca_wrong_rows" > "$results"
for n in $sizes; do
  table=Benchmarks/data/table-$n.csv
  rows=Benchmarks/data/rows-$n.csv
  [ -f "$table" ] || python3 Benchmarks/generate_rows.py "$n" "$table" --shape table
  [ -f "$rows" ] || python3 Benchmarks/generate_rows.py "$n" "$rows"
  out=Benchmarks/data/batch-$n.csv
  /usr/bin/time -v -o Benchmarks/data/time-$n.txt "$subvention" batch Conventions/pas-de-calais/inclusion-durable-2023.yaml \
    --table "$table" --format csv --output "$out"
  check=$(python3 Benchmarks/check_batch.py "$table" "$out")
  of='{}'; of_check='{}'; of_rss=0
  if [ "${BENCH_OPENFISCA:-1}" = 1 ]; then
    of=$(/usr/bin/time -f "%M" -o Benchmarks/data/of-rss-$n.txt "$venv/bin/python" Benchmarks/openfisca/run_openfisca.py \
      --input "$rows" --output Benchmarks/data/openfisca-$n.csv --latency-runs 20)
    of_check=$(python3 Benchmarks/compare.py "$rows" Benchmarks/data/openfisca-$n.csv openfisca)
    of_rss=$(tail -1 Benchmarks/data/of-rss-$n.txt)
  fi
  python3 - "$n" "$table" Benchmarks/data/time-$n.txt "$check" "$of" "$of_check" "$of_rss" >> "$results" <<'PY'
import json, os, re, sys
n, table, timing, check, of, ofc, of_rss = sys.argv[1:]
text = open(timing).read()
clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", text).group(1).split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
cpu = float(re.search(r"User time \(seconds\): ([0-9.]+)", text).group(1)) + float(re.search(r"System time \(seconds\): ([0-9.]+)", text).group(1))
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
size = os.path.getsize(table) / 1e6
check, of, ofc = json.loads(check), json.loads(of), json.loads(ofc)
of_rate = round(of["rows_per_second"]) if of else ""
of_e2e = f'{of["load_seconds"] + of["batch_seconds"]:.2f}' if of else ""
print(",".join(str(x) for x in [n, f"{size:.1f}", f"{seconds:.2f}", f"{size / seconds:.1f}", round(int(n) / seconds),
      f"{cpu:.2f}", f"{size / max(cpu, 0.01):.1f}", f"{rss_kb / 1024:.1f}", check["wrong_rows"], of_rate, of_e2e, f"{int(of_rss) / 1024:.0f}" if of else "",
      ofc.get("wrong_rows", "")]))
PY
done
column -s, -t < "$results"
