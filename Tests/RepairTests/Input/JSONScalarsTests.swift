import Records
import Testing
@testable import Repair

/// The fast path from a JSON-lines `text` field to scalars must read exactly
/// what `Record.string` reads.
@Suite struct JSONScalarsTests {
    @Test(arguments: [
        #"{"text":"春节伊始，全县上下"}"#,
        #"{"text":"a\u00e9\ud83d\ude00 \ud800x \/ \\ \" \t\b\f\r\nline2 中文𠀀"}"#,
        #"{"text":"Ünïcödé ÀÉ €"}"#,
        #"{"text":""}"#,
    ])
    func readsWhatRecordStringReads(line: String) throws {
        let record = try Record(parsing: line)
        let json = try #require(record["text"])
        let fast = try #require(JSONScalars.decode(json))
        #expect(fast == Array(try record.string("text").unicodeScalars))
    }

    @Test func whatItDoesNotExpectGoesTheOrdinaryWay() throws {
        let record = try Record(parsing: #"{"text":12}"#)
        let json = try #require(record["text"])
        #expect(JSONScalars.decode(json) == nil)
    }
}
