/// One classic mix-up: text in encoding `source` whose bytes were read as
/// `misread` (e.g. UTF-8 read as GBK gives 浣犲ソ for 你好).
///
/// Reversing it means encoding the damaged characters with `misread` and
/// decoding the bytes as `source`. The channel's `kind` names the repair in
/// the record ("mojibake-utf8-as-gbk").
public struct MojibakeChannel: Sendable {
    /// What the text really was.
    public enum Source: Sendable, Equatable {
        case utf8
        case legacy(LegacyCodec)

        public static func == (a: Source, b: Source) -> Bool {
            switch (a, b) {
            case (.utf8, .utf8): return true
            case (.legacy(let x), .legacy(let y)): return x.charset == y.charset
            default: return false
            }
        }
    }

    public let source: Source
    public let misread: LegacyCodec
    public let kind: String
    /// The bytes a U+FFFD in the damaged text can stand for: the bytes the
    /// misreading decoder rejects (nil: any byte, for the double-byte codecs).
    let lostByteValues: [UInt16]?

    public init(source: Source, misread: LegacyCodec) {
        self.source = source
        self.misread = misread
        let from: String
        switch source {
        case .utf8: from = "utf8"
        case .legacy(let codec): from = Self.shortName(codec.charset)
        }
        kind = "mojibake-\(from)-as-\(Self.shortName(misread.charset))"
        switch misread.charset {
        case .windows1252: lostByteValues = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        case .latin1: lostByteValues = []
        case .gb18030, .big5: lostByteValues = nil
        }
    }

    static func shortName(_ charset: LegacyCodec.Charset) -> String {
        switch charset {
        case .gb18030: "gbk"
        case .big5: "big5"
        case .windows1252: "cp1252"
        case .latin1: "latin1"
        }
    }

    /// True when each damaged character stands for exactly one source
    /// character (a double-byte charset read as another).
    var isOneToOne: Bool {
        if case .legacy(let codec) = source { return codec.charset.isDoubleByte && misread.charset.isDoubleByte }
        return false
    }

    /// The misreading as a decoder that loses one byte at a time writes it
    /// (Python's `errors="replace"`): a byte that starts no character becomes
    /// U+FFFD and decoding goes on at the next byte; GBK's user-defined area
    /// (private-use characters) counts as no character.
    public func lossyDecode(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { out.append(Unicode.Scalar(b)); i += 1; continue }
            if misread.charset.isDoubleByte {
                if i + 1 < bytes.count, let s = misread.decodePair(b, bytes[i + 1]), !(0xE000...0xF8FF).contains(s.value) {
                    out.append(s); i += 2
                } else {
                    out.append("\u{FFFD}"); i += 1
                }
            } else {
                out.append(misread.decodeSingle(b) ?? "\u{FFFD}"); i += 1
            }
        }
        return out
    }

    /// The mix-ups zhpipe reverses: UTF-8, GBK and Big5 text read as GBK, Big5 or windows-1252.
    public static func standard() throws -> [MojibakeChannel] {
        let gbk = try LegacyCodec.shared(.gb18030)
        let big5 = try LegacyCodec.shared(.big5)
        let cp1252 = try LegacyCodec.shared(.windows1252)
        return [
            MojibakeChannel(source: .utf8, misread: gbk),
            MojibakeChannel(source: .utf8, misread: big5),
            MojibakeChannel(source: .utf8, misread: cp1252),
            MojibakeChannel(source: .legacy(gbk), misread: big5),
            MojibakeChannel(source: .legacy(big5), misread: gbk),
            MojibakeChannel(source: .legacy(gbk), misread: cp1252),
            MojibakeChannel(source: .legacy(big5), misread: cp1252),
        ]
    }
}
