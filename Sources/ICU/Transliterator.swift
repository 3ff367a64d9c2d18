import ICUBridge

/// An ICU transliterator, e.g. "Traditional-Simplified" or "Han-Latin".
///
/// Slow next to a table (ICU's Traditional-Simplified runs at a few MB/s),
/// so the pipeline uses it to build tables and as a reference, not per record.
/// Not thread-safe: open one per thread.
public final class Transliterator {
    private let handle: UnsafeMutableRawPointer
    public let id: String

    public init(_ id: String) throws {
        var error: Int32 = 0
        let opened = zh_translit_open(id, &error)
        try ICUError.check(error, "utrans_open(\(id))")
        guard let opened else { throw ICUError(code: 1, operation: "utrans_open(\(id))") }
        handle = opened
        self.id = id
    }

    deinit { zh_translit_close(handle) }

    /// The transliterated text.
    public func transliterate(_ text: String) throws -> String {
        var buffer = Array(text.utf16)
        var capacity = max(16, buffer.count * 2)
        while true {
            var work = buffer + [UInt16](repeating: 0, count: capacity - buffer.count)
            var length = Int32(buffer.count)
            var error: Int32 = 0
            let needed = zh_translit_utf16(handle, &work, &length, Int32(capacity), &error)
            try ICUError.check(error, "utrans_transUChars(\(id))")
            if needed > 0 {
                capacity = Int(needed) + 16
                continue
            }
            buffer = Array(work[0..<Int(length)])
            return String(decoding: buffer, as: UTF16.self)
        }
    }
}
