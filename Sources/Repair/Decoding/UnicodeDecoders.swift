import Records

/// Decoders for the Unicode encodings, with every invalid byte accounted for.
///
/// UTF-8 follows the Unicode "maximal subpart" practice (the same as Python,
/// ICU and browsers): each maximal prefix of a valid sequence that is cut
/// short, or each lone bad byte, becomes one U+FFFD.
public enum UnicodeDecoders {
    /// Decodes UTF-8 (a leading BOM is skipped and counted).
    public static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count / 2)
        var invalid: [InvalidBytes] = []
        var i = 0
        let n = bytes.count
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                scalars.append(Unicode.Scalar(b0))
                i += 1
                continue
            }
            guard let lead = UTF8Scalars.Lead(b0) else {
                invalid.append(InvalidBytes(byteOffset: i, byteCount: 1, scalarOffset: scalars.count))
                scalars.append("\u{FFFD}")
                i += 1
                continue
            }
            var value = lead.bits
            var j = i + 1
            var ok = true
            for k in 1...lead.continuations {
                guard j < n, lead.allows(bytes[j], asContinuation: k) else { ok = false; break }
                value = value << 6 | UInt32(bytes[j] & 0x3F)
                j += 1
            }
            if ok, let s = Unicode.Scalar(value) {
                scalars.append(s)
            } else {
                invalid.append(InvalidBytes(byteOffset: i, byteCount: j - i, scalarOffset: scalars.count))
                scalars.append("\u{FFFD}")
            }
            i = j
        }
        return DecodedText(scalars: scalars, invalid: invalid, encoding: "UTF-8")
    }

    /// Decodes UTF-16 after its BOM (FF FE little-endian, FE FF big-endian;
    /// without a BOM, little-endian). Unpaired surrogates and an odd last byte
    /// become U+FFFD.
    public static func utf16(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        var bigEndian = false
        var i = 0
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { bigEndian = true; i = 2 }
        else if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { i = 2 }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count / 2)
        var invalid: [InvalidBytes] = []
        func unit(_ at: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
        }
        while i + 1 < bytes.count {
            let u = unit(i)
            if UTF16.isLeadSurrogate(u), i + 3 < bytes.count, UTF16.isTrailSurrogate(unit(i + 2)) {
                let t = unit(i + 2)
                let v = 0x10000 + (UInt32(u - 0xD800) << 10 | UInt32(t - 0xDC00))
                scalars.append(Unicode.Scalar(v)!)
                i += 4
            } else if let s = Unicode.Scalar(u) {
                scalars.append(s)
                i += 2
            } else {
                invalid.append(InvalidBytes(byteOffset: i, byteCount: 2, scalarOffset: scalars.count))
                scalars.append("\u{FFFD}")
                i += 2
            }
        }
        if i < bytes.count {
            invalid.append(InvalidBytes(byteOffset: i, byteCount: 1, scalarOffset: scalars.count))
            scalars.append("\u{FFFD}")
        }
        return DecodedText(scalars: scalars, invalid: invalid, encoding: bigEndian ? "UTF-16BE" : "UTF-16LE")
    }
}
