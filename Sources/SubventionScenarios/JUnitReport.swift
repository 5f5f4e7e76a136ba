/// Writes replay results as JUnit XML, the format CI systems read.
public enum JUnitReport {
    /// One `<testsuite name="subvention replay">` with a `<testcase>` per scenario, failures carrying the diff.
    public static func xml(_ results: [ScenarioResult]) -> String {
        let failures = results.filter { !$0.passed && $0.error == nil }.count
        let errors = results.filter { $0.error != nil }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"subvention\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        xml += "  <testsuite name=\"subvention replay\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for result in results {
            xml += "    <testcase classname=\"\(escape(result.path))\" name=\"\(escape(result.name))\""
            if result.passed && result.notes.isEmpty {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            if let error = result.error {
                xml += "      <error message=\"scénario illisible\">\(escape(error))</error>\n"
            } else if !result.passed {
                let message = result.differences.first?.description ?? "échec"
                xml += "      <failure message=\"\(escape(message))\">\(escape(result.report))</failure>\n"
            }
            if !result.notes.isEmpty {
                xml += "      <system-out>\(escape(result.notes.joined(separator: "\n")))</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
