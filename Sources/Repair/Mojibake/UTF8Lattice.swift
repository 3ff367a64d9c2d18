/// Reads UTF-8 bytes some of which were lost (a misreading decoder turned
/// them into U+FFFD), choosing the lost bytes with the language model: a
/// beam search over a lattice of byte units, where each step is one UTF-8
/// character whose known bytes must match and whose lost bytes may be any
/// value that fits (a lead byte of the CJK blocks, a continuation byte).
///
/// UTF-8 Chinese read as Big5 loses about half its byte pairs (a pair whose
/// second byte is 0x80–0xA0 is no Big5 character), so whole characters come
/// back only from their neighbours: `然而` from `? ? B6 E8 80 …`. Each damaged
/// character is a token: its bytes in the misreading codec, or, for a
/// U+FFFD, the byte sequences it may have stood for (two lost bytes that
/// made no character, a lone 0x80, a lost lead byte before ASCII, or for
/// decoders that lose one byte at a time, any one byte). The candidates for
/// a step are the characters Chinese text holds (Han the model has seen,
/// CJK and full-width punctuation), looked up by lead byte and a known
/// continuation byte; the search keeps the best few paths at every point of
/// the lattice and scores each character given the one before.
struct UTF8Lattice {
    let model: LanguageModel
    let candidates: UTF8Candidates
    /// Paths kept per lattice point.
    var beamWidth = 48
    /// Candidates tried for a character with a known lead and both continuation bytes lost.
    var openCandidates = 400

    /// One byte of a reading: known, or lost within a range.
    struct Unit: Equatable {
        var low: UInt8
        var high: UInt8
        /// The second byte of a lost pair that the misreading codec rejected
        /// (the pair with the byte before must not be a character of it).
        var rejectedPair = false

        var isKnown: Bool { low == high }
        static func known(_ b: UInt8) -> Unit { Unit(low: b, high: b) }
        func admits(_ b: UInt8) -> Bool { b >= low && b <= high }
    }

    /// A damaged character: the unit sequences it may have come from.
    struct Token {
        var expansions: [[Unit]]
    }

    /// A point of the lattice: inside token `token`, expansion `expansion`,
    /// before unit `offset` (expansion -1: at the token's start).
    struct Point: Hashable, Comparable {
        var token: Int
        var expansion: Int
        var offset: Int
        static func < (a: Point, b: Point) -> Bool { (a.token, a.offset, a.expansion) < (b.token, b.offset, b.expansion) }
    }

    struct State {
        var score: Float
        var last: UInt32
        var parent: Int32
        var multiByte: Bool
    }

    /// The best reading of `tokens` from token `first` to a token boundary
    /// (`asIs[k]`: the log-probability of the damaged text from `first` up to
    /// token k): the end where the reading gains most over the text as it
    /// stands, among paths with a multi-byte character; nil when none.
    /// Characters decoded from known bytes alone must pass `plausible`;
    /// `isPair` tells a pair the misreading codec decodes. With `script`,
    /// characters of the other script cost `LanguageModel.otherScriptCost`: the model
    /// scores 這 and 这 alike, and lost bytes often leave both possible.
    func decode(_ tokens: [Token], from first: Int, asIs: [Int: Double], before: UInt32?, script: LanguageModel.Script? = nil,
                plausible: (UInt32) -> Bool, isPair: (UInt8, UInt8) -> Bool) -> (scalars: [Unicode.Scalar], end: Int, confidence: Double)? {
        var states: [State] = [State(score: 0, last: before ?? 0, parent: -1, multiByte: false)]
        var beams: [Point: [Int32]] = [Point(token: first, expansion: -1, offset: 0): [0]]
        var pending: Set<Point> = [Point(token: first, expansion: -1, offset: 0)]
        var guessed = false
        var units: [Unit] = []
        // The best new state per (end point, last character, multi-byte) from
        // this point's beam, before any enters a beam: a character with lost
        // bytes has hundreds of candidates, and each would otherwise be
        // compared with the whole beam it enters.
        var proposals: [Point: [UInt64: State]] = [:]
        var ends: [Point] = []  // in the order found, for determinism
        var expansions: [(units: [Unit], end: Point)] = []
        var characters: [(scalar: UInt32, exact: Bool, firstByte: Int)] = []
        var firstBytes: [UInt8] = []
        var allowed: [UInt64] = []
        while let point = pending.min() {
            pending.remove(point)
            guard point.token < tokens.count, let here = beams[point] else { continue }
            proposals.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            // Each character the next units may be, then the beam's best state
            // for it (the first of the best, in beam order, as one state after
            // another would leave it).
            expansions.removeAll(keepingCapacity: true)
            units.removeAll(keepingCapacity: true)
            read(tokens, from: point, units: &units) { units, end in expansions.append((units, end)) }
            for (units, end) in expansions {
                let taken = proposals.removeValue(forKey: end)
                var atEnd = taken ?? [:]
                func propose(_ scalar: UInt32, multiByte: Bool, score: Float, parent: Int32) {
                    let key = UInt64(scalar) << 1 | (multiByte ? 1 : 0)
                    if let old = atEnd[key], old.score >= score { return }
                    atEnd[key] = State(score: score, last: scalar, parent: parent, multiByte: multiByte)
                }
                characters.removeAll(keepingCapacity: true)
                firstBytes.removeAll(keepingCapacity: true)
                forEachCharacter(units, previous: nil, isPair: isPair) { scalar, exact in
                    if exact && !plausible(scalar) { return }
                    let first = Self.leadByte(of: scalar)
                    let k = firstBytes.firstIndex(of: first) ?? firstBytes.count
                    if k == firstBytes.count { firstBytes.append(first) }  // at most the nine leads, or one known byte
                    characters.append((scalar, exact, k))
                }
                // A rejected pair straddling characters: which first bytes each
                // state's last character lets follow (by bit, per first byte).
                let checkFirst = units[0].rejectedPair
                if checkFirst {
                    allowed.removeAll(keepingCapacity: true)
                    for si in here {
                        let state = states[Int(si)]
                        let previous = state.parent < 0 ? before : state.last
                        let previousLast: UInt8? = previous.map { v in v < 0x80 ? UInt8(v) : UInt8(0x80 | v & 0x3F) }
                        var mask: UInt64 = 0
                        for (k, first) in firstBytes.enumerated() where previousLast.map({ !isPair($0, first) }) ?? true { mask |= 1 << UInt64(k) }
                        allowed.append(mask)
                    }
                }
                for (scalar, exact, k) in characters {
                    let cost = model.scriptCost(scalar, in: script)
                    // Best per multi-byte flag (one flag when this character is multi-byte itself).
                    var best: (score: Float, parent: Int32) = (-.infinity, -1)
                    var bestSingle: (score: Float, parent: Int32) = (-.infinity, -1)
                    for (position, si) in here.enumerated() {
                        if checkFirst && allowed[position] & (1 << UInt64(k)) == 0 { continue }
                        let state = states[Int(si)]
                        let previous: UInt32? = state.parent < 0 && before == nil ? nil : state.last
                        let score = state.score + model.step(scalar, after: previous) - cost
                        if units.count > 1 || state.multiByte {
                            if best.parent < 0 || score > best.score { best = (score, si) }
                        } else if bestSingle.parent < 0 || score > bestSingle.score {
                            bestSingle = (score, si)
                        }
                    }
                    if !exact && (best.parent >= 0 || bestSingle.parent >= 0) { guessed = true }
                    if best.parent >= 0 { propose(scalar, multiByte: true, score: best.score, parent: best.parent) }
                    if bestSingle.parent >= 0 { propose(scalar, multiByte: false, score: bestSingle.score, parent: bestSingle.parent) }
                }
                if !atEnd.isEmpty {
                    if taken == nil { ends.append(end) }
                    proposals[end] = atEnd
                }
            }
            for end in ends {
                let best = proposals[end]!.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
                for (_, next) in best.prefix(beamWidth) where insert(next, at: end, states: &states, beams: &beams) {
                    pending.insert(end)
                }
            }
        }
        // The end that gains most over the damaged text.
        var best: (gain: Double, token: Int, state: Int32, second: Float)?
        for (k, damaged) in asIs where k > first {
            guard let beam = beams[Point(token: k, expansion: -1, offset: 0)] else { continue }
            let ends = beam.filter { states[Int($0)].multiByte }.sorted { states[Int($0)].score > states[Int($1)].score }
            guard let top = ends.first else { continue }
            let gain = Double(states[Int(top)].score) - damaged
            if best == nil || gain > best!.gain || gain == best!.gain && k > best!.token {
                best = (gain, k, top, ends.count > 1 ? states[Int(ends[1])].score : -.infinity)
            }
        }
        guard let best else { return nil }
        var path: [Unicode.Scalar] = []
        var k = best.state
        while states[Int(k)].parent >= 0 {
            path.append(Unicode.Scalar(states[Int(k)].last)!)
            k = states[Int(k)].parent
        }
        path.reverse()
        var confidence = 1.0
        if guessed {
            let gap = best.second.isFinite ? Double(min(max(states[Int(best.state)].score - best.second, 0), 10)) : 10
            confidence = 0.5 + 0.04 * gap
        }
        return (path, best.token, confidence)
    }

    /// The first byte of a scalar's UTF-8 encoding.
    static func leadByte(of v: UInt32) -> UInt8 {
        switch v {
        case ..<0x80: return UInt8(v)
        case ..<0x800: return UInt8(0xC0 | v >> 6)
        case ..<0x10000: return UInt8(0xE0 | v >> 12)
        default: return UInt8(0xF0 | v >> 18)
        }
    }

    /// Reads the units of one UTF-8 character from `point` (branching on the
    /// expansions of the tokens it enters) and calls `body` with them and the point after.
    func read(_ tokens: [Token], from point: Point, units: inout [Unit], _ body: ([Unit], Point) -> Void) {
        // How many units the character needs follows from its first.
        func need(_ first: Unit) -> Int? {
            if first.isKnown {
                switch first.low {
                case 0x00..<0x80: return 1
                case 0xC2...0xDF: return 2
                case 0xE0...0xEF: return 3
                case 0xF0...0xF4: return 4
                default: return nil
                }
            }
            // A lost first byte: a three-byte character (CJK, punctuation).
            return first.admits(0xE2) || first.admits(0xEF) || first.low >= 0xE0 && first.low <= 0xEF ? 3 : nil
        }
        func walk(_ p: Point, _ units: inout [Unit]) {
            guard p.token < tokens.count else { return }
            if p.expansion < 0 {
                for e in tokens[p.token].expansions.indices { walk(Point(token: p.token, expansion: e, offset: 0), &units) }
                return
            }
            let expansion = tokens[p.token].expansions[p.expansion]
            guard p.offset < expansion.count else { walk(Point(token: p.token + 1, expansion: -1, offset: 0), &units); return }
            units.append(expansion[p.offset])
            defer { units.removeLast() }
            guard let length = need(units[0]), units.count <= length else { return }
            var next = Point(token: p.token, expansion: p.expansion, offset: p.offset + 1)
            if next.offset == expansion.count { next = Point(token: p.token + 1, expansion: -1, offset: 0) }
            if units.count == length { body(units, next); return }
            walk(next, &units)
        }
        walk(point, &units)
    }

    /// Calls `body` with each character the units may be (true: exactly decoded).
    func forEachCharacter(_ units: [Unit], previous: UInt32?, isPair: (UInt8, UInt8) -> Bool, _ body: (UInt32, Bool) -> Void) {
        // The byte before the first unit, for a rejected pair that straddles characters.
        let previousLast: UInt8? = previous.map { v in v < 0x80 ? UInt8(v) : UInt8(0x80 | v & 0x3F) }
        let anyRejected = units.contains(where: \.rejectedPair)
        func rejected(_ b: [UInt8]) -> Bool {
            guard anyRejected else { return false }
            for k in units.indices where units[k].rejectedPair {
                let before = k > 0 ? b[k - 1] : previousLast
                if let before, isPair(before, b[k]) { return true }
            }
            return false
        }
        if units.allSatisfy(\.isKnown) {
            let b = units.map(\.low)
            if rejected(b) { return }
            switch b.count {
            case 1: body(UInt32(b[0]), true)
            case 2:
                guard b[1] & 0xC0 == 0x80 else { return }
                body(UInt32(b[0] & 0x1F) << 6 | UInt32(b[1] & 0x3F), true)
            case 3:
                guard b[1] & 0xC0 == 0x80, b[2] & 0xC0 == 0x80 else { return }
                let v = UInt32(b[0] & 0x0F) << 12 | UInt32(b[1] & 0x3F) << 6 | UInt32(b[2] & 0x3F)
                if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { body(v, true) }
            default:
                guard b[1...].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return }
                let v = UInt32(b[0] & 0x07) << 18 | UInt32(b[1] & 0x3F) << 12 | UInt32(b[2] & 0x3F) << 6 | UInt32(b[3] & 0x3F)
                if v >= 0x10000 && v <= 0x10FFFF { body(v, true) }
            }
            return
        }
        // Lost bytes: three-byte characters only.
        guard units.count == 3 else { return }
        let (u0, u1, u2) = (units[0], units[1], units[2])
        for lead in UTF8Candidates.leads where u0.admits(lead) {
            let list: [UInt32]
            var open = false
            if u1.isKnown { list = candidates.withSecond(lead: lead, c1: u1.low) }
            else if u2.isKnown { list = candidates.withThird(lead: lead, c2: u2.low) }
            else { list = candidates.any(lead: lead); open = true }
            var tried = 0
            for v in list {
                let c1 = UInt8(0x80 | v >> 6 & 0x3F), c2 = UInt8(0x80 | v & 0x3F)
                guard u1.admits(c1), u2.admits(c2), !rejected([lead, c1, c2]) else { continue }
                body(v, false)
                tried += 1
                if open && tried >= openCandidates { break }
            }
        }
    }

    /// Adds a state to the beam at `point`, keeping the best `beamWidth` with
    /// distinct last characters; false when it was not kept.
    func insert(_ state: State, at point: Point, states: inout [State], beams: inout [Point: [Int32]]) -> Bool {
        var beam = beams[point] ?? []
        if let same = beam.firstIndex(where: { states[Int($0)].last == state.last && states[Int($0)].multiByte == state.multiByte }) {
            if states[Int(beam[same])].score >= state.score { return false }
            states.append(state)
            beam[same] = Int32(states.count - 1)
        } else if beam.count < beamWidth {
            states.append(state)
            beam.append(Int32(states.count - 1))
        } else {
            var worst = 0
            for k in 1..<beam.count where states[Int(beam[k])].score < states[Int(beam[worst])].score { worst = k }
            guard states[Int(beam[worst])].score < state.score else { return false }
            states.append(state)
            beam[worst] = Int32(states.count - 1)
        }
        beams[point] = beam
        return true
    }
}

/// The characters Chinese text holds, by their UTF-8 bytes, most frequent
/// first: what a lost byte may complete (`UTF8Lattice`).
struct UTF8Candidates: Sendable {
    /// Lead bytes of the blocks tried for a lost lead: general punctuation
    /// (E2: “ ” …), CJK punctuation (E3: 。、), the CJK ideographs (E4–E9),
    /// full-width forms (EF: ，：（）).
    static let leads: [UInt8] = [0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF]

    /// By lead (index lead - 0xE0): all candidates; by lead and second byte; by lead and third byte.
    private let byLead: [[UInt32]]
    private let bySecond: [[UInt32]]
    private let byThird: [[UInt32]]

    init(model: LanguageModel) {
        var byLead = [[UInt32]](repeating: [], count: 16)
        var bySecond = [[UInt32]](repeating: [], count: 16 * 64)
        var byThird = [[UInt32]](repeating: [], count: 16 * 64)
        var all: [(Float, UInt32)] = []
        for v in UInt32(0x800)..<UInt32(0x10000) where Self.isCandidate(v, model: model) {
            all.append((model.unigram(v), v))
        }
        all.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        for (_, v) in all {
            let lead = Int(v >> 12), c1 = Int(v >> 6 & 0x3F), c2 = Int(v & 0x3F)
            byLead[lead].append(v)
            bySecond[lead * 64 + c1].append(v)
            byThird[lead * 64 + c2].append(v)
        }
        self.byLead = byLead
        self.bySecond = bySecond
        self.byThird = byThird
    }

    static func isCandidate(_ v: UInt32, model: LanguageModel) -> Bool {
        if LanguageModel.isHan(v) { return model.count(of: Unicode.Scalar(v)!) > 0 }
        return (0x3000...0x303F).contains(v) || (0xFF01...0xFF5E).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x203B).contains(v)
    }

    func any(lead: UInt8) -> [UInt32] { byLead[Int(lead & 0x0F)] }
    func withSecond(lead: UInt8, c1: UInt8) -> [UInt32] { bySecond[Int(lead & 0x0F) * 64 + Int(c1 & 0x3F)] }
    func withThird(lead: UInt8, c2: UInt8) -> [UInt32] { byThird[Int(lead & 0x0F) * 64 + Int(c2 & 0x3F)] }
}
