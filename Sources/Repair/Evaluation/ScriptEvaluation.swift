import Lexicon
import Records
import Script

/// Scores the normalised form's Traditional -> Simplified conversion on
/// OpenCC's test cases (the character-level configurations t2s, tw2s and
/// hk2s, where input and expected output have the same length).
public enum ScriptEvaluation {
    public struct Result: Sendable {
        public var cases = 0
        public var exact = 0
        public var characters = 0
        public var correct = 0
        public var failures: [String] = []
        public var characterAccuracy: Double { characters == 0 ? 0 : Double(correct) / Double(characters) }
    }

    public static func run(lexicons: LexiconDirectory, casesFile: String) throws -> Result {
        let normalizer = try ScriptNormalizer(lexicons: lexicons)
        var result = Result()
        guard let bytes = try? InputSource(casesFile).readAll(), let cases = try JSONValue(parsing: bytes)["cases"]?.array else { return result }
        for item in cases {
            guard let input = item["input"]?.string, let expected = item["expected"]?.object else { continue }
            for config in ["t2s", "tw2s", "hk2s"] {
                guard let want = expected[config]?.string, want.unicodeScalars.count == input.unicodeScalars.count else { continue }
                let got = Array(normalizer.normalize(input).unicodeScalars)
                let target = want.unicodeScalars.map(foldWidth)
                result.cases += 1
                result.characters += target.count
                var allRight = true
                for (a, b) in zip(got, target) { if a == b { result.correct += 1 } else { allRight = false } }
                if allRight { result.exact += 1 } else if result.failures.count < 5 {
                    result.failures.append("\(config): \(input) -> \(String(String.UnicodeScalarView(got))) (want \(want))")
                }
            }
        }
        return result
    }

    static func foldWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if (0xFF01...0xFF5E).contains(v) { return Unicode.Scalar(v - 0xFF01 + 0x21)! }
        return v == 0x3000 ? " " : s
    }
}
