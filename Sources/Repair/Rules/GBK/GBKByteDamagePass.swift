import Records

/// Undoes a GBK mirror site's byte damage: annotations that landed inside a
/// character (`日?qǐng)?bào)告` → `日報告`), pieces decoded one byte out of step
/// after a split on `！` or `”“` (`?!敖裉煜挛缈` → `。“今天下午开`), and
/// HTML tags whose `<` a bad lead byte swallowed (`?/p>`).
///
/// A noisy channel, line by line: the damaged text is re-encoded to the
/// bytes the mirror decoded; each `?` (or U+FFFD) is a lost byte to guess,
/// each delimiter may have lost a lead byte before it. Candidates for a lost
/// byte come from the damage itself (the pinyin that follows names the
/// character whose bytes it completed) or, when nothing constrains it, from
/// every lead byte. A candidate is kept only when pushing it forward through
/// the mirror (`MirrorDecoder`) gives back the damaged text exactly, and the
/// language model finds it far more likely than the text as it stands. A byte
/// only the model chose, by a thin margin, leaves its character as U+FFFD
/// (the lost-character pass flags it). Clean text has no holes and its
/// delimiters decode in step already, so it is left as it is.
struct GBKByteDamagePass: RepairPass {
    let name = "gbk-bytes"
    let resources: RuleResources
    /// How much more likely (natural log) a candidate must be than the text as it stands.
    var minimumGain = 5.0
    /// How much a vanished user-defined code must improve a candidate to be put back.
    var hiddenPairGain = 4.0
    /// A byte chosen by the model alone with a smaller margin than this is a lost character.
    var certainMargin = 1.5
    var beamWidth = 8

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        guard !text.survey().classes.isDisjoint(with: [.question, .replacement, .exclamation, .closingQuote]) else { return }
        let s = text.scalars
        var edits: [TextUnderRepair.Edit] = []
        var scorer: CandidateScorer? = nil
        for line in RuleEditing.lines(s) where Self.mayHoldDamage(s[line]) && showsDamage(s, line) {
            var items = ByteDamageItem.items(of: s, in: line, gbk: resources.gbk, readings: resources.readings)
            markSuspects(&items, scalars: s, line: line)
            var start = 0
            while start < items.count {
                if items[start].isSync { start += 1; continue }
                var end = start
                while end < items.count && !items[end].isSync { end += 1 }
                if let edit = repair(items[start..<end].indices, items: items, scalars: s, line: line, scorer: &scorer) { edits.append(edit) }
                start = end
            }
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
    }

    /// True for a character that reads like GBK bytes taken out of step: a
    /// rare character, a private-use one, U+FFFD, or a symbol that is not
    /// ordinary punctuation.
    func isGarbled(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 || CandidateScorer.isPunctuation(v) || PinyinReadings.isPinyinLetter(v) { return false }
        if LanguageModel.isHan(v) { return resources.model.count(of: c) < 200 }
        return true
    }

    /// Marks the items whose damage is worth a search: ASCII characters
    /// inside garbled text, delimiters the text after which reads better one
    /// byte out of step, holes that may have swallowed a line break.
    func markSuspects(_ items: inout [ByteDamageItem], scalars s: [Unicode.Scalar], line: Range<Int>) {
        // Damage earlier in the line may leave the text out of step up to its end.
        var damagedBefore = false
        for k in items.indices {
            let r = items[k].range
            switch items[k].kind {
            case .plain(let bytes) where bytes.count == 1 && bytes[0] > 0x20 && bytes[0] < 0x7F && bytes[0] != 0x3F && bytes[0] != 0x21:
                let before = r.lowerBound > line.lowerBound ? s[r.lowerBound - 1] : nil
                let after = r.upperBound < line.upperBound ? s[r.upperBound] : nil
                // Next to garbled text, or a lone Latin letter between Chinese characters (省R缴).
                let letter = (0x41...0x5A).contains(bytes[0]) || (0x61...0x7A).contains(bytes[0])
                let enclosed = letter && before.map { $0.value >= 0x80 && !CandidateScorer.isPunctuation($0.value) } == true
                    && after.map { $0.value >= 0x80 && !CandidateScorer.isPunctuation($0.value) } == true
                items[k].mayBeFolded = before.map(isGarbled) == true || after.map(isGarbled) == true || enclosed
            case .delimiter:
                items[k].misalignedAfter = readsBetterShifted(s, from: r.upperBound, line: line)
                if items[k].misalignedAfter || (k > 0 && { if case .hole = items[k - 1].kind { return true } else { return false } }()) { damagedBefore = true }
            case .hole(let hole):
                let before = r.lowerBound > line.lowerBound ? s[r.lowerBound - 1] : nil
                items[k].mayHaveSwallowedLineBreak = before == ")" || before.map(isGarbled) == true || damagedBefore
                if case .annotation = hole.follower { damagedBefore = true }
            default:
                break
            }
        }
    }

    /// True when a segment shows damage only the mirror makes: a pinyin
    /// annotation or a tag tail after a lost byte, a U+FFFD, a delimiter
    /// after which the text reads better out of step, or a `?` next to
    /// garbled text. A `?` among ordinary text is a question mark, and a
    /// letter that may be a folded full-width one is a reading of such
    /// damage, not evidence; neither is worth a search on its own.
    func hasEvidence(_ segment: Range<Int>, items: [ByteDamageItem], scalars s: [Unicode.Scalar], line: Range<Int>) -> Bool {
        for k in segment {
            switch items[k].kind {
            case .delimiter:
                if items[k].misalignedAfter { return true }
            case .hole(let hole):
                if hole.isReplacementCharacter { return true }
                if case .none = hole.follower {} else { return true }
                let r = items[k].range
                let before = r.lowerBound > line.lowerBound ? s[r.lowerBound - 1] : nil
                let after = r.upperBound < line.upperBound ? s[r.upperBound] : nil
                if before == ")" || before.map(isGarbled) == true || after.map(isGarbled) == true { return true }
            default:
                break
            }
        }
        return false
    }

    /// Does the text after a delimiter read better decoded one byte later
    /// (the lead byte before the delimiter restored as `A1`)?
    func readsBetterShifted(_ s: [Unicode.Scalar], from start: Int, line: Range<Int>) -> Bool {
        let end = min(line.upperBound, start + 8)
        guard start < end else { return false }
        var bytes: [UInt8] = [0xA1]
        for c in s[start..<end] where !resources.gbk.append(c.value, to: &bytes) { return false }
        var starts: [Int] = []
        // The first character read out of step holds the delimiter's second
        // byte (the “ of a false ！ in 。“): it belongs to the reading.
        let shifted = resources.gbk.decode(bytes[...], starts: &starts)
        let asIs = s[start..<end].map(\.value)
        let model = resources.model
        // Compared per character (the readings differ in length), over the as-is length.
        let a = asIs.withUnsafeBufferPointer { model.logProbability(values: $0) }
        let b = shifted.withUnsafeBufferPointer { model.logProbability(values: $0) } / Double(shifted.count) * Double(asIs.count)
        return b - a > 3
    }

    /// Cheap test: does the line hold anything the byte damage leaves?
    /// The line-level form of `hasEvidence`, read off the characters without
    /// building the line's byte items (most lines with a `!` or `?` are clean).
    func showsDamage(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            switch s[i].value {
            case 0xFFFD:
                return true
            case 0x3F:
                let before = i > line.lowerBound ? s[i - 1] : nil
                let after = i + 1 < line.upperBound ? s[i + 1] : nil
                if before == ")" || before.map(isGarbled) == true || after.map(isGarbled) == true { return true }
                if ByteDamageItem.follower(after: i, in: s, line: line, question: true, gbk: resources.gbk, readings: resources.readings) != nil { return true }
            case 0x21, 0xFF01:
                if readsBetterShifted(s, from: i + 1, line: line) { return true }
            case 0x201D where i + 1 < line.upperBound && s[i + 1].value == 0x201C:
                if readsBetterShifted(s, from: i + 2, line: line) { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    static func mayHoldDamage(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        var previous: UInt32 = 0
        for c in line {
            switch c.value {
            case 0x3F, 0xFFFD, 0x21, 0xFF01: return true
            case 0x201C where previous == 0x201D: return true
            default: break
            }
            previous = c.value
        }
        return false
    }

    /// The repair of one segment (items between two sync characters), if any.
    func repair(_ segment: Range<Int>, items: [ByteDamageItem], scalars s: [Unicode.Scalar], line: Range<Int>, scorer documentScorer: inout CandidateScorer?) -> TextUnderRepair.Edit? {
        guard hasEvidence(segment, items: items, scalars: s, line: line) else { return nil }
        let slots = ByteHypothesis.slots(of: items, segment: segment)
        guard !slots.isEmpty else { return nil }
        // The document's character pairs are counted only once there is something to score.
        if documentScorer == nil { documentScorer = CandidateScorer(model: resources.model, documentPairs: CandidateScorer.pairs(of: s)) }
        let scorer = documentScorer!
        let span = items[segment.lowerBound].range.lowerBound..<items[segment.upperBound - 1].range.upperBound
        let target = s[span].map { MirrorDecoder.fold($0.value) }
        let context = Context(scalars: s, line: line, span: span)
        let evaluator = Evaluator(pass: self, items: items, segment: segment, slots: slots, target: target, context: context, scorer: scorer)

        let identity = [Int16](repeating: -1, count: slots.count)
        guard let identityScore = evaluator.score(identity) else { return nil }
        var beam: [([Int16], Double)] = [(identity, identityScore)]
        for k in slots.indices {
            var next = beam
            for (state, _) in beam {
                for option in evaluator.shortlist(for: k, in: state) {
                    var candidate = state
                    candidate[k] = option
                    if let score = evaluator.score(candidate) { next.append((candidate, score)) }
                }
            }
            next.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.lexicographicallyPrecedes($1.0) }
            beam = Array(next.prefix(beamWidth))
        }
        var best = beam[0].0
        var bestScore = beam[0].1
        // The beam looked at short lists; now each slot against all its options,
        // until no single change does better.
        for _ in 0..<3 {
            var improved = false
            for k in slots.indices {
                if case .fullWidth = slots[k].role { continue }
                for option in evaluator.options(for: k, in: best) + [-1] where option != best[k] {
                    var candidate = best
                    candidate[k] = option
                    if let score = evaluator.score(candidate), score > bestScore + 1e-9 {
                        best = candidate
                        bestScore = score
                        improved = true
                    }
                }
            }
            if !improved { break }
        }
        // Two-byte codes that vanished inside a run read out of step (a
        // user-defined code became a private-use character and was dropped).
        var pairs: [ByteHypothesis.HiddenPair] = []
        if best.contains(where: { $0 >= 0 }) {
            for _ in 0..<3 {
                var found: (ByteHypothesis.HiddenPair, Double)? = nil
                for item in evaluator.suspiciousBoundaries(choice: best, pairs: pairs) {
                    for code in ByteHypothesis.userDefinedCodes {
                        let pair = ByteHypothesis.HiddenPair(item: item, code: code)
                        if let score = evaluator.score(best, pairs: pairs + [pair]), score > (found?.1 ?? bestScore + hiddenPairGain) {
                            found = (pair, score)
                        }
                    }
                }
                guard let (pair, score) = found else { break }
                pairs.append(pair)
                bestScore = score
            }
        }
        guard bestScore - identityScore >= minimumGain else { return nil }

        // How sure is each chosen byte? Compare with the best other byte for its slot.
        var confidence = 1.0
        var uncertain: [Int] = []
        var kinds: [String] = []
        for k in slots.indices where best[k] >= 0 {
            var alternative = -Double.infinity
            for option in evaluator.options(for: k, in: best) where option != best[k] {
                var candidate = best
                candidate[k] = option
                if let score = evaluator.score(candidate, pairs: pairs) { alternative = max(alternative, score) }
            }
            let margin = bestScore - alternative
            switch slots[k].role {
            case .annotated: if !kinds.contains("pinyin-annotation") { kinds.append("pinyin-annotation") }
            case .fullWidth: continue
            case .free, .beforeLineBreak:
                let kind: String
                if slots[k].item < items.count, case .hole(let hole) = items[slots[k].item].kind, case .tagTail = hole.follower { kind = "html-remnant" } else { kind = "gbk-misalignment" }
                if !kinds.contains(kind) { kinds.append(kind) }
                if margin < certainMargin { uncertain.append(k) }
            }
            confidence = min(confidence, margin.isFinite ? 1 / (1 + exp(-margin)) : 1)
        }
        var starts: [Int] = []
        let built = ByteHypothesis.build(items, segment: segment, slots: slots, choice: best, pairs: pairs)
        var candidate = evaluator.candidate(built, starts: &starts)
        for k in uncertain {
            // The character holding the doubtful byte is lost.
            let at = built.positions[k]
            if let j = starts.lastIndex(where: { $0 <= at }) { candidate[j] = 0xFFFD }
            if !kinds.contains("lost-character") { kinds.append("lost-character") }
        }
        if !pairs.isEmpty && !kinds.contains("gbk-misalignment") { kinds.append("gbk-misalignment") }
        return Self.edit(from: s[span].map(\.value), to: candidate, at: span.lowerBound,
                         kind: kinds.joined(separator: "+"), confidence: confidence)
    }

    /// One edit for the changed middle of a span (common ends trimmed).
    static func edit(from old: [UInt32], to new: [UInt32], at offset: Int, kind: String, confidence: Double) -> TextUnderRepair.Edit? {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        guard prefix + suffix < max(old.count, new.count) else { return nil }
        let replacement = new[prefix..<(new.count - suffix)].compactMap(Unicode.Scalar.init)
        return .init(range: (offset + prefix)..<(offset + old.count - suffix), replacement: replacement, kind: kind, confidence: confidence)
    }
}

extension GBKByteDamagePass {
    /// The line around a segment: the characters either side and the quotes left open.
    struct Context {
        var before: UInt32?
        var after: UInt32?
        var openQuotes = 0
        var quotesAfter = 0
        /// The line has no full-width ASCII: it was folded to half-width, so candidates are too.
        var folded = true

        init(scalars s: [Unicode.Scalar], line: Range<Int>, span: Range<Int>) {
            before = span.lowerBound > line.lowerBound ? s[span.lowerBound - 1].value : nil
            after = span.upperBound < line.upperBound ? s[span.upperBound].value : nil
            for c in s[line.lowerBound..<span.lowerBound] {
                if c == "“" { openQuotes += 1 } else if c == "”" && openQuotes > 0 { openQuotes -= 1 }
            }
            folded = !s[line].contains { $0.value >= 0xFF01 && $0.value <= 0xFF5E }
            var open = 0
            for c in s[span.upperBound..<line.upperBound] {
                if c == "“" { open += 1 } else if c == "”" { if open > 0 { open -= 1 } else { quotesAfter += 1 } }
            }
        }
    }

    /// Scores assignments of a segment's slots (nil: the mirror would not have made the damaged text from it).
    struct Evaluator {
        let pass: GBKByteDamagePass
        let items: [ByteDamageItem]
        let segment: Range<Int>
        let slots: [ByteHypothesis.Slot]
        let target: [UInt32]
        let context: Context
        let scorer: CandidateScorer

        var gbk: GBKTable { pass.resources.gbk }

        /// The candidate text of built bytes, folded to half-width when the line is.
        func candidate(_ built: ByteHypothesis.Built, starts: inout [Int]) -> [UInt32] {
            var text = ByteHypothesis.candidate(built, gbk: gbk, starts: &starts)
            if context.folded { for i in text.indices { text[i] = MirrorDecoder.fold(text[i]) } }
            return text
        }

        /// Characters of a candidate that look like the trace of a vanished
        /// two-byte code: rare or undecodable, with an item boundary inside.
        func suspiciousBoundaries(choice: [Int16], pairs: [ByteHypothesis.HiddenPair]) -> [Int] {
            let built = ByteHypothesis.build(items, segment: segment, slots: slots, choice: choice, pairs: pairs)
            var starts: [Int] = []
            let text = candidate(built, starts: &starts)
            var result: [Int] = []
            for (j, v) in text.enumerated() {
                let rare = v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) || (LanguageModel.isHan(v) && pass.resources.model.count(of: Unicode.Scalar(v)!) < 200)
                guard rare, let at = built.itemStarts.firstIndex(of: starts[j] + 1) else { continue }
                let item = segment.lowerBound + at
                if case .plain = items[item].kind, !pairs.contains(where: { $0.item == item }) { result.append(item) }
            }
            return result
        }

        /// The bytes slot `k` may have lost, given the choices before it.
        func options(for k: Int, in state: [Int16]) -> [Int16] {
            switch slots[k].role {
            case .free:
                return (Int16(0x81)...Int16(0xFE)).map { $0 }
            case .beforeLineBreak:
                return [0x80, 0xFF] + (Int16(0x81)...Int16(0xFE)).map { $0 }
            case .fullWidth:
                return [0xA3]
            case .annotated(let syllable):
                // The annotation follows gbk(C) for a character C that reads so; its
                // first byte is the byte before the hole (annotations taken out).
                let before = ByteHypothesis.build(items, segment: segment, slots: slots, choice: state, stop: slots[k].item).source
                guard let previous = before.last else { return [] }
                var result: [Int16] = []
                for code in pass.resources.readings.gbkCodes(reading: syllable) where UInt8(code >> 8) == previous {
                    let trail = Int16(code & 0xFF)
                    if !result.contains(trail) { result.append(trail) }
                }
                return result
            }
        }

        /// The options for slot `k` worth a full evaluation: when there are
        /// many (any lead byte), the best few by the model on the few
        /// characters around the slot alone.
        func shortlist(for k: Int, in state: [Int16], keep: Int = 16) -> [Int16] {
            let all = options(for: k, in: state)
            guard all.count > keep else { return all }
            var scored: [(Double, Int16)] = []
            scored.reserveCapacity(all.count)
            var starts: [Int] = []
            for option in all {
                var candidate = state
                candidate[k] = option
                let built = ByteHypothesis.build(items, segment: segment, slots: slots, choice: candidate)
                let at = built.positions[k]
                guard at >= 0 else { continue }
                let from = max(0, at - 4), to = min(built.source.count, at + 12)
                var window = gbk.decode(built.source[from..<to], starts: &starts)
                if context.folded { for i in window.indices { window[i] = MirrorDecoder.fold(window[i]) } }
                // Punctuation at the slot is kept whatever the window says: pairing decides it later.
                if let j = starts.lastIndex(where: { $0 <= at }), CandidateScorer.isPunctuation(window[j]) {
                    scored.append((.infinity, option))
                    continue
                }
                scored.append((scorer.score(window, before: nil, after: nil), option))
            }
            scored.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            return scored.prefix(keep + scored.filter { $0.0 == .infinity }.count).map(\.1)
        }

        func score(_ choice: [Int16], pairs: [ByteHypothesis.HiddenPair] = []) -> Double? {
            let built = ByteHypothesis.build(items, segment: segment, slots: slots, choice: choice, pairs: pairs)
            let decoder = MirrorDecoder(table: gbk)
            let reproduces = MirrorDecoder.Variant.all.contains { variant in
                var damaged = decoder.damage(built.damaged, variant: variant)
                for i in damaged.indices where damaged[i] == UInt32(ByteHypothesis.keptReplacement) { damaged[i] = 0xFFFD }
                return damaged == target
            }
            guard reproduces else { return nil }
            var starts: [Int] = []
            let text = candidate(built, starts: &starts)
            return scorer.score(text, before: context.before, after: context.after,
                                                                      openQuotes: context.openQuotes, quotesAfter: context.quotesAfter)
        }
    }
}
