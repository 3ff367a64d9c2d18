import Foundation
import Lexicon
@testable import Segment

/// Shared test fixtures: the checkout's lexicon (loaded once per test run)
/// and the gold data folder.
enum Fixtures {
    /// The checkout (the folder holding Package.swift).
    static let projectRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }()

    static var lexiconDirectory: LexiconDirectory {
        LexiconDirectory(path: projectRoot.appendingPathComponent("lexicons").path)
    }

    /// The full lexicon of the checkout (gazetteers included), loaded once.
    static let lexicon: SegmentLexicon = {
        do {
            return try SegmentLexicon(lexicons: lexiconDirectory)
        } catch {
            fatalError("cannot load the checkout's lexicons: \(error)")
        }
    }()

    /// A segmenter over the full lexicon (one per caller: segmenters are not thread-safe).
    static func segmenter(_ mode: Segmenter.Mode = .lattice, convention: SegmentConvention = .pku) throws -> Segmenter {
        try Segmenter(lexicon: lexicon, mode: mode, convention: convention)
    }

    /// The gold data folder: $ZHPIPE_EVAL, else <project>/../shared/eval; nil when absent.
    static var evalDirectory: URL? {
        let path = ProcessInfo.processInfo.environment["ZHPIPE_EVAL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? projectRoot.deletingLastPathComponent().appendingPathComponent("shared/eval").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? URL(fileURLWithPath: path) : nil
    }

    /// A file under the eval folder, or nil (and a note on stdout) when missing.
    static func evalFile(_ relative: String) -> String? {
        guard let dir = evalDirectory else {
            print("skipped: no gold data folder (set ZHPIPE_EVAL or put it at ../shared/eval)")
            return nil
        }
        let path = dir.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipped: \(path) not found")
            return nil
        }
        return path
    }

    /// Writes `text` to a new temporary file; returns its path. The files
    /// live in one folder per test process, removed when the process exits.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".tsv") -> String {
        let path = temporaryFolder + "/\(UUID().uuidString)\(suffix)"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static let temporaryFolder: String = {
        let folder = temporaryFolderPath()
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.temporaryFolderPath()) }
        return folder
    }()

    static func temporaryFolderPath() -> String { NSTemporaryDirectory() + "zhpipe-segment-tests-\(getpid())" }
}
