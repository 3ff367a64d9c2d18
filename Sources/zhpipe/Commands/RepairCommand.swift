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
        Raw bytes may be UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030/GBK/
        GB2312 or Big5/Big5-HKSCS; the encoding is detected unless --encoding is given.
        Every change is listed in "repairs" (kind, start, end, original, confidence);
        bytes that could not be decoded become U+FFFD and are listed in "flags".
        Records from an earlier run (with "para") are repaired again on their own:
        repairing repaired output changes nothing.

        Example:
          zhpipe repair corpus/*.txt > out/repaired.jsonl
          cat page.txt | zhpipe repair --doc-id page1 --normalized
          zhpipe repair --encoding big5 old-page.htm
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    @Option(help: ArgumentHelp("The document id for standard input.", valueName: "id"))
    var docId: String?

    @Option(help: "Input format: auto (by extension, or by content on stdin), text, or jsonl.")
    var format: DocumentReader.Format = .auto

    @Option(help: ArgumentHelp("Decode raw input as this encoding instead of detecting it (GB18030, GBK, Big5, UTF-8, UTF-16, ...).", valueName: "name"))
    var encoding: String?

    @Flag(help: "Also write \"norm\": the text in Simplified script and half-width ASCII, offsets unchanged.")
    var normalized = false

    @Option(help: ArgumentHelp("Run only these repair passes (comma-separated names; default: all).", valueName: "names"))
    var passes: String?

    func validate() throws {
        if let encoding {
            do { _ = try Decoding.choice(named: encoding) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        try Failure.reporting("repair") {
            let stage = RepairStage(
                encoding: encoding, lexicons: try stream.lexiconDirectory(), writesNormalizedText: normalized,
                passNames: passes.map { $0.split(separator: ",").map { String($0).trimmingSpaces } })
            do { _ = try stage.makeRepairer() } catch let error as RepairConfigurationError {
                throw ValidationError(error.problem)
            }
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

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
