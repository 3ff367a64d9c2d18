import Testing
import Records
import Script
@testable import Repair

/// Clean text damaged by each mirror mechanism, repaired by the rule passes:
/// the character error rate (against the clean text, both in normalised form,
/// since the repair keeps a document's script and width) must drop to at most
/// 5 % of what it was.
@Suite struct MirrorDamageRepairTests {
    static let tools = try! MirrorTools(lexicons: TestLexicons.directory)
    static let normalizer = try! ScriptNormalizer(lexicons: TestLexicons.directory)
    static let clean = RuleTestSupport.read(RuleTestSupport.fixture("clean_report.txt"))

    /// Edit distance over scalars (two rows).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...max(1, b.count) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Errors of `text` against the clean text, in normalised form, line breaks counted once.
    static func errors(_ text: String) -> Int {
        func form(_ s: String) -> [Unicode.Scalar] {
            Array(normalizer.normalize(s).unicodeScalars).filter { $0 != "\n" }
        }
        return distance(form(text), form(clean)) + abs(text.split(separator: "\n").count - clean.split(separator: "\n").count)
    }

    @Test(arguments: ["mirror-pinyin", "mirror-split", "mirror-html", "mirror-linebreak", "mirror-site"])
    func repairUndoesMostOfTheDamage(mechanism name: String) throws {
        let mechanisms = MirrorSite.all(tools: Self.tools)
        let mechanism = try #require(mechanisms.first { $0.name == name })
        var before = 0, after = 0
        for seed in UInt64(1)...12 {
            let damaged = DamageGenerator(seed: seed).damage(Self.clean, with: mechanism, index: 0)
            let repaired = RuleTestSupport.repair(damaged).text
            before += Self.errors(damaged)
            after += Self.errors(repaired)
            if Self.errors(repaired) > 0 { print("\(name) seed \(seed) left:\n\(repaired)") }
        }
        print("\(name): character errors \(before) -> \(after)")
        #expect(before > 0, "\(name) did no damage")
        #expect(Double(after) <= 0.05 * Double(before), "\(name): \(before) -> \(after)")
    }

    /// Censoring is repaired only where the lexicon convinces: what is put back
    /// must be right, and the rest stays `*` (flagged).
    @Test func censoredCharactersComeBackRightOrStayFlagged() throws {
        let mechanism = try #require(MirrorSite.all(tools: Self.tools).first { $0.name == "mirror-censor" })
        let damaged = DamageGenerator(seed: 1).damage(Self.clean, with: mechanism, index: 0)
        let result = RuleTestSupport.repair(damaged, passes: [CensoredCharacterPass(resources: RuleTestSupport.resources)])
        let (c, d, r) = (Array(Self.clean.unicodeScalars), Array(damaged.unicodeScalars), Array(result.text.unicodeScalars))
        #expect(d.count == c.count && r.count == c.count)
        var restored = 0, censored = 0
        for i in c.indices where d[i] == "*" {
            censored += 1
            if r[i] == "*" { #expect(result.notes.flags.contains { $0.kind == "censored-character" && $0.start == i }) }
            else { #expect(r[i] == c[i]); restored += 1 }
        }
        #expect(censored > 0)
        #expect(restored * 2 >= censored, "\(restored) of \(censored)")
    }

    @Test func mechanismsAreDeterministicAndDamage() throws {
        for m in MirrorSite.all(tools: Self.tools) {
            let a = DamageGenerator(seed: 5).damage(Self.clean, with: m, index: 1)
            #expect(a == DamageGenerator(seed: 5).damage(Self.clean, with: m, index: 1), "\(m.name)")
            #expect(a != Self.clean, "\(m.name) did nothing")
        }
    }
}
