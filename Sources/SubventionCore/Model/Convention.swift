/// A subsidy convention as data: who funds whom, how much, how it is paid, settled and justified.
///
/// Built by the convention-file loader; the engine computes its schedule (``Schedule``),
/// its settlement from a bilan (``Settlement``) and checks the document's own arithmetic (``Finding``).
public struct Convention: Hashable, Sendable {
    /// Stable identifier (`departement-ccas-commune-2025`).
    public var id: String
    public var title: String
    /// Who pays (« Département du Doubs »).
    public var financeur: String
    /// Who is funded (« CCAS de la commune »).
    public var beneficiaire: String
    public var object: String?
    public var territory: String?
    /// The source document every clause refers to by default.
    public var document: String?
    public var deliberations: [Deliberation]
    public var period: Period?
    /// The rounding policy of every product, unless a component declares its own.
    public var rounding: RoundingPolicy
    /// The montant conventionné as the convention writes it.
    public var declaredTotal: WrittenFigure?
    /// The same total as written elsewhere (deliberation, report), possibly differently.
    public var totalWrittenElsewhere: [WrittenFigure]
    /// Figures the bilan must give for the settlement.
    public var inputs: [InputDeclaration]
    /// Amounts given per beneficiary when a model convention is applied (the avance « XXXX »), by key, with a label.
    public var parameters: [String: String]
    public var components: [Component]
    public var installments: [Installment]
    public var settlement: SettlementTerms
    public var majoration: Majoration?
    public var obligations: [Obligation]
    public var indicativeRates: [IndicativeRate]
    public var notes: [DocumentNote]
    public var amendments: [Amendment]
    /// The budget line the convention is charged to (imputation budgétaire), unless its components say otherwise.
    public var imputation: Imputation? = nil
    /// Résiliations, suspension, monthly deadlines and the money that follows a résiliation (« vie de la convention »).
    public var lifecycle = LifecycleTerms()
    /// The financeurs of a co-financed convention (`cofinanceurs:`), each with its total; empty for one financeur.
    public var cofinancers: [Cofinancer] = []
    /// For one financeur's share of a co-financed convention (``shares()``), that financeur's id.
    public var cofinancer: String? = nil
    /// The events the convention names beyond the common ones (`evenements:`), part of its vocabulary.
    public var declaredEvents: [EventDeclaration] = []
    /// The essential data for open-data publication (SCDL « Subventions »), when the file gives it.
    public var publication = Publication()

    public init(
        id: String, title: String, financeur: String, beneficiaire: String, object: String? = nil,
        territory: String? = nil, document: String? = nil, deliberations: [Deliberation] = [],
        period: Period? = nil, rounding: RoundingPolicy = .nearestCent, declaredTotal: WrittenFigure? = nil,
        totalWrittenElsewhere: [WrittenFigure] = [], inputs: [InputDeclaration] = [],
        parameters: [String: String] = [:], components: [Component] = [], installments: [Installment] = [],
        settlement: SettlementTerms = SettlementTerms(), majoration: Majoration? = nil,
        obligations: [Obligation] = [], indicativeRates: [IndicativeRate] = [], notes: [DocumentNote] = [],
        amendments: [Amendment] = []
    ) {
        self.id = id
        self.title = title
        self.financeur = financeur
        self.beneficiaire = beneficiaire
        self.object = object
        self.territory = territory
        self.document = document
        self.deliberations = deliberations
        self.period = period
        self.rounding = rounding
        self.declaredTotal = declaredTotal
        self.totalWrittenElsewhere = totalWrittenElsewhere
        self.inputs = inputs
        self.parameters = parameters
        self.components = components
        self.installments = installments
        self.settlement = settlement
        self.majoration = majoration
        self.obligations = obligations
        self.indicativeRates = indicativeRates
        self.notes = notes
        self.amendments = amendments
    }
}
