import Testing
@testable import Records

@Suite struct DocumentCutterTests {
    /// A batch of records `{"doc":...,"para":...}`, one per document name given.
    func batch(_ docs: [String?], firstLine: Int = 1) -> LineBatch {
        var storage: [UInt8] = []
        var lines: [LineBatch.Line] = []
        for (i, doc) in docs.enumerated() {
            let start = storage.count
            let line = doc.map { #"{"doc":"\#($0)","text":""}"# } ?? #"{"text":""}"#
            storage += Array(line.utf8)
            lines.append(LineBatch.Line(range: start..<storage.count, number: firstLine + i, byteOffset: start))
            storage.append(0x0A)
        }
        return LineBatch(storage: storage, lines: lines)
    }

    func numbers(_ unit: WorkUnit) -> [Int] { unit.parts.flatMap { $0.lines.map(\.number) } }

    let input = InputSource("-")

    @Test func theLastDocumentWaitsForTheNextBatch() {
        var cutter = DocumentCutter()
        let first = batch(["a", "a", "b", "b"])
        #expect(numbers(cutter.cut(first, first.lines, from: input)) == [1, 2])
        let second = batch(["b", "c", "d"], firstLine: 5)
        #expect(numbers(cutter.cut(second, second.lines, from: input)) == [3, 4, 5, 6])
        #expect(numbers(cutter.flush()) == [7])
        #expect(cutter.flush().isEmpty)
    }

    @Test func aDocumentLongerThanABatchIsHeldWhole() {
        var cutter = DocumentCutter()
        let first = batch(["a", "b"])
        #expect(numbers(cutter.cut(first, first.lines, from: input)) == [1])
        let middle = batch(["b", "b"], firstLine: 3)
        #expect(cutter.cut(middle, middle.lines, from: input).isEmpty)
        let last = batch(["b", "c"], firstLine: 5)
        #expect(numbers(cutter.cut(last, last.lines, from: input)) == [2, 3, 4, 5])
        #expect(numbers(cutter.flush()) == [6])
    }

    @Test func linesWithoutADocumentOrThatDoNotParseEndADocument() {
        var cutter = DocumentCutter()
        let plain = batch(["a", nil])
        #expect(numbers(cutter.cut(plain, plain.lines, from: input)) == [1, 2])
        var broken = batch(["a"])
        broken = LineBatch(storage: Array(#"{"doc":"#.utf8), lines: [LineBatch.Line(range: 0..<7, number: 1, byteOffset: 0)])
        #expect(numbers(cutter.cut(broken, broken.lines, from: input)) == [1])
    }
}
