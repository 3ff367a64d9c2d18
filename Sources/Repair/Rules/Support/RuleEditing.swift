/// Applying a pass's edits while keeping the flags earlier passes left in
/// `RepairNotes` pointing at the same characters.
///
/// Flags carry plain offsets; a later pass that inserts or deletes text
/// before a flag would leave it pointing elsewhere, so every rule pass edits
/// through this helper.
enum RuleEditing {
    static func apply(_ edits: [TextUnderRepair.Edit], to text: inout TextUnderRepair, notes: inout RepairNotes) {
        guard !edits.isEmpty else { return }
        // Right to left, so earlier ranges stay valid.
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let delta = edit.replacement.count - edit.range.count
            text.apply(edit)
            guard delta != 0 else { continue }
            for i in notes.flags.indices {
                if notes.flags[i].start >= edit.range.upperBound {
                    notes.flags[i].start += delta
                    notes.flags[i].end += delta
                } else if notes.flags[i].end > edit.range.lowerBound {
                    notes.flags[i].end = max(notes.flags[i].start, notes.flags[i].end + delta)
                }
            }
        }
    }

    /// The line ranges of the text (without their `\n` or `\r\n`).
    static func lines(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        s.withUnsafeBufferPointer { b in
            for i in 0..<b.count where b[i].value == 0x0A {
                result.append(start..<(i > start && b[i - 1].value == 0x0D ? i - 1 : i))
                start = i + 1
            }
        }
        result.append(start..<s.count)
        return result
    }

    /// A line range without its leading and trailing blanks.
    static func trimmed(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b && isBlank(s[a]) { a += 1 }
        while b > a && isBlank(s[b - 1]) { b -= 1 }
        return a..<b
    }

    /// A string of scalars.
    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }

    /// True for a space, tab or ideographic space.
    @inline(__always)
    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" }

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool { WordLexicon.isHan(v) }
}
