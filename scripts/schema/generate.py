#!/usr/bin/env python3
"""Writes docs/schema/{convention,bilan,scenario}.schema.json (JSON Schema 2020-12) for YAML-aware editors.

The key sets mirror the loader (Sources/SubventionConventions); a test (Tests/SubventionConventionsTests/
SchemaTests.swift) checks that the schema and the loader accept and refuse the same keys, and that every bundled
file validates. Values stay permissive here (the loader checks them with file:line:column): a scalar is any YAML
scalar, since French amounts such as « 60 000 € » are strings to YAML.
Run: python3 scripts/schema/generate.py
"""
import json, os

BASE = "https://subvention.example/schema/"
def ref(name): return {"$ref": f"#/$defs/{name}"}
def obj(props, required=(), desc=None):
    o = {"type": "object", "properties": props, "additionalProperties": False}
    if required: o["required"] = list(required)
    if desc: o["description"] = desc
    return o
def arr(items, desc=None):
    a = {"type": "array", "items": items}
    if desc: a["description"] = desc
    return a
def mapof(values, desc=None):
    m = {"type": "object", "additionalProperties": values}
    if desc: m["description"] = desc
    return m
S = ref("scalaire")
def scalars(*keys): return {k: S for k in keys}

common = {
    "scalaire": {"type": ["string", "number", "integer", "boolean"],
                 "description": "Une valeur : montant (« 60 000 € »), pourcentage (« 70 % »), date, texte…"},
    "source": obj(scalars("document", "article", "lignes", "extrait"), desc="Où le document écrit la clause."),
}
convention_defs = dict(common)
convention_defs.update({
    "montant-ecrit": {"oneOf": [S, obj({"valeur": S, "source": ref("source")}, ["valeur"])],
                      "description": "Un montant tel que le document l'écrit, avec sa source."},
    "montant-total": {"oneOf": [S, obj({"valeur": S, "source": ref("source"), "ecrit-ailleurs": arr(ref("montant-ecrit"))}, ["valeur"])]},
    "regle-de-date": {"oneOf": [S, obj(scalars("apres", "delai", "fin-de-mois", "jour", "annee"))],
                      "description": "Une date, { apres: EVENEMENT, delai: 2 mois } ou { jour: 31/01, annee: N+1 }."},
    "arrondi": obj({"regle": {"enum": ["au-plus-proche", "au-pair", "troncature", "vers-l-exterieur"]},
                    "unite": {"enum": ["centime", "euro"]}, "source": ref("source")}),
    "imputation": {"oneOf": [S, obj(scalars("code-operation", "imputation-budgetaire", "libelle"), ["code-operation"])]},
    "plafond": obj({**scalars("montant", "entree", "part", "prix-unitaire", "quantite", "libelle"),
                    "prorata": obj(scalars("realise", "objectif", "ratio-maximum"), ["realise", "objectif"]),
                    "source": ref("source")}, desc="Un plafond : montant, entree (× part), prorata ou prix-unitaire × quantite."),
    "composante": obj({
        **scalars("id", "libelle", "financeur"),
        "base": obj({**scalars("montant-fixe", "prix-unitaire", "quantite"),
                     "part-du-cout": obj({**scalars("taux", "cout", "cout-prevu"), "plafonds-du-cout": arr(ref("plafond"))}, ["taux", "cout"]),
                     "enveloppe": obj({"maximum": S, "justifiee-avant": ref("regle-de-date")}, ["maximum"])}),
        "plafonds": arr(ref("plafond")), "montant-ecrit": ref("montant-ecrit"), "ecrit-ailleurs": arr(ref("montant-ecrit")),
        "arrondi": ref("arrondi"), "source": ref("source"), "imputation": ref("imputation"),
    }, ["id", "libelle", "base"]),
    "versement": obj({
        **scalars("id", "libelle", "part", "montant", "reste", "parametre", "deja-verse", "solde", "part-ecrite", "financeur"),
        "declencheurs": arr({"enum": ["signature", "notification", "convention-signee-recue", "avenant-signe", "bilan-recu", "demande-ecrite"]}),
        "echeance": ref("regle-de-date"), "montant-ecrit": ref("montant-ecrit"), "source": ref("source"),
        "condition": obj(scalars("convention", "evenement"), ["convention", "evenement"],
                         desc="Convention liée : l'échéance attend aussi cet événement d'une autre convention."),
    }, ["id", "libelle", "declencheurs"]),
    "reglement": obj({"plafonds-du-total": arr(ref("plafond")), "plafond-du-solde": ref("montant-ecrit"),
                      "reversement": obj({"libelle": S, "source": ref("source")})}),
    "vie": obj({
        "resiliations": arr(obj({
            **scalars("id", "libelle", "motif", "delai", "franc", "a-compter-de", "au-plus-tot", "retenue"),
            "autres-lectures": arr(obj(scalars("id", "delai", "franc", "a-compter-de", "pourquoi"), ["id"])),
            "source": ref("source")}, ["id", "libelle", "motif"])),
        "suspension": obj({**scalars("libelle", "delai-observations"), "source": ref("source")}, ["libelle"]),
        "echeances-mensuelles": arr(obj({**scalars("id", "libelle", "rang", "jour"), "source": ref("source")},
                                        ["id", "libelle", "rang", "jour"])),
        "consequence": obj({**scalars("reversement", "emploi-justifie", "libelle"), "source": ref("source")}, ["reversement"]),
    }),
    "publication": obj(scalars("nom-attribuant", "siret-attribuant", "siret-beneficiaire", "rna-beneficiaire",
                               "date-convention", "reference-decision", "nature", "conditions-versement",
                               "dates-versement", "id-rae", "notification-ue", "dispositif")),
})
terms = {
    "document": S,
    "deliberations": arr(obj({**scalars("instance", "numero", "date"), "source": ref("source")}, ["instance"])),
    "periode": obj({"debut": S, "fin": S, "source": ref("source")}, ["debut", "fin"]),
    "arrondi": ref("arrondi"),
    "unites": arr(S),
    "montant": ref("montant-total"),
    "entrees": mapof(obj({**scalars("libelle", "type", "unite"), "source": ref("source")}, ["libelle"]),
                     "Ce que le bilan donne : { libelle, type: montant } ou { libelle, unite: place }."),
    "parametres": mapof(S),
    "evenements": mapof({"oneOf": [S, obj({"libelle": S, "source": ref("source")}, ["libelle"])]},
                        "Événements propres à la convention (au-delà des déclencheurs et de la vie de la convention)."),
    "reglement": ref("reglement"),
    "echeancier": arr(ref("versement")),
    "majoration": obj({**scalars("part-maximum", "condition"), "source": ref("source")}, ["part-maximum", "condition"]),
    "obligations": arr(obj({**scalars("id", "libelle", "partie", "accomplie-par", "consequence"),
                            "echeance": ref("regle-de-date"), "source": ref("source")}, ["id", "libelle", "partie", "echeance"])),
    "taux-indicatifs": arr(obj({**scalars("prix-unitaire", "minimum", "maximum"), "source": ref("source")},
                               ["prix-unitaire", "minimum", "maximum"])),
    "remarques": arr(obj({**scalars("gravite", "constat", "lecture"), "source": ref("source")}, ["constat"])),
    "avenants": arr(obj({**scalars("id", "libelle", "effet"), "montant": ref("montant-total"),
                         "composantes": arr(ref("composante")), "echeancier": arr(ref("versement")),
                         "reglement": ref("reglement"), "source": ref("source")}, ["id", "libelle", "effet"])),
    "vie": ref("vie"),
}
identity = {
    **scalars("id", "titre", "financeur", "beneficiaire", "objet", "territoire"),
    "composantes": arr(ref("composante")),
    "imputation": ref("imputation"),
    "publication": ref("publication"),
    "cofinanceurs": arr(obj({**scalars("id", "nom"), "montant": ref("montant-ecrit"), "source": ref("source")},
                            ["id", "nom", "montant"])),
}
convention = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "convention.schema.json",
    "title": "Fichier de convention de subvention (format: subvention/convention 1)",
    "description": "Voir docs/convention-format.md. Les clés inconnues sont des erreurs.",
    "type": "object",
    "properties": {"format": {"const": "subvention/convention 1"},
                   "convention": obj({**identity, **terms}, ["id", "titre", "financeur", "beneficiaire", "composantes", "echeancier"])},
    "required": ["format", "convention"], "additionalProperties": False,
    "$defs": convention_defs,
}

bilan_section = obj({
    **scalars("convention", "structure", "operation", "majoration"),
    "evenements": mapof(S, "Date de chaque événement du vocabulaire de la convention."),
    "valeurs": mapof(S, "Une valeur par entrée de la convention."),
    "versements": arr(obj(scalars("echeance", "montant", "date"), ["montant"])),
    "justificatifs": arr(obj(scalars("composante", "montant", "date", "libelle"), ["composante", "montant", "date"])),
    "parametres": mapof(S),
})
bilan = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "bilan.schema.json",
    "title": "Fichier de bilan (format: subvention/bilan 1)",
    "type": "object",
    "properties": {"format": {"const": "subvention/bilan 1"}, "bilan": ref("bilan")},
    "required": ["format", "bilan"], "additionalProperties": False,
    "$defs": {**common, "bilan": {**bilan_section, "required": ["convention"]}},
}
scenario_bilan = json.loads(json.dumps(bilan_section))
scenario = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "scenario.schema.json",
    "title": "Scénario rejouable (format: subvention/scenario 1)",
    "type": "object",
    "properties": {"format": {"const": "subvention/scenario 1"},
                   "scenario": obj({
                       **scalars("nom", "pourquoi", "convention", "empreinte", "structure", "operation", "date", "financeur"),
                       "bilan": ref("bilan"),
                       "attendu": obj({
                           "echeancier": mapof(S), "composantes": mapof(S), **scalars("du", "solde", "reversement", "refus", "etat-solde"),
                           "obligations-en-retard": arr(S), "constats": arr(S),
                           "vie": obj({**scalars("etat", "titre-de-recettes", "du"), "dates": mapof(S)}),
                       }),
                       "lectures": arr(S),
                   }, ["nom", "convention", "attendu"])},
    "required": ["format", "scenario"], "additionalProperties": False,
    "$defs": {**common, "bilan": scenario_bilan},
}
root = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "schema")
for name, schema in [("convention", convention), ("bilan", bilan), ("scenario", scenario)]:
    with open(os.path.join(root, f"{name}.schema.json"), "w", encoding="utf-8") as f:
        json.dump(schema, f, ensure_ascii=False, indent=2)
        f.write("\n")
