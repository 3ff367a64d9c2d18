/// Flags numbers a site deleted outright (`名*员干部`, `约人`, `的人左右`,
/// `初一班、班`), as `number-missing` on the measure word that lost its
/// number. Nothing is invented: a deleted number cannot be known.
///
/// A measure word needs a numeral before it in these shapes: after an
/// approximator (`约`, `近`, `共`, `达` ...), before an approximate suffix
/// (`左右`, `余`, `多`), at the start of a clause (`，名党员干部`, `、余名`), and
/// as the lone item of an enumeration (`、班的`). A measure word that begins
/// a lexicon word there (`名单`, `个人`, `人员`) is not one.
struct MissingNumberPass: RepairPass {
    let name = "missing-number"
    let resources: RuleResources

    /// The measure words (Simplified, then the Traditional forms that differ).
    static let measureCharacters = "名人个位次户家件台辆元万亿米斤吨天岁条篇份场批所处栋套箱盒袋瓶只株亩班号" + "個戶輛萬億噸歲條場處棟隻畝號"
    static let measures: Set<UInt32> = Set(measureCharacters.unicodeScalars.map(\.value))
    static let approximators: [[UInt32]] = ["约", "近", "共", "达", "逾", "超过", "多达", "将近", "大约", "仅", "不足", "总计", "累计"].map { $0.unicodeScalars.map(\.value) }
    static let numerals: Set<UInt32> = Set("0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两零〇几数半双".unicodeScalars.map(\.value))
    static let clauseStart: Set<UInt32> = Set("，、；：。,;:（(".unicodeScalars.map(\.value))

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        guard text.survey().classes.contains(.measure) else { return }
        let scalars = text.scalars
        let n = scalars.count
        let table = CharacterClass.table
        var found: [Range<Int>] = []
        // Simplified value at k (0 outside the text, 0x0A before it).
        func at(_ k: Int) -> UInt32 { k < 0 ? 0x0A : (k < n ? resources.simplified(scalars[k].value) : 0) }
        for i in 0..<n {
            let raw = scalars[i].value
            guard raw < 0x10000, table[Int(raw)] & CharacterClass.measure.rawValue != 0 else { continue }
            let m = at(i)
            let before = at(i - 1)
            guard !Self.numerals.contains(before) else { continue }
            let next = at(i + 1)
            var start: Int? = nil
            // 约人: an approximator right before the measure word (not the end of a word: 公共, 附近; not a word with it: 达人).
            var approximated = false
            for a in Self.approximators where i >= a.count {
                var same = true
                for k in 0..<a.count where at(i - a.count + k) != a[k] { same = false; break }
                guard same else { continue }
                let a0 = i - a.count
                let endsWord = a0 > 0 && frequency([at(a0 - 1)] + a) >= 50
                let makesWord = frequency(a + [m]) >= 50
                if !endsWord && !makesWord { approximated = true }
            }
            if approximated { start = i }
            // 人左右: an approximate suffix.
            if next == 0x5DE6 && at(i + 2) == 0x53F3 { start = i }
            // ，名党员干部: a measure word opening a clause.
            if Self.clauseStart.contains(before) || i == 0, RuleEditing.isHan(next), Self.clauseMeasures.contains(m) { start = i }
            // 、余名: an approximate numeral word with no number.
            if (before == 0x4F59 || before == 0x591A), i < 2 || Self.clauseStart.contains(at(i - 2)) { start = i - 1 }
            // 、班的: an enumeration item that is only a measure word.
            if before == 0x3001, next == 0x7684 || next == 0x3001 || next == 0x548C { start = i }
            guard let start, !found.contains(where: { $0.contains(start) }), !startsWord(at, i, n) else { continue }
            found.append(start..<(i + 1))
        }
        for r in found { notes.flags.append(.init(kind: "number-missing", start: r.lowerBound, end: r.upperBound)) }
    }

    static let clauseMeasures: Set<UInt32> = Set("名个位户".unicodeScalars.map(\.value))

    func frequency(_ word: [UInt32]) -> Int { resources.words?.frequency(word) ?? 0 }

    /// True when a lexicon word of two or three characters starts at `i` (名单, 个人, 人员).
    func startsWord(_ at: (Int) -> UInt32, _ i: Int, _ n: Int) -> Bool {
        guard let words = resources.words else { return false }
        for length in 2...3 where i + length <= n {
            if words.frequency((i..<(i + length)).map(at)) >= 50 { return true }
        }
        return false
    }
}
