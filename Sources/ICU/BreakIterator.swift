import ICUBridge

/// An ICU break iterator (characters, words, lines or sentences) for one locale.
///
/// ICU's iterators are not thread-safe: give each thread its own, via
/// `clone()`. Boundaries come back in bulk, one call per text, into buffers
/// the iterator reuses, so segmenting a record allocates nothing in steady state.
public final class BreakIterator {
    /// What the iterator breaks into.
    public enum Kind: Int32, Sendable {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    private let handle: UnsafeMutableRawPointer
    public let kind: Kind
    private var boundaryBuffer: [Int32] = []
    private var statusBuffer: [Int32] = []

    public init(_ kind: Kind, locale: String = "zh") throws {
        var error: Int32 = 0
        let opened = zh_break_open(kind.rawValue, locale, &error)
        try ICUError.check(error, "ubrk_open(\(kind), \(locale))")
        guard let opened else { throw ICUError(code: 1, operation: "ubrk_open") }
        self.handle = opened
        self.kind = kind
    }

    private init(handle: UnsafeMutableRawPointer, kind: Kind) {
        self.handle = handle
        self.kind = kind
    }

    deinit { zh_break_close(handle) }

    /// A private copy for another thread.
    public func clone() throws -> BreakIterator {
        var error: Int32 = 0
        let copy = zh_break_clone(handle, &error)
        try ICUError.check(error, "ubrk_clone")
        guard let copy else { throw ICUError(code: 1, operation: "ubrk_clone") }
        return BreakIterator(handle: copy, kind: kind)
    }

    /// Breaks UTF-16 text; `body` sees every boundary (0 first, length last)
    /// and, for each, the ICU rule status of the segment ending there.
    /// The buffers are valid only inside `body`.
    public func withBoundaries<R>(
        utf16 text: UnsafeBufferPointer<UInt16>,
        _ body: (_ boundaries: UnsafeBufferPointer<Int32>, _ statuses: UnsafeBufferPointer<Int32>) throws -> R
    ) throws -> R {
        let needed = text.count + 1
        if boundaryBuffer.count < needed {
            boundaryBuffer = [Int32](repeating: 0, count: needed)
            statusBuffer = [Int32](repeating: 0, count: needed)
        }
        var error: Int32 = 0
        let count = boundaryBuffer.withUnsafeMutableBufferPointer { b in
            statusBuffer.withUnsafeMutableBufferPointer { s in
                zh_break_utf16(handle, text.baseAddress, Int32(text.count), b.baseAddress, s.baseAddress, Int32(needed), &error)
            }
        }
        try ICUError.check(error, "ubrk_setText")
        let n = Int(min(count, Int32(needed)))
        return try boundaryBuffer.withUnsafeBufferPointer { b in
            try statusBuffer.withUnsafeBufferPointer { s in
                try body(UnsafeBufferPointer(rebasing: b[0..<n]), UnsafeBufferPointer(rebasing: s[0..<n]))
            }
        }
    }

    /// Boundaries of UTF-16 text as UTF-16 offsets (0 first, length last).
    public func boundaries(utf16 text: [UInt16]) throws -> [Int] {
        try text.withUnsafeBufferPointer { buffer in
            try withBoundaries(utf16: buffer) { b, _ in b.map(Int.init) }
        }
    }

    /// Boundaries of a string, as offsets in Unicode scalars (0 first, count last).
    public func boundaries(_ text: String) throws -> [Int] {
        let utf16 = Array(text.utf16)
        let cuts = try boundaries(utf16: utf16)
        // Map UTF-16 offsets to scalar offsets.
        var scalarIndex = [Int](repeating: 0, count: utf16.count + 1)
        var scalar = 0
        var i = 0
        while i < utf16.count {
            scalarIndex[i] = scalar
            if UTF16.isLeadSurrogate(utf16[i]), i + 1 < utf16.count, UTF16.isTrailSurrogate(utf16[i + 1]) {
                scalarIndex[i + 1] = scalar
                i += 2
            } else {
                i += 1
            }
            scalar += 1
        }
        scalarIndex[utf16.count] = scalar
        return cuts.map { scalarIndex[$0] }
    }

    /// Breaks UTF-8 bytes through ICU's UText; boundaries are byte offsets.
    public func boundaries(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> (boundaries: [Int], statuses: [Int32]) {
        let capacity = bytes.count + 1
        var cuts = [Int64](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        var error: Int32 = 0
        let count = bytes.withMemoryRebound(to: CChar.self) { chars in
            zh_break_utf8(handle, chars.baseAddress, Int64(bytes.count), &cuts, &statuses, Int32(capacity), &error)
        }
        try ICUError.check(error, "ubrk_setUText")
        let n = Int(min(count, Int32(capacity)))
        return (cuts[0..<n].map { Int($0) }, Array(statuses[0..<n]))
    }
}

/// ICU's word-break rule status ranges (UWordBreak), as a kind of token.
public enum WordStatus: Sendable {
    case none, number, letter, kana, ideographic

    public init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<400: self = .kana
        case 400..<500: self = .ideographic
        default: self = .none
        }
    }
}
