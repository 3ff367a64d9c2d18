import Lexicon
import Records

/// Reads a written number — Chinese, financial (大写), Arabic or mixed — into
/// an exact decimal.
///
/// 一千零一十 1010, 三万五 35000, 一百二 120, 14.5万 145000, 1百01 101,
/// 二〇〇二 2002, 负零点一 -0.1, 壹拾壹元壹角壹分 11.11. Values are built with
/// `DecimalValue` arithmetic only, so no binary-float artefact can appear.
/// `strict` rejects the colloquial readings (digit-by-digit 一一, 一百十一)
/// that `normal` accepts; both reject malformed input (百十一, 十七十八, 点一).
public enum NumeralParser {
    public enum Mode: Sendable { case strict, normal }

    enum Token: Equatable {
        case digit(Int)
        case arabic(DecimalValue, integer: Bool)
        case tens(Int)
        case small(Int)
        case big(Int)
        case point
    }

    /// The value of `text` as a whole, or nil when it is not one well-formed number.
    public static func parse(_ text: String, mode: Mode = .normal) -> DecimalValue? {
        parse(Scalars.values(text)[...], mode: mode)
    }

    /// The value of the scalars as a whole, or nil.
    public static func parse(_ scalars: ArraySlice<UInt32>, mode: Mode = .normal) -> DecimalValue? {
        var s = scalars
        while let f = s.first, Scalars.isSpace(f) { s = s.dropFirst() }
        while let l = s.last, Scalars.isSpace(l) { s = s.dropLast() }
        var negative = false
        if let f = s.first, f == 0x2D || NumeralCharacter.classify(f) == .minus {
            negative = true
            s = s.dropFirst()
        }
        // Money: 元/圆/块 followed by 角 and 分, or 整/正.
        if let value = parseMoney(s, mode: mode) {
            return negative ? negate(value) : value
        }
        guard let tokens = tokenize(s), !tokens.isEmpty, let value = parseTokens(tokens[...], mode: mode) else { return nil }
        return negative ? negate(value) : value
    }

    static func negate(_ v: DecimalValue) -> DecimalValue {
        DecimalValue(significand: -v.significand, exponent: v.exponent)
    }

    // MARK: Money words inside a numeral (壹拾壹元壹角壹分, 123元1角1分)

    static let yuan: ScalarSet = [0x5143, 0x5706, 0x5713, 0x5757, 0x584A]  // 元 圆 圓 块 塊
    static let jiao: ScalarSet = [0x89D2, 0x6BDB]  // 角 毛
    static let fen: UInt32 = 0x5206  // 分
    static let whole: ScalarSet = [0x6574, 0x6B63]  // 整 正

    static func parseMoney(_ s: ArraySlice<UInt32>, mode: Mode) -> DecimalValue? {
        guard let y = s.firstIndex(where: { yuan.contains($0) }) else { return nil }
        let head = s[s.startIndex..<y]
        guard !head.isEmpty, let tokens = tokenize(head), let base = parseTokens(tokens[...], mode: mode) else { return nil }
        var rest = s[(y + 1)...]
        var total = base
        if let f = rest.first, whole.contains(f), rest.count == 1 { return total }
        if let j = rest.firstIndex(where: { jiao.contains($0) }) {
            guard let d = singleDigit(rest[rest.startIndex..<j]) else { return nil }
            total = total + DecimalValue(significand: Int128(d), exponent: -1)
            rest = rest[(j + 1)...]
        }
        if let f = rest.firstIndex(of: fen) {
            guard let d = singleDigit(rest[rest.startIndex..<f]) else { return nil }
            total = total + DecimalValue(significand: Int128(d), exponent: -2)
            rest = rest[(f + 1)...]
        }
        return rest.isEmpty ? total : nil
    }

    static func singleDigit(_ s: ArraySlice<UInt32>) -> Int? {
        guard s.count == 1, let c = NumeralCharacter.classify(s.first!) else { return nil }
        switch c {
        case .digit(let d), .arabic(let d): return d
        default: return nil
        }
    }

    // MARK: Tokens

    static func tokenize(_ s: ArraySlice<UInt32>) -> [Token]? {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count)  // at most one token per scalar: one allocation
        var i = s.startIndex
        while i < s.endIndex {
            let v = s[i]
            if Scalars.isASCIIDigit(v) {
                // An Arabic number: digits, optional ',' groups, optional '.' and digits.
                var j = i
                var sawPoint = false
                // The digits' value as an integer, and how many follow the point.
                var significand: Int64 = 0, digits = 0, fractionDigits = 0
                while j < s.endIndex {
                    let c = s[j]
                    if Scalars.isASCIIDigit(c) {
                        if digits < 18 { significand = significand * 10 + Int64(c - 0x30) }
                        digits += 1
                        if sawPoint { fractionDigits += 1 }
                        j += 1; continue
                    }
                    if c == 0x2E && !sawPoint && j + 1 < s.endIndex && Scalars.isASCIIDigit(s[j + 1]) {
                        sawPoint = true; j += 1; continue
                    }
                    if c == 0x2C && !sawPoint && isThousandsGroup(s, after: j) { j += 1; continue }
                    break
                }
                if j < s.endIndex && s[j] == 0x2E { return nil }  // "10..1", "3."
                // Up to 18 digits the value is exact in an Int64 (no string to build and parse);
                // longer literals go through DecimalValue's parser, which keeps what it cannot hold.
                let value = digits <= 18
                    ? DecimalValue(significand: Int128(significand), exponent: -fractionDigits)
                    : DecimalValue(String(decoding: s[i..<j].lazy.filter { $0 != 0x2C }.map { UInt8($0) }, as: UTF8.self))
                guard let value else { return nil }
                tokens.append(.arabic(value, integer: !sawPoint))
                i = j
                continue
            }
            if Scalars.isSpace(v) { i += 1; continue }
            guard let c = NumeralCharacter.classify(v) else { return nil }
            switch c {
            case .digit(let d): tokens.append(.digit(d))
            case .arabic: break
            case .tens(let t): tokens.append(.tens(t))
            case .smallUnit(let u): tokens.append(.small(u))
            case .bigUnit(let u): tokens.append(.big(u))
            case .point: tokens.append(.point)
            case .minus: return nil
            }
            i += 1
        }
        return tokens
    }

    static func isThousandsGroup(_ s: ArraySlice<UInt32>, after comma: Int) -> Bool {
        var n = 0
        var j = comma + 1
        while j < s.endIndex && Scalars.isASCIIDigit(s[j]) { n += 1; j += 1 }
        return n == 3
    }

    // MARK: Grammar

    static func parseTokens(_ tokens: ArraySlice<Token>, mode: Mode) -> DecimalValue? {
        // A trailing big unit applies to a decimal before it: 三点五万, 10.1万 (handled in parseInteger too).
        if let p = tokens.firstIndex(of: .point) {
            let intPart = tokens[tokens.startIndex..<p]
            var fracPart = tokens[(p + 1)...]
            var multiplier = DecimalValue(1)
            while case .big(let u)? = fracPart.last {
                multiplier = multiplier.multiplied(by: DecimalValue(u)) ?? multiplier
                fracPart = fracPart.dropLast()
            }
            guard !intPart.isEmpty, !fracPart.isEmpty, let whole = parseInteger(intPart, mode: mode) else { return nil }
            var digits: [Int] = []
            for t in fracPart {
                switch t {
                case .digit(let d): digits.append(d)
                case .arabic(let v, let integer):
                    guard integer else { return nil }
                    // Arabic digits after 点 keep their leading zeros as written: reread the literal.
                    digits.append(contentsOf: v.description.compactMap { $0.wholeNumberValue })
                default: return nil
                }
            }
            var frac = Int128(0)
            for d in digits { frac = frac * 10 + Int128(d) }
            let value = whole + DecimalValue(significand: frac, exponent: -digits.count)
            return value.multiplied(by: multiplier)
        }
        return parseInteger(tokens, mode: mode)
    }

    /// An integer (or an Arabic decimal times units): split at the last
    /// occurrence of the largest big unit, recursively.
    static func parseInteger(_ tokens: ArraySlice<Token>, mode: Mode) -> DecimalValue? {
        guard !tokens.isEmpty else { return nil }
        var biggest = 0
        var at = -1
        for i in tokens.indices {
            if case .big(let u) = tokens[i], u >= biggest { biggest = u; at = i }
        }
        if at < 0 { return parseSection(tokens, mode: mode) }
        let left = tokens[tokens.startIndex..<at]
        let right = tokens[(at + 1)...]
        guard !left.isEmpty else { return nil }
        let leftValue: DecimalValue
        if left.count == 1, case .arabic(let v, _) = left.first! {
            leftValue = v
            if !v.isInteger && !right.isEmpty { return nil }  // 10.1万零100
        } else {
            guard let v = parseInteger(left, mode: mode) else { return nil }
            leftValue = v
        }
        guard let scaled = leftValue.multiplied(by: DecimalValue(biggest)) else { return nil }
        if right.isEmpty { return scaled }
        // 三万五 = 35000: a lone Chinese digit right after the unit counts in the next place down.
        if right.count == 1, case .digit(let d) = right.first!, d != 0 {
            return scaled + DecimalValue(d).multiplied(by: DecimalValue(biggest / 10))!
        }
        var rest = right
        var zero = false
        while case .digit(0)? = rest.first { rest = rest.dropFirst(); zero = true }
        if rest.isEmpty { return zero ? scaled : nil }
        // 一万零百一十一: a zero right before 百 stands for "one hundred" in cn2an's reading.
        if zero, case .small? = rest.first { rest = right[(right.endIndex - rest.count - 1)...] }
        guard let r = parseInteger(rest, mode: mode), r < DecimalValue(biggest) else { return nil }
        return scaled + r
    }

    /// A number below 10000 (or an Arabic integer), with 十 百 千.
    static func parseSection(_ tokens: ArraySlice<Token>, mode: Mode) -> DecimalValue? {
        let hasUnit = tokens.contains { if case .small = $0 { return true }; if case .tens = $0 { return true }; return false }
        if !hasUnit {
            // One Arabic number, one digit, or digits read one by one (一二三, 二〇〇二).
            if tokens.count == 1 {
                switch tokens.first! {
                case .arabic(let v, _): return v
                case .digit(let d): return DecimalValue(d)
                default: return nil
                }
            }
            guard mode == .normal else { return nil }
            var value = Int128(0)
            for t in tokens {
                guard case .digit(let d) = t else { return nil }
                value = value * 10 + Int128(d)
            }
            return DecimalValue(significand: value, exponent: 0)
        }
        var total = DecimalValue(0)
        var pending: DecimalValue?
        var pendingIsChineseDigit = false
        var lastUnit = Int.max
        var zeroSince = false
        var first = true
        for t in tokens {
            switch t {
            case .digit(let d):
                if d == 0 {
                    guard pending == nil else { return nil }
                    zeroSince = true
                } else {
                    guard pending == nil else { return nil }
                    pending = DecimalValue(d)
                    pendingIsChineseDigit = true
                }
            case .arabic(let v, let integer):
                guard pending == nil, integer else { return nil }
                pending = v
                pendingIsChineseDigit = false
            case .tens(let t):
                guard pending == nil, 10 < lastUnit else { return nil }
                total = total + DecimalValue(t)
                lastUnit = 10
                zeroSince = false
            case .small(let u):
                guard u < lastUnit else { return nil }
                if pending == nil {
                    // 十 may stand alone at the start (十一); after another unit only colloquially (一百十一).
                    guard zeroSince || u == 10 && (first || mode == .normal) else { return nil }
                }
                guard let part = (pending ?? DecimalValue(1)).multiplied(by: DecimalValue(u)) else { return nil }
                total = total + part
                pending = nil
                lastUnit = u
                zeroSince = false
            case .big, .point:
                return nil
            }
            first = false
        }
        if let p = pending {
            if pendingIsChineseDigit, lastUnit >= 100, lastUnit != Int.max, !zeroSince {
                // 一百二 = 120, 两千六 = 2600.
                guard mode == .normal else { return nil }
                total = total + p.multiplied(by: DecimalValue(lastUnit / 10))!
            } else {
                if !pendingIsChineseDigit, lastUnit != Int.max, !zeroSince, lastUnit >= 10 {
                    // 1百01: an Arabic tail after a unit is read as written.
                    guard p < DecimalValue(lastUnit) else { return nil }
                }
                total = total + p
            }
        }
        return total
    }
}
