/// The HTML tag names and character entities the remnant repairs know.
///
/// A fragment such as `/p>` or `strong>` counts as a broken tag only when
/// its name is a real tag name, so prose that happens to hold a `>` is safe.
enum HTMLNames {
    static let tags: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "body", "br", "caption", "center", "code", "dd", "div", "dl", "dt",
        "em", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe",
        "img", "input", "label", "li", "link", "meta", "nav", "ol", "option", "p", "pre", "s", "script", "section",
        "select", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "title", "tr", "u", "ul", "article", "figure", "figcaption", "video", "source", "form", "button",
    ]

    /// Tags that only lay a page out: a whole one standing in prose is a scraper's leftover.
    static let layoutTags: Set<String> = ["br", "p", "div", "img", "hr", "span", "font", "table", "tr", "td", "tbody", "ul", "li", "center"]

    /// Named entities and the character each stands for.
    static let entities: [String: Unicode.Scalar] = [
        "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×",
        "divide": "÷", "deg": "°", "plusmn": "±", "copy": "©", "reg": "®", "yen": "¥", "ensp": " ", "emsp": "\u{3000}",
        "bull": "•", "laquo": "«", "raquo": "»", "trade": "™", "permil": "‰", "sect": "§",
    ]

    @inline(__always)
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }
}
