import Foundation
import Testing
import TestSupport

/// Random JSON objects go through every record stage with all fields the
/// stage does not own unchanged, byte for byte and in order.
@Suite struct PassThroughPropertyTests {
    static func randomJSON(_ rng: inout SplitMix, depth: Int = 0) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 4 : 6), using: &rng) {
        case 0: return ["null", "true", "false"].randomElement(using: &rng)!
        case 1: return ["0", "-1", "2.50", "1e3", "123456789012345678901234567890", "-0.0001"].randomElement(using: &rng)!
        case 2, 3:
            return ["\"\"", "\"中文\"", "\"a\\nb\"", "\"\\u00e9\\ud83d\\ude00\"", "\"\\\"quoted\\\"\"", "\"經(jīng)歷\"", "\"\\ud800\""].randomElement(using: &rng)!
        case 4:
            return "[" + (0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomJSON(&rng, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<Int.random(in: 0..<3, using: &rng)).map { "\"k\($0)\":" + randomJSON(&rng, depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    func fields(_ line: String) -> [(String, String)] {
        // Top-level "key":value pairs as text, via a tiny splitter that respects strings and nesting.
        var result: [(String, String)] = []
        let chars = Array(line.utf8)
        var i = 1, depth = 0, inString = false, escape = false
        var start = 1
        while i < chars.count - 1 {
            let c = chars[i]
            if inString {
                if escape { escape = false } else if c == UInt8(ascii: "\\") { escape = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") { inString = true }
            else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1 }
            else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { depth -= 1 }
            else if c == UInt8(ascii: ","), depth == 0 {
                result.append(split(chars[start..<i]))
                start = i + 1
            }
            i += 1
        }
        if start < chars.count - 1 { result.append(split(chars[start..<(chars.count - 1)])) }
        return result
    }

    func split(_ member: ArraySlice<UInt8>) -> (String, String) {
        var i = member.startIndex + 1
        while member[i] != UInt8(ascii: "\"") || member[i - 1] == UInt8(ascii: "\\") { i += 1 }
        return (String(decoding: member[member.startIndex...i], as: UTF8.self), String(decoding: member[(i + 2)...], as: UTF8.self))
    }

    @Test(arguments: ["cat", "segment", "extract"])
    func unknownFieldsPassThroughUnchanged(_ stage: String) throws {
        var rng = SplitMix(state: UInt64(stage.utf8.count))
        var lines: [String] = []
        for n in 0..<200 {
            var members = (0..<Int.random(in: 0..<5, using: &rng)).map { "\"u\(n)_\($0)\":" + Self.randomJSON(&rng) }
            members.insert(#""text":"测试文本\#(n)，含数字12个。""#, at: Int.random(in: 0...members.count, using: &rng))
            lines.append("{" + members.joined(separator: ",") + "}")
        }
        let result = try Zhpipe.run([stage], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == lines.count)
        for (input, output) in zip(lines, result.lines) {
            let before = fields(input).filter { $0.0.hasPrefix("\"u") || $0.0 == "\"text\"" }
            let after = fields(output).filter { $0.0.hasPrefix("\"u") || $0.0 == "\"text\"" }
            #expect(before.map(\.0) == after.map(\.0))
            #expect(before.map(\.1) == after.map(\.1))
        }
    }
}
