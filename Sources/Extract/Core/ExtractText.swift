import Foundation
import Records

/// A paragraph as the rules see it: its scalars as written, the normalised
/// scalars (Simplified, half-width; same length) and the lattice of words.
///
/// A class, read-only once made: the number scanner, the recognizer, the
/// date rules and the result all hold the paragraph, and passing it around
/// is then one reference rather than the six arrays it owns.
final class ExtractText {
    let original: [UInt32]
    let norm: [UInt32]
    let lattice: Lattice

    /// A paragraph's arrays, handed on to the next paragraph.
    ///
    /// Why: every array costs an allocation and a look-up of its type in the
    /// runtime, more than the work on a short paragraph; a processor keeps
    /// the arrays of the paragraph it finished (`init(recycling:)`) and the
    /// next one refills them in place, once nothing else holds them.
    struct Buffers {
        var original: [UInt32]
        var norm: [UInt32]
        var lattice: Lattice

        // No default values: `init(recycling:)` would make empty arrays only to release them.
        init() {
            original = []
            norm = []
            lattice = Lattice()
        }

        /// The arrays of `text`, to be refilled after `text` is released.
        init(recycling text: ExtractText) {
            original = text.original
            norm = text.norm
            lattice = text.lattice
        }
    }

    convenience init(_ text: String, lexicons: ExtractLexicons) {
        self.init(scalars: text.unicodeScalars.map(\.value), lexicons: lexicons)
    }

    /// From the text's scalar values.
    convenience init(scalars original: [UInt32], lexicons: ExtractLexicons) {
        var buffers = Buffers()
        buffers.original = original
        self.init(filling: &buffers, lexicons: lexicons)
    }

    /// From valid UTF-8 (a record's text, checked by its reader), in the arrays of `buffers`.
    convenience init(utf8 bytes: UnsafeBufferPointer<UInt8>, lexicons: ExtractLexicons, reusing buffers: inout Buffers) {
        buffers.original.removeAll(keepingCapacity: true)
        UTF8Scalars.decode(bytes, appendingTo: &buffers.original)
        self.init(filling: &buffers, lexicons: lexicons)
    }

    /// Takes `buffers.original` as the text and the other buffers' storage for
    /// its normalised form and lattice.
    private init(filling buffers: inout Buffers, lexicons: ExtractLexicons) {
        let original = take(&buffers.original, leaving: [])
        var norm = take(&buffers.norm, leaving: [])
        norm.removeAll(keepingCapacity: true)
        original.withUnsafeBufferPointer { lexicons.normalizer.normalize(eachOf: $0, into: &norm) }
        var lattice = take(&buffers.lattice, leaving: Lattice())
        norm.withUnsafeBufferPointer { lattice.build(text: $0, lexicons: lexicons) }
        // Moved, not copied: a copy retains and releases each of the lattice's arrays.
        self.original = original
        self.norm = consume norm
        self.lattice = consume lattice
    }

    var count: Int { norm.count }

    @inline(__always) subscript(i: Int) -> UInt32 { i >= 0 && i < norm.count ? norm[i] : 0 }

    /// The normalised text of [start, end).
    func normString(_ start: Int, _ end: Int) -> String {
        String(scalarValues: norm[max(0, start)..<min(norm.count, end)])
    }

    /// The original text of [start, end).
    func originalString(_ start: Int, _ end: Int) -> String {
        String(scalarValues: originalScalars(start, end))
    }

    /// The original scalars of [start, end), clipped to the text.
    func originalScalars(_ start: Int, _ end: Int) -> ArraySlice<UInt32> {
        original[max(0, start)..<min(original.count, end)]
    }

    /// True when the normalised text at `position` starts with `word`.
    func has(_ word: [UInt32], at position: Int) -> Bool {
        guard position >= 0, position + word.count <= norm.count else { return false }
        for k in word.indices where norm[position + k] != word[k] { return false }
        return true
    }

    /// True when the normalised text ending at `position` (exclusive) ends with `word`.
    func has(_ word: [UInt32], endingAt position: Int) -> Bool {
        has(word, at: position - word.count)
    }

    /// Lexicon facts about the lattice token `index`, if the token is a word.
    @inline(__always) func info(token index: Int, _ lexicons: ExtractLexicons) -> WordInfo? {
        guard index >= 0, index < lattice.count else { return nil }
        return lattice.entries[index] >= 0 ? lattice.infos[index] : nil
    }

    /// Writes the lattice (word/tag) to stderr, for ZHPIPE_EXTRACT_DEBUG.
    func dumpLattice(_ lexicons: ExtractLexicons) {
        var line = ""
        for t in 0..<lattice.count {
            let w = normString(Int(lattice.starts[t]), Int(lattice.ends[t]))
            let tag = info(token: t, lexicons).map { "\($0.tag)" } ?? "?"
            line += w + "/" + tag + " "
        }
        FileHandle.standardError.write((line + "\n").data(using: .utf8)!)
    }
}

/// The value of `slot`, leaving `empty` behind (so the value is the only
/// reference to its storage, and can change it in place).
func take<T>(_ slot: inout T, leaving empty: T) -> T {
    var value = empty
    swap(&value, &slot)
    return value
}
