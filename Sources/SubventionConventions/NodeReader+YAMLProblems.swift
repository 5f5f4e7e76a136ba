import Foundation

extension NodeReader {
    /// libyaml's syntax problems (scanner, parser, composer), in French (problème de syntaxe YAML): what people read
    /// after `fichier:ligne:colonne: erreur: YAML invalide :`.
    static let yamlProblems: [String: String] = [
        "found character that cannot start any token":
            "caractère qui ne peut pas commencer une valeur (une tabulation, « @ » ou « ` » ? mettez le texte entre guillemets)",
        "mapping values are not allowed in this context":
            "« : » inattendu ici (une valeur contenant « : » doit être entre guillemets, ou l'indentation est fausse)",
        "could not find expected ':'": "« : » attendu après la clé",
        "did not find expected key": "clé attendue (indentation incohérente ?)",
        "did not find expected ',' or '}'": "« , » ou « } » attendu (dictionnaire entre accolades non fermé ?)",
        "did not find expected ',' or ']'": "« , » ou « ] » attendu (liste entre crochets non fermée ?)",
        "did not find expected '-' indicator": "« - » attendu (élément de liste mal indenté ?)",
        "did not find expected node content": "valeur attendue",
        "did not find expected <document start>": "début de document attendu",
        "block sequence entries are not allowed in this context": "élément de liste « - » inattendu ici (indentation ?)",
        "block mapping entries are not allowed in this context": "clé inattendue ici (indentation ?)",
        "found unexpected end of stream": "fin de fichier inattendue (guillemet ou crochet non fermé ?)",
        "found unexpected document indicator": "« --- » ou « ... » inattendu dans une valeur",
        "found unknown escape character": "séquence d'échappement inconnue après « \\ » entre guillemets doubles",
        "found a tab character that violates indentation": "tabulation dans l'indentation (YAML n'accepte que des espaces)",
        "found a tab character where an indentation space is expected":
            "tabulation dans l'indentation (YAML n'accepte que des espaces)",
        "did not find expected comment or line break": "commentaire ou fin de ligne attendu",
        "did not find expected alphabetic or numeric character": "lettre ou chiffre attendu (ancre ou alias)",
        "found undefined tag handle": "étiquette (tag) inconnue",
        "found undefined alias": "alias inconnu (« * » sans ancre « & » correspondante)",
        "found duplicate anchor; first occurrence": "ancre définie deux fois",
        "found incompatible YAML document": "version de YAML non prise en charge",
        "found unexpected ':'": "« : » inattendu",
        "found invalid Unicode character escape code": "code Unicode invalide après « \\ »",
        "did not find URI escaped octet": "octet échappé attendu dans l'étiquette",
        "found extra tokens after the document": "contenu en trop après la fin du document",
        "could not find expected ':' after a simple key": "« : » attendu après la clé",
    ]

    /// `problem` in French: from ``yamlProblems`` (a trailing « ; first occurrence » or position left out), else a
    /// French sentence without libyaml's English.
    static func frenchYAMLProblem(_ problem: String) -> String {
        let trimmed = problem.trimmingCharacters(in: .whitespaces)
        if let french = yamlProblems[trimmed] { return french }
        if let french = yamlProblems.first(where: { trimmed.hasPrefix($0.key) })?.value { return french }
        return "syntaxe incorrecte à cette position"
    }
}
