import Testing
import Records
@testable import Aggregate

/// The byte-level readers agree with a full JSON parse on the shapes that occur.
@Suite struct FieldScannerTests {
    func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    @Test func kindsFromStringsObjectsAndEscapes() throws {
        let json = #"["number-missing",{"kind":"pinyin-annotation","start":1,"original":"經(jīng)"},{"start":2,"kind":"pinyin-annotation"},{"kind":"mo\u006aibake"},"number-missing",{"start":3},7,{"kind":"mojibake","note":{"kind":"inner"}}]"#
        let kinds = try KindScanner.kinds(in: bytes(json), field: "repairs")
        #expect(kinds.map(\.kind) == ["number-missing", "pinyin-annotation", "mojibake", "unknown"])
        #expect(kinds.map(\.count) == [2, 2, 2, 2])
        #expect(try KindScanner.kinds(in: bytes("[]"), field: "flags").isEmpty)
        #expect(try KindScanner.kinds(in: bytes("null"), field: "flags").isEmpty)
        #expect(throws: RecordError.self) { try KindScanner.kinds(in: bytes(#""mojibake""#), field: "repairs") }
    }

    @Test func entitiesMatchAFullParse() throws {
        let json = #"[{"type":"PER","text":"鄭偉","start":3,"end":5,"norm":"郑伟","role":["记者","摄影"],"extra":{"x":[1,2]}},{"norm":"\u4e34\u6c5f","text":"臨江","type":"LOC","title":"","start":0}]"#
        var scanned: [FieldScanner.Entity] = []
        try FieldScanner.entities(bytes(json), into: &scanned)
        let parsed = try JSONValue(parsing: json).array!
        #expect(scanned.count == parsed.count)
        func text(_ raw: RawString?) -> String? { raw.map { r in bytes(json).withUnsafeBufferPointer { r.string(in: $0) } } }
        for (s, p) in zip(scanned, parsed) {
            #expect(text(s.type) == p["type"]?.string)
            #expect(text(s.text) == p["text"]?.string)
            #expect(text(s.norm) == p["norm"]?.string)
            #expect(s.start == p["start"]?.int)
            #expect(s.end == p["end"]?.int)
        }
        #expect(scanned[0].roles == ["记者", "摄影"])
        #expect(text(scanned[1].norm) == "临江")
        #expect(scanned[1].norm?.escaped == true && scanned[0].norm?.escaped == false)
        #expect(scanned[1].roles.isEmpty)
    }

    @Test func numbersKeepExactLiterals() throws {
        let json = #"[{"text":"14.5萬元","value":145000,"unit":"元","kind":"money","approx":false},{"value":"0.1","unit":"元","kind":"money","approx":true},{"value":3,"max":5,"unit":"天","kind":"duration"},{"unit":"人","kind":"count"}]"#
        var n: [FieldScanner.Number] = []
        try FieldScanner.numbers(bytes(json), into: &n)
        func text(_ raw: RawString?) -> String? { raw.map { r in bytes(json).withUnsafeBufferPointer { r.string(in: $0) } } }
        #expect(n.map { $0.value?.description } == ["145000", "0.1", "3", nil])
        #expect(n.map(\.approx) == [false, true, false, false])
        #expect(n[2].max == DecimalValue(5))
        #expect(text(n[0].kind) == "money" && text(n[3].unit) == "人")
    }

    @Test func memberKeysAreRecognisedFromTheirBytes() {
        let names: [(String, MemberKey)] = [
            ("type", .type), ("text", .text), ("norm", .norm), ("start", .start), ("end", .end), ("role", .role),
            ("title", .title), ("kind", .kind), ("unit", .unit), ("value", .value), ("max", .max), ("approx", .approx),
        ]
        for (name, key) in names {
            #expect(Array(name.utf8).withUnsafeBufferPointer(MemberKey.of) == key, "\(name)")
        }
        for other in ["", "typ", "types", "Type", "evidence", "approxim", "start_at", "x"] {
            #expect(Array(other.utf8).withUnsafeBufferPointer(MemberKey.of) == .other, "\(other)")
        }
    }

    @Test func plainValuesAreSkippedWhereTheScannerWouldEnd() throws {
        // Every member here is skipped; the walker must land on the same byte either way.
        let json = #"[{"a":"x\"y","b":-0,"c":12,"d":1.5e3,"e":true,"f":false,"g":null,"h":[1,{"i":2}],"type":"PER","text":"王"}]"#
        var scanned: [FieldScanner.Entity] = []
        try FieldScanner.entities(bytes(json), into: &scanned)
        #expect(scanned.count == 1)
        #expect(scanned[0].type?.escaped == false)
        #expect(throws: RecordError.self) { try FieldScanner.entities(self.bytes(#"[{"a":01,"type":"PER"}]"#), into: &scanned) }
        #expect(throws: RecordError.self) { try FieldScanner.entities(self.bytes(#"[{"a":tru,"type":"PER"}]"#), into: &scanned) }
    }

    @Test func wrongShapesAreRecordErrors() {
        var entities: [FieldScanner.Entity] = [], numbers: [FieldScanner.Number] = []
        #expect(throws: RecordError.self) { try FieldScanner.entities(self.bytes(#"{"type":"PER"}"#), into: &entities) }
        #expect(throws: RecordError.self) { try FieldScanner.entities(self.bytes(#"["PER"]"#), into: &entities) }
        #expect(throws: RecordError.self) { try FieldScanner.numbers(self.bytes("3"), into: &numbers) }
    }
}
