/// Word-segmentation precision, recall, F1, and OOV / IV recall, counted the
/// way the SIGHAN bakeoff scorer counts them.
///
/// A test word is correct when a gold word covers exactly the same
/// characters of the sentence. White space is not part of any word (SIGHAN
/// files separate words with it; a raw text may contain it), so spans are
/// counted over the non-space characters. A gold word is out of vocabulary
/// (OOV) when the word list does not hold it; OOV recall is the share of OOV
/// gold words found, IV recall the same for the others.
public struct SegmentationScore: Sendable, Equatable {
    public var goldWords = 0
    public var testWords = 0
    public var correctWords = 0
    public var oovGold = 0
    public var oovCorrect = 0
    public var ivGold = 0
    public var ivCorrect = 0
    /// Sentences whose test characters differ from the gold characters
    /// (then none of their test words counts as correct).
    public var misalignedSentences = 0
    public var sentences = 0

    public init() {}

    public var precision: Double { testWords == 0 ? 0 : Double(correctWords) / Double(testWords) }
    public var recall: Double { goldWords == 0 ? 0 : Double(correctWords) / Double(goldWords) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    public var oovRate: Double { goldWords == 0 ? 0 : Double(oovGold) / Double(goldWords) }
    public var oovRecall: Double { oovGold == 0 ? 0 : Double(oovCorrect) / Double(oovGold) }
    public var ivRecall: Double { ivGold == 0 ? 0 : Double(ivCorrect) / Double(ivGold) }

    /// Adds one sentence. `isKnown` says whether a gold word is in the word list.
    /// Returns true when the test agrees with the gold everywhere.
    @discardableResult
    public mutating func add(gold: [String], test: [String], isKnown: (String) -> Bool) -> Bool {
        sentences += 1
        let goldPieces = Self.pieces(gold)
        let testPieces = Self.pieces(test)
        goldWords += goldPieces.count
        testWords += testPieces.count
        let aligned = goldPieces.last?.span.upperBound == testPieces.last?.span.upperBound
            && Self.characters(gold) == Self.characters(test)
        if !aligned { misalignedSentences += 1 }
        let testSpans = Set(testPieces.map(\.span))
        var agree = aligned && goldPieces.count == testPieces.count
        for piece in goldPieces {
            let found = aligned && testSpans.contains(piece.span)
            if found { correctWords += 1 } else { agree = false }
            if isKnown(piece.word) {
                ivGold += 1
                if found { ivCorrect += 1 }
            } else {
                oovGold += 1
                if found { oovCorrect += 1 }
            }
        }
        return agree
    }

    /// Words without their white space, with their spans over non-space characters.
    static func pieces(_ words: [String]) -> [(word: String, span: Range<Int>)] {
        var result: [(word: String, span: Range<Int>)] = []
        var offset = 0
        for word in words {
            var stripped = String.UnicodeScalarView()
            for s in word.unicodeScalars where !s.properties.isWhitespace { stripped.append(s) }
            guard !stripped.isEmpty else { continue }
            result.append((String(stripped), offset..<(offset + stripped.count)))
            offset += stripped.count
        }
        return result
    }

    static func characters(_ words: [String]) -> [Unicode.Scalar] {
        words.flatMap { $0.unicodeScalars.filter { !$0.properties.isWhitespace } }
    }

    /// Adds another score's counts (for totals over several files).
    public mutating func merge(_ other: SegmentationScore) {
        goldWords += other.goldWords
        testWords += other.testWords
        correctWords += other.correctWords
        oovGold += other.oovGold
        oovCorrect += other.oovCorrect
        ivGold += other.ivGold
        ivCorrect += other.ivCorrect
        misalignedSentences += other.misalignedSentences
        sentences += other.sentences
    }
}
