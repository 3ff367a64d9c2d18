import Testing
@testable import Repair

@Suite struct TextUnderRepairTests {
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func singleEditIsRecordedInNewOffsets() {
        var t = TextUnderRepair("經(jīng)歷")
        t.replace(1..<7, with: [], kind: "pinyin-annotation", confidence: 1)
        #expect(t.text == "經歷")
        #expect(t.repairs == [Repair(kind: "pinyin-annotation", start: 1, end: 1, original: "(jīng)", confidence: 1)])
    }

    @Test func laterEditsShiftEarlierRepairs() {
        var t = TextUnderRepair("ab(x)cd(y)ef")
        t.replace(7..<10, with: [], kind: "k", confidence: 1)  // remove "(y)"
        t.replace(2..<5, with: [], kind: "k", confidence: 1)   // remove "(x)"
        #expect(t.text == "abcdef")
        #expect(t.repairs.map { [$0.start, $0.end] } == [[2, 2], [4, 4]])
        #expect(t.repairs.map(\.original) == ["(x)", "(y)"])
    }

    @Test func overlappingEditsMergeBackToTheInput() {
        var t = TextUnderRepair("A?B")
        t.replace(1..<2, with: scalars("xy"), kind: "lost-character", confidence: 0.5)  // A xy B
        t.replace(0..<3, with: scalars("Z"), kind: "resync", confidence: 0.9)          // Z B
        #expect(t.text == "ZB")
        #expect(t.repairs.count == 1)
        #expect(t.repairs[0].original == "A?")
        #expect(t.repairs[0].start == 0 && t.repairs[0].end == 1)
        #expect(t.repairs[0].kind == "lost-character+resync")
        #expect(t.repairs[0].confidence == 0.5)
    }

    @Test func batchEditsApplyInAnyOrder() {
        var t = TextUnderRepair("1*2*3")
        t.apply([
            .init(range: 1..<2, replacement: scalars("+"), kind: "a", confidence: 1),
            .init(range: 3..<4, replacement: scalars("--"), kind: "b", confidence: 1),
        ])
        #expect(t.text == "1+2--3")
        #expect(t.repairs.map { [$0.start, $0.end] } == [[1, 2], [3, 5]])
    }
}
