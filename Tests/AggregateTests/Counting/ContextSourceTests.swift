import Testing
import Records
@testable import Aggregate

/// Contexts around first appearances, and the white-space memo they use.
@Suite struct ContextSourceTests {
    @Test func whitespaceMemoAgreesWithUnicodeProperties() {
        var memo = WhitespaceMemo()
        let values: [UInt32] = Array(0x80...0x3100) + [0xFEFF, 0xFF01, 0x1_0000, 0x1_F600, 0x10_FFFF]
        for _ in 0..<2 {  // the second pass answers from the memo
            for v in values {
                #expect(memo.isWhitespace(v) == Unicode.Scalar(v)!.properties.isWhitespace, "U+\(String(v, radix: 16))")
            }
        }
    }

    @Test func whiteSpaceAboveASCIIStartsOnlyWithTheLeadBytesAsked() {
        for v in UInt32(0x80)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(v), scalar.properties.isWhitespace else { continue }
            let lead = Array(String(Character(scalar)).utf8)[0]
            #expect(ContextSource.mayStartWhitespace(lead), "U+\(String(v, radix: 16))")
        }
    }

    @Test func contextFoldsWhitespaceRunsAndClampsToTheText() throws {
        let record = try Record(parsing: #"{"text":"甲乙\t\u3000 丙丁\n戊己庚辛\u0001壬癸\"x\\y😀"}"#)
        var context = ContextSource(record: record)
        var memo = WhitespaceMemo()
        // Scalars: 甲0 乙1 \t2 \u{3000}3 space4 丙5 丁6 \n7 戊8 ... \u{1}12 壬13 癸14 "15 x16 \\17 y18 😀19.
        #expect(context.around(5, 7, radius: 2, whitespace: &memo) == " 丙丁 戊")
        #expect(context.around(0, 2, radius: 3, whitespace: &memo) == "甲乙 ")
        #expect(context.around(14, 19, radius: 2, whitespace: &memo) == " 壬癸\"x\\y😀")
        #expect(context.around(40, 41, radius: 2, whitespace: &memo) == "y😀")
        // Going back, and starting before the text.
        #expect(context.around(1, 2, radius: 1, whitespace: &memo) == "甲乙 ")
        #expect(context.around(-3, 1, radius: 2, whitespace: &memo) == "甲乙 ")
        #expect(context.around(-5, -3, radius: 2, whitespace: &memo) == "")
        #expect(context.around(3, 3, radius: 1, whitespace: &memo) == " ")
        #expect(context.around(5, 2, radius: 0, whitespace: &memo) == "")
    }

    @Test func noTextGivesNoContext() throws {
        var memo = WhitespaceMemo()
        for line in [#"{"doc":"a"}"#, #"{"text":null}"#, #"{"text":3}"#, #"{"text":""}"#] {
            var context = ContextSource(record: try Record(parsing: line))
            #expect(context.around(0, 1, radius: 12, whitespace: &memo) == "")
        }
    }
}
