/// Joins lines that a page broke in the middle of a word or sentence
/// (`统\n\n一指挥` → `统一指挥`) and keeps real paragraph breaks.
///
/// Only breaks with a blank line in them are looked at (the way such pages
/// break); a single line break is clean text's own layout, and HTML or XML
/// source is left alone. A break between two Chinese characters is joined
/// on evidence that the sentence runs on across it:
/// - a word of the lexicon runs across the break (统|一, 经|过, 对|号);
/// - the line before is a scrap no paragraph is (one to three characters);
/// - the line after is the tail of a sentence (a few characters, then `。`);
/// - the line before is running text cut off (clause punctuation inside, no
///   sentence punctuation at its end) and the model finds the characters on
///   the two sides go together, or the line after goes on to its own
///   punctuation.
/// A real paragraph ends on sentence punctuation, and headings and captions
/// (short, no punctuation, words set apart by spaces) stand alone: they stay.
struct BrokenLinePass: RepairPass {
    let name = "broken-line"
    let resources: RuleResources

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        let survey = text.survey()
        guard survey.hasBlankLine, !survey.isMarkup else { return }
        let s = text.scalars
        let lines = RuleEditing.lines(s).filter { line in s[line].contains { !RuleEditing.isBlank($0) } }.map { RuleEditing.trimmed($0, s) }
        guard lines.count >= 2 else { return }
        var edits: [TextUnderRepair.Edit] = []
        // The paragraph so far: a line joined to the one before is judged as part of it.
        var paragraph = Array(s[lines[0]])
        for k in 0..<(lines.count - 1) {
            let a = lines[k], b = lines[k + 1]
            // Pages that break lines this way leave a blank line; a single line
            // break is how clean text (one paragraph or headline a line) is laid out.
            let blank = s[a.upperBound..<b.lowerBound].filter { $0 == "\n" }.count >= 2
            let next = Array(s[b])
            let following = k + 2 < lines.count ? Array(s[lines[k + 2]]) : nil
            guard blank, let confidence = joinConfidence(paragraph, next, following: following) else {
                paragraph = next
                continue
            }
            edits.append(.init(range: a.upperBound..<b.lowerBound, replacement: [], kind: name, confidence: confidence))
            paragraph.append(contentsOf: next)
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
    }

    static let clausePunctuation: Set<Unicode.Scalar> = ["，", "、", "；", "：", ",", ";", ":"]
    static let sentenceEnd: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "…", "”", "」", "』", "）", ")", "."]

    /// How sure the break between the paragraph so far (`a`) and the line
    /// after it (`b`) splits running text, or nil to keep it.
    func joinConfidence(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], following: [Unicode.Scalar]?) -> Double? {
        guard let last = a.last, let first = b.first, RuleEditing.isHan(last.value), RuleEditing.isHan(first.value) else { return nil }
        guard !a.contains("\u{FFFD}") else { return nil }
        // A heading or caption: short, no punctuation, words set apart by spaces.
        let aClauses = a.filter { Self.clausePunctuation.contains($0) || Self.sentenceEnd.contains($0) }.count
        if a.count <= 24 && aClauses == 0 && a.contains(where: RuleEditing.isBlank) { return nil }
        // A subtitle (——…).
        if a.first == "—" || a.first == "-" { return nil }
        if wordSpansBreak(a, b) { return 0.9 }
        // A scrap of one to three characters is no paragraph.
        if a.count <= 3 { return 0.8 }
        if b.count <= 3, following != nil, !b.contains(where: { Self.sentenceEnd.contains($0) || Self.clausePunctuation.contains($0) }) { return 0.8 }
        // The tail of a sentence: a few characters, then its end.
        let bHead = b.prefix(40)
        let bEnd = bHead.firstIndex(where: { Self.sentenceEnd.contains($0) || Self.clausePunctuation.contains($0) })
        if let bEnd, bEnd - b.startIndex <= 6, a.count >= 12 || aClauses >= 1,
           b.count <= 8 || Self.sentenceEnd.contains(b[bEnd]) { return 0.8 }
        // Running text cut off: the characters on the two sides go together, or the next line runs on to its punctuation.
        let association = Double(resources.model.logProbability(of: first, after: last) - resources.model.unigramLogProbability(first))
        if aClauses >= 1 && a.count >= 8 && (association > 0.5 || bEnd != nil && a.count >= 20) { return 0.7 }
        if a.count >= 16 && association > 2 { return 0.6 }
        return nil
    }

    /// True when a lexicon word (two to four characters) has characters on both sides of the break.
    func wordSpansBreak(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let tail = a.suffix(3).map { resources.simplified($0.value) }
        let head = b.prefix(3).map { resources.simplified($0.value) }
        guard let words = resources.words else {
            // No word list: the model's bigram across the break against its unigram.
            let model = resources.model
            let pair = model.logProbability(of: Unicode.Scalar(head[0])!, after: Unicode.Scalar(tail[tail.count - 1])!)
            return Double(pair - model.unigramLogProbability(Unicode.Scalar(head[0])!)) > 3
        }
        for left in 1...tail.count {
            for right in 1...head.count where left + right <= 4 {
                let word = Array(tail.suffix(left)) + Array(head.prefix(right))
                guard word.allSatisfy(RuleEditing.isHan) else { continue }
                if words.frequency(word) >= 3 { return true }
            }
        }
        return false
    }
}
