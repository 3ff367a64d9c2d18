import ICUBridge

/// An ICU charset converter: bytes in a legacy encoding to and from Unicode.
///
/// Decoding never drops bytes silently: each illegal or unmappable sequence
/// becomes U+FFFD and its byte offset is reported. Not thread-safe: open
/// one per thread.
public final class Converter {
    private let handle: UnsafeMutableRawPointer

    /// ICU's canonical name for the charset, e.g. "gb18030".
    public let name: String

    public init(_ charset: String) throws {
        var error: Int32 = 0
        let opened = zh_conv_open(charset, &error)
        try ICUError.check(error, "ucnv_open(\(charset))")
        guard let opened else { throw ICUError(code: 1, operation: "ucnv_open(\(charset))") }
        handle = opened
        var buffer = [CChar](repeating: 0, count: 64)
        zh_conv_name(opened, &buffer, 64)
        name = String(cString: buffer)
    }

    deinit { zh_conv_close(handle) }

    /// The result of decoding: UTF-16 text and where the bad bytes were.
    public struct Decoded {
        public var utf16: [UInt16]
        /// Byte offsets of sequences that became U+FFFD.
        public var badByteOffsets: [Int]
        public var string: String { String(decoding: utf16, as: UTF16.self) }
    }

    /// Decodes bytes to UTF-16.
    public func decode(_ bytes: [UInt8]) throws -> Decoded {
        let capacity = 2 * bytes.count + 2
        var out = [UInt16](repeating: 0, count: capacity)
        var bad = [Int32](repeating: 0, count: 1024)
        var badCount: Int32 = 0
        var error: Int32 = 0
        var length = decodeInto(bytes, &out, &bad, &badCount, &error)
        try ICUError.check(error, "ucnv_toUnicode(\(name))")
        if Int(badCount) > bad.count {
            // More bad sequences than room: decode again with room for all.
            bad = [Int32](repeating: 0, count: Int(badCount))
            length = decodeInto(bytes, &out, &bad, &badCount, &error)
            try ICUError.check(error, "ucnv_toUnicode(\(name))")
        }
        return Decoded(
            utf16: Array(out[0..<Int(length)]),
            badByteOffsets: bad[0..<min(Int(badCount), bad.count)].map { Int($0) }
        )
    }

    private func decodeInto(_ bytes: [UInt8], _ out: inout [UInt16], _ bad: inout [Int32], _ badCount: inout Int32, _ error: inout Int32) -> Int32 {
        let capacity = Int32(out.count)
        let badCapacity = Int32(bad.count)
        return bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in
                zh_conv_to_utf16(handle, chars.baseAddress, Int32(bytes.count), &out, capacity, &bad, badCapacity, &badCount, &error)
            }
        }
    }

    /// Encodes text; characters the charset cannot hold become `substitute`.
    public func encode(_ text: String, substitute: UInt8 = UInt8(ascii: "?")) throws -> [UInt8] {
        let utf16 = Array(text.utf16)
        let capacity = 4 * utf16.count + 4
        var out = [CChar](repeating: 0, count: capacity)
        var error: Int32 = 0
        let length = zh_conv_from_utf16(handle, utf16, Int32(utf16.count), CChar(bitPattern: substitute), &out, Int32(capacity), &error)
        try ICUError.check(error, "ucnv_fromUnicode(\(name))")
        return out[0..<Int(length)].map { UInt8(bitPattern: $0) }
    }
}
