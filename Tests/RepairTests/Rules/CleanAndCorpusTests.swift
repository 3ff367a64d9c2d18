import Testing
import Records
@testable import Repair

/// The rule passes on real text: clean text must come out unchanged, the
/// seed reports must lose every pinyin annotation.
@Suite struct CleanAndCorpusTests {
    /// Clean sentences from ../shared/eval (read at test time, never copied):
    /// the SIGHAN PKU test text and the UD GSD texts (Traditional and Simplified).
    static func cleanTexts() -> [String]? {
        guard let eval = TestLexicons.evalFolder else { return nil }
        var texts: [String] = []
        if let pku = try? InputSource(eval + "/sighan2005/pku_test.utf8").readAll() {
            texts.append(String(decoding: pku, as: UTF8.self))
        }
        for name in ["zh_gsd-ud-test.conllu", "zh_gsdsimp-ud-test.conllu"] {
            guard let bytes = try? InputSource(eval + "/ud_chinese_gsd/" + name).readAll() else { continue }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            texts.append(lines.filter { $0.hasPrefix("# text = ") }.map { String($0.dropFirst(9)) }.joined(separator: "\n"))
        }
        return texts.isEmpty ? nil : texts
    }

    @Test func cleanTextIsLeftExactlyAsItIs() throws {
        guard let texts = Self.cleanTexts() else {
            print("CleanAndCorpusTests: ../shared/eval not found; skipped")
            return
        }
        var characters = 0, changed = 0
        for text in texts {
            // Documents of a few hundred lines, as the stage sees them.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for start in stride(from: 0, to: lines.count, by: 200) {
                let document = lines[start..<min(lines.count, start + 200)].joined(separator: "\n")
                let result = RuleTestSupport.repair(document)
                characters += document.unicodeScalars.count
                for r in result.repairs {
                    changed += max(r.original.unicodeScalars.count, r.end - r.start)
                    print("changed: \(r.kind) \(r.original.debugDescription)")
                }
            }
        }
        print("clean text: \(changed) characters changed in \(characters)")
        #expect(characters > 100_000)
        #expect(changed == 0)
    }

    @Test func seedReportsLoseEveryPinyinAnnotation() throws {
        var annotationsBefore = 0, annotationsAfter = 0, questionMarks = 0
        for prefix in ["000", "001", "002", "003", "004"] {
            guard let path = RuleTestSupport.corpusFile(prefix) else { continue }
            let text = RuleTestSupport.read(path)
            annotationsBefore += Self.annotations(in: text)
            let repaired = RuleTestSupport.repair(text).text
            annotationsAfter += Self.annotations(in: repaired)
            questionMarks += repaired.unicodeScalars.filter { $0 == "?" || $0 == "\u{FFFD}" }.count
        }
        guard annotationsBefore > 0 else { print("corpus/ not found; skipped"); return }
        print("corpus: pinyin annotations \(annotationsBefore) -> \(annotationsAfter), ? and U+FFFD left \(questionMarks)")
        #expect(annotationsAfter == 0)
    }

    /// Pinyin syllables closed by `)`: `(jīng)`, `?jīng)`.
    static func annotations(in text: String) -> Int {
        let s = Array(text.unicodeScalars)
        var count = 0
        for i in s.indices where s[i] == ")" || s[i] == "）" {
            var j = i
            while j > 0, s[j - 1] == " " { j -= 1 }
            var k = j
            while k > 0, PinyinReadings.isPinyinLetter(s[k - 1].value) { k -= 1 }
            if k < j, s[k..<j].contains(where: { PinyinReadings.isToneLetter($0.value) }) { count += 1 }
        }
        return count
    }
}
