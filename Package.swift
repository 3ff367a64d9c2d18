// swift-tools-version:6.0
import PackageDescription

/// Release builds optimise across modules and drop the run-time exclusivity
/// checks.
///
/// Why: the stages call the record layer's small writers and scanners per
/// character, and each such call would stay an opaque cross-module call; the
/// exclusivity checks (`swift_beginAccess` on every class property access)
/// cost 2-3 % of the whole pipe's instructions. Debug builds, which the tests
/// run, keep the checks, so an overlapping access still fails there.
let optimisation: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release))]

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
        .target(name: "ICU", dependencies: ["ICUBridge"], swiftSettings: optimisation),
        // The record, its JSON-lines reader and writer, errors, and the stage driver.
        .target(name: "Records", swiftSettings: optimisation),
        // Reading the plain-text data files in lexicons/.
        .target(name: "Lexicon", dependencies: ["Records", "ICUBridge"], swiftSettings: optimisation),
        // Script normalisation shared by every stage: Traditional -> Simplified, full-width -> half-width.
        .target(name: "Script", dependencies: ["Lexicon", "Records"], swiftSettings: optimisation),
        // Stage 1 .. 4.
        .target(name: "Repair", dependencies: ["Records", "ICU", "Lexicon", "Script"], swiftSettings: optimisation),
        .target(name: "Segment", dependencies: ["Records", "ICU", "Lexicon", "Script"], swiftSettings: optimisation),
        .target(name: "Extract", dependencies: ["Records", "Lexicon", "Script"], swiftSettings: optimisation),
        .target(name: "Aggregate", dependencies: ["Records"], swiftSettings: optimisation),
        // The command line.
        .executableTarget(
            name: "zhpipe",
            dependencies: [
                "Records", "Lexicon", "Script", "Repair", "Segment", "Extract", "Aggregate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimisation,
            // mimalloc (Debian: libmimalloc-dev) takes over malloc for the whole process. Why: Swift
            // allocates for every array, string and class instance a record passes through, and
            // glibc's allocator was about 5 % of `run`'s time; with mimalloc `run` executes 2.3 %
            // fewer instructions past start-up (657 M -> 642 M over 120 documents), same output.
            linkerSettings: [.linkedLibrary("mimalloc")]
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
