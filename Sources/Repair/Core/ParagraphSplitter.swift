/// Splits a document's text into paragraphs at line breaks.
///
/// A paragraph is a line with something other than whitespace on it; blank
/// lines separate paragraphs and are not paragraphs themselves. The text of a
/// paragraph is kept exactly as it is (indentation included). Line breaks are
/// `\n`, `\r\n`, `\r` and U+2029 (paragraph separator).
public enum ParagraphSplitter {
    /// The paragraphs of `text`.
    public static func paragraphs(_ text: String) -> [Substring] {
        let scalars = Array(text.unicodeScalars)
        var result: [Substring] = []
        var index = text.unicodeScalars.startIndex
        var position = 0
        for range in ranges(scalars) {
            let start = text.unicodeScalars.index(index, offsetBy: range.lowerBound - position)
            let end = text.unicodeScalars.index(start, offsetBy: range.count)
            result.append(Substring(text.unicodeScalars[start..<end]))
            index = end
            position = range.upperBound
        }
        return result
    }

    /// The scalar ranges of the paragraphs, in order.
    public static func ranges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var i = 0
        let n = scalars.count
        func close(_ end: Int) {
            var blank = true
            for k in lineStart..<end where !isBlank(scalars[k]) { blank = false; break }
            if !blank { result.append(lineStart..<end) }
        }
        while i < n {
            let v = scalars[i].value
            if v == 0x0A || v == 0x0D || v == 0x2029 {
                close(i)
                i += (v == 0x0D && i + 1 < n && scalars[i + 1].value == 0x0A) ? 2 : 1
                lineStart = i
            } else {
                i += 1
            }
        }
        close(n)
        return result
    }

    @inline(__always)
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x09 || v == 0x0B || v == 0x0C }
        return v == 0x3000 || v == 0xA0 || v == 0xFEFF || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x1680 || v == 0x85
    }
}
