import Testing
@testable import Records

/// The hard cases of the JSON test suites (JSONTestSuite's y_/n_ families):
/// what must parse, what must be rejected, and what the values are.
@Suite struct JSONScannerTests {
    func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    func rejects(_ bytes: [UInt8]) -> Bool {
        (try? JSONValue(parsing: bytes)) == nil
    }

    @Test(arguments: [
        #"{"a":[1,2,{"b":null}],"c":true,"d":false}"#,
        #"[]"#, #"{}"#, #"[[]]"#, #"  [1]  "#,
        #"-0"#, #"0.5"#, #"1e10"#, #"1E-2"#, #"-1.25e+3"#,
        #""\u00e9\ud83d\ude00\n\t\"\\\/""#,
        #""\u0000""#,
        #"123456789012345678901234567890123456789012345678901234567890"#,
    ])
    func acceptsValidJSON(_ text: String) throws {
        _ = try parse(text)
    }

    @Test(arguments: [
        "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[.5]", "[1e]", "[-]",
        "[+1]", "[0x10]", "['a']", "[\"a\\x\"]", "[\"\\u12G4\"]", "[\"a]", "[true false]",
        "[nul]", "[tru]", "{\"a\":1}}", "[1] x", "\"\t\"", "", "[NaN]", "[Infinity]",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(rejects(Array(text.utf8)))
    }

    @Test func rejectsInvalidUTF8() {
        #expect(rejects([0x22, 0xFF, 0x22]))                  // not a lead byte
        #expect(rejects([0x22, 0xC0, 0xAF, 0x22]))            // overlong
        #expect(rejects([0x22, 0xED, 0xA0, 0x80, 0x22]))      // encoded surrogate
        #expect(rejects([0x22, 0xE4, 0xB8, 0x22]))            // truncated
        #expect(rejects([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22])) // beyond U+10FFFF
    }

    @Test func encodingErrorsAreMarkedAsSuch() {
        do {
            _ = try JSONValue(parsing: [0x22, 0x61, 0xFF, 0x22])
            Issue.record("should fail")
        } catch {
            #expect(error.isEncodingError)
            #expect(error.offset == 2)
        }
    }

    @Test func surrogatePairsAndLoneSurrogates() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse(#""\ud83d""#) == .string("\u{FFFD}"))
        #expect(try parse(#""\ude00x""#) == .string("\u{FFFD}x"))
        #expect(try parse(#""\u4e2d\u6587""#) == .string("中文"))
    }

    @Test func deepNestingIsRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(rejects(Array(deep.utf8)))
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(!rejects(Array(fine.utf8)))
    }

    @Test func hugeNumbersKeepTheirLiteral() throws {
        let literal = "123456789012345678901234567890123456789012345678901234567890"
        let value = try parse(literal)
        #expect(value.number?.description == literal)
        #expect(value.number?.isApproximation == true)
    }

    @Test func objectsKeepMemberOrder() throws {
        let value = try parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.object?.members.map(\.key) == ["z", "a", "m"])
        #expect(value.jsonText == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test func errorMessagesSayWhatIsWrong() {
        do {
            _ = try JSONValue(parsing: #"{"a":1 "b":2}"#)
            Issue.record("should fail")
        } catch {
            #expect(error.message.contains("expected ',' or '}'"))
            #expect(error.offset == 7)
        }
    }
}
