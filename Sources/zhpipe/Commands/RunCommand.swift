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

    @OptionGroup(title: "Segment options") var segment: SegmentOptionGroup

    @OptionGroup(title: "Extract options") var extract: ExtractOptionGroup

    @OptionGroup(title: "Report options") var report: ReportOptionGroup

    @Option(help: "Input format for repair: auto, text, or jsonl.")
    var inputFormat: DocumentReader.Format = .auto

    @Option(help: ArgumentHelp("Decode raw input as this encoding instead of detecting it.", valueName: "name"))
    var encoding: String?

    func run() throws {
        try Failure.reporting("run") {
            let output = try stream.outputSink()
            let lexicons = try stream.lexiconDirectory()
            let repair = RepairStage(encoding: encoding, lexicons: lexicons)
            // Each stage's lexicons load on a thread of its own (loaded once, shared by the workers after).
            var segmentStage: (any RecordStage)?
            var extractStage: (any RecordStage)?
            try Concurrently.run([
                { _ = try repair.makeRepairer() },
                { if to != .repair { let stage = try segment.makeStage(lexicons: lexicons); _ = try stage.makeProcessor(); segmentStage = stage } },
                { if to == .extract || to == .report { extractStage = try extract.makeStage(lexicons: lexicons) } },
            ])
            let stages = [segmentStage, extractStage].compactMap { $0 }
            let builder = ReportBuilder(for: report.options, partial: report.partial)
            let reader = DocumentReader(format: inputFormat, keepGoing: stream.keepGoing)
            let summary = try DocumentStream.run(
                repair, reader: reader, inputs: try stream.sources(), options: stream.streamOptions,
                batchBytes: to == .repair ? DocumentStream.batchBytes : DocumentStream.chainBatchBytes,
                finisher: {
                    let chain = try StageChain(stages.map { try $0.makeProcessor() })
                    return { bytes in try chain.process(lines: bytes) }
                },
                emit: { records in
                    if to == .report {
                        // Straight to the report: the records as they would be read back, never written.
                        for record in records { try builder.add(record) }
                    } else {
                        try output.append { out in for record in records { record.write(to: &out) } }
                        try output.flush()
                    }
                })
            if to == .report {
                try output.write(builder.output(report.options, partial: report.partial))
                try output.flush()
            }
            return summary
        }
    }
}
