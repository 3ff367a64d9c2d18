import ArgumentParser
import Extract
import Lexicon
import Records

/// The options of the extract stage, shared by `zhpipe extract` and `zhpipe run`.
struct ExtractOptionGroup: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Find people, places, organisations, dates and times.")
    var entities = true

    @Flag(inversion: .prefixedNo, help: "Find quantities (numbers with their units).")
    var numbers = true

    @Flag(inversion: .prefixedNo, help: "Date 1月27日 with a year written earlier in the same document.")
    var carryYear = true

    /// The options as the stage takes them.
    var extractOptions: ExtractOptions {
        var o = ExtractOptions()
        o.entities = entities
        o.numbers = numbers
        o.carryYear = carryYear
        return o
    }

    /// The stage, with its lexicons loaded from `directory`.
    func makeStage(lexicons directory: LexiconDirectory) throws -> ExtractStage {
        try ExtractStage(directory: directory, options: extractOptions)
    }
}

/// `zhpipe extract`: adds entities and numbers to each record.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find people, places, organisations, dates and quantities.",
        discussion: """
        Adds "entities" (type, text, offsets, normalised key, role, evidence) and
        "numbers" (text, offsets, exact value, unit, kind, approx), and flags
        "number-missing" where a classifier has lost its number (约人, 余名).
        Offsets count code points of "text".

        Example:
          zhpipe repair report.txt | zhpipe segment | zhpipe extract | jq -c .numbers
        """
    )

    @OptionGroup var stream: StreamOptionGroup
    @OptionGroup var extract: ExtractOptionGroup

    func run() throws {
        try Failure.reporting("extract") {
            let stage = try extract.makeStage(lexicons: try stream.lexiconDirectory())
            return try RecordStream.run(stage, inputs: try stream.sources(), output: try stream.outputSink(), options: stream.streamOptions)
        }
    }
}
