import Foundation
import Lexicon
import Testing
@testable import Repair

@Suite struct LanguageModelTests {
    let model = TestLexicons.model

    @Test func theCacheGivesBackTheSameModel() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-model-cache-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let first = try LanguageModel(lexicons: TestLexicons.directory, cache: cache)
        let second = try LanguageModel(lexicons: TestLexicons.directory, cache: cache)
        #expect(!first.loadedFromCache && second.loadedFromCache)
        for text in ["你好世界", "浣犲ソ涓栫晫", "這是繁體中文", "ç®€ä½“", "2020年1月", "的的的"] {
            #expect(second.logProbability(text) == first.logProbability(text), "\(text)")
            #expect(second.logProbability(text) == model.logProbability(text), "\(text)")
        }
        for scalar in "人們的說話a，\u{FFFD}".unicodeScalars {
            #expect(second.count(of: scalar) == first.count(of: scalar))
            #expect(second.unigramLogProbability(scalar) == first.unigramLogProbability(scalar))
        }
    }

    @Test func chineseIsFarMoreLikelyThanItsMojibake() {
        // The same text as UTF-8 read as GBK, and as cp1252.
        let pairs = [("你好世界", "浣犲ソ涓栫晫"), ("简体中文", "ç®€ä½“ä¸­æ–‡"), ("人民政府", "浜烘皯鏀垮簻")]
        for (good, bad) in pairs {
            #expect(model.logProbability(good) - model.logProbability(bad) > 10, "\(good) vs \(bad)")
        }
    }

    @Test func traditionalScoresLikeSimplified() {
        let simplified = model.logProbability("经济发展")
        let traditional = model.logProbability("經濟發展")
        #expect(abs(simplified - traditional) < 0.01)
    }

    @Test func charactersOfOneScriptAloneAreKnown() {
        #expect(model.script(of: "這".unicodeScalars.first!.value) == .traditional)
        #expect(model.script(of: "这".unicodeScalars.first!.value) == .simplified)
        for shared in "中人A，" { #expect(model.script(of: shared.unicodeScalars.first!.value) == nil, "\(shared)") }
        #expect(model.majorityScript("这是我們的这个".unicodeScalars)! == (.simplified, 1))
        #expect(model.majorityScript("這个".unicodeScalars) == nil)
        #expect(model.scriptCost("這".unicodeScalars.first!.value, in: .simplified) == LanguageModel.otherScriptCost)
        #expect(model.scriptCost("這".unicodeScalars.first!.value, in: .traditional) == 0)
        #expect(model.scriptCost("這".unicodeScalars.first!.value, in: nil) == 0)
    }

    @Test func wordsScoreAboveShuffledCharacters() {
        #expect(model.logProbability("国家经济") > model.logProbability("济家国经") + 3)
    }

    @Test func everyStepIsAProbability() {
        for s in "中文，ABC 123é\u{E000}\u{FFFD}😀𠀀".unicodeScalars {
            let p = model.logProbability(of: s, after: "中")
            #expect(p <= 0 && p > -40, "\(s)")
        }
    }

    @Test func fastPathMatchesTheSequenceForm() {
        let text = "春节伊始，全县干部群众1234人参加了活动。"
        let values = text.unicodeScalars.map(\.value)
        let fast = values.withUnsafeBufferPointer { model.logProbability(values: $0) }
        #expect(abs(fast - model.logProbability(text)) < 1e-6)
        #expect(model.count(of: "的") > model.count(of: "鬯"))
    }
}
