"""The benchmark rule in OpenFisca (openfisca-core), timed the same way as the Swift engine.

Money variables use OpenFisca's default `float` value type (numpy float32), as country packages do.
Prints one JSON line of timings; writes per-row results in cents (the float rounded to the nearest cent).
"""
import argparse
import csv
import json
import statistics
import time

import numpy
from openfisca_core import periods
from openfisca_core.entities import build_entity
from openfisca_core.model_api import Variable, YEAR, max_, min_
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

RATES = {
    "op1-referent-solidarite": 160.0,
    "op2-socioprofessionnel": 250.0,
    "op3-plie": 300.0,
    "op5-accompagnement-specifique": 500.0,
}

Structure = build_entity(key="structure", plural="structures", label="Structure conventionnée", is_person=True)


class places(Variable):
    value_type = int
    entity = Structure
    definition_period = YEAR
    label = "Places conventionnées"


class realised_places(Variable):
    value_type = int
    entity = Structure
    definition_period = YEAR
    label = "Places réalisées"


class rate(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Taux par place (€)"


class cost(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Coût de l'action (€)"


class avance(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Avance versée (€)"


class amount(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Montant conventionné : places × taux"

    def formula(structure, period):
        return structure("places", period) * structure("rate", period)


class due(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Dotation due : prorata des places réalisées (au plus 100 %), dans la limite du coût"

    def formula(structure, period):
        places_ = structure("places", period)
        ratio = min_(structure("realised_places", period) / places_, 1)
        return min_(structure("amount", period) * ratio, structure("cost", period))


class solde(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Solde à verser"

    def formula(structure, period):
        return max_(structure("due", period) - structure("avance", period), 0)


class titre(Variable):
    value_type = float
    entity = Structure
    definition_period = YEAR
    label = "Titre de recettes"

    def formula(structure, period):
        return max_(structure("avance", period) - structure("due", period), 0)


def system():
    tbs = TaxBenefitSystem([Structure])
    for variable in (places, realised_places, rate, cost, avance, amount, due, solde, titre):
        tbs.add_variable(variable)
    return tbs


def load(path):
    with open(path, encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = list(reader)
    return (
        numpy.array([int(r[0]) for r in rows]),
        numpy.array([RATES[r[1]] for r in rows]),
        numpy.array([int(r[2]) for r in rows]),
        numpy.array([int(r[3]) for r in rows]),
        numpy.array([int(r[4]) / 100 for r in rows]),
        numpy.array([int(r[5]) / 100 for r in rows]),
    )


def simulate(tbs, count, inputs, period):
    simulation = SimulationBuilder().build_default_simulation(tbs, count)
    for name, values in inputs.items():
        simulation.set_input(name, period, values)
    return simulation.calculate("due", period), simulation.calculate("solde", period), simulation.calculate("titre", period)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--latency-runs", type=int, default=200)
    args = parser.parse_args()
    tbs = system()
    period = periods.period("2023")
    start = time.perf_counter()
    ids, rates, places_, realised, costs, avances = load(args.input)
    load_seconds = time.perf_counter() - start
    inputs = {"rate": rates, "places": places_, "realised_places": realised, "cost": costs, "avance": avances}
    # Timed as subvention-bench times itself: one warm-up run, then the median of five.
    due_, solde_, titre_ = simulate(tbs, len(ids), inputs, period)
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        simulate(tbs, len(ids), inputs, period)
        samples.append(time.perf_counter() - start)
    batch_seconds = statistics.median(samples)
    single = {name: values[:1] for name, values in inputs.items()}
    latencies = []
    for _ in range(args.latency_runs):
        start = time.perf_counter()
        simulate(tbs, 1, single, period)
        latencies.append(time.perf_counter() - start)
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["row", "due_cents", "solde_cents", "titre_cents"])
        for row, d, s, t in zip(ids, numpy.rint(due_ * 100), numpy.rint(solde_ * 100), numpy.rint(titre_ * 100)):
            writer.writerow([row, int(d), int(s), int(t)])
    print(json.dumps({
        "engine": "openfisca", "n": int(len(ids)), "load_seconds": load_seconds, "batch_seconds": batch_seconds,
        "rows_per_second": len(ids) / batch_seconds, "single_seconds": statistics.median(latencies),
        "dtype": str(due_.dtype),
    }))


if __name__ == "__main__":
    main()
