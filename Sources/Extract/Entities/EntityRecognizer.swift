/// Finds people, places and organisations in a paragraph, from the lattice
/// of words and the lexicons, and chooses one reading where candidates overlap.
///
/// Each rule family (PersonRules, PlaceRules, OrganizationRules) proposes
/// candidates with a priority; the resolver keeps the best non-overlapping
/// ones: an organisation that contains a place wins over the place
/// (香港特区终审法院), a longer chain over its parts.
struct EntityRecognizer {
    let text: ExtractText
    let lexicons: ExtractLexicons
    /// Spans already taken by numbers that are not part of names (dates, amounts).
    let numberSpans: [NumberMention]

    struct Candidate {
        var mention: EntityMention
        var priority: Int
        var length: Int { mention.end - mention.start }
    }

    var candidates: [Candidate] = []
    init(text: ExtractText, lexicons: ExtractLexicons, numbers: [NumberMention]) {
        self.text = text
        self.lexicons = lexicons
        self.numberSpans = numbers
    }

    // MARK: Token helpers (always inlined: the rules call them many times per token,
    // and out of line most of their cost is the call)

    var tokenCount: Int { text.lattice.count }
    func start(_ t: Int) -> Int { Int(text.lattice.starts[t]) }
    func end(_ t: Int) -> Int { Int(text.lattice.ends[t]) }
    func len(_ t: Int) -> Int { end(t) - start(t) }
    @inline(__always) func info(_ t: Int) -> WordInfo? { text.info(token: t, lexicons) }
    @inline(__always) func flags(_ t: Int) -> WordFlags { info(t)?.flags ?? [] }
    @inline(__always) func tag(_ t: Int) -> WordTag { info(t)?.tag ?? .unknown }
    @inline(__always) func freq(_ t: Int) -> Int { Int(info(t)?.frequency ?? 0) }
    func isHan(_ t: Int) -> Bool { text.lattice.hanTokens[t] }
    func scalar(_ t: Int) -> UInt32 { text.norm[start(t)] }
    func word(_ t: Int) -> String { text.normString(start(t), end(t)) }

    /// The token index that starts at `position`, if one does.
    func token(at position: Int) -> Int? {
        guard position >= 0, position < text.lattice.tokenAt.count - 1 else { return nil }
        let t = text.lattice.tokenAt[position]
        return t >= 0 ? Int(t) : nil
    }

    mutating func add(_ type: EntityMention.Kind, _ s: Int, _ e: Int, priority: Int, evidence: String, role: String? = nil, partial: Bool = false, chain: [String]? = nil) {
        guard e > s else { return }
        var m = EntityMention(type: type, start: s, end: e, norm: text.normString(s, e), role: role, evidence: evidence)
        m.partial = partial
        m.chain = chain
        candidates.append(Candidate(mention: m, priority: priority))
    }

    // MARK: Run

    mutating func run() -> [EntityMention] {
        proposePlaces()
        proposeOrganisations()
        proposePeople()
        return resolve()
    }

    /// Keeps the best non-overlapping candidates, in text order.
    func resolve() -> [EntityMention] {
        // Locals, so the closures below capture two arrays rather than a copy of the recognizer.
        let candidates = self.candidates
        let numberSpans = self.numberSpans
        let order = candidates.indices.sorted { Self.outranks(candidates[$0], candidates[$1]) }
        var kept: [EntityMention] = []
        for i in order {
            // Spans first: a mention is copied (its strings retained) only when kept.
            let (start, end) = (candidates[i].mention.start, candidates[i].mention.end)
            // A name inside an amount is its unit (两个亿卢布: 卢布 is a currency here).
            if numberSpans.contains(where: { $0.start <= start && end <= $0.end && $0.unit != nil && $0.kind != "ordinal" }) { continue }
            // Taken: a position of the candidate is in one kept before (both spans are non-empty).
            if kept.contains(where: { $0.start < end && start < $0.end }) { continue }
            kept.append(candidates[i].mention)
        }
        // In place: `sorted` would copy every mention; the order is the same.
        kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return kept
    }

    /// Whether candidate `x` is considered before `y`: higher priority, then longer, then earlier.
    static func outranks(_ x: Candidate, _ y: Candidate) -> Bool {
        if x.priority != y.priority { return x.priority > y.priority }
        if x.length != y.length { return x.length > y.length }
        if x.mention.start != y.mention.start { return x.mention.start < y.mention.start }
        return x.mention.type.rawValue < y.mention.type.rawValue
    }
}
