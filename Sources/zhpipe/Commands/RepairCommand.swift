import ArgumentParser
import Records
import Repair

/// `zhpipe repair`: raw documents (any encoding) or JSON-lines documents in,
/// repaired paragraph records out.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Decode documents, undo transit damage, and emit one record per paragraph.",
        discussion: """
        Each raw file is one document (its id is the file name without extension);
        a .jsonl input holds one document per line: {"doc": "...", "text": "..."}.

        Example:
          zhpipe repair corpus/*.txt > out/repaired.jsonl
          cat page.txt | zhpipe repair --doc-id page1
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    @Option(help: ArgumentHelp("The document id for standard input.", valueName: "id"))
    var docId: String?

    @Option(help: "Input format: auto (by extension, or by content on stdin), text, or jsonl.")
    var format: DocumentReader.Format = .auto

    @Option(help: ArgumentHelp("Decode raw input as this encoding instead of detecting it (GB18030, Big5, UTF-8, ...).", valueName: "name"))
    var encoding: String?

    func run() throws {
        try Failure.reporting("repair") {
            let stage = RepairStage(encoding: encoding)
            let output = try stream.outputSink()
            let reader = DocumentReader(format: format, documentID: docId, keepGoing: stream.keepGoing)
            let summary = try DocumentStream.run(stage, reader: reader, inputs: try stream.sources(), options: stream.streamOptions) { bytes in
                try output.append { $0.append(contentsOf: bytes) }
                try output.flush()
            }
            return summary
        }
    }
}

extension DocumentReader.Format: ExpressibleByArgument {}
