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
        var out = tsvControlsEscaped(text)
        if let first = out.unicodeScalars.first, formulaLeads.contains(first) {
            out = "'" + out
        }
        // Only a cell holding the byte `"` can hold the character; the
        // quoting itself still goes by characters, as it always has.
        if holdsByte(out, where: { $0 == UInt8(ascii: "\"") }) && out.contains("\"") {
            out = "\"" + out.replacingAll("\"", with: "\"\"") + "\""
        }
        return out
    }

    /// First characters that make a spreadsheet run a cell as a formula.
    static let formulaLeads: [Unicode.Scalar] = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]

    /// `text` with backslash, control characters and U+2028/U+2029 written
    /// as escapes; `text` itself when it holds none of them.
    /// Why bytes: every character escaped is ASCII or a fixed three-byte
    /// sequence, so a byte scan finds them without decoding the cell, and
    /// most cells (plain Chinese names and contexts) need no copy at all.
    static func tsvControlsEscaped(_ text: String) -> String {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count, tsvEscapeLength(bytes, at: i) == 0 { i += 1 }
            guard i < bytes.count else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 8)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<i]))
            while i < bytes.count {
                let b = bytes[i]
                let length = tsvEscapeLength(bytes, at: i)
                guard length > 0 else { out.append(b); i += 1; continue }
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                default:
                    let value = length == 1 ? UInt32(b) : 0x2028 + UInt32(bytes[i + 2] - 0xA8)
                    out.append(UInt8(ascii: "u"))
                    out.append(contentsOf: hex4(value).utf8)
                }
                i += length
            }
            return out
        }
        guard let escaped else { return text }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// How many bytes at `i` form one character a TSV cell escapes (0: none):
    /// 1 for backslash, C0 controls and DEL, 3 for U+2028 and U+2029.
    @inline(__always)
    static func tsvEscapeLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x20 || b == 0x7F || b == UInt8(ascii: "\\") { return 1 }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return 3 }
        return 0
    }

    /// Text inside HTML elements and attribute values (quoted with ").
    public static func html(_ text: String) -> String {
        guard holdsByte(text, where: { b in
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
                || (b < 0x20 && b != UInt8(ascii: "\n") && b != UInt8(ascii: "\t"))
        }) else { return text }
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
        guard holdsByte(text, where: { b in
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"),
                 UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "~"), 0x7F: return true
            default: return b < 0x20
            }
        }) else { return text }
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

    /// Whether any UTF-8 byte of `text` is one `special` picks out. Why:
    /// html and markdown escape only ASCII characters, so a cell without
    /// such a byte is returned as it is, without decoding it.
    @inline(__always)
    static func holdsByte(_ text: String, where special: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains(where: special) }
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
