"""Checks every row of `subvention batch --format csv` (rfc4180) on a generated table against the exact reference.

usage: check_batch.py TABLE.csv BATCH-OUTPUT.csv → one JSON line: rows, wrong_rows, examples; exit 1 if any is wrong.
"""
import csv
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import reference  # noqa: E402


def cents(text):
    if text == "":
        return 0
    negative = text.startswith("-")
    whole, fraction = text.lstrip("-").split(".")
    value = int(whole) * 100 + int(fraction)
    return -value if negative else value


def main(table_path, output_path):
    wrong = []
    count = 0
    with open(output_path, encoding="utf-8") as handle:
        actual = csv.DictReader(handle)
        for (row, expected), record in zip(reference.table_rows(table_path), actual):
            count += 1
            got = (cents(record["du"]), cents(record["solde"]), cents(record["titre-de-recettes"]))
            if record["ligne"] != str(row) or got != expected:
                wrong.append({"row": row, "exact": expected, "batch": [record["ligne"], *got]})
        total = next(actual, None)
        extra = next(actual, None)
    ok = not wrong and total is not None and total["ligne"] == "Total" and extra is None
    print(json.dumps({"rows": count, "wrong_rows": len(wrong), "total_row": total is not None, "examples": wrong[:3]}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
