import Lexicon
import Records
@testable import Repair

/// Runs the rule passes on text, for the rule tests.
enum RuleTestSupport {
    static let resources: RuleResources = try! RuleResources.shared(lexicons: TestLexicons.directory, model: TestLexicons.model)
    static let passes: [any RepairPass] = try! RepairRules.standardPasses(lexicons: TestLexicons.directory, model: TestLexicons.model)

    /// The text after `passes` (all rule passes by default), with the repairs and notes.
    static func repair(_ text: String, passes: [any RepairPass]? = nil) -> (text: String, repairs: [Repair], notes: RepairNotes) {
        var t = TextUnderRepair(text)
        var notes = RepairNotes()
        RepairPipeline(passes: passes ?? Self.passes).run(on: &t, notes: &notes)
        notes.flags = t.flags
        return (t.text, t.repairs, notes)
    }

    static func corpusFile(_ prefix: String) -> String? {
        let folder = TestLexicons.root + "/corpus"
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name.hasPrefix(prefix) && name.hasSuffix(".txt") { return folder + "/" + name }
        }
        return nil
    }

    /// A file in Tests/RepairTests/Rules/Fixtures.
    static func fixture(_ name: String) -> String {
        TestLexicons.root + "/Tests/RepairTests/Rules/Fixtures/" + name
    }

    static func read(_ path: String) -> String {
        let bytes = try! InputSource(path).readAll()
        return String(decoding: bytes, as: UTF8.self)
    }
}
