/// Splits a document's text into paragraphs at line breaks.
///
/// A paragraph is a line with something other than whitespace on it; blank
/// lines separate paragraphs and are not paragraphs themselves. The text of a
/// paragraph is kept exactly as it is (indentation included).
public enum ParagraphSplitter {
    public static func paragraphs(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2029}" }
            .filter { line in !line.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
    }
}
