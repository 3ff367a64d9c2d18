import Lexicon

extension RepairStage {
    /// The passes `zhpipe repair` runs, in order: decoding-level repairs
    /// first (classic mojibake), then the rule passes for mirror-site damage.
    public static func standardPasses(lexicons: LexiconDirectory, model: LanguageModel) throws -> [any RepairPass] {
        var passes: [any RepairPass] = [MojibakePass(model: model)]
        passes.append(contentsOf: try rulePasses(lexicons: lexicons, model: model))
        return passes
    }

    static func rulePasses(lexicons: LexiconDirectory, model: LanguageModel) throws -> [any RepairPass] {
        try RepairRules.standardPasses(lexicons: lexicons, model: model)
    }
}
