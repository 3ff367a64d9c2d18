import ICU
import Lexicon

/// The damage a GBK "mirror" site does to a simplified Chinese page, one
/// mechanism at a time (for tests and `make bench`), and all together in
/// the order the site applies them (`MirrorSite.fullChain`).
///
/// The mechanisms are the ones the repair rules invert: script conversion
/// leaving one-to-many characters, pinyin annotation by a byte-level replace
/// on the GBK bytes (so some annotations land inside characters), splitting
/// the bytes on `！` and `”“` and decoding each piece with a decoder that
/// swallows the byte after a bad lead byte, full-width folding, stripping
/// HTML tags (only broken ones survive), censoring characters as `*`, and
/// breaking lines inside words.
public enum MirrorSite {
    /// Every mirror mechanism, with the data they need from the lexicons.
    public static func all(lexicons: LexiconDirectory) throws -> [any DamageMechanism] {
        all(tools: try MirrorTools(lexicons: lexicons))
    }

    /// Every mirror mechanism, sharing already loaded tools.
    public static func all(tools: MirrorTools) -> [any DamageMechanism] {
        [
            MirrorScriptConversion(tools: tools),
            MirrorPinyinAnnotation(tools: tools),
            MirrorSplitDecoding(tools: tools),
            MirrorWidthFolding(),
            MirrorTagStripping(tools: tools),
            MirrorCensoring(),
            MirrorLineBreaking(),
            fullChain(tools: tools),
        ]
    }

    /// Script conversion, annotation, split decoding and folding together, as a mirror does them.
    static func fullChain(tools: MirrorTools) -> MirrorChain {
        MirrorChain(name: "mirror-site", steps: [MirrorScriptConversion(tools: tools), MirrorTagStripping(tools: tools, annotate: true)])
    }
}

/// Several mechanisms applied one after another.
public struct MirrorChain: DamageMechanism {
    public let name: String
    let steps: [any DamageMechanism]

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        var out = text
        for step in steps { out = step.apply(to: out, rng: &rng) }
        return out
    }
}

/// What the byte-level mirror mechanisms share: GBK, the readings, the script table.
public final class MirrorTools: Sendable {
    let gbk: GBKTable
    let readings: PinyinReadings
    /// Simplified → Traditional for characters with exactly one Traditional form.
    let toTraditional: [UInt32: UInt32]

    public init(lexicons: LexiconDirectory) throws {
        gbk = try GBKTable()
        readings = try PinyinReadings.load(path: lexicons.file(PinyinReadings.file), gbk: gbk, cache: BinaryCache.standard)
        var forms: [UInt32: [UInt32]] = [:]
        try LexiconFile.forEachRow(path: lexicons.file("t2s_chars.tsv")) { row in
            guard row.fields.count >= 2, let t = row.fields[0].unicodeScalars.first, let s = row.fields[1].unicodeScalars.first else { return }
            forms[s.value, default: []].append(t.value)
        }
        // ICU's Simplified -> Traditional gives the standard form (同 stays 同,
        // not the variant 衕 the table also lists); characters with several
        // Traditional forms are left as they are, as a mirror leaves them.
        let icu = try Transliterator("Hans-Hant")
        var table: [UInt32: UInt32] = [:]
        for (s, ts) in forms where ts.count == 1 {
            guard let scalar = Unicode.Scalar(s), let t = try icu.transliterate(String(scalar)).unicodeScalars.first,
                  t.value != s, ts.contains(t.value) else { continue }
            table[s] = t.value
        }
        toTraditional = table
    }

    /// GBK bytes of a text (a character GBK lacks becomes `?`, as a mirror's encoder makes it).
    func encode(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for s in scalars where !gbk.append(s.value, to: &bytes) { bytes.append(0x3F) }
        return bytes
    }

    /// Bytes through the mirror's split-and-decode (`MirrorDecoder`).
    func splitDecode(_ bytes: [UInt8], variant: MirrorDecoder.Variant) -> String {
        let decoded = MirrorDecoder(table: gbk).damage(bytes, variant: variant)
        var view = String.UnicodeScalarView()
        for v in decoded { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }

    /// Replaces, for each chosen character, every occurrence of its GBK code
    /// in the bytes by the code and `(reading)`, ignoring character boundaries.
    func annotate(_ bytes: [UInt8], characters: [UInt32]) -> [UInt8] {
        var out = bytes
        for c in characters {
            guard let (a, b) = gbk.code(of: c), let reading = readings.readings(of: c).first else { continue }
            var annotation: [UInt8] = [0x28]
            for s in reading.unicodeScalars where !gbk.append(s.value, to: &annotation) { annotation.append(0x3F) }
            annotation.append(0x29)
            var next: [UInt8] = []
            next.reserveCapacity(out.count + 64)
            var i = 0
            while i < out.count {
                if i + 1 < out.count, out[i] == a, out[i + 1] == b {
                    next.append(a); next.append(b); next.append(contentsOf: annotation)
                    i += 2
                } else {
                    next.append(out[i]); i += 1
                }
            }
            out = next
        }
        return out
    }

    /// A page's annotation list: `count` distinct Han characters of the text, chosen at random.
    func annotationList(_ scalars: [Unicode.Scalar], count: Int, rng: inout SeededRandom) -> [UInt32] {
        var seen = Set<UInt32>()
        var distinct: [UInt32] = []
        for s in scalars where RuleEditing.isHan(s.value) && seen.insert(s.value).inserted { distinct.append(s.value) }
        var chosen: [UInt32] = []
        while chosen.count < min(count, distinct.count) {
            let c = distinct[rng.int(in: 0..<distinct.count)]
            if !chosen.contains(c) { chosen.append(c) }
        }
        return chosen
    }
}
