import Lexicon

/// The Mandarin readings of Han characters (from Unihan), to tell a pinyin
/// annotation a mirror site inserted ("經(jīng)") from a gloss that is not a
/// reading of its character.
///
/// Syllables are tone-marked pinyin in lower case; `ɑ` and `ɡ` (which GBK
/// pinyin fonts use) count as `a` and `g`. Also indexes, for each syllable,
/// the GBK codes of the characters that read so, for annotations that landed
/// inside a character and lost its bytes.
public final class PinyinReadings: Sendable {
    /// The file the readings are read from.
    public static let file = "unihan_readings.tsv"

    /// Syllable id for each known syllable.
    let syllables: [String: Int32]
    /// Readings of each character (syllable ids).
    let readings: [UInt32: [Int32]]
    /// GBK codes (lead << 8 | trail) of the characters with each reading.
    let codesBySyllable: [[UInt16]]
    /// Each syllable as written in the file, by id.
    let spellings: [String]
    /// Whether the tables were read from a `BinaryCache` (for tests).
    let loadedFromCache: Bool

    public convenience init(path: String, gbk: GBKTable) throws {
        var syllables: [String: Int32] = [:]
        var readings: [UInt32: [Int32]] = [:]
        var codes: [[UInt16]] = []
        var spellings: [String] = []
        var char: [UInt32] = []
        var key: [UInt8] = []
        try TSVBytes.forEachRow(path: path) { row in
            try row.scalars(0, into: &char)
            guard row.count >= 2, char.count == 1 else {
                throw LexiconError(file: path, line: row.line, problem: "expected one character, a tab and its readings")
            }
            var ids: [Int32] = []
            let field = row.fields[1]
            var k = field.lowerBound
            while k < field.upperBound {
                while k < field.upperBound && row.bytes[k] == 0x20 { k += 1 }
                let start = k
                while k < field.upperBound && row.bytes[k] != 0x20 { k += 1 }
                guard k > start else { continue }
                let spelling = UnsafeBufferPointer(rebasing: row.bytes[start..<k])
                Self.normalize(spelling, into: &key)
                let name = String(decoding: key, as: UTF8.self)
                let id: Int32
                if let known = syllables[name] { id = known } else {
                    guard let written = String(validating: spelling, as: UTF8.self) else {
                        throw LexiconError(file: path, line: row.line, problem: "not valid UTF-8")
                    }
                    id = Int32(syllables.count)
                    syllables[name] = id
                    codes.append([])
                    spellings.append(written)
                }
                if !ids.contains(id) { ids.append(id) }
                if let (a, b) = gbk.code(of: char[0]) { codes[Int(id)].append(UInt16(a) << 8 | UInt16(b)) }
            }
            readings[char[0]] = ids
        }
        self.init(syllables: syllables, readings: readings, codesBySyllable: codes, spellings: spellings)
    }

    init(syllables: [String: Int32], readings: [UInt32: [Int32]], codesBySyllable: [[UInt16]], spellings: [String], loadedFromCache: Bool = false) {
        self.syllables = syllables
        self.readings = readings
        self.codesBySyllable = codesBySyllable
        self.spellings = spellings
        self.loadedFromCache = loadedFromCache
    }

    /// The readings of a character, as written (the commonest first).
    public func readings(of char: UInt32) -> [String] { (readings[char] ?? []).map { spellings[Int($0)] } }

    /// The same on UTF-8 bytes: lower case, `ɑ` (C9 91) → `a`, `ɡ` (C9 A1) → `g`, spaces dropped.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xC9, i + 1 < bytes.count, bytes[i + 1] == 0x91 || bytes[i + 1] == 0xA1 {
                out.append(bytes[i + 1] == 0x91 ? 0x61 : 0x67)
                i += 2
                continue
            }
            if b == 0x20 || b == 0x09 { i += 1; continue }
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            i += 1
        }
    }

    /// Lower case, `ɑ` → `a`, `ɡ` → `g`, spaces dropped.
    static func normalize(_ s: Substring) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x251: out.append("a")
            case 0x261: out.append("g")
            case 0x20, 0x09: continue
            case 0x41...0x5A: out.append(Unicode.Scalar(u.value + 0x20)!)
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// The id of a syllable, when it is one.
    public func syllable(_ s: Substring) -> Int32? { syllables[Self.normalize(s)] }

    /// True when `syllable` is a reading of `char`.
    public func isReading(_ syllable: Int32, of char: UInt32) -> Bool {
        readings[char]?.contains(syllable) ?? false
    }

    /// GBK codes of the characters that read `syllable`.
    public func gbkCodes(reading syllable: Int32) -> [UInt16] { codesBySyllable[Int(syllable)] }

    /// True for a scalar that can be part of a pinyin syllable.
    @inline(__always)
    public static func isPinyinLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x61...0x7A: return true
        case 0xE0, 0xE1, 0xE8, 0xE9, 0xEA, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA, 0xFC: return true
        case 0x101, 0x113, 0x11B, 0x12B, 0x144, 0x148, 0x14D, 0x16B, 0x1CE, 0x1D0, 0x1D2, 0x1D4,
             0x1D6, 0x1D8, 0x1DA, 0x1DC, 0x1F9, 0x251, 0x261, 0x1E3F: return true
        default: return false
        }
    }

    /// True for a letter that only pinyin uses (a tone-marked vowel, ü, ɑ, ɡ).
    @inline(__always)
    public static func isToneLetter(_ v: UInt32) -> Bool { v >= 0xE0 && isPinyinLetter(v) }
}
