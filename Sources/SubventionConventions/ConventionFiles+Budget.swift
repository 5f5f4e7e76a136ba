import Foundation
import SubventionCore

extension ConventionFiles {
    /// The `format:` line of a budget file.
    public static let budgetFormat = "subvention/budget 1"

    /// Reads a budget file's text (`format: subvention/budget 1`).
    ///
    /// ```swift
    /// let (budget, _) = try ConventionFiles.budget(text: yaml, file: "budget-2023.yaml")
    /// budget.lines[0].commitmentAuthority.amount   // 6 801 643,00 €
    /// ```
    public static func budget(text: String, file: String) throws(LoadFailure) -> (Budget, [Diagnostic]) {
        let reader = NodeReader(file: file)
        let budget = header(text, kind: "budget", format: budgetFormat, reader: reader).flatMap {
            BudgetReader(reader: reader).budget($0)
        }
        return try finish(budget, reader)
    }

    /// Loads a budget file.
    public static func loadBudget(path: String) throws(LoadFailure) -> (Budget, [Diagnostic]) {
        try budget(text: try readText(path: path), file: path)
    }

    /// Whether the file's `format:` line (a top-level line, read without parsing the YAML) names a budget.
    public static func isBudget(path: String) -> Bool {
        // Optional lookup: a file that cannot be read is not taken for a budget; its reader then reports why.
        guard let text = try? readText(path: path) else { return false }
        return isBudget(text: text)
    }

    /// Whether a file's text declares `format: subvention/budget 1` on a top-level line.
    static func isBudget(text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: true).contains { line in
            guard line.hasPrefix("format:") else { return false }
            let value = line.dropFirst("format:".count).split(separator: "#").first ?? ""
            return value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                == budgetFormat
        }
    }

    /// The budget files under `path` (a budget file, or a directory searched recursively), sorted.
    public static func budgetFiles(at path: String) throws(LoadFailure) -> [String] {
        try yamlFiles(at: path).filter(isBudget(path:))
    }
}
