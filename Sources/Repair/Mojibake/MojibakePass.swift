import Records

/// Reverses classic mojibake: UTF-8, GBK or Big5 text whose bytes were read
/// in the wrong encoding (see `MojibakeChannel.standard()`).
///
/// A noisy-channel search: suspicious runs are found with one table look-up
/// per character (`SuspicionTable`); only inside them are candidates made, by
/// encoding the damaged characters with the codec that misread them and
/// decoding the bytes as the source encoding. A candidate is accepted only
/// when pushing it forward through the same mix-up gives the damaged text
/// back, and the language model finds it far more likely (by `margin` nats
/// plus `perCharacterMargin` per damaged character) than the text as it
/// stands. A byte the misreading decoder lost (a U+FFFD standing for one
/// byte) is filled with the most likely UTF-8 continuation byte, at a lower
/// confidence.
public struct MojibakePass: RepairPass {
    public let name = "mojibake"
    let model: LanguageModel
    let channels: [MojibakeChannel]
    let suspicion: SuspicionTable
    /// For each one-to-one channel (by kind): the common source characters a
    /// misreading decoder loses whole (their bytes are invalid there), most frequent first.
    let losable: [String: [Unicode.Scalar]]
    /// The search over lost UTF-8 bytes.
    let lattice: UTF8Lattice
    /// Acceptance: log-probability gain must exceed margin + perCharacterMargin × damaged length.
    var margin = 8.0
    var perCharacterMargin = 1.0

    public init(model: LanguageModel) {
        self.model = model
        self.channels = (try? MojibakeChannel.standard()) ?? []
        self.suspicion = SuspicionTable(model: model)
        var losable: [String: [Unicode.Scalar]] = [:]
        for channel in channels where channel.isOneToOne {
            guard case .legacy(let source) = channel.source else { continue }
            var found: [(Int, Unicode.Scalar)] = []
            var bytes: [UInt8] = []
            for v in UInt32(0x4E00)...UInt32(0x9FFF) {
                let s = Unicode.Scalar(v)!
                let count = model.count(of: s)
                guard count > 0 else { continue }
                bytes.removeAll(keepingCapacity: true)
                guard source.encode(s, into: &bytes), bytes.count == 2, bytes[1] >= 0x80,
                      channel.misread.decodePair(bytes[0], bytes[1]) == nil else { continue }
                found.append((count, s))
            }
            losable[channel.kind] = found.sorted { $0.0 > $1.0 }.prefix(600).map(\.1)
        }
        self.losable = losable
        self.lattice = UTF8Lattice(model: model, candidates: UTF8Candidates(model: model))
    }

    /// One accepted replacement.
    struct Candidate {
        var range: Range<Int>
        var replacement: [Unicode.Scalar]
        var kind: String
        var gain: Double
        var confidence: Double
    }

    public func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        let scalars = text.scalars
        var candidates: [Candidate] = []
        var i = 0
        let n = scalars.count
        // Runs: maximal stretches without white space holding a suspect (ASCII
        // inside, since a Big5 or GBK trail byte read alone is ASCII).
        while i < n {
            if Self.isSpace(scalars[i].value) { i += 1; continue }
            var j = i
            var marks: UInt8 = 0
            while j < n && !Self.isSpace(scalars[j].value) {
                marks |= suspicion.mark(scalars[j].value)
                j += 1
            }
            if marks != 0 && j > i {
                for zone in zones(scalars, run: i..<j) {
                    var zoneMarks: UInt8 = 0
                    for k in zone { zoneMarks |= suspicion.mark(scalars[k].value) }
                    candidates.append(contentsOf: search(scalars, run: zone, marks: zoneMarks))
                }
            }
            i = max(j, i + 1)
        }
        guard !candidates.isEmpty else { return }
        // Best gains first, no overlaps.
        candidates.sort { $0.gain > $1.gain }
        var taken: [Candidate] = []
        for c in candidates where !taken.contains(where: { $0.range.overlaps(c.range) }) { taken.append(c) }
        text.apply(taken.map { TextUnderRepair.Edit(range: $0.range, replacement: $0.replacement, kind: $0.kind, confidence: $0.confidence) })
    }

    /// The parts of a run worth a search: where two suspects stand at most
    /// three characters apart (mojibake is dense; a rare name in clean text
    /// is one suspect alone), widened by twelve characters each side (the
    /// common characters mojibake also holds).
    func zones(_ scalars: [Unicode.Scalar], run: Range<Int>) -> [Range<Int>] {
        var zones: [Range<Int>] = []
        var lastSuspect = -100
        for k in run where suspicion.mark(scalars[k].value) != 0 {
            if k - lastSuspect <= 3 {
                let zone = max(run.lowerBound, lastSuspect - 12)..<min(run.upperBound, k + 13)
                if let last = zones.last, last.upperBound >= zone.lowerBound {
                    zones[zones.count - 1] = last.lowerBound..<max(last.upperBound, zone.upperBound)
                } else {
                    zones.append(zone)
                }
            }
            lastSuspect = k
        }
        return zones
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool { v <= 0x20 || v == 0x2029 || v == 0x2028 || v == 0x85 }

    /// Candidates for one run from every channel whose damage could look like it.
    func search(_ scalars: [Unicode.Scalar], run: Range<Int>, marks: UInt8) -> [Candidate] {
        var found: [Candidate] = []
        for channel in channels {
            let singleByte = !channel.misread.charset.isDoubleByte
            if singleByte && marks & SuspicionTable.latin == 0 { continue }
            if !singleByte && marks & SuspicionTable.cjk == 0 { continue }
            if channel.isOneToOne {
                // A U+FFFD is a whole lost character (WHATWG decoders) or a
                // single lost byte (Python's): try both readings.
                found.append(contentsOf: oneToOne(scalars, run: run, channel: channel))
                if scalars[run].contains("\u{FFFD}") { found.append(contentsOf: segments(scalars, run: run, channel: channel)) }
            } else {
                found.append(contentsOf: segments(scalars, run: run, channel: channel))
            }
        }
        return found
    }

    // MARK: byte-level channels (UTF-8 source, or a single-byte misreading)

    /// Finds stretches of the run whose misread bytes decode cleanly in the source encoding.
    func segments(_ scalars: [Unicode.Scalar], run: Range<Int>, channel: MojibakeChannel) -> [Candidate] {
        var found = segments(scalars, run: run, channel: channel, pairHoles: false)
        // A WHATWG Big5 decoder loses a whole pair when the second byte is not
        // ASCII; for UTF-8 both kinds of decoder are tried on either codec.
        let utf8: Bool
        if case .utf8 = channel.source { utf8 = true } else { utf8 = false }
        if (channel.misread.charset == .big5 || utf8 && channel.misread.charset.isDoubleByte) && scalars[run].contains("\u{FFFD}") {
            found.append(contentsOf: segments(scalars, run: run, channel: channel, pairHoles: true))
        }
        return found
    }

    func segments(_ scalars: [Unicode.Scalar], run: Range<Int>, channel: MojibakeChannel, pairHoles: Bool) -> [Candidate] {
        if case .utf8 = channel.source, scalars[run].contains("\u{FFFD}") {
            return latticeSegments(scalars, run: run, channel: channel, whatwg: pairHoles)
        }
        // Bytes of the run as the misreading codec wrote them; 0x100 marks a lost byte (U+FFFD).
        var bytes: [UInt16] = []
        var starts: [Int] = []   // byte offset of each run character
        bytes.reserveCapacity(run.count * 2)
        var scratch: [UInt8] = []
        for k in run {
            let s = scalars[k]
            starts.append(bytes.count)
            if s == "\u{FFFD}" && channel.lostByteValues?.isEmpty != true {
                bytes.append(0x100)
                if pairHoles && !(k + 1 < run.upperBound && scalars[k + 1].value < 0x80) { bytes.append(0x100) }
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            if s == "€" && channel.misread.charset == .gb18030 {
                bytes.append(0x80)   // the WHATWG GBK decoder reads a lone 0x80 as the euro sign
            } else if channel.misread.encode(s, into: &scratch) {
                for b in scratch { bytes.append(UInt16(b)) }
            } else {
                bytes.append(0x200)  // a barrier no decoder accepts
            }
        }
        starts.append(bytes.count)
        var found: [Candidate] = []
        var position = 0
        let count = run.count
        while position < count {
            guard bytes[starts[position]] < 0x200, let segment = decodeSegment(bytes, from: position, starts: starts, channel: channel, context: scalars, runStart: run.lowerBound) else {
                position += 1
                continue
            }
            let range = (run.lowerBound + position)..<(run.lowerBound + segment.endIndex)
            if let c = accept(scalars, range: range, replacement: segment.scalars, kind: channel.kind, confidence: segment.confidence, channel: channel) {
                found.append(c)
            }
            position = segment.endIndex
        }
        return found
    }

    /// UTF-8 read in a legacy codec with bytes lost: the lattice search
    /// (`UTF8Lattice`) from each character of the run. `whatwg`: a U+FFFD is
    /// what a WHATWG decoder writes (a rejected pair, a lone 0x80, a lead
    /// byte before ASCII); otherwise one lost byte, as Python's decoders write.
    func latticeSegments(_ scalars: [Unicode.Scalar], run: Range<Int>, channel: MojibakeChannel, whatwg: Bool) -> [Candidate] {
        typealias Unit = UTF8Lattice.Unit
        var tokens: [UTF8Lattice.Token] = []
        tokens.reserveCapacity(run.count)
        var scratch: [UInt8] = []
        let doubleByte = channel.misread.charset.isDoubleByte
        for k in run {
            let s = scalars[k]
            if s == "\u{FFFD}" {
                if let values = channel.lostByteValues {
                    tokens.append(.init(expansions: values.map { [Unit.known(UInt8($0))] }))
                } else if whatwg && doubleByte {
                    // A pair the codec rejected; for Big5 also a lone 0x80 (GBK reads it as €).
                    var expansions: [[Unit]] = [[Unit(low: 0x81, high: 0xFE), Unit(low: 0x80, high: 0xFE, rejectedPair: true)]]
                    if channel.misread.charset == .big5 { expansions.append([Unit.known(0x80)]) }
                    // A lead byte before ASCII (or at the end of the text) is lost alone.
                    if k + 1 == scalars.count || scalars[k + 1].value < 0x80 { expansions.append([Unit(low: 0x81, high: 0xFE)]) }
                    tokens.append(.init(expansions: expansions))
                } else {
                    tokens.append(.init(expansions: [[Unit(low: 0x80, high: 0xFE)]]))
                }
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            if s == "€" && channel.misread.charset == .gb18030 {
                tokens.append(.init(expansions: [[Unit.known(0x80)]]))   // the WHATWG GBK decoder reads a lone 0x80 as the euro sign
            } else if channel.misread.encode(s, into: &scratch) {
                tokens.append(.init(expansions: [scratch.map(Unit.known)]))
            } else {
                tokens.append(.init(expansions: []))   // a barrier no reading crosses
            }
        }
        if !whatwg && doubleByte {
            // A decoder that loses one byte at a time lost it because it made
            // no character with the byte after it.
            for k in 1..<max(tokens.count, 1) where scalars[run.lowerBound + k - 1] == "\u{FFFD}" {
                for e in tokens[k].expansions.indices where !tokens[k].expansions[e].isEmpty { tokens[k].expansions[e][0].rejectedPair = true }
            }
        }
        // A pair that decodes to a character (a private-use one counts as none: it is what GBK's user-defined area gives).
        let isPair: (UInt8, UInt8) -> Bool = { a, b in
            guard let c = channel.misread.decodePair(a, b) else { return false }
            return !(0xE000...0xF8FF).contains(c.value)
        }
        var found: [Candidate] = []
        var position = 0
        while position < run.count {
            if let c = latticeReading(scalars, run: run, at: position, tokens: tokens, channel: channel, isPair: isPair, script: nil) {
                found.append(c)
                position = c.range.upperBound - run.lowerBound
            } else {
                position += 1
            }
        }
        // Text is written in one script: when the readings mix scripts, a
        // reading holding characters of the lesser one is read again, kept to
        // the script most of their script-specific characters are in.
        guard let majority = model.majorityScript(found.lazy.flatMap(\.replacement)), majority.others > 0 else { return found }
        return found.map { c in
            guard c.replacement.contains(where: { model.scriptCost($0.value, in: majority.script) > 0 }) else { return c }
            return latticeReading(scalars, run: run, at: c.range.lowerBound - run.lowerBound, tokens: tokens, channel: channel,
                                  isPair: isPair, script: majority.script) ?? c
        }
    }

    /// The lattice's reading from run character `position` on, if one is accepted.
    private func latticeReading(_ scalars: [Unicode.Scalar], run: Range<Int>, at position: Int, tokens: [UTF8Lattice.Token], channel: MojibakeChannel,
                                isPair: (UInt8, UInt8) -> Bool, script: LanguageModel.Script?) -> Candidate? {
        guard !tokens[position].expansions.isEmpty else { return nil }
        let before: UInt32? = run.lowerBound + position > 0 ? scalars[run.lowerBound + position - 1].value : nil
        // The damaged text's own log-probability up to each character boundary.
        var asIs: [Int: Double] = [:]
        var sum = 0.0
        var previous = before
        for k in position..<run.count {
            let v = scalars[run.lowerBound + k].value
            sum += Double(model.step(v, after: previous))
            previous = v
            asIs[k + 1] = sum
        }
        guard let (decoded, end, confidence) = lattice.decode(tokens, from: position, asIs: asIs, before: before, script: script,
                                                               plausible: { isPlausible(Unicode.Scalar($0)!) }, isPair: isPair) else {
            return nil
        }
        let range = (run.lowerBound + position)..<(run.lowerBound + end)
        return accept(scalars, range: range, replacement: decoded, kind: channel.kind, confidence: confidence, channel: channel)
    }

    struct Segment {
        var scalars: [Unicode.Scalar]
        var endIndex: Int
        var confidence: Double
    }

    /// One decoded source character: a single scalar, or (where a lost byte
    /// had to be guessed) the scalars it could be.
    typealias Step = (choices: [Unicode.Scalar], length: Int)

    /// Decodes as much as possible from run character `first`, ending on a
    /// character boundary of the run; nil when nothing useful decodes.
    func decodeSegment(_ bytes: [UInt16], from first: Int, starts: [Int], channel: MojibakeChannel, context: [Unicode.Scalar], runStart: Int) -> Segment? {
        var steps: [[Unicode.Scalar]] = []
        var p = starts[first]
        var boundary = first + 1      // next run character boundary to reach
        var bestEnd: (steps: Int, index: Int)?
        var multiByte = 0
        while p < bytes.count {
            let step: Step?
            switch channel.source {
            case .utf8: step = utf8Step(bytes, at: p, fills: channel.lostByteValues)
            case .legacy(let codec): step = legacyStep(bytes, at: p, codec: codec, misread: channel.misread)
            }
            // Stop at a character Chinese text would not hold: the damage ends before it.
            guard let step, step.choices.count > 1 || isPlausible(step.choices[0]) else { break }
            steps.append(step.choices)
            if step.length > 1 { multiByte += 1 }
            p += step.length
            while boundary < starts.count && starts[boundary] < p { boundary += 1 }
            if boundary < starts.count && starts[boundary] == p && multiByte > 0 {
                bestEnd = (steps.count, boundary)
            }
        }
        guard let bestEnd else { return nil }
        steps.removeLast(steps.count - bestEnd.steps)
        let before: Unicode.Scalar? = runStart + first > 0 ? context[runStart + first - 1] : nil
        let (scalars, confidence) = chooseFills(steps, before: before)
        return Segment(scalars: scalars, endIndex: bestEnd.index, confidence: confidence)
    }

    /// Picks the guessed characters by the model: a Viterbi search over the
    /// choices (characters decoded exactly have one), each given the one before;
    /// a guess of the other script than the exact characters' costs more.
    func chooseFills(_ steps: [[Unicode.Scalar]], before: Unicode.Scalar?) -> ([Unicode.Scalar], Double) {
        guard steps.contains(where: { $0.count > 1 }) else { return (steps.map { $0[0] }, 1) }
        let script = model.majorityScript(steps.lazy.filter { $0.count == 1 }.map { $0[0] })?.script
        var scores: [Float] = steps[0].map { model.logProbability(of: $0, after: before) - model.scriptCost($0.value, in: script) }
        var back: [[Int]] = [Array(repeating: 0, count: steps[0].count)]
        for j in 1..<steps.count {
            var next = [Float](repeating: -.infinity, count: steps[j].count)
            var pointers = [Int](repeating: 0, count: steps[j].count)
            for (b, c) in steps[j].enumerated() {
                for (a, p) in steps[j - 1].enumerated() {
                    let score = scores[a] + model.logProbability(of: c, after: p) - model.scriptCost(c.value, in: script)
                    if score > next[b] { next[b] = score; pointers[b] = a }
                }
            }
            scores = next
            back.append(pointers)
        }
        var choice = scores.indices.max { scores[$0] < scores[$1] }!
        var picks = [Int](repeating: 0, count: steps.count)
        for j in stride(from: steps.count - 1, through: 0, by: -1) {
            picks[j] = choice
            choice = back[j][choice]
        }
        let out = zip(steps, picks).map { $0[$1] }
        // Confidence: how clearly each guess beats its runner-up between its chosen neighbours.
        var confidence = 1.0
        for j in steps.indices where steps[j].count > 1 {
            let previous = j > 0 ? out[j - 1] : before
            let following: Unicode.Scalar? = j + 1 < out.count ? out[j + 1] : nil
            var best: Float = -.infinity, second: Float = -.infinity
            for c in steps[j] {
                var score = model.logProbability(of: c, after: previous)
                if let following { score += model.logProbability(of: following, after: c) }
                if score > best { second = best; best = score } else if score > second { second = score }
            }
            let gap = second.isFinite ? Double(min(max(best - second, 0), 10)) : 10
            confidence = min(confidence, 0.5 + 0.04 * gap)
        }
        return (out, confidence)
    }

    /// One UTF-8 sequence; up to two lost bytes inside it give several choices.
    func utf8Step(_ bytes: [UInt16], at p: Int, fills: [UInt16]?, lostLead: Bool = false) -> Step? {
        let b0 = bytes[p]
        if b0 == 0x100 {
            // A lost lead byte: a CJK character (E3..E9 leads), its continuation bytes known or lost.
            var merged: [Unicode.Scalar] = []
            var bytesCopy = bytes
            for lead in UInt16(0xE3)...UInt16(0xE9) {
                bytesCopy[p] = lead
                if let step = utf8Step(bytesCopy, at: p, fills: fills, lostLead: true) { merged.append(contentsOf: step.choices) }
            }
            guard !merged.isEmpty else { return nil }
            return (Self.mostCommon(merged, model: model), 3)
        }
        guard b0 < 0x100 else { return nil }
        if b0 < 0x80 { return ([Unicode.Scalar(UInt8(b0))], 1) }
        guard let lead = UTF8Scalars.Lead(UInt8(b0)) else { return nil }
        let need = lead.continuations, value = lead.bits
        let lower = UInt16(lead.firstLow), upper = UInt16(lead.firstHigh)
        guard p + need < bytes.count else { return nil }
        var holes: [Int] = []
        for k in 1...need {
            let b = bytes[p + k]
            if b == 0x100 { holes.append(k); continue }
            let lo = k == 1 ? lower : 0x80, hi = k == 1 ? upper : 0xBF
            guard b >= lo && b <= hi else { return nil }
        }
        guard holes.count <= (lostLead ? 1 : 2) else { return nil }
        func options(_ k: Int) -> [UInt16] {
            let lo = k == 1 ? lower : 0x80, hi = k == 1 ? upper : 0xBF
            return (fills ?? Array(lo...hi)).filter { $0 >= lo && $0 <= hi }
        }
        var choices: [Unicode.Scalar] = []
        func assemble(_ filled: [Int: UInt16]) {
            var v = value
            for k in 1...need { v = v << 6 | UInt32((filled[k] ?? bytes[p + k]) & 0x3F) }
            if let s = Unicode.Scalar(v), (holes.isEmpty && !lostLead) || isLikelyFill(s) { choices.append(s) }
        }
        switch holes.count {
        case 0: assemble([:])
        case 1: for a in options(holes[0]) { assemble([holes[0]: a]) }
        default: for a in options(holes[0]) { for b in options(holes[1]) { assemble([holes[0]: a, holes[1]: b]) } }
        }
        guard !choices.isEmpty else { return nil }
        return (Self.mostCommon(choices, model: model), need + 1)
    }

    /// One legacy-encoding character (one or two bytes); a lost lead or trail byte gives choices.
    func legacyStep(_ bytes: [UInt16], at p: Int, codec: LegacyCodec, misread: LegacyCodec) -> Step? {
        let b0 = bytes[p]
        guard b0 <= 0x100 else { return nil }
        if b0 < 0x80 { return ([Unicode.Scalar(UInt8(b0))], 1) }
        guard p + 1 < bytes.count, bytes[p + 1] <= 0x100 else { return nil }
        let b1 = bytes[p + 1]
        if b0 < 0x100 && b1 < 0x100 {
            guard let s = codec.decodePair(UInt8(b0), UInt8(b1)) else { return nil }
            return ([s], 2)
        }
        if b0 == 0x100 && b1 == 0x100 { return nil }
        // The misreading lost the byte because it made no character with the byte after it.
        func lost(_ byte: UInt8, before next: UInt16?) -> Bool {
            guard misread.charset.isDoubleByte, let next, next < 0x100 else { return true }
            guard let c = misread.decodePair(byte, UInt8(next)) else { return true }
            return (0xE000...0xF8FF).contains(c.value)
        }
        var choices: [Unicode.Scalar] = []
        if b0 == 0x100 {
            for lead in UInt8(0x81)...UInt8(0xFE) where lost(lead, before: b1) {
                if let s = codec.decodePair(lead, UInt8(b1)), isLikelyFill(s) { choices.append(s) }
            }
        } else {
            let next: UInt16? = p + 2 < bytes.count ? bytes[p + 2] : nil
            for trail in UInt8(0x40)...UInt8(0xFE) where lost(trail, before: next) {
                if let s = codec.decodePair(UInt8(b0), trail), isLikelyFill(s) { choices.append(s) }
            }
        }
        guard !choices.isEmpty else { return nil }
        return (Self.mostCommon(choices, model: model), 2)
    }

    /// A guess for a lost byte must give a common Han character or CJK punctuation.
    func isLikelyFill(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if LanguageModel.isHan(v) { return model.count(of: s) > 0 }
        return (0x3000...0x303F).contains(v) || (0xFF01...0xFF5E).contains(v) || (0x2010...0x2027).contains(v)
    }

    /// The choices, most frequent first, at most 24 (bounds the work per guess).
    static func mostCommon(_ choices: [Unicode.Scalar], model: LanguageModel) -> [Unicode.Scalar] {
        if choices.count == 1 { return choices }
        let sorted = choices.sorted { model.unigramLogProbability($0) > model.unigramLogProbability($1) }
        return Array(sorted.prefix(24))
    }

    // MARK: one-to-one channels (a double-byte charset read as another)

    /// Chooses, character by character, between the text as it stands and its
    /// reading in the source charset (a Viterbi search over keep/convert with
    /// a cost for switching), then checks each converted stretch.
    func oneToOne(_ scalars: [Unicode.Scalar], run: Range<Int>, channel: MojibakeChannel) -> [Candidate] {
        guard case .legacy(let source) = channel.source else { return [] }
        var alternatives: [Unicode.Scalar?] = []
        alternatives.reserveCapacity(run.count)
        var any = false
        var scratch: [UInt8] = []
        for k in run {
            scratch.removeAll(keepingCapacity: true)
            var alt: Unicode.Scalar?
            if scalars[k] == "\u{FFFD}" {
                alt = scalars[k]  // a lost character stays lost in either reading
            } else if channel.misread.encode(scalars[k], into: &scratch), scratch.count == 2, let s = source.decodePair(scratch[0], scratch[1]), s != scalars[k] {
                alt = s
                any = true
            }
            alternatives.append(alt)
        }
        guard any else { return [] }
        let switchCost: Float = 9
        // state 0 = keep, 1 = convert; score and back-pointers.
        var score: (Float, Float) = (0, -.infinity)
        var back: [(UInt8, UInt8)] = []
        back.reserveCapacity(run.count)
        let before: Unicode.Scalar? = run.lowerBound > 0 ? scalars[run.lowerBound - 1] : nil
        for (offset, k) in run.enumerated() {
            let keep = scalars[k]
            let prevKeep: Unicode.Scalar? = offset == 0 ? before : scalars[k - 1]
            let prevConv: Unicode.Scalar? = offset == 0 ? before : (alternatives[offset - 1] ?? scalars[k - 1])
            let keepFromKeep = score.0 + model.logProbability(of: keep, after: prevKeep)
            let keepFromConv = score.1 - switchCost + model.logProbability(of: keep, after: prevConv)
            var next: (Float, Float)
            var pointers: (UInt8, UInt8)
            if keepFromKeep >= keepFromConv { next.0 = keepFromKeep; pointers.0 = 0 } else { next.0 = keepFromConv; pointers.0 = 1 }
            if let alt = alternatives[offset] {
                let convFromKeep = score.0 - switchCost + model.logProbability(of: alt, after: prevKeep)
                let convFromConv = score.1 + model.logProbability(of: alt, after: prevConv)
                if convFromConv >= convFromKeep { next.1 = convFromConv; pointers.1 = 1 } else { next.1 = convFromKeep; pointers.1 = 0 }
            } else {
                next.1 = -.infinity
                pointers.1 = 0
            }
            score = next
            back.append(pointers)
        }
        // Trace back the best path.
        var state: UInt8 = score.0 >= score.1 ? 0 : 1
        var convert = [Bool](repeating: false, count: run.count)
        for offset in stride(from: run.count - 1, through: 0, by: -1) {
            convert[offset] = state == 1
            state = state == 0 ? back[offset].0 : back[offset].1
        }
        // The run's script as read, for the characters a lost one may have been.
        let script = model.majorityScript(run.indices.lazy.map { convert[$0 - run.lowerBound] ? alternatives[$0 - run.lowerBound] ?? scalars[$0] : scalars[$0] })?.script
        var found: [Candidate] = []
        var offset = 0
        while offset < run.count {
            guard convert[offset] else { offset += 1; continue }
            var end = offset
            while end < run.count && convert[end] { end += 1 }
            // A lost character at either edge of the stretch belongs to it (it reads the same either way).
            while offset > 0 && scalars[run.lowerBound + offset - 1] == "\u{FFFD}" && !convert[offset - 1] { offset -= 1 }
            while end < run.count && scalars[run.lowerBound + end] == "\u{FFFD}" { end += 1 }
            var replacement = (offset..<end).map { alternatives[$0]! }
            let range = (run.lowerBound + offset)..<(run.lowerBound + end)
            var confidence = 1.0
            if replacement.contains("\u{FFFD}"), let choices = losable[channel.kind], !choices.isEmpty {
                // A character the misreading lost whole: the likeliest of those it loses, between its neighbours.
                for j in replacement.indices where replacement[j] == "\u{FFFD}" {
                    let previous: Unicode.Scalar? = j > 0 ? replacement[j - 1] : (range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil)
                    let next: Unicode.Scalar? = j + 1 < replacement.count ? replacement[j + 1] : (range.upperBound < scalars.count ? scalars[range.upperBound] : nil)
                    guard previous != nil || next != nil else { continue }
                    var best: (Float, Unicode.Scalar) = (-.infinity, "\u{FFFD}")
                    var second: Float = -.infinity
                    for c in choices {
                        var score = model.logProbability(of: c, after: previous) - model.scriptCost(c.value, in: script)
                        if let next, next != "\u{FFFD}" { score += model.logProbability(of: next, after: c) }
                        if score > best.0 { second = best.0; best = (score, c) } else if score > second { second = score }
                    }
                    replacement[j] = best.1
                    confidence = min(confidence, 0.3 + 0.05 * Double(min(max(best.0 - second, 0), 8)))
                }
            }
            if range.count - scalars[range].filter({ $0 == "\u{FFFD}" }).count >= 2, let c = accept(scalars, range: range, replacement: replacement, kind: channel.kind, confidence: confidence, channel: channel) {
                found.append(c)
            }
            offset = end
        }
        return found
    }

    // MARK: acceptance

    /// The candidate, if it reproduces the damage and is far more likely than the text as it stands.
    func accept(_ scalars: [Unicode.Scalar], range: Range<Int>, replacement: [Unicode.Scalar], kind: String, confidence: Double, channel: MojibakeChannel) -> Candidate? {
        // Only the characters that change make the edit.
        var range = range
        var replacement = replacement[...]
        while let f = replacement.first, range.count > 0, scalars[range.lowerBound] == f { replacement = replacement.dropFirst(); range = (range.lowerBound + 1)..<range.upperBound }
        while let l = replacement.last, range.count > 0, scalars[range.upperBound - 1] == l { replacement = replacement.dropLast(); range = range.lowerBound..<(range.upperBound - 1) }
        guard !range.isEmpty, !replacement.isEmpty else { return nil }
        let replacementArray = Array(replacement)
        // One GBK or Big5 character read as a Latin letter plus an ASCII
        // letter is weak evidence (é plus a letter is a French word as often).
        if case .legacy = channel.source, !channel.misread.charset.isDoubleByte,
           replacementArray.filter({ $0.value >= 0x80 }).count < 2,
           scalars[range].contains(where: { $0.value < 0x80 }) { return nil }
        // Every character of the candidate must be something Chinese text holds
        // (a lost character kept as U+FFFD in a one-to-one reading excepted).
        for s in replacementArray where !isPlausible(s) && !(s == "\u{FFFD}" && channel.isOneToOne) { return nil }
        // Pushed forward through the mix-up it must give the damage back (a
        // U+FFFD matching whatever the lost bytes were).
        guard reproduces(scalars, range: range, replacement: replacementArray, channel: channel) else { return nil }
        let before: Unicode.Scalar? = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
        let after: Unicode.Scalar? = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        var damaged = model.logProbability(scalars[range], after: before)
        var fixed = model.logProbability(replacementArray, after: before)
        if let after {
            damaged += Double(model.logProbability(of: after, after: scalars[range.upperBound - 1]))
            fixed += Double(model.logProbability(of: after, after: replacementArray.last ?? before))
        }
        let gain = fixed - damaged
        guard gain > margin + perCharacterMargin * Double(range.count) else { return nil }
        // Also better per character, so a shorter reading does not win by length alone.
        let terms = Double(after == nil ? 0 : 1)
        guard fixed / (Double(replacementArray.count) + terms) > damaged / (Double(range.count) + terms) + 1 else { return nil }
        return Candidate(range: range, replacement: replacementArray, kind: kind, gain: gain, confidence: confidence)
    }

    /// Han, ASCII, CJK punctuation and symbols, full-width forms; not private
    /// use, controls, U+FFFD or the Latin letters mojibake is made of.
    func isPlausible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if LanguageModel.isHan(v) { return true }
        if v < 0x80 { return v >= 0x20 || v == 0x0A || v == 0x09 }
        return LanguageModel.classProbability(v) >= 1e-5
    }

    /// Pushes the candidate through the mix-up again: it must give the damaged
    /// characters back (a U+FFFD in the damage matches whatever the lost byte was).
    func reproduces(_ scalars: [Unicode.Scalar], range: Range<Int>, replacement: [Unicode.Scalar], channel: MojibakeChannel) -> Bool {
        var bytes: [UInt8] = []
        switch channel.source {
        case .utf8:
            for s in replacement { bytes.append(contentsOf: Array(String(s).utf8)) }
        case .legacy(let codec):
            for s in replacement where !codec.encode(s, into: &bytes) { return false }
        }
        let damaged = scalars[range]
        func matches(_ forward: [Unicode.Scalar]) -> Bool {
            if forward.count == damaged.count {
                return zip(forward, damaged).allSatisfy { $0 == $1 || $1 == "\u{FFFD}" }
            }
            // A lost byte can make the forward reading one character longer or shorter at the end.
            guard damaged.contains("\u{FFFD}"), abs(forward.count - damaged.count) <= 1 else { return false }
            return zip(forward, damaged).allSatisfy { $0 == $1 || $1 == "\u{FFFD}" || $0 == "\u{FFFD}" }
        }
        // A WHATWG decoder, or (when the damage lost bytes) one that loses a byte at a time.
        if matches(bytes.withUnsafeBufferPointer { channel.misread.decode($0).scalars }) { return true }
        return damaged.contains("\u{FFFD}") && channel.misread.charset.isDoubleByte && matches(channel.lossyDecode(bytes))
    }
}
