import Records

/// Stage 4: counts what the records hold and renders the counts as a report.
///
/// The entry point the command line uses: add records (or merge partial
/// count files), then render one of the four formats or write partial
/// counts. Counting is a commutative merge of per-record contributions, so
/// partial counts from shards merge into the same report one pass gives.
public final class ReportBuilder {
    /// Output formats (kept here for callers that name `ReportBuilder.Format`).
    public typealias Format = ReportOptions.Format

    public let counts: ReportCounts

    /// `keepsDocumentSummaries: false` for outputs without a per-document
    /// table (see `needsDocumentSummaries`): memory then stays flat.
    public init(cooccurrenceCapacity: Int = CooccurrenceTable.defaultCapacity, keepsDocumentSummaries: Bool = true) {
        counts = ReportCounts(cooccurrenceCapacity: cooccurrenceCapacity, keepsDocumentSummaries: keepsDocumentSummaries)
    }

    /// A builder for what `report` writes with these options.
    public convenience init(for options: ReportOptions, partial: Bool) {
        self.init(keepsDocumentSummaries: Self.needsDocumentSummaries(options, partial: partial))
    }

    /// Whether the output holds a per-document table (or is partial counts,
    /// which must carry everything).
    public static func needsDocumentSummaries(_ options: ReportOptions, partial: Bool) -> Bool {
        if partial || options.view == .doc { return true }
        return options.format != .tsv && options.view == .entity
    }

    /// Adds one record's contribution.
    public func add(_ record: Record) throws {
        try counts.add(record)
    }

    /// Merges partial-count files (from `report --partial`).
    public func mergePartials(_ inputs: [InputSource]) throws {
        try PartialReader.merge(inputs, into: counts)
    }

    /// The counts as partial-count JSON lines, for `zhpipe merge`.
    public func partial() -> [UInt8] {
        var out: [UInt8] = []
        PartialWriter.write(counts, to: &out)
        return out
    }

    /// The finished report (closes the counts: add nothing after this).
    public func render(_ options: ReportOptions) -> String {
        counts.finish()
        let model = ReportModel(counts, options: options)
        switch options.format {
        case .tsv: return TSVRenderer.render(model)
        case .json: return JSONRenderer.render(model)
        case .md: return MarkdownRenderer.render(model)
        case .html: return HTMLRenderer.render(model)
        }
    }

    /// The finished report in one format with default options.
    public func render(_ format: Format) -> String {
        render(ReportOptions(format: format))
    }

    /// What `report` writes for these options: the report, or partial counts.
    public func output(_ options: ReportOptions, partial: Bool) -> [UInt8] {
        partial ? self.partial() : Array(render(options).utf8)
    }
}
