// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "subvention",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "subvention", targets: ["subvention"]),
        .library(name: "SubventionCore", targets: ["SubventionCore"]),
        .library(name: "SubventionConventions", targets: ["SubventionConventions"]),
        .library(name: "SubventionReports", targets: ["SubventionReports"]),
        .library(name: "SubventionCSV", targets: ["SubventionCSV"]),
        .library(name: "SubventionScenarios", targets: ["SubventionScenarios"]),
        .library(name: "SubventionTesting", targets: ["SubventionTesting"]),
        .library(name: "SubventionRegister", targets: ["SubventionRegister"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System library over libcsv (Debian: libcsv-dev). `scripts/ensure-libcsv.sh` installs it.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // Swift reader/writer over libcsv: every CSV the project reads or writes goes through it.
        .target(name: "SubventionCSV", dependencies: ["CLibCSV"]),
        // Pure rules engine: exact money, rates, dates, conventions, schedules, settlements. No I/O.
        // `Lifetimes`: the kernel's borrowed view is non-escapable (`~Escapable`, `@_lifetime`), so it cannot outlive
        // the kernel it points into (Sources/SubventionCore/Engine/SettlementKernel+Borrowed.swift).
        .target(name: "SubventionCore", swiftSettings: [.enableExperimentalFeature("Lifetimes")]),
        // Convention files (YAML) → engine model, with file:line:column diagnostics.
        .target(
            name: "SubventionConventions",
            dependencies: ["SubventionCore", "SubventionCSV", .product(name: "Yams", package: "Yams")]
        ),
        // Reports for people (French) and programs (JSON, CSV, XLSX: SpreadsheetML parts by XMLCoder, zipped by ZIPFoundation).
        .target(
            name: "SubventionReports",
            dependencies: [
                "SubventionCore", "SubventionCSV", "SubventionRegister",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // The register (registre): an append-only, hash-chained SQLite ledger of what really happened.
        .target(
            name: "SubventionRegister",
            dependencies: [
                "SubventionCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Auditors' scenarios: settlement targets, replay with diffs, recording, JUnit.
        .target(
            name: "SubventionScenarios",
            dependencies: [
                "SubventionCore", "SubventionConventions", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // For auditors' own Swift tests: `try expectScenario("…")` with the replay's diff on failure.
        .target(name: "SubventionTesting", dependencies: ["SubventionScenarios"]),
        // The `subvention` command-line tool: thin.
        .executableTarget(
            name: "subvention",
            dependencies: [
                "SubventionCore", "SubventionConventions", "SubventionReports", "SubventionCSV",
                "SubventionScenarios", "SubventionRegister",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark of issue 6 (Benchmarks/run.sh): the same engine and convention files, in release mode.
        .executableTarget(
            name: "subvention-bench",
            dependencies: ["SubventionCore", "SubventionConventions", "SubventionCSV"],
            path: "Benchmarks/Sources/subvention-bench"
        ),
        .testTarget(
            name: "SubventionCoreTests",
            dependencies: ["SubventionCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "SubventionCSVTests", dependencies: ["SubventionCSV"]),
        .testTarget(
            name: "SubventionRegisterTests",
            dependencies: [
                "SubventionRegister", "SubventionCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "SubventionConventionsTests",
            dependencies: [
                "SubventionConventions", "SubventionCore", "SubventionCSV", .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "SubventionReportsTests",
            dependencies: [
                "SubventionReports", "SubventionCore", "SubventionConventions", "SubventionCSV",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "SubventionCLITests",
            dependencies: ["subvention", "SubventionCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "SubventionScenariosTests",
            dependencies: ["SubventionScenarios", "SubventionTesting", "SubventionConventions", "SubventionCore"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target of issue 11 (scripts/fuzz.sh sets SUBVENTION_FUZZ=1 and builds it with -sanitize=fuzzer in
// its own build folder): absent from ordinary builds and from CI.
if Context.environment["SUBVENTION_FUZZ"] == "1" {
    package.products.append(.executable(name: "subvention-fuzz", targets: ["subvention-fuzz"]))
    package.targets.append(
        .executableTarget(
            name: "subvention-fuzz",
            dependencies: ["SubventionCore", "SubventionConventions", .product(name: "Yams", package: "Yams")],
            path: "Fuzz/Sources/subvention-fuzz"
        ))
}
