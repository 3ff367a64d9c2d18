import Testing
@testable import Repair

@Suite struct MojibakePassTests {
    let pass = MojibakePass(model: TestLexicons.model)
    let sentence = "全县干部群众积极参加疫情防控工作，保障了人民群众的生命安全。"

    func repaired(_ text: String) -> TextUnderRepair {
        var t = TextUnderRepair(text)
        var notes = RepairNotes()
        pass.run(on: &t, notes: &notes)
        return t
    }

    func source(for channel: MojibakeChannel) -> String {
        if case .legacy(let codec) = channel.source, codec.charset == .big5 { return "全縣幹部群眾積極參加疫情防控工作，保障了人民群眾的生命安全。" }
        return sentence
    }

    @Test func everyChannelIsReversed() throws {
        // UTF-8 read by a WHATWG Big5 decoder loses about a third of its bytes
        // whole; that channel is measured by `zhpipe eval repair`, not held to this.
        for channel in try MojibakeChannel.standard() where !(channel.source == .utf8 && channel.misread.charset == .big5) {
            let source = source(for: channel)
            guard let damagedScalars = ClassicMojibake(channel: channel, fraction: 1).damage(Array(source.unicodeScalars)[...]) else {
                Issue.record("\(channel.kind) could not damage"); continue
            }
            let damaged = String(String.UnicodeScalarView(damagedScalars))
            let t = repaired("前言：" + damaged + "\n结束。")
            if damaged.unicodeScalars.contains("\u{FFFD}") {
                // The misreading lost bytes: most of the text must come back.
                let before = TextMeasures.editDistance(Array(damaged.unicodeScalars), Array(source.unicodeScalars))
                let after = TextMeasures.editDistance(Array(t.text.unicodeScalars), Array(("前言：" + source + "\n结束。").unicodeScalars))
                #expect(Double(after) <= 0.35 * Double(before), "\(channel.kind): \(t.text)")
            } else {
                #expect(t.text == "前言：" + source + "\n结束。", "\(channel.kind): \(damaged)")
                #expect(t.repairs.count == 1)
                #expect(t.repairs.first?.kind == channel.kind)
                #expect(t.repairs.first?.original == damaged)
            }
        }
    }

    @Test func lostBytesAreGuessedWithLowerConfidence() throws {
        let channel = try MojibakeChannel.standard()[0]  // UTF-8 read as GBK
        let damaged = ClassicMojibake(channel: channel, fraction: 1, lossy: true).damage(Array("这是一个测试。".unicodeScalars)[...])!
        let t = repaired(String(String.UnicodeScalarView(damaged)))
        #expect(t.text == "这是一个测试。")
        #expect((t.repairs.first?.confidence ?? 1) < 1)
    }

    @Test func cleanTextIsLeftExactlyAsItIs() {
        let clean = [
            "鄧小平同志在南巡講話中指出，發展才是硬道理。",
            "魑魅魍魉、饕餮、耄耋之年，这些生僻字也是正常的中文。",
            "The café served crème brûlée — naïve façade, ¥20 / €3.",
            "他说：“我们要坚持‘两个维护’。”——人民日报评论员",
            "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ １２３，ソフトウェア、한국어 텍스트。",
            "圖書館裡收藏了乾隆年間的善本書籍，約有三萬冊。",
        ]
        for text in clean {
            let t = repaired(text)
            #expect(t.text == text)
            #expect(t.repairs.isEmpty, "\(text): \(t.repairs)")
        }
    }

    @Test func ftfyStyleCP1252MojibakeOfFullWidthPunctuation() {
        #expect(repaired("Ningboï¼ŒChina").text == "Ningbo，China")
    }
}

/// UTF-8 read as Big5 loses about half its byte pairs; the lattice search
/// (`UTF8Lattice`) must bring most characters back from what survives.
@Suite struct UTF8LatticeTests {
    let pass = MojibakePass(model: TestLexicons.model)
    let sentences = ["全县干部群众积极参加疫情防控工作，保障了人民群众的生命安全。",
                     "然而，这样的处理也衍生了一些问题。",
                     "今年以来，我县坚持以人民为中心的发展思想，各项工作取得了明显成效。"]

    @Test(arguments: [false, true])
    func mostCharactersComeBack(lossy: Bool) throws {
        let channel = try #require(try MojibakeChannel.standard().first { $0.source == .utf8 && $0.misread.charset == .big5 })
        var before = 0, after = 0
        for sentence in sentences {
            let clean = Array(sentence.unicodeScalars)
            let damaged = try #require(ClassicMojibake(channel: channel, fraction: 1, lossy: lossy).damage(clean[...]))
            #expect(damaged.contains("\u{FFFD}"))
            var t = TextUnderRepair(scalars: damaged)
            var notes = RepairNotes()
            pass.run(on: &t, notes: &notes)
            before += TextMeasures.editDistance(damaged, clean)
            after += TextMeasures.editDistance(t.scalars, clean)
        }
        print("utf8-as-big5\(lossy ? "-lossy" : ""): character errors \(before) -> \(after)")
        #expect(Double(after) <= 0.4 * Double(before), "\(before) -> \(after)")
    }

    /// The model scores 這 like 这, so lost bytes leave both scripts open;
    /// a reading kept to one script takes that script's character.
    @Test func aReadingKeepsToItsScript() throws {
        let lattice = UTF8Lattice(model: TestLexicons.model, candidates: UTF8Candidates(model: TestLexicons.model))
        typealias Unit = UTF8Lattice.Unit
        // 这 (E8 BF 99) or 這 (E9 80 99) with its last byte left and its lead one of E8, E9; then 是 (E6 98 AF).
        let tokens = [UTF8Lattice.Token(expansions: [[Unit(low: 0xE8, high: 0xE9), Unit(low: 0x80, high: 0xBF), .known(0x99)]]),
                      UTF8Lattice.Token(expansions: [[.known(0xE6), .known(0x98), .known(0xAF)]])]
        func read(_ script: LanguageModel.Script) throws -> String {
            let reading = try #require(lattice.decode(tokens, from: 0, asIs: [1: -50, 2: -100], before: nil, script: script,
                                                      plausible: { _ in true }, isPair: { _, _ in false }))
            return String(String.UnicodeScalarView(reading.scalars))
        }
        #expect(try read(.simplified) == "这是")
        #expect(try read(.traditional) == "這是")
    }
}
