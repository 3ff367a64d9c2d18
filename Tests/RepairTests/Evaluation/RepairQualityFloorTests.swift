import Testing
@testable import Repair

/// Quality floors on the gold data in ../shared/eval (skipped when absent):
/// the mojibake pass alone, on a subset so the suite stays fast in debug.
/// Full figures: `zhpipe eval repair --passes mojibake`.
@Suite struct RepairQualityFloorTests {
    func evaluation() throws -> RepairEvaluation? {
        guard TestLexicons.evalFolder != nil else {
            print("RepairQualityFloorTests: ../shared/eval not found; skipped")
            return nil
        }
        let repairer = DocumentRepairer(model: TestLexicons.model, decoding: try Decoding(model: TestLexicons.model),
                                        pipeline: RepairPipeline(passes: [MojibakePass(model: TestLexicons.model)]), normalizer: nil)
        var e = RepairEvaluation(repairer: repairer)
        e.linesPerPage = 2
        return e
    }

    /// Every pass, as `zhpipe repair` runs them.
    func fullEvaluation() throws -> RepairEvaluation? {
        guard TestLexicons.evalFolder != nil else {
            print("RepairQualityFloorTests: ../shared/eval not found; skipped")
            return nil
        }
        var e = RepairEvaluation(repairer: try RepairStage(lexicons: TestLexicons.directory).makeRepairer())
        e.linesPerPage = 2
        return e
    }

    @Test func cleanTextIsNotChanged() throws {
        guard let e = try fullEvaluation(), let folder = TestLexicons.evalFolder else { return }
        // All of it: SIGHAN, UD and the chardet pages (HTML and XML) decoded right, every pass.
        let result = e.clean(try CleanTexts.load(evalFolder: folder), examples: 8)
        #expect(result.characters > 900_000)
        #expect(result.changed == 0, "\(result.examples)")
    }

    @Test func syntheticDamageIsMostlyUndone() throws {
        guard var e = try fullEvaluation(), let folder = TestLexicons.evalFolder else { return }
        // Subset (fast in debug): 40 paragraphs, the mirror mechanisms and two classic mix-ups.
        // Full table: `zhpipe eval repair --sections synthetic` (all mechanisms: 4.97 %).
        e.syntheticParagraphs = 40
        let names: Set<String> = ["mirror-pinyin", "mirror-html", "mirror-linebreak", "mirror-site", "mirror-split",
                                  "mojibake-utf8-as-gbk", "mojibake-gbk-as-cp1252"]
        let mechanisms = try DamageCatalog.all().filter { names.contains($0.name) }
        #expect(mechanisms.count == names.count)
        let texts = try CleanTexts.load(evalFolder: folder)
        let rows = e.synthetic(CleanTexts.paragraphs(texts, limit: 200), mechanisms: mechanisms, normalizer: TestLexicons.model.normalizer)
        let before = rows.reduce(0) { $0 + $1.errorsBefore }, after = rows.reduce(0) { $0 + $1.errorsAfter }
        for row in rows { print("floor check \(row.mechanism): \(row.errorsBefore) -> \(row.errorsAfter)") }
        #expect(before > 1000)
        #expect(Double(after) <= 0.008 * Double(before), "\(before) -> \(after)")  // reached 36 / 11512 = 0.0031
    }

    @Test func ftfyCJKCasesAreFixed() throws {
        guard let e = try evaluation(), let folder = TestLexicons.evalFolder else { return }
        let result = try e.ftfy(folder: folder + "/ftfy_test_cases")
        #expect(result.total >= 5)
        #expect(result.fixed == result.total, "\(result.failures)")
    }

    @Test func codecMixupsFromRealPagesAreFixed() throws {
        guard let e = try evaluation(), let folder = TestLexicons.evalFolder else { return }
        // Floors just under what this subset (2 lines a page) reached: 89/90,
        // 39/39, 47/51, 59/90, 36/51, 26/39 lines fixed exactly.
        let floors: [String: Double] = [
            "mojibake-utf8-as-cp1252": 0.97, "mojibake-gbk-as-cp1252": 0.98, "mojibake-big5-as-cp1252": 0.90,
            "mojibake-utf8-as-gbk": 0.63, "mojibake-big5-as-gbk": 0.69, "mojibake-gbk-as-big5": 0.65,
        ]
        let results = try e.mixups(try CleanTexts.load(evalFolder: folder), only: Set(floors.keys))
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
        for (name, floor) in floors {
            let r = try #require(byName[name])
            print("floor check \(name): \(r.fixed)/\(r.total)")
            #expect(r.total > 20)
            #expect(Double(r.fixed) >= floor * Double(r.total), "\(name): \(r.fixed)/\(r.total)")
        }
    }

    @Test func scriptNormalisationOnOpenCCCases() throws {
        guard TestLexicons.evalFolder != nil, let folder = TestLexicons.evalFolder else { return }
        let result = try ScriptEvaluation.run(lexicons: TestLexicons.directory, casesFile: folder + "/opencc_testcases/testcases.strict.json")
        #expect(result.cases > 50)
        #expect(result.characterAccuracy >= 0.995)  // reached 2293 / 2296 = 0.9987
        #expect(result.exact >= 103)  // reached 105 / 108
    }
}
