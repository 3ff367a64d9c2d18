import Lexicon
import Records
@testable import Repair

/// The checkout's lexicons/ folder and models loaded once for all tests.
enum TestLexicons {
    static let root: String = {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()
    static let directory = LexiconDirectory(path: root + "/lexicons")
    static let model: LanguageModel = try! LanguageModel(lexicons: directory)
    /// ../shared/eval (or $ZHPIPE_EVAL), when present.
    static let evalFolder: String? = {
        let env = getenv("ZHPIPE_EVAL").map { String(cString: $0) }
        let path = env ?? (root + "/../shared/eval")
        return access(path, F_OK) == 0 ? path : nil
    }()
}
