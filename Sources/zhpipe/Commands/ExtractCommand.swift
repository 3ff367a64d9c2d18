import ArgumentParser
import Extract
import Records

/// `zhpipe extract`: adds entities and numbers to each record.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find people, places, organisations, dates and quantities.",
        discussion: """
        Adds "entities" (type, text, offsets, normalised key, role) and "numbers"
        (text, offsets, exact value, unit, kind).

        Example:
          zhpipe repair report.txt | zhpipe segment | zhpipe extract | jq -c .numbers
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    func run() throws {
        try Failure.reporting("extract") {
            try RecordStream.run(ExtractStage(), inputs: try stream.sources(), output: try stream.outputSink(), options: stream.streamOptions)
        }
    }
}
