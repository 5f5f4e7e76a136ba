import SubventionCore

/// The guards every new entry passes, under the register's write lock (contrôles à l'enregistrement):
/// - a numéro de mandat (or of titre) recorded once;
/// - a versement within what its échéance and its convention allow, unless a motif of dépassement is given;
/// - an annulation of an entry that exists, is not an annulation, and is not annulled already.
///
/// It reads the register once per batch and then follows the entries of the batch in memory, so that importing a
/// large file costs one read.
public struct EntryGuard {
    /// The ceilings of a target's versements, from the convention and what is recorded for it.
    public typealias CeilingProvider = (RecordedSituation) throws(RegisterError) -> PaymentCeiling

    private let reader: RegisterReader
    private let ceilingProvider: CeilingProvider
    private var ledger: RegisterLedger
    private var ceilings: [RecordTarget: PaymentCeiling] = [:]
    private var paidTotal: [RecordTarget: Money] = [:]
    private var paidOn: [RecordTarget: [String: Money]] = [:]
    private var numbers: [EntryKind: [String: Int]] = [:]
    private var cancelled: Set<Int64> = []
    private var batchIndex = 0

    /// Reads what the ceilings of `conventions` (those the batch is about) depend on: their events, réalisations,
    /// paramètres and majorations (the sums paid are asked of SQLite, target by target).
    public init(reader: RegisterReader, conventions: Set<String>, ceiling: @escaping CeilingProvider) throws(RegisterError) {
        self.reader = reader
        self.ceilingProvider = ceiling
        var entries: [RegisterEntry] = []
        for convention in conventions.sorted() {
            entries += try reader.entriesButMovements(convention: convention)
        }
        ledger = RegisterLedger(entries)
    }

    /// Checks `entry`, the next of the batch, and counts it for the following ones.
    /// - Throws: ``RegisterError/refused(_:)`` with the figures.
    public mutating func admit(_ entry: NewEntry) throws(RegisterError) {
        batchIndex += 1
        switch entry.kind {
        case .payment, .receiptOrder:
            if let number = entry.number { try checkNumber(number, kind: entry.kind) }
            if entry.kind == .payment { try checkCeiling(entry) }
        case .cancellation:
            try checkCancellation(entry)
        case .parameter, .majoration:
            ceilings[RecordTarget(entry)] = nil
        case .event, .results, .justification:
            break
        }
    }

    private mutating func checkNumber(_ number: String, kind: EntryKind) throws(RegisterError) {
        let what = kind == .payment ? "le mandat" : "le titre"
        if let index = numbers[kind]?[number] {
            throw .refused("\(what) n° \(number) figure deux fois dans ce lot (lignes \(index) et \(batchIndex))")
        }
        if let existing = try reader.entry(kind: kind, number: number) {
            var detail = "écriture n° \(existing.sequence)"
            if let amount = existing.entry.amount { detail += ", \(amount.french)" }
            if let date = existing.entry.date { detail += " du \(date.frenchShort)" }
            detail += ", \(RecordTarget(existing.entry).french)"
            throw .refused("\(what) n° \(number) est déjà enregistré (\(detail)) : un numéro ne s'enregistre qu'une fois")
        }
        numbers[kind, default: [:]][number] = batchIndex
    }

    private mutating func checkCeiling(_ entry: NewEntry) throws(RegisterError) {
        guard let amount = entry.amount else { return }
        let target = RecordTarget(entry)
        if ceilings[target] == nil, entry.payload.overrun != true {
            ceilings[target] = try ceilingProvider(ledger.situations[target] ?? RecordedSituation(target: target))
        }
        func figure(_ compute: () throws -> Money) throws(RegisterError) -> Money {
            do { return try compute() } catch { throw .refused("\(target.french) : montants trop grands (\(error))") }
        }
        if paidTotal[target] == nil {
            let sums = try reader.paidSums(target)
            paidTotal[target] = try figure { try sums.values.map { $0 }.sum() }
            paidOn[target] = sums
        }
        let total = paidTotal[target] ?? .zero
        let installment = entry.installment
        let onInstallment = installment.flatMap { paidOn[target]?[$0] } ?? .zero
        if entry.payload.overrun != true, let ceiling = ceilings[target] {
            try ceiling.check(
                amount: amount, installment: installment, paidInTotal: total, paidOnInstallment: onInstallment,
                target: target.french)
        }
        paidTotal[target] = try figure { try total + amount }
        paidOn[target, default: [:]][installment ?? ""] = try figure {
            try (paidOn[target]?[installment ?? ""] ?? .zero) + amount
        }
    }

    private mutating func checkCancellation(_ entry: NewEntry) throws(RegisterError) {
        guard let sequence = entry.payload.cancels else { throw .refused("annulation : l'écriture à annuler manque") }
        guard let cancelled = try reader.entry(sequence) else {
            throw .refused("annulation : pas d'écriture n° \(sequence) dans le registre")
        }
        if cancelled.entry.kind == .cancellation {
            throw .refused(
                "annulation : l'écriture n° \(sequence) est une annulation ; une annulation ne s'annule pas, enregistrez à nouveau l'écriture d'origine")
        }
        if let earlier = try reader.cancellation(of: sequence) {
            throw .refused("annulation : l'écriture n° \(sequence) est déjà annulée (écriture n° \(earlier))")
        }
        guard !self.cancelled.contains(sequence) else {
            throw .refused("annulation : l'écriture n° \(sequence) figure deux fois dans ce lot")
        }
        self.cancelled.insert(sequence)
    }
}
