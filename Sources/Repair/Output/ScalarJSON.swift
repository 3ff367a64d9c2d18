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
    static func append(_ values: UnsafeBufferPointer<UInt32>, to out: inout [UInt8]) {
        out.append(0x22)
        for v in values {
            switch v {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x20..<0x80: out.append(UInt8(v))
            case 0..<0x20:
                out.append(0x5C)
                switch v {
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(hex[Int(v >> 4)]); out.append(hex[Int(v & 0xF)])
                }
            default:
                UTF8Scalars.append(v, to: &out)
            }
        }
        out.append(0x22)
    }
}
