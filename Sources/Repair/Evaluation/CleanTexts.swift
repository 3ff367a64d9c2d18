import Records

/// Clean Chinese text from the gold data folder, for measuring what repair
/// changes where nothing is damaged and as material for synthetic damage.
///
/// Read at evaluation time only (the gold data's licences are evaluation-only):
/// SIGHAN 2005 PKU raw test text, the UD Chinese GSD sentences, and the
/// chardet test pages (GB2312 and Big5) decoded with the right codec.
public struct CleanText: Sendable {
    /// Where it came from ("sighan", "ud", "chardet-gb2312", "chardet-big5").
    public var source: String
    public var name: String
    public var text: String
}

/// Loads the clean texts from the gold data folder (see `CleanText`).
///
/// Missing files are skipped, so a partial eval folder still gives numbers.
public enum CleanTexts {
    /// Documents of clean text; SIGHAN lines are grouped `linesPerDocument` at a time.
    public static func load(evalFolder: String, linesPerDocument: Int = 40) throws -> [CleanText] {
        var texts: [CleanText] = []
        let sighan = evalFolder + "/sighan2005/pku_test.utf8"
        if let bytes = try? InputSource(sighan).readAll() {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
            var index = 0
            while index < lines.count {
                let chunk = lines[index..<min(index + linesPerDocument, lines.count)].joined(separator: "\n")
                if !chunk.isEmpty { texts.append(CleanText(source: "sighan", name: "pku_test:\(index + 1)", text: chunk)) }
                index += linesPerDocument
            }
        }
        let ud = evalFolder + "/ud_chinese_gsd/zh_gsd-ud-test.conllu"
        if let bytes = try? InputSource(ud).readAll() {
            let sentences = String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
                line.hasPrefix("# text = ") ? String(line.dropFirst(9)) : nil
            }
            var index = 0
            while index < sentences.count {
                texts.append(CleanText(source: "ud", name: "gsd:\(index + 1)", text: sentences[index..<min(index + linesPerDocument, sentences.count)].joined(separator: "\n")))
                index += linesPerDocument
            }
        }
        for (folder, charset) in [("GB2312", LegacyCodec.Charset.gb18030), ("Big5", .big5)] {
            let path = evalFolder + "/chardet_chinese_encoded/" + folder
            for file in listFiles(path) {
                guard let bytes = try? InputSource(path + "/" + file).readAll() else { continue }
                let codec = try LegacyCodec.shared(charset)
                let decoded = bytes.withUnsafeBufferPointer { codec.decode($0) }
                texts.append(CleanText(source: "chardet-" + folder.lowercased(), name: folder + "/" + file, text: decoded.text))
            }
        }
        return texts
    }

    /// The paragraphs (lines) of the clean texts that hold Han characters, for synthetic damage.
    ///
    /// Plain prose only: the chardet pages are HTML and XML, and their lines
    /// are taken as the text a reader sees (tags dropped, entities read, twice
    /// over, as feeds escape their HTML), since the damage mechanisms make
    /// their own markup (`MirrorTagStripping`) and would otherwise count a
    /// page's own tags as damage.
    public static func paragraphs(_ texts: [CleanText], limit: Int) -> [String] {
        var result: [String] = []
        for text in texts {
            let markup = text.source.hasPrefix("chardet")
            for line in text.text.split(separator: "\n") {
                for piece in markup ? proseLines(String(line)) : [String(line)] {
                    let scalars = piece.unicodeScalars
                    let hanCount = scalars.filter { LanguageModel.isHan($0.value) }.count
                    if hanCount >= 8 && scalars.count <= 400 && !scalars.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" }) {
                        result.append(piece)
                    }
                }
            }
        }
        // An even spread over the sources, deterministic.
        guard result.count > limit else { return result }
        let step = Double(result.count) / Double(limit)
        return (0..<limit).map { result[Int(Double($0) * step)] }
    }

    /// The text of a line of HTML or XML, cut into the lines its block tags make.
    static func proseLines(_ line: String) -> [String] {
        var s = Array(line.unicodeScalars)
        for _ in 0..<2 {
            s = decodeEntities(s)
            s = stripTags(s)
        }
        return s.split(separator: "\n").map { line in
            RuleEditing.string(s[RuleEditing.trimmed(line.startIndex..<line.endIndex, s)])
        }.filter { !$0.isEmpty }
    }

    /// Complete tags removed; a block tag (`p`, `br`, `div`, `li`, …) becomes a line break.
    static func stripTags(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if s[i] == "<", let end = s[(i + 1)...].prefix(400).firstIndex(where: { $0 == ">" || $0 == "<" }), s[end] == ">" {
                let name = String(String.UnicodeScalarView(s[(i + 1)..<end].drop { $0 == "/" }.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) })).lowercased()
                if ["p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "td", "blockquote", "title", "description"].contains(name) { out.append("\n") }
                i = end + 1
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    static func decodeEntities(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " "]
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if s[i] == "&", let semi = s[(i + 1)...].prefix(10).firstIndex(of: ";") {
                let body = String(String.UnicodeScalarView(s[(i + 1)..<semi]))
                var value: Unicode.Scalar?
                if body.hasPrefix("#x") || body.hasPrefix("#X") { value = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if body.hasPrefix("#") { value = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { value = named[body] }
                if let value { out.append(value); i = semi + 1; continue }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    static func listFiles(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }
}
