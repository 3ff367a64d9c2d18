import Records

/// Decodes a JSON string literal straight to scalars, without making a
/// `String` first (the repair stage works on scalars; for JSON-lines input
/// the string and its scalar view cost as much as the repairs of clean text).
///
/// The result is what `Record.string` gives, scalar for scalar: escapes
/// resolved, a `\u` surrogate pair joined, a lone surrogate as U+FFFD. Any
/// input it does not expect gives nil, and the caller takes the ordinary
/// path (which reports the problem).
enum JSONScalars {
    static func decode(_ json: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
        json.withContiguousStorageIfAvailable { decode($0) } ?? nil
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        let n = b.count
        guard n >= 2, b[0] == 0x22, b[n - 1] == 0x22 else { return nil }
        var valid = true
        // A literal of n bytes holds fewer than n scalars: they are written in place, with no array to grow.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { storage, count in
            storage.withMemoryRebound(to: UInt32.self) { out in
                if let written = decode(b, into: out) { count = written } else { valid = false; count = 0 }
            }
        }
        return valid ? scalars : nil
    }

    /// Writes the literal's scalars to `out` (room for one per byte); the count, or nil as above.
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int? {
        var w = 0
        @inline(__always) func put(_ v: UInt32) { out[w] = v; w += 1 }
        var i = 1
        let end = b.count - 1
        func hex4(_ k: Int) -> UInt32? {
            guard k + 4 <= end else { return nil }
            var v: UInt32 = 0
            for j in k..<(k + 4) {
                let c = b[j]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v << 4 | d
            }
            return v
        }
        while i < end {
            let b0 = UInt32(b[i])
            if b0 >= 0x20 && b0 < 0x80 && b0 != 0x5C && b0 != 0x22 { put(b0); i += 1; continue }
            if b0 >= 0x80 {
                guard let (value, length) = UTF8Scalars.sequence(in: b, at: i, end: end) else { return nil }
                put(value); i += length; continue
            }
            if b0 == 0x5C {
                guard i + 1 < end else { return nil }
                let c = b[i + 1]
                switch c {
                case 0x22, 0x5C, 0x2F: put(UInt32(c)); i += 2
                case 0x62: put(0x08); i += 2
                case 0x66: put(0x0C); i += 2
                case 0x6E: put(0x0A); i += 2
                case 0x72: put(0x0D); i += 2
                case 0x74: put(0x09); i += 2
                case 0x75:
                    guard let u = hex4(i + 2) else { return nil }
                    i += 6
                    if u >= 0xD800 && u < 0xDC00, i + 1 < end, b[i] == 0x5C, b[i + 1] == 0x75, let low = hex4(i + 2), low >= 0xDC00, low < 0xE000 {
                        put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                        i += 6
                    } else if u >= 0xD800 && u < 0xE000 {
                        put(0xFFFD)
                    } else {
                        put(u)
                    }
                default:
                    return nil
                }
                continue
            }
            return nil
        }
        return w
    }
}
