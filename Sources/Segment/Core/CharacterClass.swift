/// What the segmenter needs to know about one (normalised) character.
///
/// Work is on `UInt32` scalar values in hot loops, so these are plain range
/// tests rather than `Unicode.Scalar.Properties` look-ups.
enum CharacterClass {
    /// A CJK ideograph (unified, extensions, compatibility) or the ideographic
    /// zero 〇: the characters Chinese words are made of.
    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool {
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007
            || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF)
    }

    /// ASCII digit (full-width digits are folded to ASCII by normalisation).
    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    @inline(__always)
    static func isASCIIAlphanumeric(_ c: UInt32) -> Bool { isDigit(c) || isASCIILetter(c) }

    /// The end of a run of ASCII letters and digits joined by single hyphens
    /// or underscores (NX-01, S-IVB, COVID-19, Wi-Fi) starting at `i`, or -1
    /// when the run has no joiner or no letter: digits around a hyphen are a
    /// range (1927-1994, 50-60%), which the standards write as three tokens.
    static func hyphenatedCodeEnd(_ t: UnsafeBufferPointer<UInt32>, from i: Int) -> Int {
        let n = t.count
        var j = i
        var joined = false, letter = false
        while true {
            while j < n && isASCIIAlphanumeric(t[j]) {
                if !isDigit(t[j]) { letter = true }
                j += 1
            }
            guard j + 1 < n, t[j] == 0x2D || t[j] == 0x5F, isASCIIAlphanumeric(t[j + 1]) else { break }
            joined = true
            j += 1
        }
        return joined && letter ? j : -1
    }

    /// The end of a URL starting at `i` (http://, https://, ftp:// or www.),
    /// or -1: ASCII up to a space, a non-ASCII character or a quote or
    /// bracket, trailing sentence punctuation left out. ICU's word rules cut
    /// a URL at every slash and colon; the standards keep it whole.
    static func urlEnd(_ t: UnsafeBufferPointer<UInt32>, from i: Int) -> Int {
        let n = t.count
        func starts(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard i + count <= n else { return false }
            return prefix.withUTF8Buffer { p in
                for k in 0..<count where t[i + k] | (isASCIILetter(t[i + k]) ? 0x20 : 0) != UInt32(p[k]) { return false }
                return true
            }
        }
        var j: Int
        if starts("https://") { j = i + 8 } else if starts("http://") || starts("ftp://") { j = i + (starts("ftp://") ? 6 : 7) } else if starts("www.") { j = i + 4 } else { return -1 }
        let head = j
        while j < n {
            let c = t[j]
            guard c > 0x20 && c < 0x7F else { break }
            if c == 0x22 || c == 0x27 || c == 0x3C || c == 0x3E || c == 0x60 || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D || c == 0x28 || c == 0x29 { break }
            j += 1
        }
        while j > head {
            let c = t[j - 1]
            guard c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F else { break }
            j -= 1
        }
        return j > head ? j : -1
    }

    /// Characters that, repeated, make one punctuation token (—— …… ——— ～～).
    @inline(__always)
    static func joinsWhenRepeated(_ c: UInt32) -> Bool {
        switch c {
        case 0x2014, 0x2015, 0x2500, 0x2026, 0x22EF, 0x2E3A, 0x2E3B, 0x2D, 0x2E, 0x7E, 0x5F, 0x2A, 0x3D, 0xB7, 0x30FB, 0xFF5E, 0x301C:
            return true
        default:
            return false
        }
    }

    /// White space as ICU's word rules see it (ICU gives no rule status for spaces).
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680
            || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000
    }
}
