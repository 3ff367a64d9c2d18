import ArgumentParser
import Lexicon
import Records
import Repair

/// `zhpipe damage`: clean text in, the same text with synthetic transit damage out.
///
/// A developer tool: repair's speed and quality are only meaningful on
/// damaged text whose clean original is known, so `make bench` and the tests
/// build their damaged material with it from clean text. The damage comes
/// from the repair stage's own generator (`DamageCatalog`,
/// `DamageGenerator`): the same input, seed and mechanisms always give the
/// same bytes, whatever `--jobs` is.
struct DamageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "damage",
        abstract: "Add synthetic transit damage (mojibake, mirror-site damage) to clean text, reproducibly.",
        discussion: """
        Each item is damaged on its own: a line of a text input, or the "text" of a
        JSON-lines record (its other fields are kept). Every item gets one mechanism,
        picked from --mechanisms (default: all of them) by the seed and the item's
        number, so the output depends only on the input, the seed and the list.
        --list shows the mechanisms. Text is read as UTF-8 and written as UTF-8.

        Example:
          zhpipe damage --seed 7 clean.jsonl > damaged.jsonl
          zhpipe damage --mechanisms mojibake-utf8-as-gbk,mirror-site page.txt
          zhpipe damage clean.jsonl | zhpipe repair > repaired.jsonl
        """
    )

    /// How an input is read.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case auto, text, jsonl
    }

    @Argument(help: ArgumentHelp("Input files; - or nothing reads standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: "Seed of the damage: the same seed gives the same output.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Mechanisms to pick from (comma-separated names; default: all).", valueName: "names"))
    var mechanisms: String?

    @Option(help: "Fraction of items damaged (0 to 1); the others pass unchanged.")
    var rate: Double = 1

    @Option(help: "Input format: auto (by extension, or by content on stdin), text (one item a line), or jsonl.")
    var format: Format = .auto

    @Flag(help: "Add a \"damage\" field naming the mechanism to each JSON-lines record (\"none\" when left clean).")
    var label = false

    @Flag(help: "List the mechanisms and exit.")
    var list = false

    @Option(name: .shortAndLong, help: "Worker threads (0 = one per core). Output never depends on it.")
    var jobs: Int = 1

    @Option(help: ArgumentHelp("The folder of lexicon files (default: the checkout's lexicons/).", valueName: "dir"))
    var lexicons: String?

    func validate() throws {
        guard (0...1).contains(rate) else { throw ValidationError("--rate must be between 0 and 1, not \(rate)") }
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more, not \(jobs)") }
    }

    func run() throws {
        try Failure.reporting("damage") {
            let directory = try LexiconDirectory.locate(explicit: lexicons)
            let catalog = try DamageCatalog.all(lexicons: directory)
            if list {
                for mechanism in catalog { print(mechanism.name) }
                return nil
            }
            var chosen = catalog
            if let mechanisms {
                let names = mechanisms.split(separator: ",").map { String($0).filter { $0 != " " } }
                chosen = try names.map { name in
                    guard let mechanism = catalog.first(where: { $0.name == name }) else {
                        throw ValidationError("unknown damage mechanism \"\(name)\"; zhpipe damage --list shows them")
                    }
                    return mechanism
                }
            }
            guard !chosen.isEmpty else { throw ValidationError("--mechanisms names no mechanism") }
            let damager = Damager(mechanisms: chosen, seed: seed, rate: rate, label: label)
            let sink = try OutputSink(path: output)
            let paths = inputs.isEmpty ? ["-"] : inputs
            var summary = StreamSummary()
            for input in paths.map(InputSource.init) {
                try damage(input, with: damager, into: sink, summary: &summary)
            }
            try sink.flush()
            return summary
        }
    }

    /// One worker thread's slot (the work itself shares the immutable `Damager`).
    final class Worker {}

    /// One item to damage: its number in the whole run, and its line.
    struct Item {
        let index: Int
        let line: LineBatch.Line
        let record: Record?
    }

    func damage(_ input: InputSource, with damager: Damager, into sink: OutputSink, summary: inout StreamSummary) throws {
        let reader = try LineReader(input)
        let workers = (0..<(jobs == 0 ? ProcessorCount.online : jobs)).map { _ in Worker() }
        var isJSON: Bool? = {
            switch format {
            case .jsonl: return true
            case .text: return false
            case .auto:
                if ["jsonl", "ndjson"].contains(input.pathExtension) { return true }
                return input.isStandardInput ? nil : false
            }
        }()
        var done = 0
        let pipeline = OrderedPipeline<Worker, (output: [UInt8], itemsDone: Int, failure: InputError?)>(workers: workers) { outcome in
            done += outcome.itemsDone
            try sink.append { $0.append(contentsOf: outcome.output) }
            if let failure = outcome.failure { throw failure }
        }
        var nextIndex = summary.records
        try pipeline.run {
            while let batch = try reader.nextBatch() {
                if isJSON == nil {
                    // Standard input of unknown shape: JSON lines when the first non-blank byte opens an object.
                    isJSON = batch.storage.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "{")
                }
                var items: [Item] = []
                items.reserveCapacity(batch.lines.count)
                for line in batch.lines {
                    if isJSON == true {
                        if batch.storage[line.range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        items.append(Item(index: nextIndex + items.count, line: line, record: try RecordStream.parse(line, in: batch, input: input)))
                    } else {
                        items.append(Item(index: nextIndex + items.count, line: line, record: nil))
                    }
                }
                nextIndex += items.count
                try pipeline.submit { _ in
                    var out: [UInt8] = []
                    for (n, item) in items.enumerated() {
                        if let failure = damage(item, in: batch, from: input, with: damager, into: &out) { return (out, n, failure) }
                    }
                    return (out, items.count, nil)
                }
            }
        }
        summary.records += done
        summary.bytesIn += reader.bytesRead
    }

    /// Damages one item into `out`; returns the failure that stops the run.
    func damage(_ item: Item, in batch: LineBatch, from input: InputSource, with damager: Damager, into out: inout [UInt8]) -> InputError? {
        guard var record = item.record else {
            damager.damageLine(batch.bytes(of: item.line), index: item.index, into: &out)
            return nil
        }
        do {
            try damager.damage(&record, index: item.index)
        } catch {
            return InputError.record(error, input: input.description, line: item.line.number, stage: "damage")
        }
        record.write(to: &out)
        return nil
    }
}

/// The damage itself: which mechanism (if any) an item gets, and applying it.
struct Damager: Sendable {
    let mechanisms: [any DamageMechanism]
    let generator: DamageGenerator
    let rate: Double
    let label: Bool

    init(mechanisms: [any DamageMechanism], seed: UInt64, rate: Double, label: Bool) {
        self.mechanisms = mechanisms
        generator = DamageGenerator(seed: seed)
        self.rate = rate
        self.label = label
    }

    /// The mechanism item `index` gets, or nil when it stays clean; a function of the seed and the index only.
    func mechanism(for index: Int) -> (any DamageMechanism)? {
        var rng = SeededRandom(seed: generator.seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        guard rate >= 1 || rng.chance(rate) else { return nil }
        return mechanisms[rng.int(in: 0..<mechanisms.count)]
    }

    func damage(_ text: String, index: Int) -> (text: String, mechanism: String) {
        guard !text.isEmpty, let mechanism = mechanism(for: index) else { return (text, "none") }
        return (generator.damage(text, with: mechanism, index: index), mechanism.name)
    }

    /// A JSON-lines record: its "text" damaged, the rest kept.
    func damage(_ record: inout Record, index: Int) throws(RecordError) {
        if ErrorRecord.isError(record) { return }
        let (text, name) = damage(try record.string("text"), index: index)
        record.set("text", text)
        if label { record.set("damage", name) }
    }

    /// A line of text, written with its newline.
    func damageLine(_ bytes: ArraySlice<UInt8>, index: Int, into out: inout [UInt8]) {
        let (text, _) = damage(String(decoding: bytes, as: UTF8.self), index: index)
        out.append(contentsOf: text.utf8)
        out.append(0x0A)
    }
}
