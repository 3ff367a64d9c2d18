import Extract
import Foundation
import Lexicon

/// Shared fixtures: the checkout's lexicons (loaded once) and the gold-data folder.
enum Fixture {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let lexicons: ExtractLexicons = {
        try! ExtractLexicons(directory: LexiconDirectory(path: packageRoot + "/lexicons"))
    }()

    static let extractor = Extractor(lexicons: lexicons)

    /// $ZHPIPE_EVAL, else <project>/../shared/eval; nil when absent.
    static var evalDirectory: String? {
        let path = ProcessInfo.processInfo.environment["ZHPIPE_EVAL"] ?? packageRoot + "/../shared/eval"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
