import Aggregate
import ArgumentParser
import Records

/// `zhpipe merge`: combines partial counts from `report --partial` into one report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial counts (from report --partial) into one report.",
        discussion: """
        The report is byte for byte the one a single `report` over all the
        shards' records gives, whatever the order of the files. With
        --partial the merged counts are written again (for merging in a tree).

        Example:
          split -l 20000 out/extracted.jsonl shard.
          ls shard.* | parallel 'zhpipe report --partial {} > {}.counts'
          zhpipe merge shard.*.counts --format md
        """
    )

    @OptionGroup var stream: StreamOptionGroup
    @OptionGroup var report: ReportOptionGroup

    func run() throws {
        try Failure.reporting("merge") {
            let builder = ReportBuilder(for: report.options, partial: report.partial)
            try builder.mergePartials(try stream.sources())
            let output = try stream.outputSink()
            try output.write(builder.output(report.options, partial: report.partial))
            try output.flush()
            return nil
        }
    }
}
