/// Removes pinyin annotations a mirror site inserted after characters:
/// `經(jīng)歷` → `經歷`, also with full-width brackets and with a stray space
/// inside (`會(huì )`).
///
/// An annotation goes only when its syllable is a reading of the character
/// right before it (Unihan); `京(Beijing)`, `(注)` or a gloss that is not a
/// reading of its character stay, so ordinary parentheses in prose are safe.
/// Annotations that landed inside a character are the byte-level pass's work
/// (`GBKByteDamagePass`), which runs first.
struct PinyinAnnotationPass: RepairPass {
    let name = "pinyin-annotation"
    let readings: PinyinReadings

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        guard text.survey().classes.isSuperset(of: [.openParenthesis, .closeParenthesis]) else { return }
        let s = text.scalars
        var edits: [TextUnderRepair.Edit] = []
        var i = 1
        while i < s.count {
            if s[i] == "(" || s[i] == "（",
               let (syllable, close) = PinyinSyllableScanner.syllable(in: s, from: i + 1, readings: readings),
               readings.isReading(syllable, of: s[i - 1].value) {
                // The record spans the annotated character, so `original` reads 經(jīng).
                edits.append(.init(range: (i - 1)..<(close + 1), replacement: [s[i - 1]], kind: name, confidence: 1.0))
                i = close + 1
                continue
            }
            i += 1
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
    }
}
