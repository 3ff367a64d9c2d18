import Testing
import Records
@testable import Aggregate

/// Counting: entities by normalised key, documents, forms, roles, first
/// appearance, co-occurrence, numbers and quality counters.
@Suite struct ReportCountsTests {
    func counted(_ lines: [String] = SampleRecords.lines) throws -> ReportCounts {
        let counts = ReportCounts()
        for line in lines { try counts.add(try Record(parsing: line)) }
        counts.finish()
        return counts
    }

    func entity(_ counts: ReportCounts, _ type: String, _ norm: String) -> EntityTally? {
        counts.entities.first { $0.key == EntityKey(type: type, norm: norm) }
    }

    @Test func traditionalAndSimplifiedFormsAreOneEntity() throws {
        let counts = try counted()
        let county = try #require(entity(counts, "LOC", "临江县"))
        #expect(county.mentions == 2)
        #expect(county.documents == 2)
        #expect(county.forms.counts == ["臨江縣": 1, "临江县": 1])
        let clinic = try #require(entity(counts, "ORG", "青石镇卫生院"))
        #expect(clinic.mentions == 2)
        // Equal counts: ties go by UTF-8 bytes (鎮 U+93AE before 镇 U+9547).
        #expect(clinic.forms.byCount.map(\.key) == ["青石鎮衛生院", "青石镇卫生院"])
    }

    @Test func mentionsDocumentsAndRoles() throws {
        let counts = try counted()
        let wang = try #require(entity(counts, "PER", "王建国"))
        #expect(wang.mentions == 2)
        #expect(wang.documents == 1)
        #expect(wang.roles.counts == ["县长": 1])
        let li = try #require(entity(counts, "PER", "李秀英"))
        #expect(li.documents == 2)
        #expect(li.roles.counts == ["院长": 1])
    }

    @Test func firstAppearanceIsTheSmallestPositionWithContext() throws {
        // Feed doc b before doc a: "first" is by (doc, para, start), not reading order.
        let lines = SampleRecords.fixtures.reversed().map(\.jsonLine)
        let counts = try counted(lines)
        let li = try #require(entity(counts, "PER", "李秀英"))
        let first = try #require(li.first)
        #expect(first.doc == "linjiang-a")
        #expect(first.para == 0)
        #expect(first.start == 33)
        #expect(first.context.contains("李秀英"))
        #expect(first.context.unicodeScalars.count <= 3 + 2 * ReportCounts.contextRadius)
    }

    @Test func cooccurrenceCountsNamedEntitiesInOneParagraph() throws {
        let counts = try counted()
        let model = ReportModel(counts, options: ReportOptions())
        let row = try #require(model.groups.first { $0.type == "LOC" }?.rows.first { $0.key.norm == "临江县" })
        // 临江县 shares a paragraph with 王建国, 李秀英, 青石镇卫生院 (doc a) and 陈志强, 李秀英, 东岭村 (doc b).
        #expect(row.partners.first?.key == EntityKey(type: "PER", norm: "李秀英"))
        #expect(row.partners.first?.count == 2)
        #expect(row.partners.count == ReportOptions.partnersShown)
        // Dates never co-occur.
        let all = model.groups.flatMap(\.rows).flatMap(\.partners)
        #expect(!all.contains { $0.key.type == "DATE" })
    }

    @Test func numbersSumExactlyInBaseUnits() throws {
        let counts = try counted()
        let money = try #require(counts.numbers.first { $0.key == NumberKey(kind: "money", unit: "元") })
        // 145000 + 0.1万元 (guarded to 1000) + 0.2: exact, never 146000.20000000001.
        #expect(money.sum.description == "146000.2")
        #expect(money.count == 3)
        #expect(money.min?.description == "0.2")
        #expect(money.max?.description == "145000")
        #expect(money.documents == 2)
        #expect(!counts.numbers.contains { $0.key.unit == "万元" })
    }

    @Test func approximateAndRangedAreCountedApart() throws {
        let counts = try counted()
        let people = try #require(counts.numbers.first { $0.key == NumberKey(kind: "count", unit: "人") })
        #expect(people.count == 1)
        #expect(people.approx == 1)
        #expect(people.exact == 0)
        #expect(people.sum == .zero)
        let days = try #require(counts.numbers.first { $0.key == NumberKey(kind: "duration", unit: "天") })
        #expect(days.ranged == 1)
        #expect(days.min == nil)
    }

    @Test func qualityCounters() throws {
        let counts = try counted()
        #expect(counts.quality.records == 7)
        #expect(counts.quality.errorRecords == 1)
        #expect(counts.quality.repairs.counts == ["pinyin-annotation": 2, "mojibake": 1])
        #expect(counts.quality.flags.counts == ["number-missing": 1, "unrecoverable": 1])
        #expect(counts.documents.count == 3)
        #expect(counts.documents["linjiang-b"]?.counters.records == 2)
        #expect(counts.documents["linjiang-b"]?.top["PER"]?.first == DocumentSummary.Ranked(norm: "陈志强", mentions: 2))
    }

    @Test func withoutDocumentSummariesTheCountsAreTheSame() throws {
        let kept = try counted()
        let flat = ReportCounts(keepsDocumentSummaries: false)
        for line in SampleRecords.lines { try flat.add(try Record(parsing: line)) }
        flat.finish()
        #expect(flat.documents.isEmpty)
        #expect(flat.documentCount == kept.documentCount)
        #expect(flat.entities.map(\.documents) == kept.entities.map(\.documents))
        #expect(flat.numbers.map(\.documents) == kept.numbers.map(\.documents))
    }

    @Test func malformedEntitiesAreARecordError() throws {
        let counts = ReportCounts()
        #expect(throws: RecordError.self) {
            try counts.add(try Record(parsing: #"{"doc":"d","para":0,"text":"x","entities":{"type":"PER"}}"#))
        }
        #expect(throws: RecordError.self) {
            try counts.add(try Record(parsing: #"{"doc":"d","para":0,"text":"x","entities":[{"text":"王"}]}"#))
        }
    }

    @Test func aBadRecordCountsNothing() throws {
        let counts = ReportCounts()
        let bad = #"{"doc":"d","para":0,"text":"钱立新","entities":[{"type":"PER","text":"钱立新","norm":"钱立新"},{"text":"无类型"}],"numbers":[{"value":1,"unit":"元","kind":"money"}]}"#
        #expect(throws: RecordError.self) { try counts.add(try Record(parsing: bad)) }
        counts.finish()
        #expect(counts.quality.records == 0)
        #expect(counts.entities.allSatisfy { $0.mentions == 0 })
        #expect(counts.numbers.isEmpty)
        #expect(counts.documentCount == 0)
    }

    @Test func unitPrefixesBecomeBaseUnits() {
        #expect(UnitNormalizer.normalise("萬元") == ("元", 4))
        #expect(UnitNormalizer.normalise("亿元") == ("元", 8))
        #expect(UnitNormalizer.normalise("千元") == ("元", 3))
        #expect(UnitNormalizer.normalise("万平方米") == ("平方米", 4))
        #expect(UnitNormalizer.normalise("千克") == ("千克", 0))
        #expect(UnitNormalizer.normalise("％") == ("%", 0))
        #expect(UnitNormalizer.normalise("万") == ("万", 0))
    }

    @Test func cooccurrenceTableStaysWithinItsBound() {
        var table = CooccurrenceTable(capacity: 100)
        for p in 0..<400 { table.addParagraph([Int32(p), Int32(p + 1000)]) }
        #expect(table.pairs.count <= 100)
        #expect(table.droppedAtMost >= 1)
        var exact = CooccurrenceTable(capacity: 100)
        for _ in 0..<3 { exact.addParagraph([1, 2, 3]) }
        #expect(exact.pairs.count == 3)
        #expect(exact.droppedAtMost == 0)
        #expect(exact.pairs[CooccurrenceTable.key(3, 1)] == 3)
    }
}
