/// Decodes UTF-8 into scalar values (and encodes them back): checking it (no overlong forms, no
/// surrogates, nothing beyond U+10FFFF), or trusting bytes already checked.
///
/// Why: the stages read a record's text as bytes the record reader has
/// already checked (`Record.withStringBytes`), and repair reads lexicon
/// fields and JSON strings it has not; decoding either straight into scalars
/// skips building a String.
public enum UTF8Scalars {
    /// Writes the scalars of `bytes` (valid UTF-8) to `scalars`, which must
    /// hold `bytes.count`, and where each starts to `offsets` (if given,
    /// `bytes.count + 1` long: the byte count is written after the last).
    /// Returns the number of scalars.
    @inlinable
    public static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<UInt32>,
        offsets: UnsafeMutableBufferPointer<Int32>? = nil
    ) -> Int {
        let n = bytes.count
        var k = 0, m = 0
        while k < n {
            offsets?[m] = Int32(k)
            let b0 = UInt32(bytes[k])
            if b0 < 0x80 {
                scalars[m] = b0
                k += 1
            } else if b0 < 0xE0 {
                scalars[m] = (b0 & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
                k += 2
            } else if b0 < 0xF0 {
                scalars[m] = (b0 & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                k += 3
            } else {
                scalars[m] = (b0 & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12 | UInt32(bytes[k + 2] & 0x3F) << 6 | UInt32(bytes[k + 3] & 0x3F)
                k += 4
            }
            m += 1
        }
        offsets?[m] = Int32(n)
        return m
    }

    /// Appends the scalars of `bytes` (valid UTF-8) to `scalars`, in its own
    /// storage when that has room (a caller that reuses one array allocates nothing).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, appendingTo scalars: inout [UInt32]) {
        let start = scalars.count
        scalars.append(contentsOf: repeatElement(0, count: bytes.count))
        let count = scalars.withUnsafeMutableBufferPointer { decode(bytes, into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        scalars.removeLast(bytes.count - count)
    }

    /// The scalars of `bytes` (valid UTF-8) as an array.
    public static func array(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: bytes.count) { scalars, count in
            count = decode(bytes, into: scalars)
        }
    }

    /// How many bytes the sequence that `lead` starts takes (valid UTF-8).
    @inlinable @inline(__always)
    public static func length(startingWith lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar whose encoding starts at `bytes[i]` (a byte of 0x80 or
    /// more) and its length in bytes, the sequence ending before `end`; nil
    /// when it is not valid UTF-8.
    @inlinable
    public static func sequence(in bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (value: UInt32, length: Int)? {
        let b0 = UInt32(bytes[i])
        if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < end {
            let b1 = UInt32(bytes[i + 1]), b2 = UInt32(bytes[i + 2])
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
            let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
            guard v >= 0x800, v < 0xD800 || v > 0xDFFF else { return nil }
            return (v, 3)
        }
        if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < end {
            let b1 = UInt32(bytes[i + 1])
            guard b1 & 0xC0 == 0x80 else { return nil }
            return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
        }
        if b0 >= 0xF0 && b0 <= 0xF4 && i + 3 < end {
            let b1 = UInt32(bytes[i + 1]), b2 = UInt32(bytes[i + 2]), b3 = UInt32(bytes[i + 3])
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return nil }
            let v = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
            guard v >= 0x10000, v <= 0x10FFFF else { return nil }
            return (v, 4)
        }
        return nil
    }

    /// Appends the scalars of `bytes` to `out`, checking them; false when
    /// the bytes are not valid UTF-8.
    public static func decode(validating bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { out.append(UInt32(b0)); i += 1; continue }
            guard let (value, length) = sequence(in: bytes, at: i, end: n) else { return false }
            out.append(value)
            i += length
        }
        return true
    }

    /// What a UTF-8 lead byte says about its sequence (the Unicode
    /// standard's table of well-formed byte sequences): how many
    /// continuation bytes follow, the value bits the lead carries, and the
    /// range the first continuation byte must lie in (narrower after E0, ED,
    /// F0 and F4, which is what rules out overlong forms, surrogates and
    /// values beyond U+10FFFF). Later continuation bytes lie in 80...BF.
    public struct Lead: Sendable {
        public let continuations: Int
        public let bits: UInt32
        public let firstLow: UInt8
        public let firstHigh: UInt8

        /// nil for a byte that cannot start a multi-byte sequence (ASCII included).
        @inlinable
        public init?(_ b0: UInt8) {
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: continuations = 1; bits = UInt32(b0 & 0x1F)
            case 0xE0: continuations = 2; bits = 0; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: continuations = 2; bits = UInt32(b0 & 0x0F)
            case 0xED: continuations = 2; bits = 0x0D; high = 0x9F
            case 0xF0: continuations = 3; bits = 0; low = 0x90
            case 0xF1...0xF3: continuations = 3; bits = UInt32(b0 & 0x07)
            case 0xF4: continuations = 3; bits = 4; high = 0x8F
            default: return nil
            }
            firstLow = low
            firstHigh = high
        }

        /// Whether `byte` may stand as continuation byte `k` (1 for the first).
        @inlinable
        public func allows(_ byte: UInt8, asContinuation k: Int) -> Bool {
            k == 1 ? byte >= firstLow && byte <= firstHigh : byte & 0xC0 == 0x80
        }
    }

    /// Writes the UTF-8 encoding of `values` to `utf8`, which must hold four
    /// bytes per value; values that are not scalars (surrogates, beyond
    /// U+10FFFF) become U+FFFD. Returns the number of bytes written.
    @inlinable
    public static func encode(_ values: some Collection<UInt32>, into utf8: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        for v in values {
            UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}") { utf8[written] = $0; written += 1 }
        }
        return written
    }

    /// Appends the UTF-8 encoding of the scalar value `v` to `out`.
    @inlinable
    public static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
