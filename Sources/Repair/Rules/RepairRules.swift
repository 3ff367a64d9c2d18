import Lexicon

/// The rule passes that undo mirror-site and page damage, in the order they
/// must run.
///
/// Byte-level repairs come first (they need the damaged text exactly as the
/// mirror left it), then character-level ones (pinyin annotations, HTML
/// remnants), then the ones that work on lines (paragraphs run together,
/// page furniture, broken lines), then lost and censored characters, and
/// last the pass that only flags (deleted numbers).
public enum RepairRules {
    public static func standardPasses(lexicons: LexiconDirectory, model: LanguageModel) throws -> [any RepairPass] {
        let resources = try RuleResources.shared(lexicons: lexicons, model: model)
        return [
            GBKByteDamagePass(resources: resources),
            PinyinAnnotationPass(readings: resources.readings),
            HTMLRemnantPass(),
            JoinedParagraphPass(),
            PageFurniturePass(normalizer: resources.normalizer),
            BrokenLinePass(resources: resources),
            LostCharacterPass(resources: resources),
            CensoredCharacterPass(resources: resources),
            MissingNumberPass(resources: resources),
        ]
    }
}
