/// Where an entity is first seen: the smallest (doc, para, start), with a
/// short piece of the paragraph around it.
///
/// "First" is defined by position, not by reading order, so every split of
/// the input into shards, merged in any order, agrees on it (the minimum of
/// a set does not depend on how the set was cut up).
public struct Appearance: Equatable, Sendable {
    public var doc: String
    public var para: Int
    public var start: Int
    public var context: String

    public init(doc: String, para: Int, start: Int, context: String) {
        self.doc = doc
        self.para = para
        self.start = start
        self.context = context
    }

    /// Position order; the context breaks the tie when one position is seen twice.
    public static func less(_ a: Appearance, _ b: Appearance) -> Bool {
        if a.doc != b.doc { return ByteOrder.less(a.doc, b.doc) }
        if a.para != b.para { return a.para < b.para }
        if a.start != b.start { return a.start < b.start }
        return ByteOrder.less(a.context, b.context)
    }

    /// True when a mention at (doc, para, start) would come before this one
    /// (cheap: no context is built unless it might win).
    func isAfter(doc: String, para: Int, start: Int) -> Bool {
        if self.doc != doc { return ByteOrder.less(doc, self.doc) }
        if self.para != para { return para < self.para }
        return start <= self.start
    }
}

/// Everything counted about one entity: mentions, documents, surface forms,
/// roles, first appearance.
///
/// `documents` counts documents that are closed (see `DocumentTally`); the
/// documents still open at the edges of a shard are added when they close,
/// so shards merge exactly.
public struct EntityTally: Sendable {
    public let key: EntityKey
    public var mentions = 0
    public var documents = 0
    public var forms = CountTable()
    public var roles = CountTable()
    public var first: Appearance?

    public init(key: EntityKey) { self.key = key }

    /// Counts one mention and the roles it was given (its form is counted
    /// apart, see `MentionKeys.takeForms`).
    mutating func count(roles: [String]) {
        mentions += 1
        for role in roles { self.roles.add(role) }
    }

    mutating func consider(_ appearance: Appearance) {
        if let first, !Appearance.less(appearance, first) { return }
        first = appearance
    }

    mutating func merge(_ other: EntityTally) {
        mentions += other.mentions
        documents += other.documents
        forms.merge(other.forms)
        roles.merge(other.roles)
        if let appearance = other.first { consider(appearance) }
    }
}
