import Foundation
import Testing
import Records
@testable import Aggregate

/// The four formats: stable TSV columns, valid JSON, well-formed Markdown
/// tables, a self-contained HTML page; and the options.
@Suite struct RenderTests {
    func report(_ options: ReportOptions, lines: [String] = SampleRecords.lines) throws -> String {
        let builder = ReportBuilder()
        for line in lines { try builder.add(try Record(parsing: line)) }
        return builder.render(options)
    }

    func tsvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test(arguments: ReportOptions.View.allCases)
    func tsvHasAHeaderAndOneWidthPerTable(_ view: ReportOptions.View) throws {
        let rows = tsvRows(try report(ReportOptions(view: view)))
        let header = try #require(rows.first)
        #expect(rows.count > 2)
        for row in rows { #expect(row.count == header.count, "\(row)") }
    }

    @Test func tsvEntityRowsAreSortedByTypeThenMentions() throws {
        let rows = tsvRows(try report(ReportOptions())).dropFirst()
        #expect(rows.map { $0[0] } == rows.map { $0[0] }.sorted { EntityTypeOrder.less($0, $1) })
        let people = rows.filter { $0[0] == "PER" }
        #expect(people.first?[1] == "李秀英")  // 2 mentions, 2 documents: before 王建国 (2, 1) and 陈志强 (2, 1)
        #expect(people.map { Int($0[2])! } == people.map { Int($0[2])! }.sorted(by: >))
        #expect(people.first { $0[1] == "王建国" }?[4] == "王建國 2")
    }

    @Test func topTypeMinCountAndSortShapeTheRows() throws {
        let top1 = tsvRows(try report(ReportOptions(top: 1))).dropFirst()
        #expect(Dictionary(grouping: top1, by: { $0[0] }).values.allSatisfy { $0.count == 1 })
        let per = tsvRows(try report(ReportOptions(types: ["PER"]))).dropFirst()
        #expect(!per.isEmpty && per.allSatisfy { $0[0] == "PER" })
        let frequent = tsvRows(try report(ReportOptions(minCount: 2))).dropFirst()
        #expect(!frequent.isEmpty && frequent.allSatisfy { Int($0[2])! >= 2 })
        let byName = tsvRows(try report(ReportOptions(types: ["PER"], sort: .name))).dropFirst().map { $0[1] }
        #expect(byName == byName.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(byName.count == 4)
    }

    @Test func byDocListsEveryDocument() throws {
        let rows = tsvRows(try report(ReportOptions(view: .doc)))
        #expect(rows[0] == TSVRenderer.documentColumns)
        #expect(rows.dropFirst().map { $0[0] } == ["linjiang-a", "linjiang-b", "linjiang-c"])
        let b = try #require(rows.first { $0[0] == "linjiang-b" })
        #expect(b[1] == "2")       // paragraphs
        #expect(b[4] == "3")       // PER mentions
        #expect(b[13] == "陈志强 2; 李秀英 1")
    }

    @Test func numbersTableCarriesExactSums() throws {
        let rows = tsvRows(try report(ReportOptions(view: .number)))
        let money = try #require(rows.first { $0[0] == "money" })
        #expect(money[1] == "元")
        #expect(money[6] == "146000.2")
    }

    @Test func jsonIsOneValidObject() throws {
        let text = try report(ReportOptions(format: .json))
        let value = try JSONValue(parsing: text)
        #expect(value["records"]?.int == 7)
        #expect(value["error_records"]?.int == 1)
        let groups = try #require(value["entities"]?.array)
        #expect(groups.map { $0["type"]?.string } == ["PER", "LOC", "ORG", "DATE"])
        let money = value["numbers"]?.array?.first { $0["kind"]?.string == "money" }
        #expect(money?["sum"]?.number == DecimalValue("146000.2"))
    }

    @Test func markdownTablesAreWellFormed() throws {
        let text = try report(ReportOptions(format: .md))
        #expect(text.contains("## People (PER)"))
        #expect(text.contains("## Numbers"))
        #expect(text.contains("## Documents"))
        #expect(text.contains("## Input quality"))
        var width: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { width = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let width { #expect(cells == width, "\(line)") } else { width = cells }
        }
    }

    @Test func hostileNamesAreEscapedInEveryFormat() throws {
        let hostile = RecordFixture(
            doc: "evil<doc>", para: 0, text: "<script>document.title='pwned'</script>来自=cmd|' /C calc'!A0的报告",
            entities: [.per("<script>document.title='pwned'</script>"), .org("=cmd|' /C calc'!A0")]
        )
        let lines = [hostile.jsonLine]
        let html = try report(ReportOptions(format: .html), lines: lines)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
        #expect(!html.contains("evil<doc>"))
        let tsv = try report(ReportOptions(), lines: lines)
        #expect(tsv.contains("\t'=cmd|' /C calc'!A0\t"))
        let md = try report(ReportOptions(format: .md), lines: lines)
        #expect(!md.contains("<script>"))
        #expect(md.contains("=cmd\\|' /C calc'!A0"))
    }

    @Test func htmlIsSelfContainedWithCharts() throws {
        let html = try report(ReportOptions(format: .html))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("src="))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)  // PER, LOC, ORG, DATE, numbers
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func sameInputSameBytes() throws {
        for format in ReportOptions.Format.allCases {
            #expect(try report(ReportOptions(format: format)) == (try report(ReportOptions(format: format))))
        }
    }
}
