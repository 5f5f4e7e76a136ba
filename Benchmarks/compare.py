"""Compares an engine's per-row results with the exact reference; prints a JSON line and a few examples."""
import csv
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import reference  # noqa: E402


def main(rows_path, results_path, engine):
    expected = dict(reference.rows(rows_path))
    wrong = []
    seen = set()
    with open(results_path, encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            row = int(record["row"])
            seen.add(row)
            actual = (int(record["due_cents"]), int(record["solde_cents"]), int(record["titre_cents"]))
            if actual != expected[row]:
                wrong.append((row, expected[row], actual))
    # A row missing from the results is a wrong row too.
    wrong += [(row, expected[row], None) for row in expected if row not in seen]
    print(json.dumps({"engine": engine, "rows": len(expected), "wrong_rows": len(wrong),
                      "examples": [{"row": r, "exact": e, "engine": a} for r, e, a in wrong[:3]]}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
