import ICU
import Records

/// Turns a document's bytes into text, choosing the encoding and reporting
/// every byte it could not decode.
///
/// Order: a forced encoding (`--encoding`) wins; then a byte-order mark
/// (UTF-8, UTF-16LE/BE); then valid UTF-8 (the fast path: one validation
/// pass). Anything else is decoded as each plausible charset (GB18030, which
/// covers GBK and GB2312; Big5-HKSCS, which covers Big5; UTF-8 with errors;
/// windows-1252 when ICU's detector names a Western charset) and the reading
/// the language model finds most likely as Chinese wins; invalid bytes count
/// against a reading through the low probability of U+FFFD. ICU's detector
/// alone confuses GB18030 and Big5 on short texts, so its guess only adds
/// candidates. Invalid bytes become U+FFFD, listed with byte offsets.
public struct Decoding: Sendable {
    /// What the bytes are decoded as.
    public enum Choice: Sendable, Equatable {
        case utf8, utf16, legacy(LegacyCodec.Charset), icu(String)
    }

    public let forced: Choice?
    let model: LanguageModel?
    /// How many bytes the candidates are scored on (detection cost is bounded).
    static let sampleBytes = 64 * 1024

    /// - Parameters:
    ///   - forcedEncoding: an encoding name that overrides detection; unknown names throw.
    ///   - model: the language model used to pick between readings (without
    ///     one, the reading with the fewest invalid bytes wins).
    public init(forcedEncoding: String? = nil, model: LanguageModel? = nil) throws {
        self.model = model
        if let forcedEncoding {
            forced = try Self.choice(named: forcedEncoding)
        } else {
            forced = nil
        }
    }

    /// The decoder for an encoding name; throws when neither zhpipe nor ICU knows it.
    public static func choice(named name: String) throws -> Choice {
        switch name.lowercased() {
        case "utf-8", "utf8", "utf-8-sig": return .utf8
        case "utf-16", "utf16", "utf-16le", "utf-16be": return .utf16
        default:
            if let charset = LegacyCodec.charset(named: name) { return .legacy(charset) }
            do {
                _ = try Converter(name)
                return .icu(name)
            } catch {
                throw DecodingError.unknownEncoding(name)
            }
        }
    }

    /// Decodes `bytes` (see the type's documentation for how the encoding is chosen).
    public func decode(_ bytes: [UInt8]) throws -> DecodedText {
        if let forced { return try decode(bytes, as: forced) }
        return try bytes.withUnsafeBufferPointer { buffer in
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { return UnicodeDecoders.utf8(buffer) }
            if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) { return UnicodeDecoders.utf16(buffer) }
            if Self.isValidUTF8(buffer) { return UnicodeDecoders.utf8(buffer) }
            return try detect(buffer)
        }
    }

    /// Decodes as a given choice.
    public func decode(_ bytes: [UInt8], as choice: Choice) throws -> DecodedText {
        try bytes.withUnsafeBufferPointer { buffer in
            switch choice {
            case .utf8: return UnicodeDecoders.utf8(buffer)
            case .utf16: return UnicodeDecoders.utf16(buffer)
            case .legacy(let charset): return try LegacyCodec.shared(charset).decode(buffer)
            case .icu(let name): return try Self.decodeWithICU(Array(buffer), name: name)
            }
        }
    }

    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for b in buffer where b >= 0x80 { ascii = false; break }
        if ascii { return true }
        return String(validating: buffer, as: UTF8.self) != nil
    }

    /// Tries the plausible charsets on a sample and decodes with the best.
    func detect(_ buffer: UnsafeBufferPointer<UInt8>) throws -> DecodedText {
        var candidates: [Choice] = [.legacy(.gb18030), .legacy(.big5), .utf8]
        let sample = UnsafeBufferPointer(rebasing: buffer[0..<Self.sampleEnd(buffer)])
        if let guesses = try? CharsetDetector.detect(Array(sample), limit: 4), let top = guesses.first,
           top.confidence >= 30, ["ISO-8859-1", "windows-1252"].contains(top.name) {
            candidates.append(.legacy(.windows1252))
        }
        var best: (score: Double, choice: Choice)?
        for choice in candidates {
            let decoded = try decodeSample(sample, as: choice)
            let score = self.score(decoded)
            if best == nil || score > best!.score { best = (score, choice) }
        }
        return try decode(Array(buffer), as: best!.choice)
    }

    func decodeSample(_ sample: UnsafeBufferPointer<UInt8>, as choice: Choice) throws -> DecodedText {
        switch choice {
        case .utf8: return UnicodeDecoders.utf8(sample)
        case .utf16: return UnicodeDecoders.utf16(sample)
        case .legacy(let charset): return try LegacyCodec.shared(charset).decode(sample)
        case .icu(let name): return try Self.decodeWithICU(Array(sample), name: name)
        }
    }

    /// How likely a reading is as Chinese (higher is better).
    func score(_ decoded: DecodedText) -> Double {
        if let model { return model.logProbability(decoded.scalars) }
        return -Double(decoded.invalid.count)
    }

    /// The end of the detection sample: at most `sampleBytes`, cut before a line end.
    static func sampleEnd(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard buffer.count > sampleBytes else { return buffer.count }
        var end = sampleBytes
        while end > sampleBytes / 2 && buffer[end - 1] != 0x0A { end -= 1 }
        return end
    }

    /// Any charset ICU knows (EUC-TW, Shift_JIS, ...); bad bytes as ICU reports them.
    static func decodeWithICU(_ bytes: [UInt8], name: String) throws -> DecodedText {
        let converter = try Converter(name)
        let decoded = try converter.decode(bytes)
        var scalars = Array(decoded.string.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        // Place each bad byte on the n-th U+FFFD ICU wrote.
        var invalid: [InvalidBytes] = []
        var next = 0
        for offset in decoded.badByteOffsets {
            while next < scalars.count && scalars[next] != "\u{FFFD}" { next += 1 }
            invalid.append(InvalidBytes(byteOffset: offset, byteCount: 1, scalarOffset: min(next, max(scalars.count - 1, 0))))
            next += 1
        }
        return DecodedText(scalars: scalars, invalid: invalid, encoding: converter.name)
    }
}

/// A decoding request that cannot be met.
public enum DecodingError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknownEncoding(String)

    public var description: String {
        switch self {
        case .unknownEncoding(let name):
            return "unknown encoding '\(name)' (try UTF-8, UTF-16, GB18030, GBK, GB2312, Big5, Big5-HKSCS, windows-1252, or any ICU converter name)"
        }
    }
}
