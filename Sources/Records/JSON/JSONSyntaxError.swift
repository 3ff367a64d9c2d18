/// Why a line is not valid JSON, and where (a byte offset within the line).
///
/// The reader turns it into an `InputError` that also names the input and
/// the line, so the user can open the file at the right place.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    /// Byte offset within the scanned buffer (0-based).
    public let offset: Int
    public let message: String
    /// True when the problem is bad UTF-8 rather than bad JSON.
    public let isEncodingError: Bool

    public init(offset: Int, message: String, isEncodingError: Bool = false) {
        self.offset = offset
        self.message = message
        self.isEncodingError = isEncodingError
    }

    public var description: String { "byte \(offset): \(message)" }
}
