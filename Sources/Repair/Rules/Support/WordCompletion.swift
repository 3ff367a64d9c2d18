import Foundation
import Lexicon
/// The characters that could stand at one position of a text, judged by the
/// lexicon words that would then run through it (`*员` → 党员, 人员, 成员 ...).
///
/// Used for censored `*` and lost characters: each lexicon word of two to
/// five characters that covers the position and agrees with the characters
/// around it votes for its character there, weighted by its frequency and,
/// far more, by its length: a longer match is more specific evidence
/// (`名*员干部` matches 党员干部, which outweighs any number of `X员`).
///
/// Two more things count. A window that cuts a word of the context in two
/// (`街道*委`: 道 belongs to 街道) is weak evidence. And when `document` is
/// given, what the page writes elsewhere: a site that censors or loses a
/// character does so everywhere, so a candidate word the page spells out
/// in full elsewhere (人员 in a page about 工作人员) is unlikely to be the
/// one hidden here, and a candidate character the page uses freely is less
/// likely than one it never shows.
struct WordCompletion {
    let resources: RuleResources

    /// Weight of a match by word length (index): each extra character counts twenty-fold.
    static let lengthWeight: [Double] = [0, 0, 1, 20, 400, 8000]

    /// Candidate characters (Simplified) for position `at` of `s`, with their weights, best first.
    func candidates(in s: [Unicode.Scalar], at: Int, line: Range<Int>, document: DocumentText? = nil) -> [(UInt32, Double)] {
        guard let words = resources.words else { return [] }
        var weights: [UInt32: Double] = [:]
        for length in 2...5 {
            for offset in 0..<length {
                let start = at - offset
                guard start >= line.lowerBound, start + length <= line.upperBound else { continue }
                // The other characters of the window must be Chinese characters.
                var context: [UInt32] = []
                var ok = true
                for k in start..<(start + length) {
                    if k == at { context.append(0); continue }
                    let v = resources.simplified(s[k].value)
                    if !RuleEditing.isHan(v) { ok = false; break }
                    context.append(v)
                }
                guard ok else { continue }
                // Does the window cut a word of its context (街道|*)?
                var cut = 1.0
                if offset > 0, start > line.lowerBound {
                    let outside = resources.simplified(s[start - 1].value)
                    if RuleEditing.isHan(outside), words.frequency([outside, context[0]]) >= 100 { cut = 0.05 }
                }
                if offset < length - 1, start + length < line.upperBound {
                    let outside = resources.simplified(s[start + length].value)
                    if RuleEditing.isHan(outside), words.frequency([context[length - 1], outside]) >= 100 { cut = 0.05 }
                }
                let anchor = offset == 0 ? 1 : offset - 1
                for index in words.words(length: length, position: anchor, char: context[anchor]) {
                    let word = words.word(Int(index))
                    let base = word.startIndex
                    var matches = true
                    for k in 0..<length where k != offset && word[base + k] != context[k] { matches = false; break }
                    guard matches else { continue }
                    var weight = Double(words.frequency(ofWord: Int(index))).squareRoot() * Self.lengthWeight[length] * cut
                    if let document {
                        if document.contains(word) { weight *= 0.01 } else if document.contains(character: word[base + offset]) { weight *= 0.2 }
                    }
                    weights[word[base + offset], default: 0] += weight
                }
            }
        }
        // A word found on one side must also fit the other: the model's pairs
        // with both neighbours (外交*策: 外交部 is a word, but 部策 is not
        // Chinese; 政 reads on into 政策).
        let model = resources.model
        let left: UInt32? = at > line.lowerBound ? resources.simplified(s[at - 1].value) : nil
        let right: UInt32? = at + 1 < line.upperBound ? resources.simplified(s[at + 1].value) : nil
        for (c, w) in weights {
            var association: Float = 0
            if let left, RuleEditing.isHan(left) { association += model.step(c, after: left) - model.unigram(c) }
            if let right, RuleEditing.isHan(right) { association += model.step(right, after: c) - model.unigram(right) }
            weights[c] = w * Double(exp(0.5 * min(max(association, -6), 6)))
        }
        return weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// What a document spells out: its characters and its short character
/// sequences (Simplified), for the evidence `WordCompletion` takes from the page.
///
/// Sequences are kept as 64-bit hashes in one set (two to five characters
/// from each position), so building it costs a few hashes per character.
struct DocumentText {
    private var sequences: Set<UInt64> = []
    private var characters: Set<UInt32> = []

    init(_ s: [Unicode.Scalar], resources: RuleResources) {
        let v = s.map { resources.simplified($0.value) }
        sequences.reserveCapacity(v.count * 2)
        for i in v.indices where RuleEditing.isHan(v[i]) {
            characters.insert(v[i])
            var end = i + 1
            var h = Self.start(v[i])
            while end < v.count, end - i < 5, RuleEditing.isHan(v[end]) {
                h = ScalarHash.extend(h, v[end])
                end += 1
                sequences.insert(h)
            }
        }
    }

    @inline(__always) static func start(_ v: UInt32) -> UInt64 { ScalarHash.extend(ScalarHash.seed, v) }

    func contains(_ word: some Collection<UInt32>) -> Bool {
        guard word.count >= 2, let first = word.first else { return false }
        var h = Self.start(first)
        for v in word.dropFirst() { h = ScalarHash.extend(h, v) }
        return sequences.contains(h)
    }

    func contains(character: UInt32) -> Bool { characters.contains(character) }
}
