import SubventionCore

/// What a file holds once loaded, with the warnings found in it.
public enum LoadedFile: Sendable {
    case convention(Convention)
    case programme(LoadedProgramme)
    case bilan(BilanFile)
}

/// A programme with the rows of its structures table.
public struct LoadedProgramme: Sendable {
    public var programme: Programme
    public var rows: [ProgrammeRow]
    /// The table file, as resolved from the programme file.
    public var tablePath: String?
    /// How the table's records become rows (for reading the table again as a stream: `batch`).
    package var tableLayout: ProgrammeTableLayout?

    public init(programme: Programme, rows: [ProgrammeRow], tablePath: String?) {
        self.programme = programme
        self.rows = rows
        self.tablePath = tablePath
    }
}
