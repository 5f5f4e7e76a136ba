"""Synthetic rows shaped like the Pas-de-Calais 2023 structures table, with a fixed seed.

--shape engine (default), the kernel benchmark's integer rows. Columns: row, operation (an operation id of Conventions/pas-de-calais/inclusion-durable-2023.yaml), places,
realised_places, cost_cents (cost of the action), avance_cents (50 % of places × rate, to the cent).
--shape table: a realised table exactly like Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv, for
`subvention batch … --table FILE`: ligne;operation;territoire;structure;quantite;montant;quantite_realisee;cout_action;avance
with the table's operation labels and French amounts (« 20 800,00 € »); row k has the figures of row k of the
engine shape with the same seed, so OpenFisca and `subvention batch` settle the same rows.
Integer arithmetic only; streamed, so 10^7 rows need no memory.
"""
import argparse
import random

# Per-place rates of the programme file, in cents (op1 160 €, op2 250 €, op3 300 €, op5 500 €).
OPERATIONS = [
    ("op1-referent-solidarite", 16000),
    ("op2-socioprofessionnel", 25000),
    ("op3-plie", 30000),
    ("op5-accompagnement-specifique", 50000),
]


# The table labels of those operations (libelles-tableau of the programme file).
LABELS = {
    "op1-referent-solidarite": "Opération 1 : Dispositif référent solidarité",
    "op2-socioprofessionnel": "Opération 2 : Accompagnement socioprofessionnel des bénéficiaires du RSA",
    "op3-plie": "Opération 3 : -Accompagnement professionnel des bénéficiaires du RSA par les PUE",
    "op5-accompagnement-specifique": "Opération 5 : accompagnement spécifique",
}
TERRITORIES = ["Arrageois", "Artois", "Audomarois", "Boulonnais", "Calaisis", "Lens-Liévin", "Montreuillois", "Ternois"]
STRUCTURES = ["CCAS Arras", "CC Osartis Marquion", "CCAS Dainville", "CCAS Saint-Nicolas", "CCAS Noeux-les-Mines",
              "PLIE de l'Artois", "Association Le Relais", "CCAS Auchel"]


def euros(cents):
    """French amount: « 20 800,00 € » (space-grouped thousands, decimal comma)."""
    whole, fraction = divmod(cents, 100)
    return f"{whole:,}".replace(",", " ") + f",{fraction:02d} €"


def table(n, output, seed):
    rng = random.Random(seed)
    with open(output, "w", encoding="utf-8", newline="") as out:
        out.write("ligne;operation;territoire;structure;quantite;montant;quantite_realisee;cout_action;avance\n")
        lines = []
        for row in range(1, n + 1):
            # The same draws as the engine shape: row k of both files has the same figures.
            operation, rate = OPERATIONS[rng.randrange(len(OPERATIONS))]
            places = rng.randint(5, 400)
            realised = rng.randint(0, places * 13 // 10)
            amount = places * rate
            cost = rng.randint(amount // 2, amount * 3 // 2)
            avance = (amount + 1) // 2
            lines.append(f"{row};{LABELS[operation]};{TERRITORIES[row % 8]};{STRUCTURES[row * 7 % 8]};"
                         f"{places};{euros(amount)};{realised};{euros(cost)};{euros(avance)}\n")
            if len(lines) == 10000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--shape", choices=["engine", "table"], default="engine")
    args = parser.parse_args()
    if args.shape == "table":
        table(args.n, args.output, args.seed)
        return
    rng = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        out.write("row,operation,places,realised_places,cost_cents,avance_cents\n")
        lines = []
        for row in range(1, args.n + 1):
            operation, rate = OPERATIONS[rng.randrange(len(OPERATIONS))]
            places = rng.randint(5, 400)
            realised = rng.randint(0, places * 13 // 10)
            amount = places * rate
            cost = rng.randint(amount // 2, amount * 3 // 2)
            avance = (amount + 1) // 2  # 50 % of a whole number of cents, half away from zero
            lines.append(f"{row},{operation},{places},{realised},{cost},{avance}\n")
            if len(lines) == 10000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)


if __name__ == "__main__":
    main()
