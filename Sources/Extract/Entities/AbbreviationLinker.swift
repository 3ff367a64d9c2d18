import Lexicon

/// Links abbreviations to the full names the text gives for them:
/// 中国共产党（简称“中共”）, 市公共资源交易中心（以下简称交易中心）.
///
/// The abbreviation's later occurrences in the same text become
/// organisations (or places) too, carrying `full`.
enum AbbreviationLinker {
    static let markers = ["以下简称", "下称", "简称"].map(Scalars.values)
    static let opens: ScalarSet = [0x28, 0xFF08]  // ( （
    static let closes: ScalarSet = [0x29, 0xFF09]
    static let quotes: ScalarSet = [0x201C, 0x201D, 0x22, 0x300C, 0x300D, 0x2018, 0x2019]

    static func link(_ entities: inout [EntityMention], text: ExtractText) {
        var links: [([UInt32], EntityMention)] = []
        // Indices, not `for e in entities`: copying a mention retains its strings, and
        // almost every mention is passed over on its type or the character after it.
        for i in entities.indices where entities[i].type == .organisation || entities[i].type == .location {
            var p = entities[i].end
            guard opens.contains(text[p]) else { continue }
            let e = entities[i]
            p += 1
            guard let marker = markers.first(where: { text.has($0, at: p) }) else { continue }
            p += marker.count
            while p < text.count, quotes.contains(text[p]) || text[p] == 0x3A || text[p] == 0xFF1A || Scalars.isSpace(text[p]) { p += 1 }
            let s = p
            while p < text.count, !closes.contains(text[p]), !quotes.contains(text[p]), p - s < 12 { p += 1 }
            guard p > s, p - s < e.end - e.start else { continue }
            var short = EntityMention(type: e.type, start: s, end: p, norm: text.normString(s, p), role: nil, evidence: "abbreviation")
            short.fullName = e.norm
            links.append((Array(text.norm[s..<p]), short))
        }
        guard !links.isEmpty else { return }
        var added: [EntityMention] = []
        for (word, first) in links {
            added.append(first)
            var i = first.end
            while i + word.count <= text.count {
                if text.has(word, at: i) {
                    var m = first
                    m.start = i; m.end = i + word.count
                    added.append(m)
                    i += word.count
                } else {
                    i += 1
                }
            }
        }
        for a in added {
            entities.removeAll { $0.start < a.end && a.start < $0.end && ($0.end - $0.start) <= (a.end - a.start) }
            if !entities.contains(where: { $0.start < a.end && a.start < $0.end }) { entities.append(a) }
        }
        entities.sort { ($0.start, $0.end, $0.type.rawValue) < ($1.start, $1.end, $1.type.rawValue) }
    }
}
