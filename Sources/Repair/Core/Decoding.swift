import ICU
import Records

/// Turns a document's bytes into text, reporting every byte it could not decode.
///
/// UTF-8 (with or without a BOM) and UTF-16 with a BOM are recognised here;
/// an explicit encoding (`--encoding`) is decoded with ICU. Invalid bytes
/// become U+FFFD and their byte offsets are returned, never dropped silently.
public struct Decoding {
    /// The decoded text, the encoding used, and offsets of undecodable bytes.
    public struct Result: Sendable {
        public var text: String
        public var encoding: String
        public var invalidByteOffsets: [Int]
    }

    public let forcedEncoding: String?

    public init(forcedEncoding: String? = nil) {
        self.forcedEncoding = forcedEncoding
    }

    public func decode(_ bytes: [UInt8]) throws -> Result {
        if let forcedEncoding {
            return try decode(bytes, as: forcedEncoding)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            var result = try decode(Array(bytes.dropFirst(3)), as: "UTF-8")
            result.invalidByteOffsets = result.invalidByteOffsets.map { $0 + 3 }
            return result
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try decode(bytes, as: "UTF-16")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Result(text: text, encoding: "UTF-8", invalidByteOffsets: [])
        }
        return try decode(bytes, as: "UTF-8")
    }

    func decode(_ bytes: [UInt8], as encoding: String) throws -> Result {
        let converter = try Converter(encoding)
        let decoded = try converter.decode(bytes)
        var text = decoded.string
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return Result(text: text, encoding: converter.name, invalidByteOffsets: decoded.badByteOffsets)
    }
}
