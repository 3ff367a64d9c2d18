/// Splits lines a page ran its paragraphs together on, with a space between
/// them (`…对抗战。 1月27日…`), back into paragraphs.
///
/// Chinese text puts no space between sentences, so a space right after
/// sentence punctuation, or between two Chinese characters or a character
/// and a digit, is a paragraph or caption boundary, but only on a line that
/// shows the pattern again and again (several sentence-final spaces in a
/// long line); a heading such as `身先士卒 群防群治` on an ordinary line keeps
/// its spaces.
struct JoinedParagraphPass: RepairPass {
    let name = "joined-paragraphs"
    /// How many sentence-final spaces mark a line as paragraphs run together.
    var minimumBoundaries = 3
    var minimumLength = 200

    static let sentenceEnd: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "”", "…", "；", ";"]

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        let survey = text.survey()
        guard survey.classes.contains(.blank), !survey.isMarkup else { return }
        let s = text.scalars
        var edits: [TextUnderRepair.Edit] = []
        for line in RuleEditing.lines(s) where line.count >= minimumLength {
            var boundaries: [Int] = []
            var sentenceFinal = 0
            var i = line.lowerBound + 1
            while i < line.upperBound - 1 {
                guard s[i] == " " || s[i] == "\u{3000}" else { i += 1; continue }
                var j = i
                while j < line.upperBound && (s[j] == " " || s[j] == "\u{3000}") { j += 1 }
                guard j < line.upperBound else { break }
                let before = s[i - 1], after = s[j]
                let contentAfter = RuleEditing.isHan(after.value) || ("0"..."9").contains(after) || after == "“" || after == "（" || after == "(" || after == "|"
                if Self.sentenceEnd.contains(before) && contentAfter {
                    sentenceFinal += 1
                    boundaries.append(i)
                } else if (RuleEditing.isHan(before.value) || ("0"..."9").contains(before) || before == "）" || before == ")") && contentAfter {
                    boundaries.append(i)
                }
                i = j
            }
            guard sentenceFinal >= minimumBoundaries else { continue }
            for b in boundaries {
                var j = b
                while j < line.upperBound && (s[j] == " " || s[j] == "\u{3000}") { j += 1 }
                edits.append(.init(range: b..<j, replacement: ["\n"], kind: name, confidence: 0.8))
            }
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
    }
}
