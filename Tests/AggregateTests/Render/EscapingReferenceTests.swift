import Testing
@testable import Aggregate

/// The byte-level escapers give exactly what escaping scalar by scalar
/// gives (the reference below is the scalar-by-scalar version they replaced).
@Suite struct EscapingReferenceTests {
    static let cells: [String] = [
        "", "王建国", "a\tb\nc\\d\re", "\u{1b}[31m", "\u{7f}x", "x\u{2028}y\u{2029}", "“引号”—…", "\u{2027}\u{202A}",
        "=1", "+1", "-1", "@x", "＝1", "＋1", "－1", "＠x", "\t=1", "\\=", "他说\"好\"", "\"\u{301}x", "a\"\u{301}\"",
        "\u{600}\"x", "e\u{301}", "👨‍👩‍👧\"", "\r\n\"", "&<>'\"", "a|b [x] *c* _d_ `e` ~f~", "\u{0}\u{1f}",
        "王\u{2028}", "\u{E2}", "ab\u{2028}", "\u{2028}", "ï¼", "\u{FF1D}\"",
    ]

    @Test(arguments: cells)
    func tsvMatchesScalarEscaping(_ cell: String) {
        #expect(Array(Escape.tsv(cell).utf8) == Array(Self.referenceTSV(cell).utf8))
    }

    @Test(arguments: cells)
    func htmlAndMarkdownMatchScalarEscaping(_ cell: String) {
        #expect(Array(Escape.html(cell).utf8) == Array(Self.referenceHTML(cell).utf8))
        #expect(Array(Escape.markdown(cell).utf8) == Array(Self.referenceMarkdown(cell).utf8))
    }

    static func referenceTSV(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if s.value < 0x20 || s.value == 0x7F || s == "\u{2028}" || s == "\u{2029}" {
                    out += "\\u" + Escape.hex4(s.value)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        if let first = out.unicodeScalars.first, ["=", "+", "-", "@", "＝", "＋", "－", "＠"].contains(first) {
            out = "'" + out
        }
        // Character-level, as in the production module (which does not see Foundation's `contains`).
        if out.contains(Character("\"")) {
            out = "\"" + out.replacingAll("\"", with: "\"\"") + "\""
        }
        return out
    }

    static func referenceHTML(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if s.value < 0x20 && s != "\n" && s != "\t" { out += "&#xFFFD;" } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    static func referenceMarkdown(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\t": out += " "
            case "\\", "|", "*", "_", "`", "[", "]", "~":
                out += "\\"
                out.unicodeScalars.append(s)
            default:
                if s.value < 0x20 || s.value == 0x7F { out += " " } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }
}
