import Testing
@testable import Records

@Suite struct RecordTests {
    let line = #"{"doc":"a","para":0,"text":"经历","url":"http://x/?q=1","meta":{"k":[1, 2.50, "é"]}}"#

    @Test func roundTripIsByteIdentical() throws {
        let record = try Record(parsing: line)
        #expect(record.jsonLine == line)
    }

    /// Fields still as read are copied in one piece; the output is the same
    /// as writing every field, whatever was set, added or removed.
    @Test func writingCopiesUnchangedLeadingFieldsWhole() throws {
        let spaced = #"{ "doc":"a", "para" :0,"text":"经历"}"#
        for source in [line, spaced, #"{"a":1}"#, "{}"] {
            for change in 0..<5 {
                var record = try Record(parsing: source)
                switch change {
                case 1: record.set("para", 7)
                case 2: record.set("added", json: Array("[1]".utf8))
                case 3: record.remove("doc")
                case 4: record.set("doc", "b"); record.remove("text")
                default: break
                }
                var out: [UInt8] = []
                record.write(to: &out)
                var expected = "{" + record.fields.map { String(decoding: $0.rawKey, as: UTF8.self) + ":" + String(decoding: $0.json, as: UTF8.self) }.joined(separator: ",") + "}\n"
                if record.fields.isEmpty { expected = "{}\n" }
                #expect(String(decoding: out, as: UTF8.self) == expected, "\(source) change \(change)")
            }
        }
    }

    @Test func unknownFieldsKeepTheirBytesAndOrder() throws {
        var record = try Record(parsing: line)
        record.set("tokens", json: Array(#"["经历"]"#.utf8))
        #expect(record.keys == ["doc", "para", "text", "url", "meta", "tokens"])
        #expect(record.jsonLine == #"{"doc":"a","para":0,"text":"经历","url":"http://x/?q=1","meta":{"k":[1, 2.50, "é"]},"tokens":["经历"]}"#)
    }

    @Test func settingAnOwnedFieldTwiceReplacesInPlace() throws {
        var record = try Record(parsing: line)
        record.set("url", "b")
        let once = record.jsonLine
        record.set("url", "b")
        #expect(record.jsonLine == once)
        #expect(record.keys == ["doc", "para", "text", "url", "meta"])
    }

    @Test func typedAccessorsExplainWhatIsWrong() throws {
        let record = try Record(parsing: #"{"text":5,"tokens":"x","n":"1"}"#)
        #expect(throws: RecordError.wrongType(field: "text", expected: "a string", found: "a number")) { try record.string("text") }
        #expect(throws: RecordError.missingField("doc")) { try record.string("doc") }
        #expect(throws: RecordError.self) { try record.stringArray("tokens") }
        #expect(throws: RecordError.wrongType(field: "n", expected: "an integer", found: "a string")) { try record.int("n") }
    }

    @Test func escapedKeysAndStringsDecode() throws {
        let record = try Record(parsing: #"{"t\u0065xt":"a\nb\u4e2d"}"#)
        #expect(try record.string("text") == "a\nb中")
        #expect(record.jsonLine == #"{"t\u0065xt":"a\nb\u4e2d"}"#)
    }

    @Test func whitespaceAroundTheObjectIsAccepted() throws {
        let record = try Record(parsing: "  { \"a\" : 1 , \"b\" : [ 1 ] }  ")
        #expect(record.jsonLine == #"{"a":1,"b":[ 1 ]}"#)
    }

    @Test(arguments: [
        ("[1,2]", "not an object"),
        ("\"text\"", "not an object"),
        ("{\"a\":1", "missing '}'"),
        ("{\"a\":1}x", "after the record"),
        ("{\"a\" 1}", "':' after the key"),
        ("hello", "expected '{'"),
    ])
    func badLinesAreExplained(_ text: String, _ expected: String) {
        do {
            _ = try Record(parsing: text)
            Issue.record("\(text) should be rejected")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func errorRecordsCarryTheOriginalLine() throws {
        let error = InputError(input: "f.jsonl", line: 3, byteOffset: 40, problem: "bad")
        let text = ErrorRecord.make(for: error, original: Array("{oops".utf8)[...])
        #expect(ErrorRecord.isError(text))
        #expect(try text.string("original") == "{oops")
        let binary = ErrorRecord.make(for: error, original: [0xFF, 0x00, 0x41][...])
        #expect(try binary.string("original_base64") == "/wBB")
        #expect(Base64.decode("/wBB") == [0xFF, 0x00, 0x41])
        #expect(!ErrorRecord.isError(try Record(parsing: #"{"error":"a user field"}"#)))
    }
}
