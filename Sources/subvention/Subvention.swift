import ArgumentParser

/// The `subvention` command: computes the payments of French subsidy conventions exactly.
@main
struct Subvention: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subvention",
        abstract: "Calcule au centime les versements des conventions de subvention (acomptes, soldes, reversements).",
        discussion: """
            Codes de sortie : 0 succès ; 1 constat de gravité « erreur » ou calcul refusé ; \
            2 usage incorrect ou entrée illisible.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, ScheduleCommand.self, SettleCommand.self, ExplainCommand.self, ReplayCommand.self,
            RecordCommand.self, ReportCommand.self, BudgetCommand.self, BatchCommand.self, EntitlementCommand.self,
            ExportCommand.self,
        ]
    )
}
