/// Marks the characters that mojibake is made of, so clean text costs one
/// table look-up per character.
///
/// Two classes: `latin` (Latin-1 and the windows-1252 extras: what UTF-8 or
/// GBK bytes look like read as windows-1252) and `cjk` (Han characters rare
/// in the language model, kana, Greek, Cyrillic, box drawing, private use,
/// U+FFFD: what UTF-8 or Big5 bytes look like read as GBK, and the reverse).
struct SuspicionTable: Sendable {
    static let latin: UInt8 = 1
    static let cjk: UInt8 = 2
    static let size = 0x30000
    /// A Han character seen fewer times than this in the model's data is suspect.
    static let rareCount = 2000

    private let marks: [UInt8]

    init(model: LanguageModel) {
        var marks = [UInt8](repeating: 0, count: Self.size)
        for v in 0xA0...0x24F { marks[v] = Self.latin }
        for v in 0x80...0x9F { marks[v] = Self.latin }
        for v in 0x370...0x4FF { marks[v] = Self.cjk }            // Greek, Cyrillic
        for v in 0x2460...0x27BF { marks[v] = Self.cjk }          // enclosed numbers, box drawing, shapes, dingbats
        for v in 0x3040...0x30FF { marks[v] = Self.cjk }          // kana
        for v in 0x3100...0x312F { marks[v] = Self.cjk }          // bopomofo
        for v in 0xE000...0xF8FF { marks[v] = Self.cjk }          // private use
        for v in 0xFE30...0xFE4F { marks[v] = Self.cjk }          // vertical forms
        marks[0xFFFD] = Self.cjk
        marks[0x20AC] = Self.cjk                                  // € : a lone 0x80 read as GBK
        for v in 0x3400...0x9FFF where LanguageModel.isHan(UInt32(v)) {
            if model.count(of: Unicode.Scalar(UInt32(v))!) < Self.rareCount { marks[v] = Self.cjk }
        }
        for v in 0xF900...0xFAFF { marks[v] = Self.cjk }
        for v in 0x20000..<Self.size { marks[v] = Self.cjk }
        self.marks = marks
    }

    @inline(__always)
    func mark(_ v: UInt32) -> UInt8 {
        v < UInt32(Self.size) ? marks[Int(v)] : Self.cjk
    }

    /// Damage left in a text: each U+FFFD or private-use character, and each
    /// run of three or more suspect characters in a row.
    func suspiciousSpans(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var run = 0
        for s in scalars {
            let v = s.value
            if v == 0xFFFD || (0xE000...0xF8FF).contains(v) { count += 1 }
            if mark(v) != 0 && v >= 0x80 {
                run += 1
                if run == 3 { count += 1 }
            } else {
                run = 0
            }
        }
        return count
    }
}
