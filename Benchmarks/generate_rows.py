"""Synthetic rows shaped like the Pas-de-Calais 2023 structures table, with a fixed seed.

Columns: row, operation (an operation id of Conventions/pas-de-calais/inclusion-durable-2023.yaml), places,
realised_places, cost_cents (cost of the action), avance_cents (50 % of places × rate, to the cent).
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
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
