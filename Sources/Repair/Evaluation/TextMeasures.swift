/// Counting what damage is left in a text, and how far two texts are apart.
public enum TextMeasures {
    /// Levenshtein distance between two scalar sequences (insert, delete, substitute all cost 1).
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Trim the common prefix and suffix first (repairs are local).
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        let x = Array(a[start..<endA]), y = Array(b[start..<endB])
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    static let toneVowels = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".unicodeScalars)

    /// Pinyin annotations left: a Han character followed by "(" + a syllable with a tone mark + ")".
    public static func pinyinAnnotations(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var i = 1
        while i < scalars.count {
            if scalars[i] == "(" && (LanguageModel.isHan(scalars[i - 1].value) || scalars[i - 1] == "?" || scalars[i - 1] == "\u{FFFD}") {
                var j = i + 1
                var toned = false
                while j < scalars.count && j - i <= 8 && (scalars[j].properties.isLowercase || toneVowels.contains(scalars[j]) || scalars[j] == " ") {
                    if toneVowels.contains(scalars[j]) { toned = true }
                    j += 1
                }
                if toned && j < scalars.count && scalars[j] == ")" { count += 1; i = j }
            }
            i += 1
        }
        return count
    }

    /// `?` left next to a Han character (a lost character, or a broken byte).
    public static func questionMarks(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        for i in scalars.indices where scalars[i] == "?" {
            let before = i > 0 && LanguageModel.isHan(scalars[i - 1].value)
            let after = i + 1 < scalars.count && LanguageModel.isHan(scalars[i + 1].value)
            if before || after { count += 1 }
        }
        return count
    }
}
