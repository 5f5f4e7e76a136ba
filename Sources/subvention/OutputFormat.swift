import ArgumentParser

/// The output formats of the commands: French text for people, JSON for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Options every computing command shares.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Format de sortie : text (par défaut, en français) ou json (pour les programmes).")
    var format: OutputFormat = .text
}
