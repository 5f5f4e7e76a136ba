import ArgumentParser
import SubventionCore

/// `subvention registre`: the register of what really happened (versements, événements, titres, réalisations).
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registre",
        abstract: "Registre des faits : versements, événements, titres de recettes, réalisations ; journal, états, vérification.",
        discussion: """
            Le registre est un fichier SQLite (subvention.sqlite dans le dossier courant, sinon --registre ou \
            $SUBVENTION_REGISTRE) où chaque écriture est numérotée, datée (UTC), signée de son auteur et chaînée à la \
            précédente par une empreinte SHA-256 ; rien ne s'y modifie ni ne s'y supprime (annuler ajoute une écriture). \
            report, entitlement, settle, schedule et explain le lisent. Voir docs/registre.md.
            Codes de sortie : 0 succès ; 1 écriture refusée (plafond, mandat déjà enregistré, convention, échéance ou \
            événement inconnus, montant au-delà du centime) ou registre altéré (verifier) ; 2 usage incorrect ou \
            fichier illisible.
            """,
        subcommands: [
            RegisterPaymentCommand.self, RegisterEventCommand.self, RegisterReceiptOrderCommand.self,
            RegisterResultsCommand.self, RegisterCancelCommand.self, RegisterJournalCommand.self,
            RegisterImportCommand.self, RegisterVerifyCommand.self, RegisterStatementCommand.self,
        ])
}

/// Options of the verbs that record: the register, the conventions entries are checked against, the author.
struct RecordingOptions: ParsableArguments {
    @OptionGroup var register: RegisterOptions

    @Option(name: .long, help: ArgumentHelp("Fichier ou dossier des conventions et programmes (Conventions par défaut).", valueName: "chemin"), completion: .directory)
    var conventions = "Conventions"

    @Option(name: .long, help: ArgumentHelp("Auteur des écritures (sinon le nom de l'utilisateur).", valueName: "nom"))
    var auteur: String?

    func workspace() throws -> RegisterWorkspace {
        try RegisterWorkspace(conventions: conventions, options: register, author: auteur)
    }
}

/// The convention (or programme row) an entry is about.
struct RegisterTargetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Identifiant de la convention ou du programme.", valueName: "id"))
    var convention: String

    @Option(name: .long, help: ArgumentHelp("Pour un programme : la structure du tableau.", valueName: "structure"))
    var structure: String?

    @Option(name: .long, help: ArgumentHelp("Pour un programme : l'opération, quand la structure a plusieurs lignes.", valueName: "opération"))
    var operation: String?

    func resolve(in workspace: RegisterWorkspace) throws -> RegisterWorkspace.Target {
        try workspace.target(convention: convention, structure: structure, operation: operation)
    }
}

/// An amount given on the command line, exact to the cent (`48 000`, `48000.00`, `48 000,00 €`).
enum AmountArgument {
    /// Parses `text`; an amount that is not exact cents, or not an amount, exits 1 with the reason.
    static func parse(_ text: String, option: String) throws -> Money {
        do {
            return try Money(parsing: text)
        } catch {
            Console.err("erreur: \(option) « \(text) » : \(error)")
            throw Console.failure
        }
    }
}
