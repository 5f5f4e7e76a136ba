import SubventionCSV
import SubventionCore

/// Builds the SCDL « Subventions » open-data file (décret n° 2017-779, schema 2.1.1): one row per convention and
/// one per structure of a programme's table.
///
/// Values come from the convention (`financeur`, `beneficiaire`, `objet` or else `titre`, the montant conventionné,
/// the échéancier's dates and labels) and its `publication:` (identifiers, date, decision, nature, notification
/// UE). Nothing is invented: a required value that is missing, or out of the schema's bounds, is a problem of the
/// record naming its column (``SCDLRecord/problems``), and such a record is not written.
public enum SCDLExport {
    /// The schema and version the file follows, for `--version`.
    public static let format = "scdl/subventions 2.1.1"

    /// The CSV of `records` (all complete): UTF-8 without BOM, `,`, CRLF, the 16 headers; values are written as
    /// they are (the open-data file is for programs: no `'` is added before text starting with `=`, `+`, `-`, `@`).
    public static func csv(_ records: [SCDLRecord]) -> [UInt8] {
        var writer = CSVWriter(dialect: CSVDialect(delimiter: .comma, neutralisesFormulas: false))
        writer.write(SCDLColumn.headers)
        for record in records { writer.write(record.fields) }
        return writer.bytes
    }

    /// The record of a convention file.
    public static func record(_ compiled: CompiledConvention, file: String) -> SCDLRecord {
        let convention = compiled.convention
        let publication = convention.publication
        var builder = Builder(subject: "\(file) (\(convention.id))")
        builder.common(publication, grantor: convention.financeur)
        builder.set(.dateConvention, publication.conventionDate?.iso)
        builder.set(.nomBeneficiaire, convention.beneficiaire)
        builder.identify(siret: publication.beneficiarySIRET, rna: publication.beneficiaryRNA)
        builder.set(.objet, convention.object ?? convention.title)
        builder.amount(compiled.total, of: compiled.total)
        builder.set(.conditionsVersement, publication.paymentConditions ?? conditions(convention.installments))
        if let dates = publication.paymentDates {
            builder.set(.datesPeriodeVersement, dates.iso)
        } else {
            do {
                builder.paymentDates(try compiled.schedule())
            } catch {
                builder.problem(.datesPeriodeVersement, "échéancier incalculable (\(error))")
            }
        }
        return builder.record
    }

    /// The records of a programme: one per row of its table, the programme's `publication:` shared, each
    /// structure's identifiers from `publication.beneficiaires`.
    public static func records(_ evaluator: ProgrammeEvaluator, rows: [ProgrammeRow], file: String) -> [SCDLRecord] {
        let programme = evaluator.programme
        let publication = programme.publication
        return rows.map { row in
            var builder = Builder(subject: "\(file), ligne \(row.line) du tableau, « \(row.structure) »")
            let beneficiary = publication.beneficiaries[row.structure]
            builder.common(publication, grantor: programme.financeur)
            builder.set(.dateConvention, (beneficiary?.conventionDate ?? publication.conventionDate)?.iso)
            builder.set(.nomBeneficiaire, row.structure)
            builder.identify(siret: beneficiary?.siret, rna: beneficiary?.rna)
            let operation = programme.operation(forTableLabel: row.operation)
            builder.set(.objet, operation.map { "\(programme.title) : \($0.label)" } ?? programme.title)
            builder.amount(row.declaredAmount, of: row.declaredAmount)
            if let paymentConditions = publication.paymentConditions {
                builder.set(.conditionsVersement, paymentConditions)
            } else {
                do {
                    builder.set(.conditionsVersement, conditions(try evaluator.terms(for: row).installments))
                } catch {
                    builder.problem(.conditionsVersement, "conditions incalculables (\(error))")
                }
            }
            if let dates = publication.paymentDates {
                builder.set(.datesPeriodeVersement, dates.iso)
            } else {
                do {
                    builder.paymentDates(try evaluator.schedule(row))
                } catch {
                    builder.problem(.datesPeriodeVersement, "échéancier incalculable (\(error))")
                }
            }
            return builder.record
        }
    }

    /// The échéancier's labels: « Avance à la signature ; Solde annuel au prorata de la réalisation ».
    static func conditions(_ installments: [Installment]) -> String? {
        installments.isEmpty ? nil : installments.map(\.label).joined(separator: " ; ")
    }

    /// Fills one record, collecting its problems.
    struct Builder {
        var record: SCDLRecord

        init(subject: String) {
            record = SCDLRecord(subject: subject, values: [:], problems: [])
        }

        /// Adds a problem, keeping them in the order of the columns.
        mutating func problem(_ column: SCDLColumn, _ reason: String) {
            let index = record.problems.firstIndex { $0.column.position > column.position } ?? record.problems.count
            record.problems.insert((column, reason), at: index)
        }

        /// Sets a value; a required one that is nil is a problem; a text above the schema's length is a problem.
        mutating func set(_ column: SCDLColumn, _ value: String?, required: Bool = true) {
            guard let value, !value.isEmpty else {
                if required { problem(column, "valeur manquante") }
                return
            }
            if let maximum = column.maximumLength, value.count > maximum {
                problem(column, "\(value.count) caractères, au plus \(maximum)")
                return
            }
            record.values[column] = value
        }

        /// The columns a programme shares with its rows.
        mutating func common(_ publication: Publication, grantor: String) {
            set(.nomAttribuant, publication.grantorName ?? grantor)
            set(.idAttribuant, publication.grantorSIRET?.digits)
            set(.referenceDecision, publication.decisionReference, required: false)
            set(.nature, publication.nature?.rawValue)
            set(.idRAE, publication.raeID, required: false)
            set(.notificationUE, publication.notifiedToEU.map { $0 ? "oui" : "non" })
            set(.dispositifAide, publication.aidScheme, required: false)
        }

        /// `idBeneficiaire` and `rnaBeneficiaire`: at least one of them.
        mutating func identify(siret: SIRET?, rna: RNA?) {
            set(.idBeneficiaire, siret?.digits, required: false)
            set(.rnaBeneficiaire, rna?.text, required: false)
            if siret == nil && rna == nil {
                problem(.idBeneficiaire, "valeur manquante (SIRET, ou numéro RNA dans rnaBeneficiaire)")
            }
        }

        /// `montant` (euros, `.` decimal) and `pourcentageSubvention`, the share of `total` (0,01 to 1).
        mutating func amount(_ amount: Money, of total: Money) {
            guard amount.cents > 0 else {
                problem(.montant, "montant nul ou négatif (\(amount.french)) : rien à publier")
                return
            }
            set(.montant, amount.machine)
            let share: Rational
            do {
                share = try Rational(amount.cents, total.cents)
            } catch {
                problem(.pourcentageSubvention, "part incalculable : \(error)")
                return
            }
            let hundredfold = Int128(share.numerator) * 100
            guard hundredfold >= Int128(share.denominator), !(Rational.one < share) else {
                problem(.pourcentageSubvention, "part \(share.machine) hors de 0,01 à 1")
                return
            }
            // A share without a finite decimal writing (1/3) is not a number of the schema: said, not rounded here.
            guard !share.machine.contains("/") else {
                problem(.pourcentageSubvention, "part \(share.machine) sans écriture décimale finie")
                return
            }
            set(.pourcentageSubvention, share.machine)
        }

        /// One date when every installment falls on the same day, else the period from the first to the last;
        /// each installment's date is when it becomes payable, or its deadline. An undated installment is a problem.
        mutating func paymentDates(_ schedule: Schedule) {
            var dates: [CalendarDate] = []
            var undated: [String] = []
            for installment in schedule.installments {
                if let date = installment.payableFrom ?? installment.dueDate {
                    dates.append(date)
                } else {
                    undated.append("« \(installment.installment.label) »")
                }
            }
            guard undated.isEmpty, let first = dates.min(), let last = dates.max() else {
                problem(
                    .datesPeriodeVersement,
                    "valeur manquante (l'échéancier ne date pas \(undated.isEmpty ? "de versement" : undated.joined(separator: ", ")) ; "
                        + "donner publication.dates-versement)")
                return
            }
            set(.datesPeriodeVersement, Publication.PaymentDates(first: first, last: last).iso)
        }
    }
}
