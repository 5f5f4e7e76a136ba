import ArgumentParser
import Foundation
import SubventionCore
import SubventionRegister

/// `subvention registre annuler`: reverses an entry by a new one, with a motif (nothing is updated or deleted).
struct RegisterCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annuler",
        abstract: "Annule une écriture par une nouvelle écriture qui l'inverse, avec un motif (rien n'est modifié ni supprimé).")

    @Argument(help: ArgumentHelp("Numéro de l'écriture à annuler.", valueName: "numéro"))
    var sequence: Int64

    @Option(name: .long, help: ArgumentHelp("Pourquoi (obligatoire).", valueName: "motif"))
    var motif: String

    @OptionGroup var register: RegisterOptions

    @Option(name: .long, help: ArgumentHelp("Auteur de l'écriture (sinon le nom de l'utilisateur).", valueName: "nom"))
    var auteur: String?

    func run() throws {
        guard !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
            Console.err("erreur: --motif est vide : une annulation dit pourquoi")
            throw Console.failure
        }
        let store = try RegisterOptions.open(register.resolved, create: false)
        let original: RegisterEntry?
        do {
            original = try store.read { reader throws(RegisterError) in try reader.entry(sequence) }
        } catch {
            Console.err("erreur: \(error)")
            throw Console.unreadable
        }
        guard let original else {
            Console.err("erreur: pas d'écriture n° \(sequence) dans \(store.path)")
            throw Console.failure
        }
        let entry = NewEntry(
            kind: .cancellation, convention: original.entry.convention, installment: original.entry.installment,
            structure: original.entry.structure, operation: original.entry.operation, amount: original.entry.amount,
            date: original.entry.date, fiscalYear: original.entry.fiscalYear, motif: motif,
            payload: EntryPayload(cancels: sequence))
        do {
            let recorded = try store.append([entry], author: auteur ?? RegisterWorkspace.userName) {
                reader throws(RegisterError) in
                var guardian = try EntryGuard(reader: reader, conventions: []) { situation throws(RegisterError) in
                    PaymentCeiling(total: .zero, installments: [:])
                }
                try guardian.admit(entry)
            }
            RegisterWorkspace.acknowledge(recorded)
        } catch {
            Console.err("erreur: \(error)")
            throw Console.failure
        }
    }
}
