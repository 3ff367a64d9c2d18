import Lexicon
import Records
import Testing
@testable import Repair

/// A pass that moves lines starting with "来源：" out as furniture and replaces "X" by "叉".
struct FakeFurniturePass: RepairPass {
    let name = "fake"
    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        let s = text.scalars
        var edits: [TextUnderRepair.Edit] = []
        for (i, c) in s.enumerated() where c == "X" {
            edits.append(.init(range: i..<(i + 1), replacement: ["叉"], kind: "fake-x", confidence: 1))
        }
        text.apply(edits)
        notes.flags.append(.init(kind: "seen", start: 0, end: 1))
        let t = text.text
        if let r = t.range(of: "来源：新华社\n") {
            let start = t.unicodeScalars.distance(from: t.unicodeScalars.startIndex, to: r.lowerBound)
            text.replace(start..<(start + 7), with: [], kind: "furniture", confidence: 1)
            notes.furniture.append((kind: "source", text: "来源：新华社"))
        }
    }
}

@Suite struct ParagraphRecordsTests {
    func repairer(_ passes: [any RepairPass]) throws -> DocumentRepairer {
        DocumentRepairer(model: TestLexicons.model, decoding: try Decoding(model: TestLexicons.model), pipeline: RepairPipeline(passes: passes), normalizer: nil)
    }

    func document(_ text: String) -> Document {
        Document(id: "d", content: .bytes(Array(text.utf8)), input: InputSource("d.txt"))
    }

    @Test func repairsAndFlagsMoveToParagraphOffsets() throws {
        let records = try repairer([FakeFurniturePass()]).repair(document("第一段。\n\n来源：新华社\n第二段X在此。\n"))
        #expect(records.count == 2)
        #expect(try records[1].string("text") == "第二段叉在此。")
        let repairs = try #require(try records[1].value("repairs")?.array)
        let fake = repairs.first { $0["kind"]?.string == "fake-x" }
        #expect(fake?["start"]?.int == 3 && fake?["end"]?.int == 4 && fake?["original"]?.string == "X")
        #expect(try records[0].value("flags")?.array?.first?["kind"]?.string == "seen")
        let furniture = try #require(try records[0].value("furniture")?.array)
        #expect(furniture.first?["text"]?.string == "来源：新华社")
    }

    @Test func cleanTextIsKeptByteForByteAndRerunsAreIdempotent() throws {
        let text = "  缩进的段落，保留原样。\r\n第二行\t带制表符。\n\n\n第三段 ABC １２３。"
        let r = try repairer([])
        let records = try r.repair(document(text))
        #expect(try records.map { try $0.string("text") } == ["  缩进的段落，保留原样。", "第二行\t带制表符。", "第三段 ABC １２３。"])
        for record in records {
            var first: [UInt8] = []
            record.write(to: &first)
            let again = try Record(parsing: first, range: 0..<(first.count - 1))
            let rerun = try r.repair(Document(id: "d", content: .text(try again.string("text")), record: again, input: InputSource("x.jsonl")))
            var second: [UInt8] = []
            rerun[0].write(to: &second)
            #expect(first == second)
        }
    }

    @Test func invalidBytesAreFlaggedWhereTheirReplacementStands() throws {
        var bytes = Array("第一段。\n第二段".utf8)
        bytes.append(0xFF)
        bytes += Array("结束。".utf8)
        let records = try repairer([]).repair(Document(id: "d", content: .bytes(bytes), input: InputSource("d.txt")))
        let flag = try #require(try records[1].value("flags")?.array?.first)
        #expect(flag["kind"]?.string == "invalid-bytes")
        #expect(flag["start"]?.int == 3 && flag["byte"]?.int == 22)
        #expect(try records[1].string("text") == "第二段\u{FFFD}结束。")
    }
}
