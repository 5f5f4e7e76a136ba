import SubventionConventions
import SubventionCore
import SubventionReports

extension CheckCommand {
    /// What checking the budget files found: the worst severity, whether a file was unreadable, the findings per file.
    struct BudgetCheck {
        var worst = Severity.info
        var unreadable = false
        var results: [(file: String, findings: [Finding])] = []
    }

    /// Checks every budget file under `paths`: AE − proposition = solde (and disponible − proposition), and the
    /// engagements of the conventions and programmes checked with it (`loaded`) sum to each line's proposition.
    static func checkBudgets(paths: [String], loaded: [LoadedFile]) -> BudgetCheck {
        var check = BudgetCheck()
        var files: [String] = []
        for path in paths {
            do {
                files += try ConventionFiles.budgetFiles(at: path)
            } catch {
                check.unreadable = true
            }
        }
        guard !files.isEmpty else { return check }
        let commitments: [BudgetCommitment]
        do {
            commitments = try Self.commitments(of: loaded)
        } catch {
            Console.err("erreur: engagements budgétaires : \(error)")
            check.worst = .error
            return check
        }
        for file in files {
            do {
                let (budget, warnings) = try ConventionFiles.loadBudget(path: file)
                Console.report(warnings)
                var findings = try BudgetChecker(budget, commitments: commitments).findings()
                findings += try BudgetLedger(budgets: [budget], commitments: commitments.filter {
                    $0.financeur == budget.financeur && $0.exercice == budget.exercice
                }).findings.filter { $0.code == "depassement-ae" }
                check.worst = max(check.worst, findings.map(\.severity).max() ?? .info)
                check.results.append((file, findings))
            } catch let failure as LoadFailure {
                Console.report(failure.diagnostics)
                check.unreadable = true
            } catch {
                Console.err("\(file): erreur: \(error)")
                check.worst = .error
            }
        }
        return check
    }

    /// The engagements of the conventions and programmes loaded (no bilan: no payment is needed for the check).
    static func commitments(of loaded: [LoadedFile]) throws(EngineError) -> [BudgetCommitment] {
        var commitments: [BudgetCommitment] = []
        for file in loaded {
            switch file {
            case .convention(let convention):
                commitments += try BudgetCommitment.commitments(
                    of: try CompiledConvention(convention), bilan: Bilan(), payments: [])
            case .programme(let programme):
                commitments += try BudgetCommitment.commitments(
                    of: try ProgrammeEvaluator(programme.programme), rows: programme.rows)
            case .bilan:
                break
            }
        }
        return commitments
    }
}
