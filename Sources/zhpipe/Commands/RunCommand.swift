import Aggregate
import ArgumentParser
import Extract
import Records
import Repair
import Segment

/// `zhpipe run`: all stages in one process, with the same output as the pipe.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run repair, segment, extract and report in one process.",
        discussion: """
        The output is byte for byte what the four stages piped together give.
        --to stops after an earlier stage and writes its records instead.

        Example:
          zhpipe run corpus/*.txt --format md
          zhpipe run corpus/*.txt --to extract > out/extracted.jsonl
        """
    )

    /// The last stage to run.
    enum Until: String, ExpressibleByArgument, CaseIterable {
        case repair, segment, extract, report
    }

    @OptionGroup var stream: StreamOptionGroup

    @Option(help: "Stop after this stage: repair, segment, extract or report.")
    var to: Until = .report

    @Option(help: "Report format: tsv, json, md or html.")
    var format: ReportBuilder.Format = .tsv

    @Option(help: "Input format for repair: auto, text, or jsonl.")
    var inputFormat: DocumentReader.Format = .auto

    @Option(help: ArgumentHelp("Decode raw input as this encoding instead of detecting it.", valueName: "name"))
    var encoding: String?

    func run() throws {
        try Failure.reporting("run") {
            let output = try stream.outputSink()
            var stages: [any RecordStage] = []
            if to != .repair { stages.append(SegmentStage()) }
            if to == .extract || to == .report { stages.append(ExtractStage()) }
            let pipeline = try StageChain(stages, jobs: stream.streamOptions.jobs)
            let builder = ReportBuilder()
            let reader = DocumentReader(format: inputFormat, keepGoing: stream.keepGoing)
            let summary = try DocumentStream.run(RepairStage(encoding: encoding), reader: reader, inputs: try stream.sources(), options: stream.streamOptions) { bytes in
                let records = try pipeline.apply(toLines: bytes)
                if to == .report {
                    for record in records { try builder.add(record) }
                } else {
                    try output.append { out in for record in records { record.write(to: &out) } }
                    try output.flush()
                }
            }
            if to == .report {
                try output.write(builder.render(format))
                try output.flush()
            }
            return summary
        }
    }
}

/// Stages 2 and 3 applied in process to the lines stage 1 wrote.
///
/// Records are re-read from the bytes the previous stage wrote, exactly as
/// the next process in a pipe would read them, so `run` and the pipe agree.
struct StageChain {
    let processors: [any RecordProcessor]

    init(_ stages: [any RecordStage], jobs: Int) throws {
        processors = try stages.map { try $0.makeProcessor() }
    }

    func apply(toLines bytes: [UInt8]) throws -> [Record] {
        var records: [Record] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while bytes[end] != 0x0A { end += 1 }
            var record = try Record(parsing: bytes, range: start..<end)
            if !ErrorRecord.isError(record) {
                for processor in processors { try processor.process(&record) }
            }
            records.append(record)
            start = end + 1
        }
        return records
    }
}
