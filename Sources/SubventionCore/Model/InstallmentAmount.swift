/// How much an installment of the échéancier is.
public enum InstallmentAmount: Hashable, Sendable {
    /// A share of the conventional total (« acompte de 70 % »).
    case share(Rational)
    /// A fixed amount (« un second versement de 55 400 € »).
    case fixed(Money)
    /// What remains of the total after the other installments (« le solde »).
    case remainder
    /// An amount given per beneficiary when the convention is applied (« avance de XXXX € »).
    case parameter(String)
}
