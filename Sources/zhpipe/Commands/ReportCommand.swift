import Aggregate
import ArgumentParser
import Records

/// `zhpipe report`: entity and number counts over extracted records.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Count entities and numbers across records and write a report.",
        discussion: """
        Example:
          zhpipe run corpus/*.txt --to extract | zhpipe report --format md
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    @Option(help: "Report format: tsv, json, md or html.")
    var format: ReportBuilder.Format = .tsv

    func run() throws {
        try Failure.reporting("report") {
            let builder = ReportBuilder()
            let summary = try RecordStream.forEachRecord(inputs: try stream.sources(), options: stream.streamOptions, label: "report") { record in
                try builder.add(record)
            }
            let output = try stream.outputSink()
            try output.write(builder.render(format))
            try output.flush()
            return summary
        }
    }
}

extension ReportBuilder.Format: ExpressibleByArgument {}
