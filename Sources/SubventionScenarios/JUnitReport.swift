/// Writes replay results as JUnit XML, the format CI systems read.
public enum JUnitReport {
    /// One `<testsuite name="subvention replay">` with a `<testcase>` per scenario, failures carrying the diff.
    ///
    /// A test case's `classname` is the scenario's path relative to `directory` (the working directory), without
    /// its extension and with no dot (CI viewers read dots as package separators); `time` is in seconds with
    /// milliseconds, written from integers.
    public static func xml(_ results: [ScenarioResult], relativeTo directory: String? = nil) -> String {
        let failures = results.filter { !$0.passed && $0.error == nil }.count
        let errors = results.filter { $0.error != nil }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"subvention\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        let total = results.map(\.duration).reduce(Duration.zero, +)
        xml += "  <testsuite name=\"subvention replay\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\" "
            + "time=\"\(seconds(total))\">\n"
        for result in results {
            xml += "    <testcase classname=\"\(escape(className(result.path, relativeTo: directory)))\" "
                + "name=\"\(escape(result.name))\" time=\"\(seconds(result.duration))\""
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

    /// `Examples/scenarios/doubs/solde` for `/…/Examples/scenarios/doubs/solde.yaml` seen from `/…`: relative,
    /// without extension, `./` or dots.
    static func className(_ path: String, relativeTo directory: String?) -> String {
        var relative = path
        if let directory, !directory.isEmpty {
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            if relative.hasPrefix(prefix) { relative.removeFirst(prefix.count) }
        }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        var components = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if let last = components.last, let dot = last.lastIndex(of: "."), dot != last.startIndex {
            components[components.count - 1] = String(last[..<dot])
        }
        return components.filter { $0 != "." }.map { $0.replacingDots() }.joined(separator: "/")
    }

    /// `0.012`: seconds with three decimals, from the duration's integer components.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = max(seconds, 0) * 1000 + max(attoseconds, 0) / 1_000_000_000_000_000
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
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

extension String {
    /// Dots become `_` (`..` of a path outside the directory becomes `__`).
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "_" : $0 }) }
}
