import ArgumentParser
import Extract
import Lexicon
import Records
import Segment

/// `zhpipe eval entities`: exact-span P/R/F1 of PER/LOC/ORG against a BIO gold file.
struct EvalEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Score entities (PER, LOC, ORG) against a character-level BIO gold file.",
        discussion: """
        Each gold sentence goes through the real pipeline (segment, then extract) as
        one record; a predicted entity counts when its span and type match a gold
        entity exactly. Prints precision, recall and F1 per type and micro-averaged.

        Example:
          zhpipe eval entities --gold ../shared/eval/msra_ner/msra_test_bio.txt --diff 5
        """
    )

    @Option(help: ArgumentHelp("The gold file: one character and its BIO tag a line, blank lines between sentences.", valueName: "file"))
    var gold: String

    @Option(help: ArgumentHelp("Show the first N sentences with a missed or spurious entity.", valueName: "n"))
    var diff: Int = 0

    @Option(help: ArgumentHelp("Score only the first N sentences.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("A name for the result (default: the gold file's name).", valueName: "name"))
    var label: String?

    @Flag(help: "Print one tab-separated line per type: label, type, P, R, F1.")
    var tsv = false

    @Option(help: ArgumentHelp("The folder of lexicon files (default: the checkout's lexicons/).", valueName: "dir"))
    var lexicons: String?

    @OptionGroup var segment: SegmentOptionGroup
    @OptionGroup var extract: ExtractOptionGroup

    func run() throws {
        _ = try Failure.reporting("eval entities") {
            let directory = try LexiconDirectory.locate(explicit: lexicons)
            let sentences = try BIOReader.read(bytes: try InputSource(gold).readAll(), name: gold)
            let segmenter = try segment.makeStage(lexicons: directory).makeProcessor()
            let extractor = try extract.makeStage(lexicons: directory).makeProcessor()
            var scorer = EntityScorer()
            var shown = 0
            for (i, sentence) in sentences.prefix(limit ?? sentences.count).enumerated() {
                var record = Record()
                record.set("doc", "eval")
                record.set("para", i)
                record.set("text", sentence.text)
                try segmenter.process(&record)
                try extractor.process(&record)
                let predicted = try EntitySpans.read(from: record)
                let (missed, spurious) = scorer.add(gold: sentence.spans, predicted: predicted)
                if shown < diff, !(missed.isEmpty && spurious.isEmpty) {
                    shown += 1
                    let scalars = Array(sentence.text.unicodeScalars)
                    func show(_ s: EntityScorer.Span) -> String {
                        var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
                        return "\(String(v))/\(s.type)@\(s.start)"
                    }
                    print("#\(i) \(sentence.text)")
                    print("   missed:   \(missed.map(show).joined(separator: " "))")
                    print("   spurious: \(spurious.map(show).joined(separator: " "))")
                }
            }
            let name = label ?? String(gold.split(separator: "/").last ?? "gold")
            if tsv {
                for t in scorer.types {
                    let c = scorer.byType[t] ?? EntityScorer.Counts()
                    print("\(name)\t\(t)\t\(c.precision)\t\(c.recall)\t\(c.f1)")
                }
                print("\(name)\tmicro\t\(scorer.total.precision)\t\(scorer.total.recall)\t\(scorer.total.f1)")
            } else {
                print(scorer.table(title: "entities \(name)"), terminator: "")
            }
            return nil
        }
    }
}

/// The entity spans of an extracted record.
enum EntitySpans {
    static func read(from record: Record) throws -> [EntityScorer.Span] {
        guard let entities = try record.value("entities")?.array else { return [] }
        return entities.compactMap { e in
            guard let type = e["type"]?.string, let s = e["start"]?.int, let t = e["end"]?.int else { return nil }
            return EntityScorer.Span(type: type, start: s, end: t)
        }
    }
}
