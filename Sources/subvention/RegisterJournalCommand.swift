import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionRegister
import SubventionReports

/// `subvention registre journal`: the entries, filtered, in every report format.
struct RegisterJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Liste les écritures du registre (filtres : convention, exercice, nature) en texte, JSON, CSV…")

    @Option(name: .long, help: ArgumentHelp("Seulement cette convention (ou ce programme).", valueName: "id"))
    var convention: String?

    @Option(name: .long, help: ArgumentHelp("Seulement cet exercice.", valueName: "année"))
    var exercice: Int?

    @Option(name: .long, help: ArgumentHelp("Seulement cette nature : \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "nature"))
    var nature: String?

    @OptionGroup var register: RegisterOptions

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        var kind: EntryKind?
        if let nature {
            guard let parsed = EntryKind(rawValue: nature) else {
                let names = EntryKind.allCases.map(\.rawValue)
                let suggestion = Suggestion.closest(to: nature, among: names).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
                Console.err("erreur: --nature « \(nature) » inconnue (\(names.joined(separator: ", ")))\(suggestion)")
                throw Console.unreadable
            }
            kind = parsed
        }
        let store = try RegisterOptions.open(register.resolved, create: false)
        let entries: [RegisterEntry]
        let summary: RegisterSummary
        do {
            (entries, summary) = try store.read { reader throws(RegisterError) in
                (try reader.entries(convention: convention), try reader.summary(path: store.path))
            }
        } catch {
            Console.err("\(store.path): erreur: \(error)")
            throw Console.unreadable
        }
        let ledger = RegisterLedger(entries)
        let selected = entries.filter { entry in
            (exercice == nil || entry.entry.fiscalYear == exercice) && (kind == nil || entry.entry.kind == kind)
        }
        var filters: [String] = []
        if let convention { filters.append("convention \(convention)") }
        if let exercice { filters.append("exercice \(exercice)") }
        if let kind { filters.append("nature \(kind.french)") }
        try output.write(
            RegisterReports.journal(
                selected, cancelled: ledger.cancelled, summary: summary,
                filters: filters.isEmpty ? nil : "Filtre : " + filters.joined(separator: ", ")))
    }
}
