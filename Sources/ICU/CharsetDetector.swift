import ICUBridge

/// ICU's statistical charset detector.
///
/// It gives ranked guesses, not answers: callers confirm a guess by decoding
/// (see `Converter`) and checking the result, because ICU often confuses
/// GB18030 and Big5 on short inputs.
public enum CharsetDetector {
    /// One guess: ICU's charset name and a confidence from 0 to 100.
    public struct Match: Sendable, Equatable {
        public let name: String
        public let confidence: Int
    }

    /// Ranked guesses for `bytes`, best first.
    public static func detect(_ bytes: [UInt8], declared: String? = nil, limit: Int = 8) throws -> [Match] {
        var names = [CChar](repeating: 0, count: 32 * limit)
        var confidences = [Int32](repeating: 0, count: limit)
        var error: Int32 = 0
        let count = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                zh_detect(chars.baseAddress, Int32(bytes.count), declared, &names, &confidences, Int32(limit), &error)
            }
        }
        try ICUError.check(error, "ucsdet_detectAll")
        return (0..<Int(count)).map { i in
            let name = names[(32 * i)..<(32 * i + 32)].withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return Match(name: name, confidence: Int(confidences[i]))
        }
    }
}
