import SubventionCore

/// The guard on a new versement (plafond de versement): what the échéance and the convention allow.
///
/// The convention allows its montant conventionné plus a majoration recorded (checked first); the échéance allows its amount in the échéancier (for the solde, its maximum before settlement); the convention
/// allows its montant conventionné plus a majoration recorded. A versement beyond either is refused unless a motif
/// of dépassement is given.
public struct PaymentCeiling: Sendable {
    /// The montant conventionné (plus the majoration recorded).
    public var total: Money
    /// The amount of each échéance in the échéancier.
    public var installments: [String: Money]

    public init(total: Money, installments: [String: Money]) {
        self.total = total
        self.installments = installments
    }

    /// Checks `amount` on `installment` given what is already paid.
    /// - Throws: ``RegisterError/refused(_:)`` with the figures, naming the ceiling passed.
    public func check(
        amount: Money, installment: String?, paidInTotal: Money, paidOnInstallment: Money, target: String
    ) throws(RegisterError) {
        func sum(_ a: Money, _ b: Money) throws(RegisterError) -> Money {
            do { return try a + b } catch { throw .refused("montant trop grand : \(error)") }
        }
        func excess(_ a: Money, _ b: Money) throws(RegisterError) -> Money {
            do { return try a - b } catch { throw .refused("montant trop grand : \(error)") }
        }
        let total = self.total
        let afterTotal = try sum(paidInTotal, amount)
        if afterTotal > total {
            let over = try excess(afterTotal, total)
            throw .refused(
                "versement refusé : \(target) autorise \(total.french) au total ; "
                    + "déjà versé \(paidInTotal.french) + \(amount.french) = \(afterTotal.french), "
                    + "dépassement de \(over.french) "
                    + "(--motif-depassement « … » pour l'enregistrer quand même)")
        }
        if let installment, let ceiling = installments[installment] {
            let after = try sum(paidOnInstallment, amount)
            if after > ceiling {
                let over = try excess(after, ceiling)
                throw .refused(
                    "versement refusé : l'échéance « \(installment) » de \(target) autorise \(ceiling.french) ; "
                        + "déjà versé \(paidOnInstallment.french) + \(amount.french) = \(after.french), "
                        + "dépassement de \(over.french) "
                        + "(--motif-depassement « … » pour l'enregistrer quand même)")
            }
        }
    }
}
