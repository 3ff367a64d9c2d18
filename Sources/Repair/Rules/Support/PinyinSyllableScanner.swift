/// Reads one pinyin syllable closed by a bracket (`jīng)`, `huì )`), the
/// shape of a mirror site's annotation once its `(` is accounted for.
enum PinyinSyllableScanner {
    /// The syllable starting at `start` and the index of its closing `)`/`）`,
    /// when the letters there are exactly one known syllable.
    static func syllable(in s: [Unicode.Scalar], from start: Int, limit: Int? = nil, readings: PinyinReadings) -> (Int32, Int)? {
        let end = min(limit ?? s.count, s.count)
        var i = start
        while i < end, i - start < 8, PinyinReadings.isPinyinLetter(s[i].value) { i += 1 }
        guard i > start, i - start <= 7 else { return nil }
        let lettersEnd = i
        while i < end, s[i] == " " { i += 1 }
        guard i < end, s[i] == ")" || s[i] == "）" else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[start..<lettersEnd])
        guard let id = readings.syllable(Substring(String(view))) else { return nil }
        return (id, i)
    }
}
