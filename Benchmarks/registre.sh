#!/usr/bin/env bash
# Benchmark of the register (issue 14, docs/performance.md « Registre »): records N mandats (100 000 by default)
# with `registre importer` in one transaction, then one by one (--par-ligne) for a smaller M, reads them back
# (journal as CSV, verifier), and times `report` over the register against `report` over the bilan files.
# Release build; everything generated stays in Benchmarks/data (git-ignored). Not a test: figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-libcsv.sh
N=${N:-100000}
M=${M:-1000}
swift build -c release --product subvention >/dev/null
bin=$(swift build -c release --product subvention --show-bin-path)/subvention
data=Benchmarks/data/registre
rm -rf "$data" && mkdir -p "$data"
cat > "$data/correspondance.yaml" <<'YAML'
format: subvention/correspondance 1
correspondance:
  dialecte: rfc4180
  colonnes:
    convention: Convention
    echeance: Echeance
    montant: Montant
    date: Date
    mandat: Mandat
    exercice: Exercice
    imputation: Imputation
YAML
python3 - "$N" "$data/mandats.csv" "$M" "$data/mandats-par-ligne.csv" <<'PY'
import sys
# One-cent mandats spread over two conventions' first échéances (far below their ceilings).
targets = [("doubs-ccas-besancon-2025", "acompte"), ("maine-et-loire-ccas-angers-2025", "premier-versement")]
for count, path, prefix in ((int(sys.argv[1]), sys.argv[2], "B"), (int(sys.argv[3]), sys.argv[4], "L")):
    with open(path, "w", newline="") as out:
        out.write("Convention,Echeance,Montant,Date,Mandat,Exercice,Imputation\r\n")
        for i in range(count):
            convention, echeance = targets[i % len(targets)]
            out.write(f"{convention},{echeance},0.01,2025-06-02,{prefix}-{i + 1},2025,65-6568\r\n")
PY
seconds() { python3 -c 'import sys,time; t=time.monotonic(); import subprocess; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(f"{time.monotonic()-t:.3f}")' "$@"; }
reg="$data/registre.sqlite"
t_import=$(seconds "$bin" registre importer --mandats "$data/mandats.csv" --correspondance "$data/correspondance.yaml" --registre "$reg" --auteur bench)
echo "t_import = $t_import s" >&2
t_lines=$(seconds "$bin" registre importer --mandats "$data/mandats-par-ligne.csv" --correspondance "$data/correspondance.yaml" --registre "$reg" --auteur bench --par-ligne)
echo "t_lines = $t_lines s" >&2
t_journal=$(seconds "$bin" registre journal --registre "$reg" --format csv)
echo "t_journal = $t_journal s" >&2
t_verify=$(seconds "$bin" registre verifier --registre "$reg")
echo "t_verify = $t_verify s" >&2
t_report_reg=$(seconds "$bin" report Conventions --registre "$reg" --as-of 2026-07-01 --format json)
echo "t_report_reg = $t_report_reg s" >&2
t_report_files=$(seconds "$bin" report Conventions --as-of 2026-07-01 --format json)
echo "t_report_files = $t_report_files s" >&2
size=$(du -k "$reg" | cut -f1)
total=$((N + M))
python3 - "$N" "$M" "$t_import" "$t_lines" "$t_journal" "$t_verify" "$t_report_reg" "$t_report_files" "$size" "$total" <<'PY'
import sys
n, m = int(sys.argv[1]), int(sys.argv[2])
ti, tl, tj, tv, trr, trf = (float(x) for x in sys.argv[3:9])
size, total = int(sys.argv[9]), int(sys.argv[10])
print(f"entries: {total} ({n} in one transaction + {m} one transaction each); database {size} KB")
print(f"record, one transaction:   {ti:8.3f} s  {n / ti:10.0f} entries/s")
print(f"record, one per commit:    {tl:8.3f} s  {m / tl:10.0f} entries/s")
print(f"read back (journal CSV):   {tj:8.3f} s  {total / tj:10.0f} entries/s")
print(f"verify (SHA-256 chain):    {tv:8.3f} s  {total / tv:10.0f} entries/s")
print(f"report over the register:  {trr:8.3f} s")
print(f"report over bilan files:   {trf:8.3f} s")
PY
