/// A run of bytes a decoder could not read, and where its U+FFFD stands.
///
/// Decoders never drop bytes: each invalid sequence becomes one U+FFFD in the
/// text, and this records which bytes it stands for, so the record can say
/// exactly what was lost (a `flags` entry with the byte offset).
public struct InvalidBytes: Sendable, Equatable {
    /// Offset of the first byte in the input.
    public var byteOffset: Int
    /// How many bytes the U+FFFD replaces (1 or 2, 3 for a truncated UTF-8 sequence).
    public var byteCount: Int
    /// Offset of the U+FFFD in the decoded text (in scalars).
    public var scalarOffset: Int

    public init(byteOffset: Int, byteCount: Int, scalarOffset: Int) {
        self.byteOffset = byteOffset
        self.byteCount = byteCount
        self.scalarOffset = scalarOffset
    }
}

/// Text decoded from bytes: the scalars, the invalid runs, and the encoding used.
public struct DecodedText: Sendable {
    public var scalars: [Unicode.Scalar]
    public var invalid: [InvalidBytes]
    /// The encoding's canonical name ("UTF-8", "GB18030", "Big5-HKSCS", ...).
    public var encoding: String

    public init(scalars: [Unicode.Scalar], invalid: [InvalidBytes], encoding: String) {
        self.scalars = scalars
        self.invalid = invalid
        self.encoding = encoding
    }

    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
