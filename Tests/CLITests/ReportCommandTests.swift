import Foundation
import Testing

/// Hand-written extracted records for the report tests (invented names).
enum ReportRecords {
    /// One record line; entity offsets found in `text`.
    static func line(_ doc: String, _ para: Int, _ text: String, _ entities: [(String, String, String)], numbers: [String] = [], flags: [String] = []) -> String {
        func quoted(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        let scalars = Array(text.unicodeScalars)
        let list = entities.map { type, surface, norm -> String in
            let pin = Array(surface.unicodeScalars)
            let start = (0...max(0, scalars.count - pin.count)).first { Array(scalars[$0..<min(scalars.count, $0 + pin.count)]) == pin } ?? 0
            return #"{"type":\#(quoted(type)),"text":\#(quoted(surface)),"start":\#(start),"end":\#(start + pin.count),"norm":\#(quoted(norm))}"#
        }
        return #"{"doc":\#(quoted(doc)),"para":\#(para),"text":\#(quoted(text)),"flags":[\#(flags.map(quoted).joined(separator: ","))],"entities":[\#(list.joined(separator: ","))],"numbers":[\#(numbers.joined(separator: ","))]}"#
    }

    static let sample: [String] = [
        line("river-1", 0, "沙河乡乡长钱立新主持会议，乡卫生院院长冯丽参加。", [("LOC", "沙河乡", "沙河乡"), ("PER", "钱立新", "钱立新"), ("PER", "冯丽", "冯丽")],
             numbers: [#"{"text":"2.5萬元","start":0,"end":5,"value":25000,"unit":"元","kind":"money","approx":false}"#]),
        line("river-1", 1, "錢立新要求沙河鄉各村做好排查。", [("PER", "錢立新", "钱立新"), ("LOC", "沙河鄉", "沙河乡")],
             numbers: [#"{"text":"0.1元","start":0,"end":4,"value":0.1,"unit":"元","kind":"money","approx":false}"#], flags: ["number-missing"]),
        line("river-2", 0, "县水利局派出工作组赴沙河乡，钱立新陪同。", [("ORG", "县水利局", "县水利局"), ("LOC", "沙河乡", "沙河乡"), ("PER", "钱立新", "钱立新")],
             numbers: [#"{"text":"0.2元","start":0,"end":4,"value":0.2,"unit":"元","kind":"money","approx":false}"#]),
        line("river-3", 0, "冯丽介绍了疫苗接种情况。", [("PER", "冯丽", "冯丽")]),
    ]

    static var stdin: String { sample.joined(separator: "\n") + "\n" }
}

/// `zhpipe report` and `zhpipe merge` as a user runs them.
@Suite struct ReportCommandTests {
    @Test func defaultIsATSVEntityTable() throws {
        let result = try Zhpipe.run(["report"], stdin: ReportRecords.stdin)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first == "type\tentity\tmentions\tdocuments\tforms\troles\tfirst_doc\tfirst_para\tfirst_context\tcooccurring")
        let qian = result.lines.first { $0.hasPrefix("PER\t钱立新\t") }
        #expect(qian?.hasPrefix("PER\t钱立新\t3\t2\t") == true)
        #expect(result.lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 10 })
    }

    @Test func optionsShapeTheReport() throws {
        let per = try Zhpipe.run(["report", "--type", "PER", "--top", "1"], stdin: ReportRecords.stdin)
        #expect(per.lines.count == 2)
        #expect(per.lines[1].hasPrefix("PER\t钱立新\t"))
        let byDoc = try Zhpipe.run(["report", "--by", "doc", "--sort", "mentions"], stdin: ReportRecords.stdin)
        #expect(byDoc.lines.dropFirst().map { String($0.prefix { $0 != "\t" }) } == ["river-1", "river-2", "river-3"])
        let numbers = try Zhpipe.run(["report", "--by", "number"], stdin: ReportRecords.stdin)
        #expect(numbers.lines.contains { $0.hasPrefix("money\t元\t3\t3\t0\t0\t25000.3\t") })
        let quality = try Zhpipe.run(["report", "--by", "quality"], stdin: ReportRecords.stdin)
        #expect(quality.lines.contains("flags\tnumber-missing\t1"))
        let md = try Zhpipe.run(["report", "--format", "md", "--min-count", "2"], stdin: ReportRecords.stdin)
        #expect(md.output.contains("| 钱立新 | 3 | 2 |"))
        #expect(!md.output.contains("| 县水利局 |"))
    }

    @Test func badOptionsAndBadInput() throws {
        let format = try Zhpipe.run(["report", "--format", "xlsx"], stdin: ReportRecords.stdin)
        #expect(format.status == 64)
        let top = try Zhpipe.run(["report", "--top", "-3"], stdin: ReportRecords.stdin)
        #expect(top.status == 64)
        let bad = try Zhpipe.run(["report"], stdin: ReportRecords.sample[0] + "\n" + #"{"doc":"x","entities":{"type":"PER"}}"# + "\n")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("<stdin>:2"))
        #expect(bad.stderr.contains("entities"))
        let kept = try Zhpipe.run(["report", "--keep-going", "--by", "quality"], stdin: ReportRecords.sample[0] + "\nnot json\n")
        #expect(kept.status == 65)
        #expect(kept.lines.contains("error_records\t\t1"))
    }

    @Test func mergeOfShardsIsThePassOverAll() throws {
        let dir = try Zhpipe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = dir.appendingPathComponent("all.jsonl")
        try Data(ReportRecords.stdin.utf8).write(to: all)
        for format in ["tsv", "md", "json", "html"] {
            let script = """
            cd \(dir.path) && rm -f shard.* && split -l 1 all.jsonl shard. && \
            for s in shard.??; do "$Z" report --partial "$s" > "$s.counts" || exit 1; done && \
            "$Z" merge $(ls shard.*.counts | sort -r) --format \(format) > merged && \
            "$Z" report all.jsonl --format \(format) > whole && cmp merged whole && wc -c < whole
            """
            let result = try Zhpipe.shell(script)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect((Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 100)
        }
    }

    @Test func mergeRejectsRecordsWithAClearMessage() throws {
        let dir = try Zhpipe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("records.jsonl")
        try Data(ReportRecords.stdin.utf8).write(to: file)
        let result = try Zhpipe.run(["merge", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("records.jsonl:1"))
        #expect(result.stderr.contains("report --partial"))
    }

    /// `run`'s report part takes the same options (the default TSV is covered in PipelineTests).
    @Test(arguments: ["md"])
    func runGivesThePipesReport(_ format: String) throws {
        let files = try Zhpipe.corpusFiles().joined(separator: " ")
        let piped = try Zhpipe.shell("$Z repair \(files) | $Z segment | $Z extract | $Z report --format \(format) --top 5 --by entity")
        #expect(piped.status == 0, "\(piped.stderr)")
        let run = try Zhpipe.shell("$Z run \(files) --format \(format) --top 5 --by entity")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(piped.stdout == run.stdout)
    }
}
