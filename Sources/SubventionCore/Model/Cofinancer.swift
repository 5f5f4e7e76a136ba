/// One of the financeurs of a co-financed convention (cofinanceur): its name and the total it commits.
///
/// A co-financed convention funds its actions by several financeurs, each one's share per action written as a
/// component of its own (the State's 34 762 € of an action of 74 762 €, the Département's 40 000 €). Each
/// financeur's share is a convention of its own for the engine (``Convention/shares()``): its components, its
/// installments, its total checked, its due settled from the one bilan.
public struct Cofinancer: Hashable, Sendable {
    /// Key the components and installments name under `financeur:` (`etat`, `departement`).
    public var id: String
    /// Who pays (« État », « Département du Var »).
    public var name: String
    /// The total this financeur commits, as the document writes it.
    public var declaredTotal: WrittenFigure?
    public var clause: Clause?

    public init(id: String, name: String, declaredTotal: WrittenFigure? = nil, clause: Clause? = nil) {
        self.id = id
        self.name = name
        self.declaredTotal = declaredTotal
        self.clause = clause
    }
}

extension Convention {
    /// Whether several financeurs fund this convention (`cofinanceurs:`).
    public var isCofinanced: Bool { !cofinancers.isEmpty }

    /// Each financeur's share as a convention of its own: the same terms, with only that financeur's components
    /// and installments, its total, and that financeur as `financeur`. A convention with one financeur is its own
    /// only share.
    ///
    /// The id of a share is `convention-id/financeur-id`; its bilan is the convention's bilan, whose payments
    /// each name an installment of one share (``Bilan/share(for:)``).
    public func shares() -> [Convention] {
        guard isCofinanced else { return [self] }
        return cofinancers.map { cofinancer in
            var share = self
            share.id = "\(id)/\(cofinancer.id)"
            share.title = "\(title) – part \(cofinancer.name)"
            share.financeur = cofinancer.name
            share.declaredTotal = cofinancer.declaredTotal
            share.totalWrittenElsewhere = []
            share.components = components.filter { $0.financeur == cofinancer.id }
            share.installments = installments.filter { $0.financeur == cofinancer.id }
            share.notes = []
            share.cofinancers = []
            share.cofinancer = cofinancer.id
            return share
        }
    }

    /// The share of one financeur (by its id), if the convention has it.
    public func share(of financeur: String) -> Convention? {
        shares().first { $0.cofinancer == financeur }
    }
}

extension Bilan {
    /// The bilan of one share of a co-financed convention: the same events, values and justifications, and only
    /// the payments made on that share's installments.
    public func share(for share: Convention) -> Bilan {
        var bilan = self
        let installments = Set(share.installments.map(\.id))
        bilan.payments = payments.filter { $0.installment.map(installments.contains) ?? false }
        return bilan
    }
}
