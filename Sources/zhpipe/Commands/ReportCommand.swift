import Aggregate
import ArgumentParser
import Records

/// `zhpipe report`: entity and number counts over extracted records.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Count entities and numbers across records and write a report.",
        discussion: """
        Formats: tsv (default; one table with a header line), json, md, html
        (one self-contained page with bar charts). --by picks the table:
        entity (default; md/json/html show every section), doc, number, quality.
        --partial writes mergeable counts instead; `zhpipe merge` joins them.

        Examples:
          zhpipe run corpus/*.txt --to extract | zhpipe report --format md
          zhpipe report out/extracted.jsonl --format html -o report.html
          zhpipe report out/extracted.jsonl --by doc --type PER,ORG --top 5
          zhpipe report shard1.jsonl --partial > shard1.counts
        """
    )

    @OptionGroup var stream: StreamOptionGroup
    @OptionGroup var report: ReportOptionGroup

    func run() throws {
        try Failure.reporting("report") {
            let builder = ReportBuilder(for: report.options, partial: report.partial)
            let summary = try RecordStream.forEachRecord(inputs: try stream.sources(), options: stream.streamOptions, label: "report") { record in
                try builder.add(record)
            }
            let output = try stream.outputSink()
            try output.write(builder.output(report.options, partial: report.partial))
            try output.flush()
            return summary
        }
    }
}

/// The options that shape a report, shared by `report`, `merge` and `run`.
struct ReportOptionGroup: ParsableArguments {
    @Option(help: "Report format: tsv, json, md or html.")
    var format: ReportOptions.Format = .tsv

    @Option(help: ArgumentHelp("Entities shown per type (0 = all; default: all in tsv/json, 20 in md/html).", valueName: "n"))
    var top: Int?

    @Option(help: ArgumentHelp("Only these entity types, comma-separated (e.g. PER,LOC).", valueName: "types"))
    var type: String?

    @Option(help: ArgumentHelp("Leave out entities mentioned fewer times.", valueName: "n"))
    var minCount: Int = 1

    @Option(help: ArgumentHelp("The table: entity, doc (one row per document), number or quality.", valueName: "table"))
    var by: ReportOptions.View = .entity

    @Option(help: ArgumentHelp("Order within a type: mentions, documents or name (default: mentions; documents by id).", valueName: "order"))
    var sort: ReportOptions.SortOrder?

    @Flag(help: "Write partial counts (JSON lines) for `zhpipe merge` instead of a report.")
    var partial = false

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be 0 (all) or more, not \(top)") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be 1 or more, not \(minCount)") }
        if let type, types(type).isEmpty { throw ValidationError("--type needs at least one type, e.g. PER,LOC") }
    }

    func types(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0.filter { !$0.isWhitespace }).uppercased() }.filter { !$0.isEmpty }
    }

    var options: ReportOptions {
        ReportOptions(format: format, view: by, top: top, types: type.map(types), minCount: minCount, sort: sort)
    }
}

extension ReportOptions.Format: ExpressibleByArgument {}
extension ReportOptions.View: ExpressibleByArgument {}
extension ReportOptions.SortOrder: ExpressibleByArgument {}
