import ArgumentParser
import Lexicon
import Records
import Segment

extension SegmentConvention: ExpressibleByArgument {}

/// `zhpipe segment`: adds sentences and tokens to each record.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split each record's text into sentences and words.",
        discussion: """
        Adds "sentences" ([start, end) offsets in code points), "tokens" (words whose
        concatenation is the text) and "token_kinds" (word, number, letter, punctuation,
        space). Words come from ICU's word breaks refined by a weighted lexicon
        (lexicons/words.tsv), the gazetteers (lexicons/gazetteer_*.tsv) and your own
        lexicons; numbers, percentages and dates stay whole (23.4%, 14.5萬, 2020年).
        --convention ud cuts finer, as the Universal Dependencies treebanks do (2020 年,
        天津 市, 这 种; rules in lexicons/segment_conventions.tsv).

        A user lexicon is a TSV file: word [TAB frequency [TAB tag]] per line. A word
        without a frequency is kept whole wherever it occurs; with one it competes
        like any lexicon word (jieba's scale: 的 is about 300000). Bad lines are
        reported with their line numbers and skipped (--strict-lexicon: refused).

        Example:
          zhpipe repair report.txt | zhpipe segment | jq -c .tokens
          zhpipe segment records.jsonl --lexicon my_words.tsv -o segmented.jsonl
        """
    )

    @OptionGroup var stream: StreamOptionGroup
    @OptionGroup var segment: SegmentOptionGroup

    func run() throws {
        try Failure.reporting("segment") {
            let stage = try segment.makeStage(lexicons: try stream.lexiconDirectory())
            return try RecordStream.run(stage, inputs: try stream.sources(), output: try stream.outputSink(), options: stream.streamOptions)
        }
    }
}

/// The segment stage's options, shared by `segment` and `run`.
struct SegmentOptionGroup: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A user lexicon (TSV: word [TAB frequency [TAB tag]]); repeatable.", valueName: "file"))
    var userLexicons: [String] = []

    @Flag(help: "Refuse a user lexicon with a bad line (exit status 65) instead of skipping the line with a warning.")
    var strictLexicon = false

    @Flag(help: "Use ICU's word breaks as they are (the baseline the lexicon improves on).")
    var rawIcu = false

    @Option(help: ArgumentHelp(
        "The segmentation standard: pku (numbers keep their date unit, places their suffix: 2009年, 天津市; PKU, MSR, CTB) or ud (Universal Dependencies Chinese: 2009 年, 天津 市, 这 种). Default: pku.",
        valueName: "name"))
    var convention: SegmentConvention?

    /// Loads the lexicons and builds the stage; rejected user-lexicon lines
    /// are reported on stderr (or thrown under --strict-lexicon).
    func makeStage(lexicons: LexiconDirectory) throws -> SegmentStage {
        SegmentStage(lexicon: try loadLexicon(lexicons: lexicons), mode: mode, convention: convention ?? .pku)
    }

    var mode: Segmenter.Mode { rawIcu ? .rawICU : .lattice }

    func loadLexicon(lexicons: LexiconDirectory) throws -> SegmentLexicon {
        let lexicon = try SegmentLexicon(lexicons: lexicons, userLexicons: userLexicons, strict: strictLexicon)
        for problem in lexicon.rejectedLines {
            POSIX.printError("zhpipe: warning: lexicon \(problem) (line skipped)")
        }
        return lexicon
    }
}
