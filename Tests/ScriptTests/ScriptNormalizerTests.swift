#if canImport(Glibc)
import Glibc
#endif
import Lexicon
import Testing
@testable import Script

@Suite struct ScriptNormalizerTests {
    static let lexicons: LexiconDirectory = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return LexiconDirectory(path: path + "/lexicons")
    }()
    let normalizer = try! ScriptNormalizer(lexicons: ScriptNormalizerTests.lexicons)

    @Test func traditionalBecomesSimplifiedOneForOne() {
        let input = "鄭偉在臺灣經濟發展會議上發言"
        let output = normalizer.normalize(input)
        #expect(output == "郑伟在台湾经济发展会议上发言")
        #expect(output.unicodeScalars.count == input.unicodeScalars.count)
    }

    @Test func phrasesSettleOneToManyCharacters() {
        #expect(normalizer.normalize("乾隆年間") == "乾隆年间")
        #expect(normalizer.normalize("天氣乾燥") == "天气干燥")
        #expect(normalizer.normalize("乾坤") == "乾坤")
        // A phrase matches in mixed script too.
        #expect(normalizer.normalize("乾隆年间") == "乾隆年间")
        // The single-character call knows no context.
        #expect(normalizer.normalize("乾" as Unicode.Scalar) == "干")
    }

    @Test func theLongestPhraseWinsEvenWhenItKeepsTheTablesConversion() throws {
        let base = "/tmp/zhpipe-script-phrases-\(getpid())"
        try write("乾\t干\n", to: base + ".chars.tsv")
        // 藉着 changes 藉; 慰藉着 keeps it, and is longer.
        try write("藉着\t借着\n慰藉着\t慰藉着\n", to: base + ".phrases.tsv")
        defer { unlink(base + ".chars.tsv"); unlink(base + ".phrases.tsv") }
        let normalizer = try ScriptNormalizer(tablePath: base + ".chars.tsv", phrasePath: base + ".phrases.tsv")
        #expect(normalizer.normalize("藉着光") == "借着光")
        #expect(normalizer.normalize("慰藉着心") == "慰藉着心")
        #expect(normalizer.normalize("慰藉") == "慰藉")
    }

    private func write(_ text: String, to path: String) throws {
        let file = try #require(fopen(path, "w"))
        fputs(text, file)
        fclose(file)
    }

    @Test func fullWidthASCIIBecomesHalfWidth() {
        #expect(normalizer.normalize("ＡＢＣ１２３！（）") == "ABC123!()")
        #expect(normalizer.normalize("中　文") == "中 文")
        #expect(normalizer.normalize("，。") == ",。")  // the full-width comma is full-width ASCII; 。 is not
    }

    @Test func simplifiedAndOtherTextIsUnchanged() {
        for text in ["春节伊始、全县干部群众。", "Hello, world! 123", "𠀀😀"] {
            #expect(normalizer.normalize(text) == text)
            #expect(normalizer.isNormalized(normalizer.normalize(text)))
        }
    }

    @Test func valuesPathMatchesStringPath() {
        let text = "乾隆皇帝說：天氣乾燥，ＯＫ"
        var values = text.unicodeScalars.map(\.value)
        normalizer.normalize(values: &values)
        #expect(String(String.UnicodeScalarView(values.map { Unicode.Scalar($0)! })) == normalizer.normalize(text))
    }

    @Test func badTableLinesAreReportedWithLineNumbers() throws {
        let path = "/tmp/zhpipe-script-test-\(getpid()).tsv"
        let bad = "# header\n中\t中\n乾隆\n"
        let file = fopen(path, "w")!
        fputs(bad, file)
        fclose(file)
        #expect(throws: LexiconError.self) { try ScriptNormalizer(tablePath: path) }
        do { _ = try ScriptNormalizer(tablePath: path) } catch let error as LexiconError { #expect(error.line == 3) } catch {}
        unlink(path)
    }
}
