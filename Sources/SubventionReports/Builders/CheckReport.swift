import SubventionCore

/// What `subvention check` found, as a report: one row per finding with its file, severity, code, subject,
/// message and clause, and per file the count by severity.
public enum CheckReport {
    public static func build(_ files: [(file: String, findings: [Finding])]) -> Report {
        var rows: [[ReportCell]] = []
        for (file, findings) in files {
            for finding in findings {
                rows.append([
                    .text(file), .text(finding.severity.frenchLabel), .text(finding.code), .text(finding.subject),
                    .text(finding.message), .text(Self.source(of: finding)),
                ])
            }
        }
        let summary = files.map { file, findings -> [ReportCell] in
            let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
            return [.text(file), .integer(count(.error)), .integer(count(.warning)), .integer(count(.info))]
        }
        return Report(
            kind: "verification", title: "Vérification des conventions",
            subtitle: [French.count(files.count, "fichier") + ", " + French.count(rows.count, "constat")],
            sections: [
                ReportSection(
                    id: "fichiers", title: "Fichiers",
                    content: .table(
                        ReportTable(
                            columns: [
                                ReportColumn("fichier", "Fichier"), ReportColumn("erreurs", "Erreurs"),
                                ReportColumn("avertissements", "Avertissements"), ReportColumn("infos", "Infos"),
                            ], rows: summary))),
                ReportSection(
                    id: "constats", title: "Constats",
                    content: .table(
                        ReportTable(
                            columns: [
                                ReportColumn("fichier", "Fichier", importance: .essential),
                                ReportColumn("gravite", "Gravité", importance: .high), ReportColumn("code", "Code", importance: .low),
                                ReportColumn("sujet", "Sujet", importance: .low), ReportColumn("message", "Constat", importance: .high),
                                ReportColumn("source", "Source", importance: .low),
                            ], rows: rows))),
            ])
    }

    /// The clause cited, then where the compared figures are written in the file (`file:line:column`).
    static func source(of finding: Finding) -> String {
        let places = finding.positions.map(\.description)
        guard !places.isEmpty else { return finding.clause?.description ?? "" }
        return ([finding.clause?.description].compactMap { $0 } + places).joined(separator: " ; ")
    }
}
