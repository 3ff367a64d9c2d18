import ICU
import Lexicon

/// A table-driven decoder and encoder for a legacy Chinese or Western
/// charset: GB18030 (a superset of GBK and GB2312), Big5-HKSCS (a superset of
/// Big5), windows-1252 and Latin-1.
///
/// The tables are read out of ICU once (the data is ICU's), then decoding and
/// encoding are array look-ups: fast enough to try several codecs on a
/// document, and to re-encode suspicious spans when reversing mojibake.
/// Invalid sequences follow the WHATWG decoders: one U+FFFD, and an ASCII
/// byte after a bad lead byte is kept, not swallowed.
public final class LegacyCodec: Sendable {
    /// The charsets this type knows.
    public enum Charset: String, CaseIterable, Sendable {
        case gb18030 = "GB18030"
        case big5 = "Big5-HKSCS"
        case windows1252 = "windows-1252"
        case latin1 = "ISO-8859-1"

        var icuName: String {
            switch self {
            case .gb18030: "gb18030"
            case .big5: "Big5-HKSCS"
            case .windows1252: "windows-1252"
            case .latin1: "ISO-8859-1"
            }
        }

        var isDoubleByte: Bool { self == .gb18030 || self == .big5 }
    }

    public let charset: Charset
    public var name: String { charset.rawValue }

    /// Single bytes 0x80...0xFF: scalar value, or 0 when the byte is a lead byte or invalid.
    let single: [UInt32]
    /// Two-byte sequences (lead << 8 | trail): scalar value, or 0 when invalid.
    let double: [UInt32]
    /// GB18030 four-byte sequences in the BMP, by linear index.
    let four: [UInt32]
    /// Scalar value -> bytes (1, 2 or 4 packed; see `encode`), 0 = not encodable.
    let encodeTable: [UInt32]
    /// Big5-HKSCS pairs that decode to two scalars.
    let doubleScalarPairs: [UInt16: [UInt32]]

    static let encodeTableSize = 0x30000
    /// GB18030's four-byte sequences that map into the BMP (81 30 81 30 ... 84 31 A4 39).
    static let gb18030FourByteCount = 39420

    private static let cache = codecs(cache: BinaryCache.standard).codecs

    /// The shared codec for `charset` (built once per process from ICU's data).
    public static func shared(_ charset: Charset) throws -> LegacyCodec {
        try cache[charset]!.get()
    }

    /// The codec for an encoding name as a user writes it (`--encoding gbk`), or nil.
    public static func charset(named name: String) -> Charset? {
        let n = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        switch n {
        case "gb18030", "gbk", "gb2312", "cp936", "windows-936", "euc-cn", "x-gbk", "gb-2312", "hz-gb-2312": return .gb18030
        case "big5", "big5-hkscs", "cp950", "windows-950", "big5hkscs", "x-big5": return .big5
        case "windows-1252", "cp1252", "win-1252": return .windows1252
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1": return .latin1
        default: return nil
        }
    }

    init(charset: Charset, single: [UInt32], double: [UInt32], four: [UInt32], encodeTable: [UInt32], doubleScalarPairs: [UInt16: [UInt32]]) {
        self.charset = charset
        self.single = single
        self.double = double
        self.four = four
        self.encodeTable = encodeTable
        self.doubleScalarPairs = doubleScalarPairs
    }

    init(building charset: Charset) throws {
        self.charset = charset
        var single = [UInt32](repeating: 0, count: 256)
        var double = [UInt32](repeating: 0, count: charset.isDoubleByte ? 65536 : 0)
        var four: [UInt32] = []
        var pairsWithTwo: [UInt16: [UInt32]] = [:]
        let converter = try Converter(charset.icuName)
        switch charset {
        case .latin1:
            for b in 0x80...0xFF { single[b] = UInt32(b) }
        case .windows1252:
            let decoded = try Self.decodeEach((0x80...0xFF).map { [UInt8($0)] }, converter)
            for (i, scalars) in decoded.enumerated() {
                // Bytes windows-1252 leaves undefined read as the C1 control of
                // the same value ("sloppy" windows-1252, as ftfy and browsers do).
                single[0x80 + i] = scalars.count == 1 ? scalars[0] : UInt32(0x80 + i)
            }
        case .gb18030, .big5:
            if charset == .gb18030 { single[0x80] = 0x20AC }  // WHATWG gbk: 0x80 is the euro sign
            var sequences: [[UInt8]] = []
            for lead in 0x81...0xFE {
                for trail in 0x40...0xFE where trail != 0x7F { sequences.append([UInt8(lead), UInt8(trail)]) }
            }
            let decoded = try Self.decodeEach(sequences, converter)
            for (sequence, scalars) in zip(sequences, decoded) where !scalars.isEmpty && !scalars.contains(0xFFFD) {
                let index = Int(sequence[0]) << 8 | Int(sequence[1])
                if scalars.count == 1 { double[index] = scalars[0] } else { pairsWithTwo[UInt16(index)] = scalars; double[index] = 0xFFFF_FFFF }
            }
            if charset == .gb18030 {
                // Four-byte sequences mapping into the BMP: 81 30 81 30 ... 84 31 A4 39.
                var fours: [[UInt8]] = []
                for index in 0..<Self.gb18030FourByteCount { fours.append(Self.fourBytes(linear: index)) }
                let decodedFours = try Self.decodeEach(fours, converter)
                four = decodedFours.map { $0.count == 1 && $0[0] != 0xFFFD ? $0[0] : 0 }
            }
        }
        // The encoder: the inverse of the decoder, first mapping (standard Big5 leads first) wins.
        var encode = [UInt32](repeating: 0, count: Self.encodeTableSize)
        if !charset.isDoubleByte {
            // C1 controls encode as their own byte (Latin-1 read as windows-1252 and back).
            for b in 0x80...0x9F { encode[b] = UInt32(b) }
        }
        for b in 0x80...0xFF where single[b] != 0 && Int(single[b]) < Self.encodeTableSize && (encode[Int(single[b])] == 0 || single[b] < 0xA0) {
            if charset == .gb18030 { continue }  // 0x80 (euro) decodes, but GB18030 writes the euro as A2 E3
            encode[Int(single[b])] = UInt32(b)
        }
        if charset.isDoubleByte {
            let leads = charset == .big5 ? Array(0xA1...0xFE) + Array(0x81...0xA0) : Array(0x81...0xFE)
            for lead in leads {
                for trail in 0x40...0xFE {
                    let v = double[lead << 8 | trail]
                    if v != 0 && v != 0xFFFF_FFFF && Int(v) < Self.encodeTableSize && encode[Int(v)] == 0 {
                        encode[Int(v)] = 0x1_0000 | UInt32(lead << 8 | trail)
                    }
                }
            }
            for (index, v) in four.enumerated() where v != 0 && encode[Int(v)] == 0 {
                encode[Int(v)] = 0x8000_0000 | UInt32(index)
            }
        }
        self.single = single
        self.double = double
        self.four = four
        self.encodeTable = encode
        self.doubleScalarPairs = pairsWithTwo
    }

    static func fourBytes(linear index: Int) -> [UInt8] {
        var i = index
        let b4 = i % 10; i /= 10
        let b3 = i % 126; i /= 126
        let b2 = i % 10; i /= 10
        return [UInt8(0x81 + i), UInt8(0x30 + b2), UInt8(0x81 + b3), UInt8(0x30 + b4)]
    }

    /// Decodes many short sequences with one ICU call (newline-separated),
    /// falling back to one call each if the pieces do not line up.
    static func decodeEach(_ sequences: [[UInt8]], _ converter: Converter) throws -> [[UInt32]] {
        var joined: [UInt8] = []
        for s in sequences { joined.append(contentsOf: s); joined.append(0x0A) }
        // Read the UTF-16 straight into scalar pieces, split at the newlines (no String: the
        // tables take 87,000 sequences, and making and splitting a String was most of the start-up).
        let utf16 = try converter.decode(joined).utf16
        var pieces: [[UInt32]] = []
        pieces.reserveCapacity(sequences.count + 1)
        var piece: [UInt32] = []
        forEachScalar(utf16) { v in
            if v == 0x0A { pieces.append(piece); piece.removeAll(keepingCapacity: true) } else { piece.append(v) }
        }
        // The piece after the last newline (empty when the pieces line up) is not a sequence's.
        if pieces.count == sequences.count {
            return pieces
        }
        return try sequences.map { sequence in
            var scalars: [UInt32] = []
            forEachScalar(try converter.decode(sequence).utf16) { scalars.append($0) }
            return scalars
        }
    }

    /// The scalar values of UTF-16 code units, a lone surrogate read as U+FFFD (as `String(decoding:)` reads it).
    private static func forEachScalar(_ utf16: [UInt16], _ body: (UInt32) -> Void) {
        var units = utf16.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&units) {
            case .scalarValue(let scalar): body(scalar.value)
            case .error: body(0xFFFD)
            case .emptyInput: return
            }
        }
    }

    // MARK: decoding

    /// Decodes bytes; invalid sequences become U+FFFD and are listed.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var invalid: [InvalidBytes] = []
        decode(bytes, into: &scalars, invalid: &invalid)
        return DecodedText(scalars: scalars, invalid: invalid, encoding: name)
    }

    /// Decodes bytes, appending to `scalars` (offsets in `invalid` count from the start of `scalars`).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar], invalid: inout [InvalidBytes]) {
        var unused: [UInt8] = []
        decode(bytes, into: &scalars, invalid: &invalid, lengths: &unused, recordLengths: false)
    }

    /// Decodes bytes and also says how many bytes each scalar came from (for
    /// checks that every byte is accounted for).
    public func decodeWithLengths(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: DecodedText, lengths: [UInt8]) {
        var scalars: [Unicode.Scalar] = []
        var invalid: [InvalidBytes] = []
        var lengths: [UInt8] = []
        decode(bytes, into: &scalars, invalid: &invalid, lengths: &lengths, recordLengths: true)
        return (DecodedText(scalars: scalars, invalid: invalid, encoding: name), lengths)
    }

    func decode(_ bytes: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar], invalid: inout [InvalidBytes], lengths: inout [UInt8], recordLengths: Bool) {
        let n = bytes.count
        var i = 0
        func bad(_ count: Int) {
            invalid.append(InvalidBytes(byteOffset: i, byteCount: count, scalarOffset: scalars.count))
            scalars.append("\u{FFFD}")
            if recordLengths { lengths.append(UInt8(count)) }
        }
        func took(_ count: Int) {
            if recordLengths { while lengths.count < scalars.count { lengths.append(UInt8(count)) } }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
                took(1)
                i += 1
                continue
            }
            let s = single[Int(b)]
            if s != 0 || !charset.isDoubleByte {
                if s != 0 { scalars.append(Unicode.Scalar(s)!); took(1) } else { bad(1) }
                i += 1
                continue
            }
            guard b >= 0x81 && b <= 0xFE, i + 1 < n else { bad(1); i += 1; continue }
            let t = bytes[i + 1]
            if charset == .gb18030 && t >= 0x30 && t <= 0x39 {
                if i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]),
                   let v = fourByteScalar(b, t, bytes[i + 2], bytes[i + 3]) {
                    scalars.append(v)
                    took(4)
                    i += 4
                } else {
                    bad(1)
                    i += 1
                }
                continue
            }
            let v = double[Int(b) << 8 | Int(t)]
            if v == 0xFFFF_FFFF, let two = doubleScalarPairs[UInt16(Int(b) << 8 | Int(t))] {
                scalars.append(Unicode.Scalar(two[0])!)
                took(2)
                for x in two.dropFirst() { scalars.append(Unicode.Scalar(x)!); took(0) }
                i += 2
            } else if v != 0, let s = Unicode.Scalar(v) {
                scalars.append(s)
                took(2)
                i += 2
            } else if t < 0x80 {
                bad(1)        // the ASCII byte is read again on its own
                i += 1
            } else {
                bad(2)
                i += 2
            }
        }
    }

    func fourByteScalar(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8) -> Unicode.Scalar? {
        let linear = ((Int(b1) - 0x81) * 10 + Int(b2) - 0x30) * 1260 + (Int(b3) - 0x81) * 10 + Int(b4) - 0x30
        if linear < four.count {
            let v = four[linear]
            return v == 0 ? nil : Unicode.Scalar(v)
        }
        // 90 30 81 30 onwards: the supplementary planes, in order.
        let base = ((0x90 - 0x81) * 10) * 1260
        let v = 0x10000 + linear - base
        return linear >= base && v <= 0x10FFFF ? Unicode.Scalar(UInt32(v)) : nil
    }

    /// The scalar of a two-byte sequence, or nil when it is not valid (double-byte charsets only).
    @inline(__always)
    public func decodePair(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? {
        guard charset.isDoubleByte, lead >= 0x81 else { return nil }
        let v = double[Int(lead) << 8 | Int(trail)]
        return v == 0 || v == 0xFFFF_FFFF ? nil : Unicode.Scalar(v)
    }

    /// The scalar of a single byte >= 0x80 (nil for lead bytes and invalid bytes).
    @inline(__always)
    public func decodeSingle(_ byte: UInt8) -> Unicode.Scalar? {
        let v = single[Int(byte)]
        return v == 0 ? nil : Unicode.Scalar(v)
    }

    // MARK: encoding

    /// Appends the bytes of `scalar`; false (nothing appended) when the charset cannot hold it.
    @inline(__always)
    public func encode(_ scalar: Unicode.Scalar, into bytes: inout [UInt8]) -> Bool {
        let v = scalar.value
        if v < 0x80 { bytes.append(UInt8(v)); return true }
        if Int(v) < Self.encodeTableSize, encodeTable[Int(v)] != 0 || v < 0x10000 || charset != .gb18030 {
            let e = encodeTable[Int(v)]
            if e == 0 { return false }
            if e & 0x8000_0000 != 0 {
                bytes.append(contentsOf: Self.fourBytes(linear: Int(e & 0x7FFF_FFFF)))
            } else if e & 0x1_0000 != 0 {
                bytes.append(UInt8(e >> 8 & 0xFF))
                bytes.append(UInt8(e & 0xFF))
            } else {
                bytes.append(UInt8(e))
            }
            return true
        }
        if charset == .gb18030 && v >= 0x10000 {
            let base = ((0x90 - 0x81) * 10) * 1260
            bytes.append(contentsOf: Self.fourBytes(linear: base + Int(v) - 0x10000))
            return true
        }
        return false
    }

    /// The bytes of a scalar sequence, or nil when one of them cannot be encoded.
    public func encode(_ scalars: some Sequence<Unicode.Scalar>) -> [UInt8]? {
        var out: [UInt8] = []
        for s in scalars where !encode(s, into: &out) { return nil }
        return out
    }

    /// True when the charset can hold `scalar`.
    public func canEncode(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return true }
        if Int(v) < Self.encodeTableSize && encodeTable[Int(v)] != 0 { return true }
        return charset == .gb18030 && (v >= 0x10000 || Int(v) >= Self.encodeTableSize)
    }
}

/// ICU on this system lacks the data for a charset.
public struct CodecUnavailable: Error, CustomStringConvertible, Sendable {
    public let charset: String
    public let reason: String
    public var description: String { "the \(charset) converter is not available: \(reason)" }
}
