// swift-tools-version:6.0
import PackageDescription

/// zhpipe: a streaming text-analysis pipeline for Chinese field reports.
///
/// One library per stage (Repair, Segment, Extract, Aggregate), a shared
/// record layer (Records), shared data (Lexicon, Script), ICU reached through a
/// small C bridge, and a thin command-line target.
let package = Package(
    name: "zhpipe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zhpipe", targets: ["zhpipe"]),
        .library(name: "ZhpipeStages", targets: ["Repair", "Segment", "Extract", "Aggregate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ICU, as the system provides it (pkg-config icu-uc / icu-i18n).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // C calls into ICU; its public header names no ICU type, so Swift
        // modules never see ICU's (renamed, Foundation-clashing) declarations.
        .target(
            name: "ICUBridge",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Swift wrappers: break iterators, charset detection, converters, transliterators.
        .target(name: "ICU", dependencies: ["ICUBridge"]),
        // The record, its JSON-lines reader and writer, errors, and the stage driver.
        .target(name: "Records"),
        // Reading the plain-text data files in lexicons/.
        .target(name: "Lexicon", dependencies: ["Records", "ICUBridge"]),
        // Script normalisation shared by every stage: Traditional -> Simplified, full-width -> half-width.
        .target(name: "Script", dependencies: ["Lexicon", "Records"]),
        // Stage 1 .. 4.
        .target(name: "Repair", dependencies: ["Records", "ICU", "Lexicon", "Script"]),
        .target(name: "Segment", dependencies: ["Records", "ICU", "Lexicon", "Script"]),
        .target(name: "Extract", dependencies: ["Records", "Lexicon", "Script"]),
        .target(name: "Aggregate", dependencies: ["Records"]),
        // The command line.
        .executableTarget(
            name: "zhpipe",
            dependencies: [
                "Records", "Lexicon", "Script", "Repair", "Segment", "Extract", "Aggregate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share (a seeded random generator).
        .target(name: "TestSupport", dependencies: ["Repair"], path: "Tests/TestSupport"),
        .testTarget(name: "ICUTests", dependencies: ["ICU"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records", "TestSupport"]),
        .testTarget(name: "LexiconTests", dependencies: ["Lexicon"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "Lexicon"]),
        // Fixtures are read by path at test time, not bundled.
        .testTarget(name: "RepairTests", dependencies: ["Repair", "Records", "Script"], exclude: ["Rules/Fixtures"]),
        .testTarget(name: "SegmentTests", dependencies: ["Segment", "Records", "TestSupport"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "Records"]),
        .testTarget(name: "AggregateTests", dependencies: ["Aggregate", "Records", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["Records", "Repair", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
