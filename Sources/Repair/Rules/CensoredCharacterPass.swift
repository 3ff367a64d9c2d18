/// Restores characters a site censored as `*` (`*员` → 党员, `病*` → 病毒)
/// when the lexicon leaves one convincing candidate, and flags the rest
/// (`censored-character`).
///
/// Each `*` inside Chinese text gets candidates from the words that would
/// run through it (`WordCompletion`). A page censors the same few words
/// throughout, so the candidates of all its `*` are weighed together: a
/// character that fits many of them (党 in *员, *支部, *委书记, 入*申请书)
/// gains over one that fits a single context better (人员). A `*` used as a
/// bullet, a multiplication sign or a divider is not touched.
struct CensoredCharacterPass: RepairPass {
    let name = "censored-character"
    let resources: RuleResources
    /// The share of the evidence the best candidate must hold (or 0.6 and
    /// two and a half times the next one's).
    var minimumShare = 0.8

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        guard text.survey().classes.contains(.star) else { return }
        let s = text.scalars
        let completion = WordCompletion(resources: resources)
        var document: DocumentText? = nil
        var marks: [(at: Int, line: Range<Int>, inside: Bool)] = []
        for line in RuleEditing.lines(s) {
            for i in line where s[i] == "*" || s[i] == "＊" {
                if let inside = censorMark(s, i, line) { marks.append((i, line, inside)) }
            }
        }
        // A page that censors does it inside words: a `*` with a Chinese
        // character on one side only counts when some `*` stands between two.
        guard marks.contains(where: \.inside) else { return }
        var sites: [(at: Int, candidates: [(UInt32, Double)])] = []
        for mark in marks {
            if document == nil { document = DocumentText(s, resources: resources) }
            sites.append((mark.at, completion.candidates(in: s, at: mark.at, line: mark.line, document: document)))
        }
        guard !sites.isEmpty else { return }
        // The page's consistency lends weight only to a character that some
        // site shows on its own evidence (名*员干部 → 党): a mark the page uses
        // as a symbol (`1901年＊俄國小說家`) has no such site.
        var anchored = Set<UInt32>()
        for site in sites {
            let total = site.candidates.reduce(0) { $0 + $1.1 }
            guard total > 0, let best = site.candidates.first else { continue }
            let share = best.1 / total, second = site.candidates.count > 1 ? site.candidates[1].1 / total : 0
            if Self.isDecisive(share, second) { anchored.insert(best.0) }
        }
        let shares = DocumentConsistency.posteriors(sites.map(\.candidates))
        var edits: [TextUnderRepair.Edit] = []
        var flagged: [Int] = []
        for (site, posterior) in zip(sites, shares) {
            let second = posterior.count > 1 ? posterior[1].1 : 0
            if let (char, share) = posterior.first, share >= minimumShare || Self.isDecisive(share, second),
               anchored.contains(char), let scalar = Unicode.Scalar(char) {
                edits.append(.init(range: site.at..<(site.at + 1), replacement: [scalar], kind: name, confidence: share))
            } else {
                flagged.append(site.at)
            }
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
        for at in flagged {
            notes.flags.append(.init(kind: "censored-character", start: at, end: at + 1))
        }
    }

    /// One candidate clearly ahead: 0.8 of the evidence, or 0.6 and two and a half times the next.
    static func isDecisive(_ share: Double, _ second: Double) -> Bool {
        share >= 0.8 || share >= 0.6 && share >= 2.5 * second
    }

    /// Whether the `*` at `i` may stand for a character: nil when it cannot
    /// (`**`, a bullet, a comment mark `/*` `*/`, a product sign between
    /// digits), true when Chinese characters stand on both sides, false when
    /// on one side only.
    func censorMark(_ s: [Unicode.Scalar], _ i: Int, _ line: Range<Int>) -> Bool? {
        let before = i > line.lowerBound ? s[i - 1] : nil
        let after = i + 1 < line.upperBound ? s[i + 1] : nil
        for c in [before, after] {
            if let c, c == "*" || c == "＊" || c == "/" { return nil }
        }
        let hanBefore = before.map { RuleEditing.isHan($0.value) } ?? false
        let hanAfter = after.map { RuleEditing.isHan($0.value) } ?? false
        if hanBefore && hanAfter { return true }
        guard hanBefore || hanAfter else { return nil }
        // A `*` opening a line is a bullet.
        if s[line.lowerBound..<i].allSatisfy(RuleEditing.isBlank) { return nil }
        // The other side: punctuation, a blank or the line's edge, not a letter or digit.
        let other = hanBefore ? after : before
        if let other, other.isASCII, HTMLNames.isNameCharacter(other) { return nil }
        return false
    }
}

/// Weighs candidates for several damaged places of one document together,
/// on the assumption that a page damages the same few characters throughout.
enum DocumentConsistency {
    /// Candidates kept per site (they come best first).
    static let maximumCandidates = 24

    /// For each site, its candidates with their posterior shares, best first.
    static func posteriors(_ sites: [[(UInt32, Double)]]) -> [[(UInt32, Double)]] {
        // Per-site shares from the word evidence (the best few: the tail of a
        // long list cannot win, and would make each round quadratic).
        let local: [[(UInt32, Double)]] = sites.map { candidates in
            let total = candidates.reduce(0) { $0 + $1.1 }
            return total > 0 ? candidates.prefix(maximumCandidates).map { ($0.0, $0.1 / total) } : []
        }
        var current = local
        for _ in 0..<8 {
            // Document prior: how much of the rest of the document each character
            // explains (leave-one-out, so a lone site keeps its own evidence).
            var prior: [UInt32: Double] = [:]
            for site in current { for (c, p) in site { prior[c, default: 0] += p } }
            current = zip(local, current).map { site, own in
                let weighted = site.map { candidate -> (UInt32, Double) in
                    let mine = own.first { $0.0 == candidate.0 }?.1 ?? 0
                    let others = 1 + (prior[candidate.0] ?? 0) - mine
                    return (candidate.0, candidate.1 * others * others * others)
                }
                let total = weighted.reduce(0) { $0 + $1.1 }
                guard total > 0 else { return site.sorted { $0.1 > $1.1 } }
                return weighted.map { ($0.0, $0.1 / total) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            }
        }
        return current
    }
}
