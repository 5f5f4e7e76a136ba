"""The benchmark rule computed exactly with Python integers: the reference both engines are compared to.

amount = places × rate; due = min(round_half_away(amount × min(realised, places) / places), cost);
balance = due − avance; solde = max(balance, 0); titre de recettes = max(−balance, 0). All in cents.
"""
import csv
import sys

RATES = {
    "op1-referent-solidarite": 16000,
    "op2-socioprofessionnel": 25000,
    "op3-plie": 30000,
    "op5-accompagnement-specifique": 50000,
}


def settle(operation, places, realised, cost, avance):
    amount = places * RATES[operation]
    numerator = amount * min(realised, places)
    prorata = (2 * numerator + places) // (2 * places)  # half away from zero (all values are non-negative)
    due = min(prorata, cost)
    balance = due - avance
    return due, max(balance, 0), max(-balance, 0)


def rows(path):
    with open(path, encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            yield int(record["row"]), settle(
                record["operation"], int(record["places"]), int(record["realised_places"]),
                int(record["cost_cents"]), int(record["avance_cents"]))


def table_rows(path):
    """The rows of a realised table (generate_rows.py --shape table): row number → (due, solde, titre) in cents.

    Realised quantities are in tenths: due = min(round_half_away(amount × min(realised, 10 × places) / (10 × places)), cost).
    """
    labels = {label: operation for operation, label in __import__("generate_rows").LABELS.items()}

    def cents(text):
        whole, fraction = text.replace(" €", "").replace(" ", "").split(",")
        return int(whole) * 100 + int(fraction)

    def tenths(text):
        whole, _, fraction = text.partition(",")
        return int(whole) * 10 + (int(fraction) if fraction else 0)

    with open(path, encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter=";"):
            places = int(record["quantite"])
            amount = places * RATES[labels[record["operation"]]]
            assert amount == cents(record["montant"])
            realised = min(tenths(record["quantite_realisee"]), 10 * places)
            prorata = (2 * amount * realised + 10 * places) // (20 * places)
            due = min(prorata, cents(record["cout_action"]))
            balance = due - cents(record["avance"])
            yield int(record["ligne"]), (due, max(balance, 0), max(-balance, 0))


if __name__ == "__main__":
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["row", "due_cents", "solde_cents", "titre_cents"])
    for row, figures in rows(sys.argv[1]):
        writer.writerow([row, *figures])
