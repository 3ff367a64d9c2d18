import ArgumentParser
import Records

/// `zhpipe cat`: validates records and writes them back unchanged.
struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Check JSON-lines records and write them back unchanged (the record layer alone).",
        discussion: """
        Every line must be a JSON object in valid UTF-8; the first bad line is reported
        with its input, line and byte (or kept as an error record with --keep-going).

        Example:
          zhpipe cat out/extracted.jsonl > /dev/null && echo valid
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    func run() throws {
        try Failure.reporting("cat") {
            try RecordStream.run(PassThroughStage(), inputs: try stream.sources(), output: try stream.outputSink(), options: stream.streamOptions)
        }
    }
}
