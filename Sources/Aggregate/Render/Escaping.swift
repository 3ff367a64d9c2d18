/// Escapes untrusted strings (entity names, contexts, doc ids: all scraped
/// text) for the format they land in.
///
/// Every renderer passes every string through one of these; numbers the
/// report computes itself are written as they are.
public enum Escape {
    /// A TSV cell: backslash, tab, CR, LF and other control characters as
    /// backslash escapes (`\t`, `\n`, `\r`, `\\`, `\u001b`); a cell a
    /// spreadsheet would run as a formula (starting with = + - @) gets a
    /// leading `'`; a cell holding `"` is quoted with `""` inside, the way
    /// pandas and DuckDB read quoted fields.
    public static func tsv(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if s.value < 0x20 || s.value == 0x7F || s == "\u{2028}" || s == "\u{2029}" {
                    out += "\\u" + hex4(s.value)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        if let first = out.unicodeScalars.first, ["=", "+", "-", "@", "＝", "＋", "－", "＠"].contains(first) {
            out = "'" + out
        }
        if out.contains("\"") {
            out = "\"" + out.replacingAll("\"", with: "\"\"") + "\""
        }
        return out
    }

    /// Text inside HTML elements and attribute values (quoted with ").
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
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

    /// A Markdown table cell: HTML-significant characters as entities,
    /// Markdown syntax characters backslash-escaped, line breaks as spaces,
    /// so a cell never becomes a link, an image, markup or a new column.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
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

    static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(v >> 12 & 0xF)], digits[Int(v >> 8 & 0xF)], digits[Int(v >> 4 & 0xF)], digits[Int(v & 0xF)]])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
