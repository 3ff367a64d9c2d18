import Records

/// Scores number reading against the cn2an and JioNLP test cases (as JSON
/// extracted from their upstream tests), and says which cases are out of
/// scope and why.
///
/// cn2an: numeral strings to values (strict, normal and smart lists, with
/// cn2an's own merge rules), malformed strings that must be rejected, and
/// sentence pairs whose numbers must read the same on both sides. JioNLP:
/// money strings to amount, range and currency, and money spans in sentences.
public struct NumberEvaluation {
    /// One group of checks.
    public struct Group: Sendable {
        public var name: String
        public var passed = 0
        public var total = 0
        public var failures: [String] = []
        public internal(set) var outOfScope: [String] = []
        public mutating func addOutOfScope(_ reason: String) { outOfScope.append(reason) }
        public var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
        public init(name: String) { self.name = name }

        mutating func check(_ ok: Bool, _ description: @autoclosure () -> String) {
            total += 1
            if ok { passed += 1 } else { failures.append(description()) }
        }
    }

    public let extractor: Extractor
    public init(extractor: Extractor) { self.extractor = extractor }

    static func items(_ root: JSONValue, _ key: String) -> [JSONValue] {
        root[key]?["items"]?.array ?? []
    }

    static func decimal(_ v: JSONValue?) -> DecimalValue? {
        if let n = v?.number { return n }
        if let s = v?.string { return DecimalValue(s) }
        return nil
    }

    // MARK: cn2an

    /// Numeral strings: strict 90, normal 30 + strict, smart 12 + normal (cn2an's merge rules).
    public func cn2anValues(_ root: JSONValue) -> [Group] {
        let strict = Self.items(root, "strict_data_dict")
        let normal = Self.items(root, "normal_data_dict")
        let smart = Self.items(root, "smart_data_dict")
        var groups: [Group] = []
        for (name, pairs, mode) in [("cn2an strict", strict, NumeralParser.Mode.strict), ("cn2an normal", normal + strict, .normal), ("cn2an smart", smart + normal + strict, .normal)] {
            var g = Group(name: name)
            for pair in pairs {
                guard let p = pair.array, p.count == 2, let input = p[0].string, let expected = Self.decimal(p[1]) else { continue }
                let got = NumeralParser.parse(input, mode: mode)
                g.check(got == expected, "\(input): expected \(expected), got \(got.map(\.description) ?? "nothing")")
            }
            groups.append(g)
        }
        var errors = Group(name: "cn2an malformed (rejected)")
        for (key, mode) in [("error_strict_datas", NumeralParser.Mode.strict), ("error_normal_datas", .normal), ("error_smart_datas", .normal)] {
            for item in root[key]?["items"]?.array ?? [] {
                guard let input = item.string else { continue }
                let got = NumeralParser.parse(input, mode: mode)
                errors.check(got == nil, "\(input) (\(key)): should be rejected, read as \(got?.description ?? "")")
            }
        }
        errors.outOfScope.append("cn2an's expanded error lists (every normal key rejected in strict mode, every smart key in normal mode): zhpipe reads text, where 100万 and 三万五 are ordinary, so its one reading accepts mixed and colloquial forms; strict mode only rejects what is malformed or colloquial digit runs")
        groups.append(errors)
        var direct = Group(name: "cn2an direct")
        for pair in Self.items(root, "direct_data_dict") {
            if let p = pair.array, let input = p.first?.string { direct.outOfScope.append("\(input): digit-string reading with leading zeros (零一 -> \"01\"): a code, not a quantity; values carry no leading zeros") }
        }
        groups.append(direct)
        return groups
    }

    /// Sentence pairs: the numbers of both sides must have the same values.
    public func cn2anSentences(_ root: JSONValue) -> Group {
        var g = Group(name: "cn2an sentences")
        var pairs: [(String, String)] = []
        for key in ["strict_data_dict", "smart_data_dict"] {
            for pair in Self.items(root, key) {
                if let p = pair.array, p.count == 2, let a = p[0].string, let b = p[1].string { pairs.append((a, b)) }
            }
        }
        pairs.append(("在1-2个月时间内", "在一到二个月时间内"))  // the inline assert in transform_test.py
        for (a, b) in pairs {
            let va = values(a), vb = values(b)
            g.check(va == vb, "\(a) -> \(va.joined(separator: ", ")) | \(b) -> \(vb.joined(separator: ", "))")
        }
        for key in ["direct_cn2an_data_dict", "direct_an2cn_data_dict"] {
            for pair in Self.items(root, key) {
                if let p = pair.array, let a = p.first?.string { g.outOfScope.append("\(a): digit-by-digit transliteration (电话零零三), not quantities") }
            }
        }
        return g
    }

    func values(_ sentence: String) -> [String] {
        extractor.extract(sentence).numbers.map { n in
            n.max.map { "\(n.value)..\($0)" } ?? n.value.description
        }
    }

    // MARK: JioNLP

    /// Money strings: amount (or range) to two decimals and currency.
    public func jioMoneyParser(_ root: JSONValue) -> Group {
        var g = Group(name: "jionlp money parser")
        for item in Self.items(root, "money_string_list") {
            guard let p = item.array, p.count == 2, let input = p[0].string, let expected = p[1].object else { continue }
            let currency = expected["case"]?.string ?? "元"
            var low: DecimalValue?, high: DecimalValue?
            if let range = expected["num"]?.array, range.count == 2 { low = Self.decimal(range[0]); high = Self.decimal(range[1]) } else { low = Self.decimal(expected["num"]) }
            let numbers = extractor.extract(input).numbers
            let money = numbers.first { $0.kind == "money" } ?? numbers.first { $0.unit == nil && $0.kind == "number" }
            guard let m = money else { g.check(false, "\(input): no amount found"); continue }
            let gotLow = Self.round2(m.value)
            let gotHigh = m.max.map(Self.round2)
            let unit = m.unit ?? "元"
            let ok = gotLow == low.map(Self.round2) && gotHigh == high.map(Self.round2) && unit == currency
            g.check(ok, "\(input): expected \(low?.description ?? "?")\(high.map { "..\($0)" } ?? "") \(currency), got \(gotLow)\(gotHigh.map { "..\($0)" } ?? "") \(unit)")
        }
        return g
    }

    /// Money mentions in sentences: exact spans.
    public func jioMoneyExtractor(_ root: JSONValue) -> Group {
        var g = Group(name: "jionlp money extractor")
        for item in Self.items(root, "money_string_list") {
            guard let p = item.array, p.count == 2, let sentence = p[0].string, let gold = p[1].array else { continue }
            let expected = gold.compactMap { e -> String? in
                guard let o = e["offset"]?.array, o.count == 2, let s = o[0].int, let t = o[1].int else { return nil }
                return "\(s)-\(t)"
            }.sorted()
            let got = extractor.extract(sentence).numbers.filter { $0.kind == "money" }.map { "\($0.start)-\($0.end)" }.sorted()
            g.check(got == expected, "\(sentence.prefix(40)): expected [\(expected.joined(separator: " "))], got [\(got.joined(separator: " "))]")
        }
        return g
    }

    /// Rounds half away from zero to two decimals, as JioNLP prints amounts.
    static func round2(_ v: DecimalValue) -> DecimalValue {
        guard v.exponent < -2 else { return v }
        var s = v.significand
        var e = v.exponent
        var carry = false
        while e < -2 {
            carry = (s % 10).magnitude >= 5
            s /= 10
            e += 1
        }
        if carry { s += s < 0 ? -1 : 1 }
        return DecimalValue(significand: s, exponent: e)
    }
}
