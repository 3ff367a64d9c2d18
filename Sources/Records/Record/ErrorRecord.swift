/// The record that stands in for a bad input line under `--keep-going`.
///
/// It carries the original line (as text, or base64 when the line is not
/// UTF-8) and what was wrong, so nothing read is lost: every stage passes it
/// through unchanged and `report` counts it.
public enum ErrorRecord {
    /// The key that marks an error record.
    public static let key = "error"

    /// Builds the error record for a bad line.
    /// `original` is the bad line; nil when nothing was read (a missing file).
    public static func make(for error: InputError, original: ArraySlice<UInt8>?) -> Record {
        var record = Record()
        record.set(key) { w in
            w.beginObject()
            w.member("input", error.input)
            if let line = error.line { w.member("line", line) }
            if let byte = error.byteOffset { w.member("byte", byte) }
            w.member("message", error.problem)
            w.endObject()
        }
        guard let original else { return record }
        if let text = String(validating: Array(original), as: UTF8.self) {
            record.set("original", text)
        } else {
            record.set("original_base64", Base64.encode(original))
        }
        return record
    }

    /// True when the record is an error record (an `error` object with a `message`).
    public static func isError(_ record: Record) -> Bool {
        guard let json = record[key], json.first == UInt8(ascii: "{") else { return false }
        return (try? JSONValue(parsing: json))?["message"]?.string != nil
    }
}

/// Standard base64 (RFC 4648), for carrying non-UTF-8 bytes inside JSON.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= input.count {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(shift)) & 63)]) }
            i += 3
        }
        let rest = input.count - i
        if rest > 0 {
            var n = UInt32(input[i]) << 16
            if rest == 2 { n |= UInt32(input[i + 1]) << 8 }
            out.append(alphabet[Int((n >> 18) & 63)])
            out.append(alphabet[Int((n >> 12) & 63)])
            out.append(rest == 2 ? alphabet[Int((n >> 6) & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var values = [UInt8](repeating: 255, count: 256)
        for (i, c) in alphabet.enumerated() { values[Int(c)] = UInt8(i) }
        let chars = Array(text.utf8).filter { $0 != UInt8(ascii: "=") }
        var out = [UInt8]()
        var buffer: UInt32 = 0
        var bits = 0
        for c in chars {
            let v = values[Int(c)]
            if v == 255 { return nil }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
