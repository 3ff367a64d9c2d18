/// Classic mojibake: a stretch of text written in one encoding and read in
/// another (UTF-8 read as GBK gives 浣犲ソ for 你好).
///
/// Picks whole sentences (or, with probability `fraction`, each sentence)
/// and pushes them through the mix-up with zhpipe's own codecs; characters
/// the source encoding cannot hold are left alone, so the damage is always
/// exactly the mechanism. With `lossy`, the misreading decoder drops one byte
/// per bad sequence into U+FFFD the way Python's `errors="replace"` does.
public struct ClassicMojibake: DamageMechanism {
    public let channel: MojibakeChannel
    public let fraction: Double
    public let lossy: Bool
    public var name: String { channel.kind + (lossy ? "-lossy" : "") }

    public init(channel: MojibakeChannel, fraction: Double = 0.5, lossy: Bool = false) {
        self.channel = channel
        self.fraction = fraction
        self.lossy = lossy
    }

    /// The classic mix-ups zhpipe reverses, each exact and (for the double-byte misreadings) lossy.
    public static func all() throws -> [ClassicMojibake] {
        try MojibakeChannel.standard().flatMap { channel -> [ClassicMojibake] in
            channel.misread.charset.isDoubleByte ? [ClassicMojibake(channel: channel), ClassicMojibake(channel: channel, lossy: true)] : [ClassicMojibake(channel: channel)]
        }
    }

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        var out = String.UnicodeScalarView()
        var damagedAny = false
        let sentences = SentencePieces.split(Array(text.unicodeScalars))
        for (index, sentence) in sentences.enumerated() {
            let last = index == sentences.count - 1 && !damagedAny
            if rng.chance(fraction) || last, let damaged = damage(sentence) {
                out.append(contentsOf: damaged)
                damagedAny = true
            } else {
                out.append(contentsOf: sentence)
            }
        }
        return String(out)
    }

    /// The sentence as the misreading decoder shows it, or nil when the source encoding cannot hold it.
    func damage(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        var bytes: [UInt8] = []
        switch channel.source {
        case .utf8: for s in scalars { bytes.append(contentsOf: Array(String(s).utf8)) }
        case .legacy(let codec): for s in scalars where !codec.encode(s, into: &bytes) { return nil }
        }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        if !lossy { return bytes.withUnsafeBufferPointer { channel.misread.decode($0).scalars } }
        // Lossy: a bad sequence becomes U+FFFD for its first byte only, and decoding goes on at the next byte.
        return channel.lossyDecode(bytes)
    }
}

/// Cuts text into sentence-sized pieces (after 。！？；, line ends), keeping every character.
enum SentencePieces {
    static func split(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        for (i, s) in scalars.enumerated() where "。！？；\n!?".unicodeScalars.contains(s) {
            pieces.append(scalars[start...i])
            start = i + 1
        }
        if start < scalars.count { pieces.append(scalars[start...]) }
        return pieces
    }
}
