/// A damaged line cut into the pieces the byte-level repair reasons about:
/// characters with their GBK bytes, holes (`?` or U+FFFD where bytes were
/// lost), and the delimiters a mirror split its bytes on.
struct ByteDamageItem {
    enum Kind {
        /// An ordinary character: its GBK bytes.
        case plain([UInt8])
        /// A character GBK cannot hold (or a line end): decoding is in step on both sides.
        case barrier
        /// `!`/`！` or `”“`: bytes a mirror split on.
        case delimiter([UInt8])
        /// `?` or U+FFFD, possibly followed by what its lost byte took with it.
        case hole(Hole)
    }

    /// What follows a hole, which says what the lost byte was next to.
    struct Hole {
        enum Follower {
            /// Nothing known.
            case none
            /// A pinyin annotation (`(jīng)`, or `jīng)` when the `(` was swallowed).
            case annotation(syllable: Int32, swallowedParen: Bool, bytes: [UInt8])
            /// The rest of an HTML tag whose `<` was swallowed (`/p>`).
            case tagTail(bytes: [UInt8], scalars: Int)
        }
        var isReplacementCharacter: Bool
        var follower: Follower
        /// The next item is a delimiter, or the line ends: the lost byte may be a
        /// lead byte left alone at a piece end.
        var beforeDelimiter: Bool
    }

    var kind: Kind
    /// The scalars of the line this item covers.
    var range: Range<Int>
    /// An ASCII character next to garbled text: it may be a full-width one
    /// (A3 xx, read out of step) that was folded, so it is no sync point.
    var mayBeFolded = false
    /// A delimiter after which the text reads better one byte out of step:
    /// a lead byte may have vanished before it.
    var misalignedAfter = false
    /// A hole right after a pinyin annotation or garbled text, which may have swallowed a line break.
    var mayHaveSwallowedLineBreak = false

    /// True for an ASCII character below 0x40 (never a trail byte): both
    /// decodings are in step there, so segments can be cut at it.
    var isSync: Bool {
        switch kind {
        case .barrier: return true
        case .plain(let bytes): return bytes.count == 1 && bytes[0] < 0x40 && !ByteDamageItem.tagOrParen.contains(bytes[0]) && !mayBeFolded
        default: return false
        }
    }

    static let tagOrParen: Set<UInt8> = [0x28, 0x29, 0x3C, 0x3E, 0x2F, 0x3D, 0x22, 0x27]

    /// The items of `line` (scalars of one line).
    static func items(of s: [Unicode.Scalar], in line: Range<Int>, gbk: GBKTable, readings: PinyinReadings) -> [ByteDamageItem] {
        var items: [ByteDamageItem] = []
        var i = line.lowerBound
        while i < line.upperBound {
            let v = s[i].value
            if v == 0x3F || v == 0xFFFD {
                var hole = Hole(isReplacementCharacter: v == 0xFFFD, follower: .none, beforeDelimiter: false)
                var end = i + 1
                if let (follower, followerEnd) = Self.follower(after: i, in: s, line: line, question: v == 0x3F, gbk: gbk, readings: readings) {
                    hole.follower = follower
                    end = followerEnd
                }
                items.append(ByteDamageItem(kind: .hole(hole), range: i..<end))
                i = end
            } else if v == 0x21 || v == 0xFF01 {
                items.append(ByteDamageItem(kind: .delimiter(MirrorDecoder.exclamation), range: i..<(i + 1)))
                i += 1
            } else if v == 0x201D, i + 1 < line.upperBound, s[i + 1].value == 0x201C {
                items.append(ByteDamageItem(kind: .delimiter(MirrorDecoder.quotes), range: i..<(i + 2)))
                i += 2
            } else {
                var bytes: [UInt8] = []
                items.append(ByteDamageItem(kind: gbk.append(v, to: &bytes) ? .plain(bytes) : .barrier, range: i..<(i + 1)))
                i += 1
            }
        }
        for k in items.indices {
            guard case .hole(var hole) = items[k].kind, case .none = hole.follower else { continue }
            if k + 1 < items.count { guard case .delimiter = items[k + 1].kind else { continue } }
            hole.beforeDelimiter = true
            items[k].kind = .hole(hole)
        }
        return items
    }

    /// What follows the hole at `i`: a pinyin annotation or the tail of a tag.
    static func follower(after i: Int, in s: [Unicode.Scalar], line: Range<Int>, question: Bool,
                         gbk: GBKTable, readings: PinyinReadings) -> (Hole.Follower, Int)? {
        let next = i + 1
        guard next < line.upperBound else { return nil }
        let open = s[next] == "(" || s[next] == "（"
        let start = open ? next + 1 : next
        if open || question,
           let (syllable, close) = PinyinSyllableScanner.syllable(in: s, from: start, limit: line.upperBound, readings: readings) {
            var bytes: [UInt8] = []
            for k in next...close where !gbk.append(s[k].value, to: &bytes) { return nil }
            return (.annotation(syllable: syllable, swallowedParen: !open, bytes: bytes), close + 1)
        }
        if question, let end = tagTailEnd(in: s, from: next, limit: line.upperBound) {
            let bytes = s[next..<end].map { UInt8($0.value) }
            return (.tagTail(bytes: bytes, scalars: end - next), end)
        }
        return nil
    }

    /// The end of `/name ...>` or `name ...>` starting at `start` (an HTML tag without its `<`).
    static func tagTailEnd(in s: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        var i = start
        if i < limit, s[i] == "/" { i += 1 }
        let nameStart = i
        while i < limit, i - nameStart < 12, HTMLNames.isNameCharacter(s[i]) { i += 1 }
        guard i > nameStart, !("0"..."9").contains(s[nameStart]) else { return nil }
        let name = String(String.UnicodeScalarView(s[nameStart..<i])).lowercased()
        guard HTMLNames.tags.contains(name) else { return nil }
        var k = i
        while k < limit, k - i < 200 {
            let c = s[k]
            if c == ">" { return k + 1 }
            if c == "<" || c == "\n" || !c.isASCII { return nil }
            if k == i && c != " " && c != "/" { return nil }
            k += 1
        }
        return nil
    }
}
