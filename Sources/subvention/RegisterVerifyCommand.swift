import ArgumentParser
import SubventionRegister

/// `subvention registre verifier`: recomputes the hash chain and names the first entry that does not match.
struct RegisterVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verifier",
        abstract: "Vérifie l'intégrité du registre : numéros, chaînage et empreinte SHA-256 de chaque écriture.",
        discussion: "Code de sortie 1 si une écriture a été modifiée, supprimée ou insérée hors de l'outil (la première est nommée), ou si un déclencheur d'ajout seul a été supprimé.")

    @OptionGroup var register: RegisterOptions

    func run() throws {
        let store = try RegisterOptions.open(register.resolved, create: false)
        let verification: RegisterVerification
        do {
            verification = try store.verify()
        } catch {
            Console.err("\(store.path): erreur: \(error)")
            throw Console.unreadable
        }
        if let bad = verification.firstBadEntry {
            Console.err(
                "\(store.path): erreur: registre altéré : écriture n° \(bad) : \(verification.problem ?? "empreinte différente")")
        }
        for trigger in verification.missingTriggers {
            Console.err("\(store.path): erreur: déclencheur « \(trigger) » supprimé : le registre n'est plus protégé en ajout seul")
        }
        guard verification.isIntact else { throw Console.failure }
        Console.out(
            "Registre intact : \(store.path), \(verification.count) écriture\(verification.count > 1 ? "s" : "") vérifiée\(verification.count > 1 ? "s" : "")"
                + (verification.lastHash.map { ", empreinte de tête \($0)" } ?? "") + "\n")
    }
}
