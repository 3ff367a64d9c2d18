import Records
import Script

/// `zhpipe eval repair`: how well the repair stage does, on the seed corpus,
/// on clean text, on synthetic damage, on ftfy's CJK cases and on codec
/// mix-ups built from real legacy-encoded pages.
///
/// Every number comes from running the same `DocumentRepairer` the command
/// line uses. Gold data is read from the eval folder at run time, never copied.
public struct RepairEvaluation {
    public let repairer: DocumentRepairer
    public let model: LanguageModel
    public var seed: UInt64 = 1
    /// Paragraphs of clean text per mechanism in the synthetic section.
    public var syntheticParagraphs = 200
    /// Lines per page and mix-up in the chardet section.
    public var linesPerPage = 40

    public init(stage: RepairStage) throws {
        self.init(repairer: try stage.makeRepairer())
    }

    /// Evaluates a repairer built by hand (e.g. with some passes only).
    public init(repairer: DocumentRepairer) {
        self.repairer = repairer
        model = repairer.model
    }

    /// Repairs a text (no decoding) and returns the result.
    func repair(_ text: String) -> RepairedText {
        repairer.repairText(TextUnderRepair(scalars: Array(text.unicodeScalars)), encoding: nil)
    }

    // MARK: corpus

    public struct CorpusResult: Sendable {
        public var documents = 0
        public var records = 0
        public var repairsByKind: [String: Int] = [:]
        public var flagsByKind: [String: Int] = [:]
        public var pinyinLeft = 0
        public var questionMarksLeft = 0
        public var suspiciousLeft = 0
    }

    /// Repairs each file as `zhpipe repair` would and counts what was done and what is left.
    public func corpus(files: [String]) throws -> CorpusResult {
        var result = CorpusResult()
        let suspicion = SuspicionTable(model: model)
        for file in files {
            let input = InputSource(file)
            let document = Document(id: input.stem, content: .bytes(try input.readAll()), input: input)
            let records = try repairer.repair(document)
            result.documents += 1
            result.records += records.count
            for record in records {
                if let repairs = (try? record.value("repairs"))?.array {
                    for r in repairs { for kind in (r["kind"]?.string ?? "?").split(separator: "+") { result.repairsByKind[String(kind), default: 0] += 1 } }
                }
                if let flags = (try? record.value("flags"))?.array {
                    for f in flags { result.flagsByKind[f["kind"]?.string ?? f.string ?? "?", default: 0] += 1 }
                }
                let scalars = Array(((try? record.string("text")) ?? "").unicodeScalars)
                result.pinyinLeft += TextMeasures.pinyinAnnotations(scalars)
                result.questionMarksLeft += TextMeasures.questionMarks(scalars)
                result.suspiciousLeft += suspicion.suspiciousSpans(scalars)
            }
        }
        return result
    }

    // MARK: clean text

    public struct CleanResult: Sendable {
        public var documents = 0
        public var characters = 0
        public var changed = 0
        public var changedBySource: [String: Int] = [:]
        public var charactersBySource: [String: Int] = [:]
        public var changedByKind: [String: Int] = [:]
        /// A few changes, for the person reading the table.
        public var examples: [String] = []
    }

    /// Characters changed on clean text (goal: 0).
    public func clean(_ texts: [CleanText], examples: Int = 0) -> CleanResult {
        var result = CleanResult()
        for text in texts {
            let repaired = repair(text.text)
            let count = text.text.unicodeScalars.count
            var changed = 0
            for r in repaired.text.repairs {
                let n = max(r.original.unicodeScalars.count, r.end - r.start)
                changed += n
                result.changedByKind[r.kind, default: 0] += n
                if result.examples.count < max(8, examples) && (r.kind.hasPrefix("mojibake") || examples > 0) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: repaired.text.scalars[r.start..<r.end])
                    result.examples.append("\(text.name): \(r.kind) \"\(r.original)\" -> \"\(String(view))\"")
                }
            }
            for item in repaired.notes.furniture { changed += item.text.unicodeScalars.count }
            result.documents += 1
            result.characters += count
            result.changed += changed
            result.changedBySource[text.source, default: 0] += changed
            result.charactersBySource[text.source, default: 0] += count
        }
        return result
    }

    // MARK: synthetic damage

    public struct SyntheticRow: Sendable {
        public var mechanism: String
        public var items = 0
        public var characters = 0
        public var errorsBefore = 0
        public var errorsAfter = 0
        /// A few items repair left wrong: clean, damaged, repaired (normalised form).
        public var examples: [(clean: String, damaged: String, repaired: String, raw: String)] = []
        public var cerBefore: Double { characters == 0 ? 0 : Double(errorsBefore) / Double(characters) }
        public var cerAfter: Double { characters == 0 ? 0 : Double(errorsAfter) / Double(characters) }
    }

    /// Character error rate before and after repair, per mechanism, on
    /// damaged clean paragraphs. Texts are compared in the normalised form
    /// (Simplified, half-width) when a normaliser is given: repair keeps a
    /// document's own script, so a mirror's script or width conversion is
    /// not damage the text must undo.
    public func synthetic(_ paragraphs: [String], mechanisms: [any DamageMechanism], normalizer: ScriptNormalizer? = nil, examples: Int = 0) -> [SyntheticRow] {
        let generator = DamageGenerator(seed: seed)
        func form(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
            guard let normalizer else { return scalars }
            var copy = scalars
            normalizer.normalize(&copy)
            return copy
        }
        return mechanisms.map { mechanism in
            var row = SyntheticRow(mechanism: mechanism.name)
            for (index, paragraph) in paragraphs.prefix(syntheticParagraphs).enumerated() {
                let damaged = generator.damage(paragraph, with: mechanism, index: index)
                let clean = form(Array(paragraph.unicodeScalars))
                let before = form(Array(damaged.unicodeScalars))
                let after = form(repair(damaged).text.scalars)
                row.items += 1
                row.characters += clean.count
                row.errorsBefore += TextMeasures.editDistance(before, clean)
                let errors = TextMeasures.editDistance(after, clean)
                row.errorsAfter += errors
                if errors > 0 && row.examples.count < examples {
                    func text(_ s: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(s)) }
                    row.examples.append((text(clean), text(before), text(after), damaged))
                }
            }
            return row
        }
    }

    // MARK: ftfy

    public struct CaseResult: Sendable {
        public var name: String
        public var total = 0
        public var fixed = 0
        public var failures: [String] = []
    }

    /// ftfy's test cases that hold CJK or full-width characters: fixed means
    /// the repaired text equals ftfy's `fixed-encoding` (or `fixed`).
    public func ftfy(folder: String) throws -> CaseResult {
        var result = CaseResult(name: "ftfy CJK cases")
        for file in ["in-the-wild.json", "synthetic.json", "negative.json", "language-names.json", "known-failures.json"] {
            guard let bytes = try? InputSource(folder + "/" + file).readAll(), let cases = try JSONValue(parsing: bytes).array else { continue }
            for item in cases {
                guard let original = item["original"]?.string else { continue }
                let expected = item["fixed-encoding"]?.string ?? item["fixed"]?.string ?? original
                let isCJK = (original + expected).unicodeScalars.contains { v in
                    LanguageModel.isHan(v.value) || (0xAC00...0xD7AF).contains(v.value) || (0x3040...0x30FF).contains(v.value) || (0xFF01...0xFF5E).contains(v.value)
                }
                guard isCJK, item["expect"]?.string != "fail" else { continue }
                result.total += 1
                let got = repair(original).text.text
                if got == expected { result.fixed += 1 } else { result.failures.append("\(original) -> \(got) (want \(expected))") }
            }
        }
        return result
    }

    // MARK: codec mix-ups from real pages

    /// Lines of the chardet pages pushed through each codec mix-up (exact and
    /// lossy); fixed means the repaired line equals the clean line.
    public func mixups(_ texts: [CleanText], only names: Set<String>? = nil) throws -> [CaseResult] {
        let mechanisms = try ClassicMojibake.all().filter { names?.contains($0.name) ?? true }
        var results: [CaseResult] = []
        for mechanism in mechanisms {
            var result = CaseResult(name: mechanism.name)
            for text in texts where text.source.hasPrefix("chardet") {
                // The page must be in the mix-up's source encoding (UTF-8 holds everything).
                if case .legacy(let codec) = mechanism.channel.source {
                    let pageCharset: LegacyCodec.Charset = text.source == "chardet-gb2312" ? .gb18030 : .big5
                    if codec.charset != pageCharset { continue }
                }
                var taken = 0
                for line in text.text.split(separator: "\n") where taken < linesPerPage {
                    let scalars = Array(line.unicodeScalars)
                    guard scalars.filter({ LanguageModel.isHan($0.value) }).count >= 4,
                          let damaged = mechanism.damage(scalars[...]), damaged != scalars else { continue }
                    taken += 1
                    result.total += 1
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: damaged)
                    let got = repair(String(view)).text.scalars
                    if got == scalars { result.fixed += 1 } else if result.failures.count < 3 {
                        result.failures.append("\(text.name): \(String(String(view).prefix(40))) -> \(String(repair(String(view)).text.text.prefix(40)))")
                    }
                }
            }
            results.append(result)
        }
        return results
    }
}
