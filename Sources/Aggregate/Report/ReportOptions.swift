/// What a report shows and how: format, view, how many rows, which types,
/// the order.
public struct ReportOptions: Equatable, Sendable {
    /// Output formats.
    public enum Format: String, CaseIterable, Sendable {
        case tsv, json, md, html
    }

    /// Which table leads: the whole report by entity (default), one row per
    /// document, the number groups, or the quality counters. A TSV file holds
    /// exactly one table, so there the view picks it.
    public enum View: String, CaseIterable, Sendable {
        case entity, doc, number, quality

        /// Whether the view shows `section`: the entity view shows them all,
        /// the others their own table only.
        func shows(_ section: Section) -> Bool {
            switch self {
            case .entity: return true
            case .doc: return section == .documents
            case .number: return section == .numbers
            case .quality: return section == .quality
            }
        }
    }

    /// The parts of a report, in the order Markdown and HTML print them.
    enum Section: CaseIterable {
        case entities, numbers, documents, quality
    }

    /// The order of entities within a type (and of documents).
    public enum SortOrder: String, CaseIterable, Sendable {
        case mentions, documents, name
    }

    public var format: Format
    public var view: View
    /// Entities per type (nil: all in TSV and JSON, 20 in Markdown and HTML).
    public var top: Int?
    /// Entity types to show (nil: all).
    public var types: [String]?
    /// Entities mentioned fewer times are left out.
    public var minCount: Int
    /// Nil: entities by mentions, documents by id.
    public var sort: SortOrder?

    public init(format: Format = .tsv, view: View = .entity, top: Int? = nil, types: [String]? = nil, minCount: Int = 1, sort: SortOrder? = nil) {
        self.format = format
        self.view = view
        self.top = top
        self.types = types
        self.minCount = minCount
        self.sort = sort
    }

    /// Rows per entity type this format shows.
    var entityLimit: Int? {
        if let top { return top > 0 ? top : nil }
        switch format {
        case .tsv, .json: return nil
        case .md, .html: return 20
        }
    }

    /// How many co-occurring entities each entity lists.
    static let partnersShown = 3
    /// How many surface forms and roles each entity lists.
    static let formsShown = 5
}
