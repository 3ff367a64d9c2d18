import ArgumentParser
import Lexicon
import Records
import Repair
import Script

/// `zhpipe eval repair`: scores the repair stage (corpus counts, clean text
/// left alone, synthetic damage undone, ftfy's CJK cases, codec mix-ups).
struct EvalRepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Score the repair stage on the corpus, clean text, synthetic damage and mojibake cases.",
        discussion: """
        Sections (each skipped when its data is missing):
          corpus      repairs per kind on corpus/, and pinyin annotations, '?' and suspicious spans left
          clean       characters changed on clean text (SIGHAN, UD, chardet pages; goal 0)
          synthetic   character error rate before and after repair, per damage mechanism
          ftfy        ftfy's test cases that hold CJK characters
          mixups      lines of the chardet pages pushed through each codec mix-up, fixed exactly
          script      Traditional->Simplified normalisation on OpenCC's t2s test cases

        Example:
          zhpipe eval repair --eval ../shared/eval corpus/*.txt
        """
    )

    @Argument(help: ArgumentHelp("Corpus files to count repairs on (default: corpus/*.txt).", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The gold data folder (default: $ZHPIPE_EVAL, else ../shared/eval).", valueName: "dir"))
    var eval: String?

    @Option(help: ArgumentHelp("The folder of lexicon files.", valueName: "dir"))
    var lexicons: String?

    @Option(help: "Seed for the synthetic damage.")
    var seed: UInt64 = 1

    @Option(help: "Paragraphs of clean text per damage mechanism.")
    var paragraphs: Int = 200

    @Option(help: "Lines per chardet page and codec mix-up in the mixups section (each line is a full noisy-channel search).")
    var linesPerPage: Int = 10

    @Option(help: ArgumentHelp("Only these damage mechanisms in the synthetic section (comma-separated).", valueName: "names"))
    var mechanisms: String?

    @Option(help: "Show this many items per damage mechanism that repair left wrong.")
    var examples: Int = 0

    @Option(help: ArgumentHelp("Only these sections (comma-separated).", valueName: "names"))
    var sections: String?

    @Option(help: ArgumentHelp("Run only these repair passes (comma-separated; default: all).", valueName: "names"))
    var passes: String?

    func run() throws {
        let directory = try LexiconDirectory.locate(explicit: lexicons)
        let stage = RepairStage(lexicons: directory, passNames: passes.map { $0.split(separator: ",").map(String.init) })
        var evaluation = try RepairEvaluation(stage: stage)
        evaluation.seed = seed
        evaluation.syntheticParagraphs = paragraphs
        evaluation.linesPerPage = linesPerPage
        let wanted = Set((sections ?? "corpus,clean,synthetic,ftfy,mixups,script").split(separator: ",").map(String.init))
        let evalFolder = eval ?? getenv("ZHPIPE_EVAL").map { String(cString: $0) } ?? "../shared/eval"
        let haveEval = access(evalFolder, F_OK) == 0
        let report = RepairReport()
        print("zhpipe eval repair  (lexicons \(directory.path); gold data \(haveEval ? evalFolder : "not found: \(evalFolder)"))")

        if wanted.contains("corpus") {
            var corpusFiles = files
            if corpusFiles.isEmpty { corpusFiles = RepairReport.listCorpus("corpus") }
            if corpusFiles.isEmpty {
                print("\ncorpus: no files")
            } else {
                report.printCorpus(try evaluation.corpus(files: corpusFiles))
            }
        }
        guard haveEval else {
            print("\nclean / synthetic / ftfy / mixups / script: skipped (no gold data folder)")
            return
        }
        let texts = try CleanTexts.load(evalFolder: evalFolder)
        if wanted.contains("clean") { report.printClean(evaluation.clean(texts, examples: examples)) }
        if wanted.contains("synthetic") {
            let only = mechanisms.map { Set($0.split(separator: ",").map(String.init)) }
            let mechanisms = try DamageCatalog.all(lexicons: directory).filter { only?.contains($0.name) ?? true }
            let normalizer = try ScriptNormalizer(lexicons: directory)
            report.printSynthetic(evaluation.synthetic(CleanTexts.paragraphs(texts, limit: paragraphs), mechanisms: mechanisms, normalizer: normalizer, examples: examples), seed: seed)
        }
        if wanted.contains("ftfy") { report.printCases("ftfy", [try evaluation.ftfy(folder: evalFolder + "/ftfy_test_cases")]) }
        if wanted.contains("mixups") { report.printCases("codec mix-ups built from chardet pages (lines fixed exactly)", try evaluation.mixups(texts)) }
        if wanted.contains("script") {
            report.printScript(try ScriptEvaluation.run(lexicons: directory, casesFile: evalFolder + "/opencc_testcases/testcases.strict.json"))
        }
    }
}
