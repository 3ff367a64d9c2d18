/// Removes what is left of HTML after a page was stripped badly: tags whose
/// `<` was lost (`?/p>`, `strong>`), a tag cut off at a line's end (`<p`),
/// a stray whole tag (`<br>`), and character entities (`&nbsp;`, `&amp;`,
/// `&#8220;`), each with a repair record.
///
/// Markup is removed only where it is damage: in prose (a text with at most
/// a couple of complete tags), a fragment counts only when its name is a
/// real tag name and no letter or digit stands right before it, so prose
/// holding a `>` is left alone. An HTML or XML document (`TextSurvey.isMarkup`)
/// is source, not damaged prose: there only a fragment right after a lost
/// byte (`?/p>`: its `<` was swallowed with the byte) goes.
struct HTMLRemnantPass: RepairPass {
    let name = "html-remnant"

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        let survey = text.survey()
        guard !survey.classes.isDisjoint(with: [.angle, .ampersand]) else { return }
        let markup = survey.isMarkup
        if markup && survey.classes.isDisjoint(with: [.question, .replacement]) { return }
        let s = text.scalars
        var edits: [TextUnderRepair.Edit] = []
        for line in RuleEditing.lines(s) {
            var i = line.lowerBound
            while i < line.upperBound {
                let c = s[i]
                if markup {
                    if (c == "?" || c == "\u{FFFD}"), i + 1 < line.upperBound,
                       let end = ByteDamageItem.tagTailEnd(in: s, from: i + 1, limit: line.upperBound) {
                        edits.append(.init(range: (i + 1)..<end, replacement: [], kind: name, confidence: 0.9))
                        i = end
                        continue
                    }
                    i += 1
                    continue
                }
                if c == "&", let (end, replacement) = entity(in: s, at: i, line: line) {
                    edits.append(.init(range: i..<end, replacement: replacement, kind: name, confidence: 0.95))
                    i = end
                    continue
                }
                if c != "<", (c == "/" || HTMLNames.isNameCharacter(c)), fragmentMayStart(in: s, at: i, line: line),
                   let end = ByteDamageItem.tagTailEnd(in: s, from: i, limit: line.upperBound) {
                    edits.append(.init(range: i..<end, replacement: [], kind: name, confidence: 0.9))
                    i = end
                    continue
                }
                if c == "<", let end = strayTagEnd(in: s, at: i, line: line) {
                    edits.append(.init(range: i..<end, replacement: [], kind: name, confidence: 0.85))
                    i = end
                    continue
                }
                if c == "<", let end = truncatedTagEnd(in: s, at: i, line: line) {
                    edits.append(.init(range: i..<end, replacement: [], kind: name, confidence: 0.8))
                    i = end
                    continue
                }
                i += 1
            }
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
    }

    /// A whole layout tag (`<br>`, `</p>`, `<img src="…">`) standing in prose:
    /// what a scraper leaves. Inline tags (`<b>`) stay: prose may be about them.
    func strayTagEnd(in s: [Unicode.Scalar], at i: Int, line: Range<Int>) -> Int? {
        var k = i + 1
        if k < line.upperBound, s[k] == "/" { k += 1 }
        let nameStart = k
        while k < line.upperBound, HTMLNames.isNameCharacter(s[k]) { k += 1 }
        guard k > nameStart, HTMLNames.layoutTags.contains(RuleEditing.string(s[nameStart..<k]).lowercased()) else { return nil }
        return ByteDamageItem.tagTailEnd(in: s, from: i + 1, limit: line.upperBound)
    }

    /// A tag without its `<` may start here: after a lost byte (`?`, U+FFFD),
    /// or at a line's start or after a Chinese character, and then only a
    /// closing tag (`/p>`) or a name of two letters or more (`strong>`).
    func fragmentMayStart(in s: [Unicode.Scalar], at i: Int, line: Range<Int>) -> Bool {
        let before = i > line.lowerBound ? s[i - 1] : nil
        if before == "?" || before == "\u{FFFD}" { return true }
        if let before, before.isASCII { return false }
        if s[i] == "/" { return true }
        return i + 1 < line.upperBound && HTMLNames.isNameCharacter(s[i + 1]) && s[i + 1] != ">"
    }

    /// An entity at `i`: its end and what it stands for (a no-break space
    /// between Chinese characters or at a line's edge is dropped).
    func entity(in s: [Unicode.Scalar], at i: Int, line: Range<Int>, alone: Bool = false) -> (Int, [Unicode.Scalar])? {
        var k = i + 1
        var body = String.UnicodeScalarView()
        while k < line.upperBound, k - i <= 9, s[k] != ";", HTMLNames.isNameCharacter(s[k]) || s[k] == "#" { body.append(s[k]); k += 1 }
        let name = String(body)
        let hasSemicolon = k < line.upperBound && s[k] == ";"
        var scalar: Unicode.Scalar?
        if name.hasPrefix("#x") || name.hasPrefix("#X"), hasSemicolon, let v = UInt32(name.dropFirst(2), radix: 16) {
            scalar = Unicode.Scalar(v)
        } else if name.hasPrefix("#"), hasSemicolon, let v = UInt32(name.dropFirst()) {
            scalar = Unicode.Scalar(v)
        } else if let named = HTMLNames.entities[name], hasSemicolon || name == "nbsp" {
            scalar = named
        }
        guard let scalar else { return nil }
        var end = hasSemicolon ? k + 1 : k
        if scalar == "\u{A0}" || scalar == " " {
            // A run of them (an indent) is judged as one: by what stands around the run.
            var count = 1
            while !alone, end < line.upperBound, s[end] == "&", let (next, spaces) = entity(in: s, at: end, line: line, alone: true), spaces == [" "] {
                end = next
                count += 1
            }
            let before = i > line.lowerBound ? s[i - 1].value : nil
            let after = end < line.upperBound ? s[end].value : nil
            let edge = before == nil || after == nil || before.map(RuleEditing.isHan) == true && after.map(RuleEditing.isHan) == true
                || before == 0x20 || after == 0x20
            if alone { return (end, [" "]) }
            return (end, edge ? [] : [Unicode.Scalar](repeating: " ", count: count))
        }
        return (end, [scalar])
    }

    /// A tag cut off at the end of a line (`<p class="x"` with no `>`).
    func truncatedTagEnd(in s: [Unicode.Scalar], at i: Int, line: Range<Int>) -> Int? {
        var k = i + 1
        if k < line.upperBound, s[k] == "/" { k += 1 }
        let nameStart = k
        while k < line.upperBound, HTMLNames.isNameCharacter(s[k]) { k += 1 }
        guard k > nameStart, HTMLNames.tags.contains(String(String.UnicodeScalarView(s[nameStart..<k])).lowercased()) else { return nil }
        guard k == line.upperBound || s[k] == " " else { return nil }
        for j in k..<line.upperBound where s[j] == ">" || s[j] == "<" || !s[j].isASCII { return nil }
        return line.upperBound
    }
}
