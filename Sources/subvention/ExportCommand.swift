import ArgumentParser

/// `subvention export`: files for others (open data).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte les données des conventions pour d'autres : données essentielles SCDL (open data).",
        subcommands: [ExportSCDLCommand.self])
}
