import Records

/// Restores characters lost in transit when some evidence survives, and
/// flags the rest (`unrecoverable`).
///
/// - `?jīng)`: a lost byte whose annotation survived (the byte-level pass
///   could not place it): the character is one that reads so; the language
///   model picks among them in context.
/// - U+FFFD and private-use characters (GBK's user-defined area): the words
///   of the lexicon that would run through the place vote (`WordCompletion`);
///   one convincing candidate is put in, otherwise U+FFFD stays (a
///   private-use character becomes U+FFFD) and is flagged.
/// A plain `?` is left alone: it is usually a question mark.
struct LostCharacterPass: RepairPass {
    let name = "lost-character"
    let resources: RuleResources
    var minimumShare = 0.8
    /// How much (natural log) the best reading must beat the next for a `?py)` restore.
    var minimumMargin = 2.0

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        guard !text.survey().classes.isDisjoint(with: [.question, .replacement, .privateUse]) else { return }
        let s = text.scalars
        let completion = WordCompletion(resources: resources)
        var edits: [TextUnderRepair.Edit] = []
        for line in RuleEditing.lines(s) {
            var i = line.lowerBound
            while i < line.upperBound {
                let v = s[i].value
                if v == 0x3F || v == 0xFFFD, let (syllable, close) = PinyinSyllableScanner.syllable(in: s, from: i + 1, limit: line.upperBound, readings: resources.readings),
                   s[(i + 1)..<close].contains(where: { PinyinReadings.isToneLetter($0.value) }) {
                    if let (char, confidence) = reading(syllable, at: i, after: close + 1, in: s, line: line) {
                        edits.append(.init(range: i..<(close + 1), replacement: [char], kind: name, confidence: confidence))
                    } else {
                        edits.append(.init(range: i..<(close + 1), replacement: ["\u{FFFD}"], kind: "pinyin-annotation", confidence: 0.9))
                    }
                    i = close + 1
                    continue
                }
                if v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) {
                    let candidates = completion.candidates(in: s, at: i, line: line)
                    let total = candidates.reduce(0) { $0 + $1.1 }
                    if let best = candidates.first, total > 0, best.1 / total >= minimumShare, let scalar = Unicode.Scalar(best.0) {
                        edits.append(.init(range: i..<(i + 1), replacement: [scalar], kind: name, confidence: best.1 / total))
                    } else {
                        if v != 0xFFFD { edits.append(.init(range: i..<(i + 1), replacement: ["\u{FFFD}"], kind: name, confidence: 0.5)) }
                    }
                }
                i += 1
            }
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
        // Flags in final offsets: every U+FFFD left.
        let final = text.scalars
        for (i, c) in final.enumerated() where c == "\u{FFFD}" && !text.flags.contains(where: { $0.start <= i && i < $0.end }) {
            notes.flags.append(.init(kind: "unrecoverable", start: i, end: i + 1))
        }
    }

    /// The character reading `syllable` that fits best between the text before `at` and after `end`.
    func reading(_ syllable: Int32, at: Int, after end: Int, in s: [Unicode.Scalar], line: Range<Int>) -> (Unicode.Scalar, Double)? {
        let model = resources.model
        let before = at > line.lowerBound ? s[at - 1] : nil
        let next = end < line.upperBound ? s[end] : nil
        // Traditional and Simplified forms of one character score alike: keep the
        // form that matches the script around the place.
        let traditional = [before, next].contains { c in c.map { resources.simplified($0.value) != $0.value } == true }
        var scored: [(Double, UInt32)] = []
        var seen = Set<UInt32>()
        let codes = resources.readings.gbkCodes(reading: syllable).compactMap { code -> UInt32? in
            resources.gbk.character(UInt8(code >> 8), UInt8(code & 0xFF))
        }.sorted { a, b in
            let (ta, tb) = (resources.simplified(a) != a, resources.simplified(b) != b)
            return ta != tb ? ta == traditional : a < b
        }
        for v in codes {
            guard seen.insert(resources.simplified(v)).inserted, let c = Unicode.Scalar(v) else { continue }
            var score = Double(model.logProbability(of: c, after: before))
            if let next { score += Double(model.logProbability(of: next, after: c)) }
            scored.append((score, v))
        }
        scored.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        guard let best = scored.first, let scalar = Unicode.Scalar(best.1) else { return nil }
        let margin = scored.count > 1 ? best.0 - scored[1].0 : 10
        guard margin >= minimumMargin else { return nil }
        return (scalar, 1 / (1 + exp(-margin)))
    }
}
