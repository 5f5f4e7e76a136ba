import ArgumentParser
import SubventionConventions
import SubventionReports

/// The `subvention` command: computes the payments of French subsidy conventions exactly.
@main
struct Subvention: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subvention",
        abstract: "Calcule au centime les versements des conventions de subvention (acomptes, soldes, reversements).",
        discussion: Console.exitCodesHelp,
        version: version,
        subcommands: [
            CheckCommand.self, ScheduleCommand.self, SettleCommand.self, ExplainCommand.self, ReplayCommand.self,
            RecordCommand.self, ReportCommand.self, BudgetCommand.self, BatchCommand.self, EntitlementCommand.self,
            ExportCommand.self, RegisterCommand.self,
        ]
    )

    /// The tool's version and the versions of the file formats it reads and writes (`--version`).
    static let version = """
        subvention 0.1.0
        formats lus :
          \(ConventionFiles.conventionFormat)
          \(ConventionFiles.programmeFormat)
          \(ConventionFiles.bilanFormat)
          \(ConventionFiles.scenarioFormat)
          \(ConventionFiles.budgetFormat)
        formats écrits :
          \(JSONRenderer.format)
          \(SCDLExport.format)
        """

    /// Parses and runs the command line in French: help and usage errors go through ``FrenchHelp``, and the exit
    /// code is the project's (usage errors exit 2, never ArgumentParser's 64).
    static func main() {
        CommandLineRunner.run(Array(CommandLine.arguments.dropFirst()))
    }
}
