import SubventionConventions
import SubventionCore
import SubventionRegister

extension RegisterOptions {
    /// The bilan of `target` as the register in use records it, read by the bilan reader like a file, and the
    /// header line naming the register; nil when no register is in use. Nothing recorded for it: an empty bilan.
    func bilan(for target: SettlementTarget, structure: String?, operation: String?) throws
        -> (bilan: Bilan, header: String)?
    {
        guard let (ledger, summary) = try readInUse() else { return nil }
        let id = target.registerID
        let matches = ledger.targets.filter {
            $0.convention == id && $0.structure == structure && (operation == nil || $0.operation == operation)
        }
        guard let key = matches.first, let situation = ledger.situations[key] else { return (Bilan(), summary.french) }
        if matches.count > 1 {
            Console.err(
                "\(summary.path): erreur: plusieurs lignes enregistrées pour « \(structure ?? id) » : précisez l'opération (--operation)")
            throw Console.unreadable
        }
        do {
            let name = "\(summary.path)#\(key.french)"
            var (file, warnings) = try ConventionFiles.bilan(
                text: situation.bilanDocument(includingPayments: false), file: name, for: target.terms)
            Console.report(warnings)
            file.bilan.payments = try PortfolioLoader.payments(situation, for: target.terms, file: name)
            return (file.bilan, summary.french)
        } catch {
            Console.report(error.diagnostics)
            throw Console.unreadable
        }
    }
}

extension SettlementTarget {
    /// The id entries of the register name: the convention's, or the programme's for one of its rows.
    var registerID: String {
        switch kind {
        case .convention(let compiled): return compiled.convention.id
        case .row(let evaluator, _, _): return evaluator.programme.id
        }
    }
}
