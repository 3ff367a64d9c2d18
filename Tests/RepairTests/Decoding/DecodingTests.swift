import Testing
@testable import Repair

@Suite struct DecodingTests {
    let sample = "春节伊始，全县干部群众一千二百人参加了活动。經濟發展，人民生活水平不斷提高。"
    var decoding: Decoding { try! Decoding(model: TestLexicons.model) }

    func bytes(_ text: String, _ charset: LegacyCodec.Charset) -> [UInt8] {
        try! LegacyCodec.shared(charset).encode(text.unicodeScalars)!
    }

    @Test func detectsGBKAndBig5() throws {
        let simplified = "春节伊始，全县干部群众一千二百人参加了活动，各级政府认真落实防控措施。"
        let gbk = try decoding.decode(bytes(simplified, .gb18030))
        #expect(gbk.encoding == "GB18030")
        #expect(gbk.text == simplified)
        let traditional = "春節伊始，全縣幹部群眾一千二百人參加了活動，各級政府認真落實防控措施。"
        let big5 = try decoding.decode(bytes(traditional, .big5))
        #expect(big5.encoding == "Big5-HKSCS")
        #expect(big5.text == traditional)
        #expect(big5.invalid.isEmpty)
    }

    @Test func readsUTF8WithAndWithoutBOMAndUTF16WithBOM() throws {
        let utf8 = Array(sample.utf8)
        #expect(try decoding.decode(utf8).text == sample)
        #expect(try decoding.decode([0xEF, 0xBB, 0xBF] + utf8).text == sample)
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in sample.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try decoding.decode(le).text == sample)
        #expect(try decoding.decode(be).text == sample)
        #expect(try decoding.decode(be).encoding == "UTF-16BE")
    }

    @Test func mostlyUTF8WithABadByteStaysUTF8AndReportsTheByte() throws {
        var input = Array(sample.utf8)
        input.insert(0xFF, at: 12)
        let decoded = try decoding.decode(input)
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.invalid == [InvalidBytes(byteOffset: 12, byteCount: 1, scalarOffset: 4)])
        #expect(decoded.scalars[4] == "\u{FFFD}")
    }

    @Test func forcedEncodingWinsAndUnknownNamesAreRefused() throws {
        let forced = try Decoding(forcedEncoding: "big5", model: TestLexicons.model)
        let decoded = try forced.decode(bytes("中文", .gb18030))
        #expect(decoded.encoding == "Big5-HKSCS")
        #expect(decoded.text != "中文")
        #expect(throws: DecodingError.self) { try Decoding(forcedEncoding: "no-such-charset") }
        #expect(try Decoding.choice(named: "GBK") == .legacy(.gb18030))
    }

    @Test func badBytesBecomeReplacementCharactersAndAreListed() throws {
        // 0xFF is never a GBK byte; a lead byte at the very end has no trail.
        let codec = try LegacyCodec.shared(.gb18030)
        let decoded = [0x41, 0xD6, 0xD0, 0xFF, 0x42, 0xD6].withUnsafeBufferPointer { codec.decode($0) }
        #expect(decoded.text == "A中\u{FFFD}B\u{FFFD}")
        #expect(decoded.invalid.map(\.byteOffset) == [3, 5])
    }

    /// Bytes that decoded scalars stand for, by re-encoding (invalid runs counted from the report).
    func accountedBytes(_ decoded: DecodedText, encode: (Unicode.Scalar) -> Int, bom: Int = 0) -> Int {
        let invalidAt = Set(decoded.invalid.map(\.scalarOffset))
        var total = bom + decoded.invalid.reduce(0) { $0 + $1.byteCount }
        for (i, s) in decoded.scalars.enumerated() where !invalidAt.contains(i) { total += encode(s) }
        return total
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func fuzzedBytesAreAllAccountedFor(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let gbk = try LegacyCodec.shared(.gb18030), big5 = try LegacyCodec.shared(.big5), cp1252 = try LegacyCodec.shared(.windows1252)
        for round in 0..<200 {
            let length = rng.int(in: 0..<64)
            // Mix fully random bytes with runs biased towards lead/trail ranges.
            let input: [UInt8] = (0..<length).map { _ in rng.chance(0.5) ? UInt8(truncatingIfNeeded: rng.next()) : UInt8(0x80 + rng.int(in: 0..<0x7F)) }
            try input.withUnsafeBufferPointer { buffer in
                let u8 = UnicodeDecoders.utf8(buffer)
                let bom = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                #expect(accountedBytes(u8, encode: { String($0).utf8.count }, bom: bom) == input.count, "utf8 round \(round)")
                for codec in [gbk, big5, cp1252] {
                    let (decoded, lengths) = codec.decodeWithLengths(buffer)
                    #expect(lengths.count == decoded.scalars.count)
                    #expect(lengths.reduce(0) { $0 + Int($1) } == input.count, "\(codec.name) round \(round): \(input)")
                    #expect(codec.decode(buffer).scalars == decoded.scalars)
                    for bad in decoded.invalid { #expect(decoded.scalars[bad.scalarOffset] == "\u{FFFD}") }
                    // Valid characters re-encode to bytes that decode to themselves.
                    for (i, s) in decoded.scalars.enumerated() where s != "\u{FFFD}" && lengths[i] > 0 {
                        var out: [UInt8] = []
                        if codec.encode(s, into: &out) { #expect(out.withUnsafeBufferPointer { codec.decode($0).scalars.first } == s) }
                    }
                }
                let u16 = UnicodeDecoders.utf16(buffer)
                let bom16 = input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF]) ? 2 : 0
                #expect(accountedBytes(u16, encode: { String($0).utf16.count * 2 }, bom: bom16) == input.count, "utf16 round \(round)")
                _ = try decoding.decode(input)  // detection never crashes
            }
        }
    }
}
