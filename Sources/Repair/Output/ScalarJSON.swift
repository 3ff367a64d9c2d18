import Records

/// Writes scalar sequences straight into JSON string literals (UTF-8, with
/// the escapes JSON needs), without making a `String` first.
///
/// The repair stage holds text as scalars; making a `String` of each
/// paragraph and then escaping it cost more than all the clean-text repairs
/// together. The output is byte for byte what `JSONWriter` writes for the
/// same text.
enum ScalarJSON {
    /// `"…"` for the scalars.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3 + 2)
        scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { append($0, to: &out) }
        }
        return out
    }

    /// `"…"` for scalar values.
    static func string(values: UnsafeBufferPointer<UInt32>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 + 2)
        append(values, to: &out)
        return out
    }

    /// Appends `"…"` for scalar values to `out`.
    ///
    /// The literal's length is counted first, then its bytes are written in
    /// place: appending byte by byte checked the array's uniqueness and
    /// capacity for every byte, most of the stage's output time.
    static func append(_ values: UnsafeBufferPointer<UInt32>, to out: inout [UInt8]) {
        var length = 2
        for v in values { length += literalLength(v) }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        out.withUnsafeMutableBufferPointer { buffer in
            var w = start
            @inline(__always) func put(_ b: UInt8) { buffer[w] = b; w += 1 }
            put(0x22)
            for v in values {
                switch v {
                case 0x20..<0x80 where v != 0x22 && v != 0x5C: put(UInt8(v))
                case 0..<0x80:
                    for b in JSONWriter.escape(UInt8(v)) { put(b) }
                case 0x80..<0x800:
                    put(UInt8(0xC0 | v >> 6)); put(UInt8(0x80 | v & 0x3F))
                case 0x800..<0x10000:
                    put(UInt8(0xE0 | v >> 12)); put(UInt8(0x80 | v >> 6 & 0x3F)); put(UInt8(0x80 | v & 0x3F))
                default:
                    put(UInt8(0xF0 | v >> 18)); put(UInt8(0x80 | v >> 12 & 0x3F))
                    put(UInt8(0x80 | v >> 6 & 0x3F)); put(UInt8(0x80 | v & 0x3F))
                }
            }
            put(0x22)
        }
    }

    /// How many bytes `append` writes for one scalar value.
    @inline(__always) private static func literalLength(_ v: UInt32) -> Int {
        switch v {
        case 0x20..<0x80 where v != 0x22 && v != 0x5C: return 1
        case 0..<0x80: return JSONWriter.escape(UInt8(v)).count
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}
