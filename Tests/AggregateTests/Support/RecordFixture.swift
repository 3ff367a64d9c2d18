import Records

/// Builds extracted records by hand, the shapes DESIGN.md gives, with
/// offsets computed from the text so fixtures stay consistent.
struct RecordFixture {
    struct Entity {
        var type: String
        var text: String
        var norm: String
        var role: String?
    }

    struct Number {
        var text: String
        var value: String
        var unit: String
        var kind: String
        var approx = false
        var max: String?
    }

    var doc: String
    var para: Int
    var text: String
    var entities: [Entity] = []
    var numbers: [Number] = []
    var repairs: [String] = []
    var flags: [String] = []
    var objectFlags: [String] = []

    /// Scalar offset of the n-th occurrence of `needle` in `text` (n from 0).
    static func offset(of needle: String, in text: String, occurrence n: Int) -> Int? {
        let hay = Array(text.unicodeScalars), pin = Array(needle.unicodeScalars)
        guard !pin.isEmpty, hay.count >= pin.count else { return nil }
        var seen = 0
        for i in 0...(hay.count - pin.count) where Array(hay[i..<(i + pin.count)]) == pin {
            if seen == n { return i }
            seen += 1
        }
        return nil
    }

    var jsonLine: String {
        var w = JSONWriter()
        w.beginObject()
        w.member("doc", doc)
        w.member("para", para)
        w.member("text", text)
        w.key("repairs")
        w.beginArray()
        for kind in repairs {
            w.comma(); w.beginObject(); w.member("kind", kind); w.member("start", 0); w.member("end", 1); w.member("original", "x"); w.member("confidence", DecimalValue("0.9")!); w.endObject()
        }
        w.endArray()
        w.key("flags")
        w.beginArray()
        for flag in flags { w.comma(); w.append(flag) }
        for flag in objectFlags { w.comma(); w.beginObject(); w.member("kind", flag); w.member("start", 0); w.member("end", 1); w.endObject() }
        w.endArray()
        w.key("tokens")
        w.beginArray()
        for s in text.unicodeScalars { w.comma(); w.append(String(s)) }
        w.endArray()
        var seen: [String: Int] = [:]
        w.key("entities")
        w.beginArray()
        for e in entities {
            let n = seen[e.text, default: 0]
            seen[e.text] = n + 1
            let start = Self.offset(of: e.text, in: text, occurrence: n) ?? 0
            w.comma()
            w.beginObject()
            w.member("type", e.type)
            w.member("text", e.text)
            w.member("start", start)
            w.member("end", start + e.text.unicodeScalars.count)
            w.member("norm", e.norm)
            if let role = e.role { w.member("role", role) }
            w.endObject()
        }
        w.endArray()
        w.key("numbers")
        w.beginArray()
        for x in numbers {
            let start = Self.offset(of: x.text, in: text, occurrence: 0) ?? 0
            w.comma()
            w.beginObject()
            w.member("text", x.text)
            w.member("start", start)
            w.member("end", start + x.text.unicodeScalars.count)
            w.key("value"); w.appendRaw(Array(x.value.utf8))
            if let max = x.max { w.key("max"); w.appendRaw(Array(max.utf8)) }
            w.member("unit", x.unit)
            w.member("kind", x.kind)
            w.member("approx", x.approx)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string
    }

    var record: Record { try! Record(parsing: jsonLine) }
}

extension RecordFixture.Entity {
    static func per(_ text: String, _ norm: String? = nil, role: String? = nil) -> Self { .init(type: "PER", text: text, norm: norm ?? text, role: role) }
    static func loc(_ text: String, _ norm: String? = nil) -> Self { .init(type: "LOC", text: text, norm: norm ?? text) }
    static func org(_ text: String, _ norm: String? = nil) -> Self { .init(type: "ORG", text: text, norm: norm ?? text) }
    static func date(_ text: String) -> Self { .init(type: "DATE", text: text, norm: text) }
}

/// An error record as `--keep-going` writes it.
let errorRecordLine = #"{"error":{"input":"shard.jsonl","line":7,"byte":512,"message":"invalid JSON: expected ',' or '}'"},"original":"{\"doc\":\"x\""}"#
