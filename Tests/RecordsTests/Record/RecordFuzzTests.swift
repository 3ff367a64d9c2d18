import Testing
import TestSupport
@testable import Records

/// Random and mutated input through the record reader: it never crashes, it
/// accepts exactly what a reference judgement accepts, and what it accepts
/// round-trips.
@Suite struct RecordFuzzTests {
    static func randomValue(_ rng: inout SplitMix, depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 4 : 7), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(DecimalValue(significand: Int128(Int.random(in: -99999...99999, using: &rng)), exponent: Int.random(in: -3...3, using: &rng)))
        case 3:
            let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{1}", "中", "經", "😀", "\u{301}", "\u{FFFD}", " ", "/"]
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<8, using: &rng) { s.append(pool.randomElement(using: &rng)!) }
            return .string(String(s))
        case 4, 5:
            return .array((0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            return .object(JSONObject((0..<Int.random(in: 0..<4, using: &rng)).map { i in ("k\(i)", randomValue(&rng, depth: depth + 1)) }))
        }
    }

    @Test func randomRecordsRoundTripByteForByte() throws {
        var rng = SplitMix(state: 42)
        for _ in 0..<2000 {
            let object = JSONObject((0..<Int.random(in: 0..<6, using: &rng)).map { i in ("f\(i)", Self.randomValue(&rng)) })
            let line = JSONValue.object(object).jsonText
            let record = try Record(parsing: line)
            #expect(record.jsonLine == line)
            #expect(try JSONValue(parsing: record.jsonLine) == .object(object))
        }
    }

    @Test func mutatedLinesNeverCrashAndAcceptedOnesRoundTrip() {
        var rng = SplitMix(state: 7)
        let seeds = [
            #"{"doc":"a","para":1,"text":"中文\n\"x\"","tokens":["中文","\n"],"n":[1.5,-2e3,{"k":null}]}"#,
            #"{"a":"\ud83d\ude00","b":[true,false],"c":{}}"#,
        ].map { Array($0.utf8) }
        for _ in 0..<20000 {
            var bytes = seeds.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            if let record = try? Record(parsing: bytes, range: 0..<bytes.count) {
                // Whatever is accepted is valid JSON and survives a second pass.
                let again = try? Record(parsing: record.jsonLine)
                #expect(again?.jsonLine == record.jsonLine)
                #expect((try? JSONValue(parsing: Array(record.jsonLine.utf8))) != nil)
            }
        }
    }
}
