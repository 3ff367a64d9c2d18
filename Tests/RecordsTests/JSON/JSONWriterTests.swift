import Testing
import TestSupport
@testable import Records

@Suite struct JSONWriterTests {
    @Test func escapesOnlyWhatJSONRequires() {
        var w = JSONWriter()
        w.append("中文 \"q\" \\ \n\t\u{1}é😀")
        #expect(w.string == #""中文 \"q\" \\ \n\t\u0001é😀""#)
    }

    @Test func writtenStringsParseBackToThemselves() throws {
        var generator = SplitMix(state: 2024)
        for _ in 0..<500 {
            let length = Int.random(in: 0..<20, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let pick = Int.random(in: 0..<4, using: &generator)
                let value: UInt32
                switch pick {
                case 0: value = UInt32.random(in: 0..<0x80, using: &generator)
                case 1: value = UInt32.random(in: 0x4E00..<0x9FFF, using: &generator)
                case 2: value = UInt32.random(in: 0x1F300..<0x1FAFF, using: &generator)
                default: value = UInt32.random(in: 0x300..<0x36F, using: &generator)
                }
                scalars.append(Unicode.Scalar(value)!)
            }
            let text = String(scalars)
            var w = JSONWriter()
            w.append(text)
            #expect(try JSONValue(parsing: w.bytes) == .string(text))
        }
    }

    @Test func integersAndBooleansAreWrittenAsSwiftPrintsThem() {
        var generator = SplitMix(state: 7)
        var values = [0, 1, 9, 10, 99, 100, 101, -1, -10, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for _ in 0..<200 { values.append(Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<63, using: &generator)) }
        for value in values {
            var w = JSONWriter()
            w.append(value)
            #expect(w.string == String(value))
        }
        var w = JSONWriter()
        w.beginArray(); w.comma(); w.append(true); w.comma(); w.append(false); w.endArray()
        #expect(w.string == "[true,false]")
    }

    @Test func commasAreManagedForArraysAndObjects() {
        var w = JSONWriter()
        w.beginObject()
        w.member("a", 1)
        w.key("b")
        w.beginArray()
        for i in 0..<3 { w.comma(); w.append(i) }
        w.endArray()
        w.member("c", true)
        w.endObject()
        #expect(w.string == #"{"a":1,"b":[0,1,2],"c":true}"#)
    }

    @Test func stringArrayOfSlicesMatchesOneLiteralPerItem() throws {
        for text in ["中国人民", "a\"b\\c\n\td", "", "\u{1}x\u{1f}😀"] {
            let bytes = Array(text.utf8)
            // Cut after every byte of a character boundary: scalars here.
            var cuts = [0]
            for scalar in text.unicodeScalars { cuts.append(cuts.last! + String(scalar).utf8.count) }
            let json = bytes.withUnsafeBufferPointer { buffer in
                JSONWriter.stringArray(count: cuts.count - 1, slicing: buffer) { (cuts[$0], cuts[$0 + 1]) }
            }
            var expected = JSONWriter()
            expected.beginArray()
            for scalar in text.unicodeScalars { expected.comma(); expected.append(String(scalar)) }
            expected.endArray()
            #expect(json == expected.bytes, "\(text.debugDescription)")
            #expect(try JSONValue(parsing: json) == .array(text.unicodeScalars.map { .string(String($0)) }))
        }
    }

    @Test func literalsFromScalarValuesMatchLiteralsFromStrings() {
        let texts = ["", "中国", "a\"b\\c\n", "\u{1}é😀", String(repeating: "长", count: 300)]
        for text in texts {
            let values = text.unicodeScalars.map(\.value)
            var fromValues = JSONWriter(), fromString = JSONWriter()
            values.withUnsafeBufferPointer { fromValues.appendStringLiteral(scalarValues: $0) }
            fromString.append(text)
            #expect(fromValues.bytes == fromString.bytes)
        }
        // Values that are not scalars become U+FFFD.
        var w = JSONWriter()
        let values: [UInt32] = [0x41, 0xD800, 0x110000]
        values.withUnsafeBufferPointer { w.appendStringLiteral(scalarValues: $0) }
        #expect(w.string == "\"A\u{FFFD}\u{FFFD}\"")
    }

    @Test func quotedKeysWriteAsKeysDo() {
        var a = JSONWriter(), b = JSONWriter()
        for key in ["plain", "q\"uote"] {
            a.beginObject(); a.member(JSONWriter.Key(key), 1); a.member(JSONWriter.Key("s"), "v"); a.endObject()
            b.beginObject(); b.member(key, 1); b.member("s", "v"); b.endObject()
        }
        #expect(a.bytes == b.bytes)
    }

    @Test func rawArrayJoinsItemsWithCommas() {
        let pool = Array(#"1"x"[]"#.utf8)
        let bounds = [(0, 1), (1, 4), (4, 6)]
        let json = pool.withUnsafeBufferPointer { pool in
            JSONWriter.rawArray(count: bounds.count) { k in UnsafeBufferPointer(rebasing: pool[bounds[k].0..<bounds[k].1]) }
        }
        #expect(String(decoding: json, as: UTF8.self) == #"[1,"x",[]]"#)
        #expect(JSONWriter.rawArray(count: 0) { _ in UnsafeBufferPointer(start: nil, count: 0) } == Array("[]".utf8))
    }
}
