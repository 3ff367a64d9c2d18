import ArgumentParser
import Foundation
import Lexicon
import Records
import Script
import Segment

/// `zhpipe eval segment`: word P/R/F1 and OOV recall against a gold segmentation.
struct EvalSegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Score word segmentation against a gold file (SIGHAN bakeoff or UD CoNLL-U).",
        discussion: """
        Prints word precision, recall and F1, and recall on out-of-vocabulary and
        in-vocabulary words, counted as the SIGHAN scorer counts them (a word is right
        when its characters' span matches a gold word's). OOV means "not in the word
        list": lexicons/words.tsv unless --words names another list (such as a
        bakeoff's training word list); punctuation counts as in vocabulary. The raw text is the gold with its spaces
        removed, or --raw FILE (aligned line by line); --test FILE scores a segmented
        file made by another tool instead of running zhpipe. zhpipe segments by the
        gold's standard: --convention ud for a CoNLL-U (Universal Dependencies) gold,
        pku for a SIGHAN one, unless --convention says otherwise.

        Example:
          zhpipe eval segment --gold ../shared/eval/sighan2005/pku_test_gold.utf8 --diff 5
          zhpipe eval segment --gold ../shared/eval/ud_chinese_gsd/zh_gsd-ud-test.conllu --raw-icu
        """
    )

    @Option(help: ArgumentHelp("The gold segmentation.", valueName: "file"))
    var gold: String

    @Option(help: ArgumentHelp("Raw text to segment, one sentence a line, aligned with a SIGHAN gold file.", valueName: "file"))
    var raw: String?

    @Option(help: ArgumentHelp("Score this segmented file (words separated by spaces) instead of running zhpipe.", valueName: "file"))
    var test: String?

    @Option(help: "Gold file format: sighan or conllu (default: conllu for .conllu files, else sighan).")
    var format: GoldFormat?

    @Option(help: ArgumentHelp("The word list OOV is measured against (default: lexicons/words.tsv).", valueName: "file"))
    var words: String?

    @Option(help: ArgumentHelp("Show the first N sentences where test and gold disagree.", valueName: "n"))
    var diff: Int = 0

    @Option(help: ArgumentHelp("A name for the result line (default: the gold file's name).", valueName: "name"))
    var label: String?

    @Option(help: ArgumentHelp("Also write zhpipe's segmentation here, SIGHAN style (words separated by two spaces).", valueName: "file"))
    var save: String?

    @Flag(help: "Print one tab-separated line: label, P, R, F1, OOV recall, IV recall, words.")
    var tsv = false

    @Option(help: ArgumentHelp("The folder of lexicon files (default: the checkout's lexicons/).", valueName: "dir"))
    var lexicons: String?

    @OptionGroup var segment: SegmentOptionGroup

    func run() throws {
        _ = try Failure.reporting("eval segment") {
            let directory = try LexiconDirectory.locate(explicit: lexicons)
            let normalizer = try ScriptNormalizer(lexicons: directory)
            let goldFormat = format?.value ?? GoldSegmentation.Format.guess(path: gold)
            let goldData = try GoldSegmentation.read(path: gold, format: goldFormat)
            let vocabulary = try SegmentationEvaluation.wordList(path: words ?? directory.file(SegmentLexicon.wordsFile), normalizer: normalizer)
            var evaluation = SegmentationEvaluation(vocabulary: vocabulary, normalizer: normalizer, diffLimit: diff)
            evaluation.keepSegmentation = save != nil
            if let test {
                evaluation.run(gold: goldData, test: try GoldSegmentation.read(path: test, format: .sighan))
            } else {
                let segmenter = try Segmenter(lexicon: try segment.loadLexicon(lexicons: directory), mode: segment.mode,
                                              convention: convention(for: goldFormat))
                let raws = try raw.map(GoldSegmentation.lines(path:))
                if let raws, raws.count != goldData.sentences.count {
                    throw InputError(input: raw!, problem: "has \(raws.count) lines but the gold file has \(goldData.sentences.count) sentences; they must align line by line")
                }
                try evaluation.run(gold: goldData, raws: raws, segmenter: segmenter)
                if let save {
                    let sink = try OutputSink(path: save)
                    for tokens in evaluation.segmented {
                        try sink.write(tokens.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "  ") + "\n")
                    }
                    try sink.flush()
                }
            }
            print(render(evaluation, convention: test == nil && segment.mode == .lattice ? convention(for: goldFormat) : nil))
            return nil
        }
    }

    /// The convention zhpipe segments with: --convention, else the gold's
    /// own: a CoNLL-U file is a Universal Dependencies treebank.
    func convention(for format: GoldSegmentation.Format) -> SegmentConvention {
        segment.convention ?? (format == .conllu ? .ud : .pku)
    }

    func render(_ evaluation: SegmentationEvaluation, convention: SegmentConvention? = nil) -> String {
        let s = evaluation.score
        let name = label ?? URL(fileURLWithPath: gold).lastPathComponent
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        if tsv {
            return [name, f(s.precision), f(s.recall), f(s.f1), f(s.oovRecall), f(s.ivRecall), String(s.goldWords)].joined(separator: "\t")
        }
        var lines = [
            "\(name): \(s.sentences) sentences, \(s.goldWords) gold words, \(s.testWords) test words"
                + (convention.map { " (convention: \($0.rawValue))" } ?? ""),
            "  precision \(f(s.precision))  recall \(f(s.recall))  F1 \(f(s.f1))",
            "  OOV rate \(f(s.oovRate))  OOV recall \(f(s.oovRecall))  IV recall \(f(s.ivRecall))  (OOV: not in \(words ?? "lexicons/words.tsv"), punctuation aside)",
        ]
        if s.misalignedSentences > 0 {
            lines.append("  \(s.misalignedSentences) sentences whose test characters differ from the gold (scored as wrong)")
        }
        if !evaluation.disagreements.isEmpty {
            lines.append("first disagreements (sentence number: gold / test):")
            lines += evaluation.disagreements.map { $0.rendered() }
        }
        return lines.joined(separator: "\n")
    }
}

/// `--format` values for gold files.
struct GoldFormat: ExpressibleByArgument {
    let value: GoldSegmentation.Format
    init?(argument: String) {
        guard let value = GoldSegmentation.Format(rawValue: argument.lowercased()) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { GoldSegmentation.Format.allCases.map(\.rawValue) }
}
