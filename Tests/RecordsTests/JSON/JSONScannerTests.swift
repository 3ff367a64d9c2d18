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

    /// Strings are skipped eight plain ASCII bytes at a time: whatever ends a
    /// run — quote, escape, control character, UTF-8, bad UTF-8 — is found at
    /// every offset within and across those eight-byte words.
    @Test func stringSkipStopsAtEveryOffset() throws {
        for k in 0..<24 {
            let head = String(repeating: "a", count: k)
            let tail = String(repeating: "b", count: 13)
            // The closing quote at offset k.
            var scanner = JSONScanner(bytes: Array(("\"" + head + "\"" + tail).utf8))
            #expect(try scanner.skipString() == false)
            #expect(scanner.offset == k + 2)
            // An escape, then more text.
            #expect(try parse("\"" + head + "\\n" + tail + "\"") == .string(head + "\n" + tail))
            // Han characters and a two-byte character after the run.
            #expect(try parse("\"" + head + "中é" + tail + "\"") == .string(head + "中é" + tail))
            // A control character, a lone continuation byte, a surrogate's encoding, no closing quote.
            #expect(rejects(Array(("\"" + head).utf8) + [0x01] + Array((tail + "\"").utf8)))
            #expect(rejects(Array(("\"" + head).utf8) + [0x80] + Array((tail + "\"").utf8)))
            #expect(rejects(Array(("\"" + head).utf8) + [0xED, 0xA0, 0x80] + Array((tail + "\"").utf8)))
            #expect(rejects(Array(("\"" + head + tail).utf8)))
        }
        // Each stop byte on its own, at each place of a word of eight.
        for byte in [UInt8(0x22), 0x5C, 0x00, 0x1F, 0x80, 0xFF] {
            for k in 0..<8 {
                var word = [UInt8](repeating: UInt8(ascii: "x"), count: 8)
                word[k] = byte
                let value = word.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                #expect(JSONScanner.stopBytes(value).trailingZeroBitCount >> 3 == k)
            }
        }
        #expect(JSONScanner.stopBytes(UInt64(littleEndian: 0x7E20_2123_5B5D_7F41)) == 0)
    }

    @Test func compactStringArraysAreCheckedItemByItem() throws {
        #expect(try parse(#"["a","中","",["x"],"b" ,"c"]"#) == .array([.string("a"), .string("中"), .string(""), .array([.string("x")]), .string("b"), .string("c")]))
        for text in [#"["a","b""#, #"["a","#, #"["a","b"x]"#, #"["a",","#, #"["a","\x"]"#, #"["a","b",]"#] {
            #expect(rejects(Array(text.utf8)), "\(text)")
        }
        // Skipping stops right after the closing bracket.
        var scanner = JSONScanner(bytes: Array(#"["a","b","c"],1"#.utf8))
        try scanner.skipValue()
        #expect(scanner.offset == 13)
    }

    @Test func plainRunsEndAtBackslashes() throws {
        let bytes = Array(#"ab\ncd\\"#.utf8)
        bytes.withUnsafeBufferPointer { content in
            #expect(JSONScanner.plainRunLength(content, from: 0) == 2)
            #expect(JSONScanner.plainRunLength(content, from: 2) == 0)
            #expect(JSONScanner.plainRunLength(content, from: 4) == 2)
            #expect(JSONScanner.plainRunLength(content, from: 8) == 0)
        }
        #expect(try parse(#""x\"y\\z\u4e2d""#) == .string("x\"y\\z中"))
    }
}

extension JSONScanner {
    /// A scanner over a copy of `bytes` that stays alive (for tests).
    init(bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        self.init(UnsafeBufferPointer(rebasing: copy[..<bytes.count]))
    }
}
