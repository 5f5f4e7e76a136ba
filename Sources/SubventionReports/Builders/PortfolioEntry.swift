import SubventionCore

/// One convention of a portfolio, with the bilan (events, payments, realised figures) known for it.
public struct PortfolioEntry: Sendable {
    public var file: String
    public var convention: CompiledConvention
    /// The bilan known for it (empty when none was given).
    public var bilan: Bilan
    /// The bilan file, when one was given.
    public var bilanFile: String?
    public var findings: [Finding]

    public init(
        file: String, convention: CompiledConvention, bilan: Bilan = Bilan(), bilanFile: String? = nil,
        findings: [Finding] = []
    ) {
        self.file = file
        self.convention = convention
        self.bilan = bilan
        self.bilanFile = bilanFile
        self.findings = findings
    }
}

/// One programme of a portfolio: its table of structures.
public struct ProgrammeEntry: Sendable {
    public var file: String
    public var evaluator: ProgrammeEvaluator
    public var rows: [ProgrammeRow]
    /// The bilans of structures, by index of their row in `rows`.
    public var bilans: [Int: Bilan]
    /// The bilan file of each row that has one, by index of the row.
    public var bilanFiles: [Int: String]
    public var findings: [Finding]

    public init(
        file: String, evaluator: ProgrammeEvaluator, rows: [ProgrammeRow], bilans: [Int: Bilan] = [:],
        bilanFiles: [Int: String] = [:], findings: [Finding] = []
    ) {
        self.file = file
        self.evaluator = evaluator
        self.rows = rows
        self.bilans = bilans
        self.bilanFiles = bilanFiles
        self.findings = findings
    }
}
