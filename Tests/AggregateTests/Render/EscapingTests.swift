import Testing
@testable import Aggregate

/// Untrusted strings escaped for each format.
@Suite struct EscapingTests {
    @Test func tsvEscapesTabsNewlinesAndBackslashes() {
        #expect(Escape.tsv("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re")
        #expect(!Escape.tsv("王\t建\n国").contains("\t"))
        #expect(Escape.tsv("\u{1b}[31m") == "\\u001b[31m")
    }

    @Test(arguments: ["=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "＝1+1"])
    func tsvNeutralisesFormulas(_ cell: String) {
        let escaped = Escape.tsv(cell)
        let unquoted = escaped.hasPrefix("\"") ? String(escaped.dropFirst()) : escaped
        #expect(unquoted.hasPrefix("'"))
    }

    @Test func tsvQuotesCellsHoldingQuotes() {
        #expect(Escape.tsv(#"他说"好""#) == #""他说""好""""#)
        #expect(Escape.tsv("王建国") == "王建国")
    }

    @Test func htmlEscapesMarkup() {
        let escaped = Escape.html(#"<script>document.title='pwned'</script><img src=x onerror="alert(1)">&"#)
        #expect(!escaped.contains("<"))
        #expect(!escaped.contains(">"))
        #expect(!escaped.contains("\""))
        #expect(!escaped.contains("'"))
        #expect(escaped.hasSuffix("&amp;"))
    }

    @Test func markdownCellsCannotBreakTablesOrLink() {
        let escaped = Escape.markdown("a|b [x](javascript:alert(1)) <b>*c*</b>\nd")
        #expect(!escaped.contains("\n"))
        #expect(!escaped.contains("<"))
        #expect(escaped.contains("\\|"))
        #expect(escaped.contains("\\[x\\]"))
        #expect(escaped.contains("\\*c\\*"))
    }
}
