import ArgumentParser
import Extract
import Lexicon
import Foundation
import Records

/// `zhpipe eval numbers`: number reading against the cn2an and JioNLP test cases.
struct EvalNumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Score number reading against cn2an and JioNLP money test cases.",
        discussion: """
        Reads the JSON cases in DIR/cn2an_tests and DIR/jionlp_money_tests (DIR is
        --eval, $ZHPIPE_EVAL, or ../shared/eval) and prints the pass rate of each
        group, the cases that failed (with --failures) and the cases that are out of
        scope, with the reason.

        Example:
          zhpipe eval numbers --eval ../shared/eval --failures
        """
    )

    @Option(help: ArgumentHelp("The folder holding cn2an_tests/ and jionlp_money_tests/.", valueName: "dir"))
    var eval: String?

    @Flag(help: "List every failed case.")
    var failures = false

    @Flag(help: "List the out-of-scope cases one by one.")
    var outOfScope = false

    @Option(help: ArgumentHelp("The folder of lexicon files (default: the checkout's lexicons/).", valueName: "dir"))
    var lexicons: String?

    func run() throws {
        _ = try Failure.reporting("eval numbers") {
            let dir = eval ?? (getenv("ZHPIPE_EVAL").map { String(cString: $0) } ?? "../shared/eval")
            let directory = try LexiconDirectory.locate(explicit: lexicons)
            let evaluation = NumberEvaluation(extractor: Extractor(lexicons: try ExtractLexicons(directory: directory)))
            func load(_ path: String) throws -> JSONValue {
                let bytes = try InputSource(dir + "/" + path).readAll()
                do { return try JSONValue(parsing: bytes) } catch { throw EvaluationError("\(dir)/\(path): not valid JSON: \(error.message)") }
            }
            var groups: [NumberEvaluation.Group] = []
            groups += evaluation.cn2anValues(try load("cn2an_tests/cn2an_test.cases.json"))
            groups.append(evaluation.cn2anSentences(try load("cn2an_tests/transform_test.cases.json")))
            var an2cn = NumberEvaluation.Group(name: "cn2an an2cn")
            an2cn.addOutOfScope("an2cn_test.cases.json (numbers -> Chinese numerals): zhpipe reads numbers, it does not write them")
            groups.append(an2cn)
            groups.append(evaluation.jioMoneyParser(try load("jionlp_money_tests/test_money_parser.cases.json")))
            groups.append(evaluation.jioMoneyExtractor(try load("jionlp_money_tests/test_money_extractor.cases.json")))
            for g in groups {
                let rate = g.total == 0 ? "   -  " : String(format: "%6.2f%%", g.rate * 100)
                print("  \(g.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(rate)  (\(g.passed)/\(g.total))\(g.outOfScope.isEmpty ? "" : ", \(g.outOfScope.count) out of scope")")
                if failures { for f in g.failures { print("      FAIL \(f)") } }
                if outOfScope { for o in g.outOfScope { print("      out of scope: \(o)") } }
            }
            if !outOfScope {
                let reasons = Set(groups.flatMap { $0.outOfScope.map { String($0.split(separator: ":", maxSplits: 1).last ?? "") } })
                for r in reasons.sorted() { print("  out of scope:\(r)") }
            }
            return nil
        }
    }
}
