import SubventionCore

/// An auditor's scenario: a convention (pinned by its content hash), inputs, and the figures expected.
public struct ScenarioFile: Sendable {
    /// The scenario file.
    public var path: String
    public var name: String
    /// One line saying why the expected figures are what they are.
    public var reason: String?
    /// The convention or programme file, as written in the scenario (relative to it).
    public var conventionReference: String
    /// The convention or programme file, resolved.
    public var conventionPath: String
    /// `sha256:…` of the convention file when the scenario was recorded.
    public var recordedHash: String?
    /// For a programme: the structure and, when needed, the operation.
    public var structure: String?
    /// For a co-financed convention: the financeur whose share the scenario computes.
    public var financeur: String? = nil
    public var operation: String?
    /// The computation date (`--as-of`).
    public var asOf: CalendarDate?
    public var bilan: Bilan
    public var expected: ScenarioExpectation
    /// Readings of ambiguous clauses applied instead of the retained ones (`lectures:`).
    public var readings: [String] = []

    public init(
        path: String, name: String, reason: String?, conventionReference: String, conventionPath: String,
        recordedHash: String?, structure: String?, operation: String?, asOf: CalendarDate?, bilan: Bilan,
        expected: ScenarioExpectation
    ) {
        self.path = path
        self.name = name
        self.reason = reason
        self.conventionReference = conventionReference
        self.conventionPath = conventionPath
        self.recordedHash = recordedHash
        self.structure = structure
        self.operation = operation
        self.asOf = asOf
        self.bilan = bilan
        self.expected = expected
    }
}

/// The figures a scenario expects, exact to the cent; what is left out is not checked.
public struct ScenarioExpectation: Hashable, Sendable {
    /// Installment amounts of the échéancier, by id, in order.
    public var installments: [ExpectedAmount]
    /// Dotation due per component, by id, in order.
    public var components: [ExpectedAmount]
    public var due: Money?
    public var solde: Money?
    public var reversement: Money?
    /// Obligations late at the scenario's date, by id.
    public var lateObligations: [String]?
    /// Codes of the findings `check` must report (as a set).
    public var findings: [String]?
    /// The computation must be refused with a message containing this text.
    public var refusal: String?
    /// Whether the solde can be paid: `versee`, `exigible` or `en-attente` (``Payability/code``).
    public var soldeState: String?
    /// The line of each expected value in the scenario file, by field as ``ScenarioDifference`` names it (`du`,
    /// `composantes.volet-3`, `echeancier.acompte`, `obligations-en-retard`…), so that a failure points at it.
    public var lines: [String: Int] = [:]
    /// Mise en demeure, résiliation and their dates and money (`vie:`).
    public var lifecycle: LifecycleExpectation?

    public init(
        installments: [ExpectedAmount] = [], components: [ExpectedAmount] = [], due: Money? = nil, solde: Money? = nil,
        reversement: Money? = nil, lateObligations: [String]? = nil, findings: [String]? = nil, refusal: String? = nil
    ) {
        self.installments = installments
        self.components = components
        self.due = due
        self.solde = solde
        self.reversement = reversement
        self.lateObligations = lateObligations
        self.findings = findings
        self.refusal = refusal
    }
}

/// An amount expected for an installment or a component.
public struct ExpectedAmount: Hashable, Sendable {
    public var id: String
    public var amount: Money

    public init(id: String, amount: Money) {
        self.id = id
        self.amount = amount
    }
}

/// What a scenario expects of the convention's life (`attendu.vie`).
public struct LifecycleExpectation: Hashable, Sendable {
    /// `en-cours`, `mise-en-demeure`, `resiliation-en-cours`, `resiliee`, `suspendue`.
    public var state: String?
    /// Derived dates by id (`resiliation`, `preavis`, `fin-de-mise-en-demeure`, `titre-de-recettes`, a clause or
    /// deadline id), to the day.
    public var dates: [(id: String, date: CalendarDate)]
    /// The titre de recettes of the résiliation.
    public var claim: Money?
    /// What is due at the résiliation.
    public var due: Money?

    public init(state: String? = nil, dates: [(id: String, date: CalendarDate)] = [], claim: Money? = nil, due: Money? = nil) {
        self.state = state
        self.dates = dates
        self.claim = claim
        self.due = due
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.state == rhs.state && lhs.claim == rhs.claim && lhs.due == rhs.due
            && lhs.dates.map(\.id) == rhs.dates.map(\.id) && lhs.dates.map(\.date) == rhs.dates.map(\.date)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state)
        hasher.combine(claim)
        hasher.combine(due)
        for item in dates {
            hasher.combine(item.id)
            hasher.combine(item.date)
        }
    }
}
