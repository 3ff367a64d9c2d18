import ArgumentParser
import Records
import Segment

/// `zhpipe segment`: adds sentences and tokens to each record.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split each record's text into sentences and words.",
        discussion: """
        Adds "sentences" ([start, end) offsets in code points), "tokens" (words whose
        concatenation is the text) and "token_kinds".

        Example:
          zhpipe repair report.txt | zhpipe segment | jq -c .tokens
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    func run() throws {
        try Failure.reporting("segment") {
            try RecordStream.run(SegmentStage(), inputs: try stream.sources(), output: try stream.outputSink(), options: stream.streamOptions)
        }
    }
}
