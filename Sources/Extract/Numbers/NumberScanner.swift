import Lexicon
import Records

/// Finds the quantities of a paragraph: the number (Arabic, Chinese, mixed,
/// vague, a range), the unit or classifier after it, and what the words
/// around it say (约 近 余 多 左右 make it approximate; 第 an ordinal;
/// 百分之 and 成 a percentage).
///
/// Numerals that are part of ordinary words are left alone: a lone digit
/// with no classifier (一线 一心 两委 三无), a numeral inside a longer word
/// (统一 唯一 之一), a word the segmentation reads as an idiom (一心一意), and
/// 一 + classifier words used as adverbs (一起去, but 一起事故 counts).
struct NumberScanner {
    let text: ExtractText
    let lexicons: ExtractLexicons

    var mentions: [NumberMention] = []
    var missing: [MissingNumber] = []

    init(text: ExtractText, lexicons: ExtractLexicons) {
        self.text = text
        self.lexicons = lexicons
    }

    // Characters used below.
    static let ge = Scalars.values
    static let percentPrefix = ge("百分之")
    static let ordinalPrefix: UInt32 = 0x7B2C  // 第
    static let ji: UInt32 = 0x51E0  // 几
    static let shu: UInt32 = 0x6570  // 数
    static let ban: UInt32 = 0x534A  // 半
    static let ge4: UInt32 = 0x4E2A  // 个
    static let yu: UInt32 = 0x4F59  // 余
    static let duo: UInt32 = 0x591A  // 多
    static let lai: UInt32 = 0x6765  // 来
    static let cheng: UInt32 = 0x6210  // 成
    static let fenZhi = ge("分之")
    static let belowZero = ge("零下")
    static let yue: UInt32 = 0x6708  // 月
    static let ri: UInt32 = 0x65E5  // 日
    static let hao: UInt32 = 0x53F7  // 号
    static let shi2: UInt32 = 0x65F6  // 时
    static let dian: UInt32 = 0x70B9  // 点
    static let fen: UInt32 = 0x5206  // 分
    static let nian: UInt32 = 0x5E74  // 年
    static let approxBefore: [[UInt32]] = ["大约", "将近", "接近", "超过", "多达", "不到", "不足", "至少", "最少", "最多", "小于", "大于", "高达", "约合", "近乎", "约", "近", "逾", "超", "达"].map(ge)
    static let approxAfter: [[UInt32]] = ["左右", "上下", "以上", "以下", "开外", "许"].map(ge)
    static let rangeConnectors: [[UInt32]] = ["——", "--", "到", "至", "~", "～", "-", "—", "–", "－", "、"].map(ge)
    static let inlineNotes: [[UInt32]] = ["(含)", "（含）"].map(ge)
    /// Last characters of `approxBefore`, first characters of `approxAfter` and `rangeConnectors`:
    /// most numbers have none of them beside them, and the words are then not compared one by one.
    static let approxBeforeEnds = ScalarSet(approxBefore.map { $0[$0.count - 1] })
    static let approxAfterStarts = ScalarSet(approxAfter.map { $0[0] })
    static let rangeConnectorStarts = ScalarSet(rangeConnectors.map { $0[0] })
    static let timeOfDay: [[UInt32]] = ["凌晨", "清晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "深夜", "午夜", "半夜", "当晚", "当天", "每日", "每天", "晚", "早"].map(ge)
    static let missingMarkers: ScalarSet = [0x7EA6, 0x8FD1, 0x4F59, 0x591A, 0x903E, 0x5171, 0x8FBE]  // 约 近 余 多 逾 共 达
    /// Words that need a number right after them (约人 lacks it); 多名 多次 共克 are ordinary words.
    static let needsNumberMarkers: ScalarSet = [0x7EA6, 0x8FD1, 0x4F59, 0x903E]  // 约 近 余 逾
    static let currencyPrefixes: [([UInt32], String)] = [("人民币", "元"), ("港币", "港元"), ("美元", "美元"), ("新台币", "新台币"), ("台币", "新台币"), ("日币", "日元"), ("欧元", "欧元")].map { (ge($0.0), $0.1) }

    /// Characters a mention can start with (`scanMention` returns nil at any
    /// other): the numeral characters, 百 of 百分之, 第, 几, 数, 半 and the minus sign.
    /// Most characters of a paragraph are none of these; the class skips them
    /// without the calls. Built from `NumeralCharacter.classify` over the BMP.
    static let mentionStarts = ScalarSet(
        (0..<UInt32(0x10000)).filter { NumeralCharacter.classify($0) != nil } + [percentPrefix[0], ordinalPrefix, ji, shu, ban, 0x2D]
    )

    /// Scans the whole paragraph.
    mutating func scan() {
        let n = text.count
        let mentionStarts = Self.mentionStarts
        var i = 0
        while i < n {
            if !mentionStarts.contains(text.norm[i]) { i += 1; continue }
            if let next = scanMention(at: i) {
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        scanMissing()
    }

    // MARK: One mention

    /// Tries to read a quantity starting at `i`; returns the position after it.
    mutating func scanMention(at i: Int) -> Int? {
        let c = text[i]
        // 百分之三十
        if c == 0x767E, text.has(Self.percentPrefix, at: i), let core = readCore(at: i + 3) {
            var m = NumberMention(start: i, end: core.end, value: core.value, max: core.max, unit: "%", kind: "percent", approx: core.approx)
            finishRange(&m, after: core)
            mentions.append(m)
            return m.end
        }
        // 第二轮
        if c == Self.ordinalPrefix, let core = readCore(at: i + 1), core.value.isInteger {
            var m = NumberMention(start: i, end: core.end, value: core.value, max: core.max, unit: nil, kind: "ordinal", approx: false)
            if let u = unit(at: core.end), u.info.kind != "percent" {
                m.unit = u.info.unit
                m.end = u.end
            }
            mentions.append(m)
            return m.end
        }
        guard startsNumber(at: i) else { return nil }
        guard let core = readCore(at: i) else { return skipRun(from: i) }
        return finish(core: core, start: i)
    }

    /// True when a number can start here (and not in the middle of a word).
    func startsNumber(at i: Int) -> Bool {
        let c = text[i]
        let cls = NumeralCharacter.classify(c)
        let isNumeral: Bool
        switch cls {
        case .arabic?: isNumeral = !(i > 0 && (Scalars.isASCIIDigit(text[i - 1]) || Scalars.isASCIILetter(text[i - 1]) || text[i - 1] == 0x2E))
        case .digit?, .tens?, .smallUnit?:
            isNumeral = !startsZeroPlaceholder(at: i)
        case .minus?: isNumeral = NumeralCharacter.classify(text[i + 1]).map { $0.isChineseNumeral || $0 == .arabic(0) || { if case .arabic = $0 { return true }; return false }($0) } ?? false
        default:
            isNumeral = (c == Self.ji || c == Self.shu) && { if case .smallUnit? = NumeralCharacter.classify(text[i + 1]) { return true }; return false }()
                || (c == Self.ban && unit(at: i + 1) != nil)
                || (c == 0x2D && Scalars.isASCIIDigit(text[i + 1]) && !(i > 0 && (Scalars.isASCIIDigit(text[i - 1]) || Scalars.isASCIILetter(text[i - 1]))))
        }
        guard isNumeral else { return false }
        if Scalars.isASCIIDigit(c) || c == 0x2D { return true }
        // A Chinese numeral must begin a word of the lattice, or follow a word that introduces numbers.
        if text.lattice.isBoundary(i) { return true }
        let t = text.lattice.token(containing: i)
        let first = text.norm[Int(text.lattice.starts[t])]
        return Self.missingMarkers.contains(first) || first == Self.ordinalPrefix || first == Self.ji || first == Self.shu
            || NumeralCharacter.classify(first)?.isChineseNumeral == true
    }

    /// True when 〇 or ○ begins a run of numerals made of nothing else (○○年, 张〇〇):
    /// such runs mask digits or names rather than write zero, which 零 does.
    func startsZeroPlaceholder(at i: Int) -> Bool {
        var j = i
        while j < text.count, text[j] == 0x3007 || text[j] == 0x25CB { j += 1 }
        return j > i && NumeralCharacter.classify(text[j]) == nil
    }

    /// Skips a run of numeral characters that did not read as a number.
    func skipRun(from i: Int) -> Int {
        var j = i + 1
        while j < text.count, NumeralCharacter.classify(text[j]) != nil { j += 1 }
        return j
    }

    /// The numeral itself: value (and max for vague forms), where it ends.
    struct Core {
        var start: Int
        var end: Int
        var value: DecimalValue
        var max: DecimalValue?
        /// Upper bound when the amount is continuous (十几块 is [10, 20]).
        var continuousMax: DecimalValue?
        var approx: Bool
        var hasArabic: Bool
        var chineseOnly: Bool
        var length: Int { end - start }
        /// The trailing scale (万, 亿, k) the numeral ended with, for ranges.
        var trailingScale: DecimalValue?
        /// The big-unit part of that scale alone (九千亿: 亿).
        var trailingBigScale: DecimalValue?
        /// The numeral has 十 百 千 of its own (一千).
        var hasSmallUnit = false
        /// 几 stands first (几十, 数百): the low end is one of the place, not one more.
        var leadingVague = false
        /// One unit of the place 几 stands for (十几: 1, 几十: 10).
        var vaguePlace: DecimalValue?
        var singleDigit: Bool
        var negative: Bool
    }

    /// Reads the longest well-formed numeral at `i`.
    func readCore(at i: Int) -> Core? {
        let n = text.count
        var j = i
        var negative = false
        var sawArabic = false
        var sawChinese = false
        var vague = false
        var chars: [UInt32] = []
        // One allocation: appending to an empty array allocates, then grows it again at every doubling.
        chars.reserveCapacity(16)
        if text[j] == 0x2D || NumeralCharacter.classify(text[j]) == .minus { negative = true; j += 1 }
        if text[j] == Self.shu { chars.append(Self.ji); vague = true; j += 1 }
        if text[j] == Self.ban {
            // 半 + unit: one half.
            return Core(start: i, end: j + 1, value: DecimalValue(significand: 5, exponent: -1), max: nil, continuousMax: nil, approx: false, hasArabic: false, chineseOnly: true, trailingScale: nil, singleDigit: true, negative: false)
        }
        var lastWasDigit = false
        while j < n {
            let c = text[j]
            if Scalars.isASCIIDigit(c) { chars.append(c); sawArabic = true; lastWasDigit = true; j += 1; continue }
            if (c == 0x2E || c == 0x2C), lastWasDigit, sawArabic, Scalars.isASCIIDigit(text[j + 1]), Scalars.isASCIIDigit(text[j - 1]) {
                chars.append(c); j += 1; continue
            }
            if c == Self.ji, !chars.isEmpty || j == i { chars.append(c); vague = true; lastWasDigit = false; j += 1; continue }
            if let k = NumeralCharacter.classify(c) {
                switch k {
                case .point:
                    // 点 is a decimal point only between digits, and not a clock time (三点钟, 三点半).
                    guard lastWasDigit || sawChinese, let next = NumeralCharacter.classify(text[j + 1]),
                          { if case .digit = next { return true }; if case .arabic = next { return true }; return false }(),
                          !isClockContext(i) else { break }
                    chars.append(c); j += 1; lastWasDigit = false; continue
                case .minus:
                    break
                default:
                    chars.append(c); sawChinese = true; lastWasDigit = { if case .digit = k { return true }; return false }(); j += 1; continue
                }
                break
            }
            // "177.1 亿", "两个亿", "一千多万".
            if Scalars.isSpace(c), !chars.isEmpty, case .bigUnit? = NumeralCharacter.classify(text[j + 1]) { j += 1; continue }
            if c == Self.ge4 || c == Self.duo || c == Self.yu, !chars.isEmpty, case .bigUnit? = NumeralCharacter.classify(text[j + 1]) {
                if c != Self.ge4 { vague = true }
                j += 1; continue
            }
            break
        }
        guard !chars.isEmpty else { return nil }
        // Drop trailing characters until the numeral reads (全年一 -> ...), keeping at least one.
        var end = j
        var body = chars
        while !body.isEmpty {
            if let core = evaluate(body, start: i, end: end, negative: negative, vague: vague, sawArabic: sawArabic) { return core }
            body.removeLast()
            end -= 1
            while end > i, text[end - 1] == Self.ge4 || text[end - 1] == Self.duo || text[end - 1] == Self.yu || Scalars.isSpace(text[end - 1]) { end -= 1 }
        }
        return nil
    }

    /// Values for a numeral body: exact, vague (几, 数), adjacent-digit ranges (三四, 三五百).
    func evaluate(_ body: [UInt32], start: Int, end: Int, negative: Bool, vague: Bool, sawArabic: Bool) -> Core? {
        var core = Core(start: start, end: end, value: .zero, max: nil, continuousMax: nil, approx: vague, hasArabic: sawArabic, chineseOnly: !sawArabic, trailingScale: trailingScale(body), singleDigit: body.count == 1, negative: negative)
        core.trailingBigScale = trailingBigScale(body)
        core.hasSmallUnit = body.contains { if case .smallUnit? = NumeralCharacter.classify($0) { return true }; return false }
        core.leadingVague = body.first == Self.ji
        if body.contains(Self.ji) {
            let low = body.map { $0 == Self.ji ? 0x4E00 : $0 }  // 一
            let high = body.map { $0 == Self.ji ? 0x4E5D : $0 }  // 九
            guard let lo = NumeralParser.parse(low[...]), let hi = NumeralParser.parse(high[...]) else { return nil }
            let place = (hi.adding(DecimalValue(significand: -lo.significand, exponent: lo.exponent)) ?? .zero).dividedExactly(by: DecimalValue(8)) ?? .zero
            core.value = lo
            core.max = hi
            core.continuousMax = hi.adding(place)
            core.vaguePlace = place
            // 几十 starts at ten (one ten), 十几 at eleven.
            core.approx = true
            return core
        }
        // 三四, 三五百, 八九亿: two adjacent digits, the second larger.
        if body.count >= 2, case .digit(let a)? = NumeralCharacter.classify(body[0]), case .digit(let b)? = NumeralCharacter.classify(body[1]),
           a > 0, b > a, b - a <= 2, body.count == 2 || { if case .digit? = NumeralCharacter.classify(body[2]) { return false }; return true }() {
            var low = body; low.remove(at: 1)
            var high = body; high.remove(at: 0)
            guard let lo = NumeralParser.parse(low[...]), let hi = NumeralParser.parse(high[...]) else { return nil }
            core.value = lo
            core.max = hi
            core.continuousMax = hi
            core.approx = true
            return core
        }
        guard var v = NumeralParser.parse(body[...]) else { return nil }
        if negative { v = NumeralParser.negate(v) }
        core.value = v
        return core
    }

    /// The product of the scale characters a numeral ends with (三十万 -> 万, 九百亿 -> 百亿 when one digit).
    func trailingScale(_ body: [UInt32]) -> DecimalValue? {
        var scale = DecimalValue(1)
        var k = body.count - 1
        var any = false
        while k >= 0, case .bigUnit(let u)? = NumeralCharacter.classify(body[k]) {
            scale = scale.multiplied(by: DecimalValue(u)) ?? scale
            any = true
            k -= 1
        }
        // A single digit before small units takes them too (两到三千: the 千 applies to 两).
        if k == 1, case .smallUnit(let u)? = NumeralCharacter.classify(body[k]), let d = NumeralCharacter.classify(body[0]), { if case .digit = d { return true }; if case .arabic = d { return true }; return false }() {
            scale = scale.multiplied(by: DecimalValue(u)) ?? scale
            any = true
        }
        return any ? scale : nil
    }

    func trailingBigScale(_ body: [UInt32]) -> DecimalValue? {
        var scale = DecimalValue(1)
        var k = body.count - 1
        var any = false
        while k >= 0, case .bigUnit(let u)? = NumeralCharacter.classify(body[k]) {
            scale = scale.multiplied(by: DecimalValue(u)) ?? scale
            any = true
            k -= 1
        }
        return any ? scale : nil
    }

    func isClockContext(_ i: Int) -> Bool {
        for w in Self.timeOfDay where text.has(w, endingAt: i) { return true }
        return false
    }

    // MARK: Unit, kind, approximation, ranges

    struct FoundUnit {
        var end: Int
        var info: UnitInfo
    }

    /// The unit or classifier right after `position` (spaces allowed before it).
    func unit(at position: Int) -> FoundUnit? {
        var p = position
        while p < text.count, Scalars.isSpace(text[p]) { p += 1 }
        guard p < text.count else { return nil }
        var found: FoundUnit?
        text.norm.withUnsafeBufferPointer { buffer in
            if let m = lexicons.units.longestMatch(in: buffer, from: p) {
                found = FoundUnit(end: m.end, info: lexicons.unitInfo[Int(m.entry)])
            }
        }
        // A unit that is only the first character of a longer word is not a unit (一线: 线路; 十分: 分析).
        if let f = found, !text.lattice.isBoundary(f.end), text.lattice.isBoundary(p) {
            let t = text.lattice.token(containing: p)
            if Int(text.lattice.ends[t]) > f.end, let info = text.info(token: t, lexicons), info.frequency > 50, lexicons.units.lookup(text.norm[p..<Int(text.lattice.ends[t])]) == nil {
                return nil
            }
        }
        return found
    }

    mutating func finish(core: Core, start: Int) -> Int? {
        var m = NumberMention(start: start, end: core.end, value: core.value, max: core.max, unit: nil, kind: "number", approx: core.approx)
        var p = core.end
        // Approximation between number and unit: 3万余, 2000余元, 十多个, 十来个.
        if p < text.count, text[p] == Self.yu || text[p] == Self.duo || (text[p] == Self.lai && !core.hasArabic) {
            if unit(at: p + 1) != nil || text[p] != Self.lai {
                let roundPlace = placeOfLastDigit(core)
                m.approx = true
                if text[p] == Self.duo || text[p] == Self.yu, let place = roundPlace, core.max == nil {
                    // 3000多 lies in [3000, 4000): give the continuous bound.
                    m.max = core.value.adding(place)
                }
                p += 1
            }
        }
        // Latin magnitude suffixes in money talk: 15k, 30w.
        if core.hasArabic, p < text.count, text[p] | 0x20 == 0x6B || text[p] | 0x20 == 0x77, !Scalars.isASCIILetter(text[p + 1]) {
            let scale = DecimalValue(text[p] | 0x20 == 0x6B ? 1000 : 10000)
            m.value = m.value.multiplied(by: scale) ?? m.value
            m.max = m.max.flatMap { $0.multiplied(by: scale) }
            m.unit = "元"; m.kind = "money"
            p += 1
            m.end = p
        }
        if core.hasArabic, p < text.count, Scalars.isASCIILetter(text[p]), m.unit == nil {
            // Codes such as 4S, 3D, A12: not quantities.
            return skipAlnum(from: p)
        }
        if m.unit == nil, let u = unit(at: p) {
            m.unit = u.info.unit
            m.kind = u.info.kind
            m.end = u.end
            p = u.end
            if u.info.kind == "money" { readSubunits(&m) }
        } else if m.unit == nil {
            m.end = p
        }
        // Fractions: 1/2 (not dates like 2020/1/2).
        if core.hasArabic, m.unit == nil, text[core.end] == 0x2F, Scalars.isASCIIDigit(text[core.end + 1]), let numerator = core.value.intValue,
           !(start > 0 && text[start - 1] == 0x2F), let denominatorCore = readCore(at: core.end + 1), denominatorCore.hasArabic, text[denominatorCore.end] != 0x2F,
           let denominator = denominatorCore.value.intValue, denominator > 0 {
            var f = NumberMention(start: start, end: denominatorCore.end, value: .zero, max: nil, unit: nil, kind: "fraction", approx: false)
            if let exact = DecimalValue(numerator).dividedExactly(by: DecimalValue(denominator)) { f.value = exact } else {
                f.value = DecimalValue(significand: Int128(numerator * 1_000_000 / denominator), exponent: -6); f.approx = true
            }
            f.fraction = (numerator, denominator)
            mentions.append(f)
            return f.end
        }
        // Fractions: 三分之一.
        if text.has(Self.fenZhi, at: core.end), let denominator = core.value.intValue, denominator > 0, let numerator = readCore(at: core.end + 2) {
            return finishFraction(numerator: numerator, denominator: denominator, start: start)
        }
        refineKind(&m, core: core)
        if core.vaguePlace != nil, m.kind != "count", m.kind != "number", m.kind != "ordinal" {
            // Amounts of money or measure are continuous: 十几块 is [10, 20], 几十万 [10万, 100万].
            if let place = core.vaguePlace, !core.leadingVague { m.value = core.value.adding(DecimalValue(significand: -place.significand, exponent: place.exponent)) ?? m.value }
            m.max = core.continuousMax
        }
        if m.kind == "money" { applyCurrencyWords(&m, numberStart: start) }
        // 三成 = 30%.
        if m.unit == nil, text[p] == Self.cheng, core.chineseOnly, text.lattice.isBoundary(p + 1) || (text.lattice.tokenAt.count > p && text.lattice.isBoundary(p) && isLoneToken(p)) {
            if let ten = m.value.multiplied(by: DecimalValue(10)), m.value <= DecimalValue(10) {
                m.value = ten
                m.max = m.max.flatMap { $0.multiplied(by: DecimalValue(10)) }
                m.unit = "%"; m.kind = "percent"; m.end = p + 1; p += 1
            }
        }
        if core.chineseOnly, core.length == 1, m.unit == nil, m.kind == "number" {
            // 八到九百亿, 两~3百: a lone digit is a number only as the low end of a range.
            var r = m
            finishRange(&r, after: core)
            guard r.max != nil else { return skipRun(from: start) }
            mentions.append(r)
            return r.end
        }
        guard accept(m, core: core) else { return skipRun(from: start) }
        // Prefixes and suffixes of approximation.
        if Self.approxBeforeEnds.contains(text[start - 1]) {
            for w in Self.approxBefore where text.has(w, endingAt: start) && approxPrefixStandsAlone(w, endingAt: start) { m.approx = true; break }
        }
        if Self.approxAfterStarts.contains(text[m.end]) {
            for w in Self.approxAfter where text.has(w, at: m.end) { m.approx = true; break }
        }
        if text.has(Self.belowZero, endingAt: start), m.value.significand > 0 { m.value = NumeralParser.negate(m.value) }
        finishRange(&m, after: core)
        mentions.append(m)
        return m.end
    }

    func isLoneToken(_ p: Int) -> Bool {
        let t = text.lattice.tokenAt[p]
        return t >= 0 && text.lattice.ends[Int(t)] == Int32(p + 1)
    }

    func skipAlnum(from p: Int) -> Int {
        var j = p
        while j < text.count, Scalars.isASCIILetter(text[j]) || Scalars.isASCIIDigit(text[j]) { j += 1 }
        return j
    }

    /// 10^k of the last non-zero digit of a round number (3000 -> 1000), for 多/余 bounds.
    func placeOfLastDigit(_ core: Core) -> DecimalValue? {
        guard core.value.isInteger, core.value.significand > 0 else { return nil }
        return DecimalValue(significand: 1, exponent: core.value.exponent)
    }

    /// 港币两千九百六十元, 新台币 177.1 亿元, 三万元欧元: a currency named around 元.
    func applyCurrencyWords(_ m: inout NumberMention, numberStart: Int) {
        guard m.unit == "元" else { return }
        var p = numberStart
        while p > 0, Scalars.isSpace(text[p - 1]) { p -= 1 }
        for (word, currency) in Self.currencyPrefixes where text.has(word, endingAt: p) {
            m.unit = currency
            break
        }
        if let u = unit(at: m.end), u.info.kind == "money", u.info.unit != "元", u.info.unit != "角" {
            m.unit = u.info.unit
            m.end = u.end
        } else if let u = unit(at: m.end), u.info.unit == "元", text.has(Scalars.values("人民币"), at: m.end) {
            m.end = u.end
        }
    }

    /// 123元1角1分, 十块三毛, 一百三十五块六角七分钱, 伍仟元整.
    mutating func readSubunits(_ m: inout NumberMention) {
        guard m.unit == "元" else { return }
        var p = m.end
        var total = m.value
        for (units, scale) in [(NumeralParser.jiao, -1), (ScalarSet([Self.fen]), -2)] {
            if case .some(let d) = digitValue(text[p]), units.contains(text[p + 1]) {
                total = total + DecimalValue(significand: Int128(d), exponent: scale)
                p += 2
            }
        }
        if text[p] == 0x94B1 || text[p] == 0x6574 || text[p] == 0x6B63 { p += 1 }  // 钱 整 正
        m.value = total
        m.end = p
    }

    func digitValue(_ c: UInt32) -> Int? {
        switch NumeralCharacter.classify(c) {
        case .digit(let d)?, .arabic(let d)?: return d
        default: return nil
        }
    }

    mutating func finishFraction(numerator: Core, denominator: Int, start: Int) -> Int {
        let num = numerator.value
        var m = NumberMention(start: start, end: numerator.end, value: .zero, max: nil, unit: nil, kind: "fraction", approx: false)
        if let exact = num.dividedExactly(by: DecimalValue(denominator)) {
            m.value = exact
        } else {
            // No exact decimal (1/3): six places, marked approximate, with the fraction kept.
            let scaled = num.shifted(by: 6)
            let q = (scaled.intValue ?? 0) / denominator
            m.value = DecimalValue(significand: Int128(q), exponent: -6)
            m.approx = true
        }
        if let n = num.intValue { m.fraction = (n, denominator) }
        if let u = unit(at: m.end), u.info.kind == "count" || u.info.kind == "money" { m.unit = u.info.unit; m.end = u.end }
        mentions.append(m)
        return m.end
    }

    /// Dates, times and durations from the unit and the value.
    func refineKind(_ m: inout NumberMention, core: Core) {
        let next = text[core.end]
        if m.unit == nil {
            if next == Self.yue, let v = m.value.intValue, (0...12).contains(v), text[core.end + 1] != 0x4EFD {  // not 月份
                m.unit = "月"; m.kind = "date"; m.end = core.end + 1
            } else if (next == Self.hao), let v = m.value.intValue, (1...31).contains(v) {
                m.unit = "日"; m.kind = "date"; m.end = core.end + 1
            } else if next == Self.shi2 || (next == Self.dian && (isClockContext(core.start) || [0x534A, 0x949F, 0x591A, 0x8BB8].contains(text[core.end + 1]))), let v = m.value.intValue, (0...24).contains(v) {
                m.unit = next == Self.shi2 ? "时" : "点"; m.kind = "time"; m.end = core.end + 1
            } else if next == Self.fen, core.start > 0, text[core.start - 1] == Self.shi2 || text[core.start - 1] == Self.dian {
                m.unit = "分"; m.kind = "time"; m.end = core.end + 1
            }
            return
        }
        switch m.unit {
        case "年":
            let digitsOnly = text.norm[core.start..<core.end].allSatisfy { Scalars.isASCIIDigit($0) || { if case .digit? = NumeralCharacter.classify($0) { return true }; return false }($0) }
            if let v = m.value.intValue, digitsOnly, (core.length == 4 || core.length == 2 && core.hasArabic) || (1000...2999).contains(v) && core.hasArabic {
                m.kind = "date"
            }
        case "天":
            if text[core.end] == Self.ri, let v = m.value.intValue, (1...31).contains(v), core.start == 0 || text[core.start - 1] == Self.yue || text[core.start - 1] != Self.ge4 {
                m.kind = "date"; m.unit = "日"
            }
        case "点":
            if isClockContext(core.start) { m.kind = "time" }
        default:
            break
        }
    }

    /// Whether a found numeral is a quantity rather than part of a word.
    func accept(_ m: NumberMention, core: Core) -> Bool {
        if core.hasArabic { return true }
        // A lone Chinese numeral character with nothing after it is a word (一线 一心 两委 三无 十全).
        if m.unit == nil && m.kind == "number" {
            if core.length == 1 { return false }
            // Bare numerals need a scale or several digits, and not be a word of their own (万一 千万 is rejected by the parser).
            if core.length == 2, m.max == nil, let t = text.lattice.tokenAt[core.start] as Int32?, t >= 0,
               let info = text.info(token: Int(t), lexicons), Int(text.lattice.ends[Int(t)]) == core.end, info.tag != .numeral {
                return false
            }
        }
        // The lattice word at the start reads past the quantity: an idiom or a word (一心一意, 三个代表, 一次性).
        let t = text.lattice.tokenAt[core.start]
        if t >= 0 {
            let wordEnd = Int(text.lattice.ends[Int(t)])
            if wordEnd > m.end, let info = text.info(token: Int(t), lexicons), info.tag != .numeral && info.tag != .classifier && info.tag != .time || wordEnd > m.end + 1 && isIdiomLike(Int(t)) {
                return false
            }
            // 一起 一把 一点 used as adverbs: the word is frequent and what follows is not a thing.
            if core.singleDigit, text[core.start] == 0x4E00, m.unit != nil, m.kind == "count", wordEnd == m.end, let info = text.info(token: Int(t), lexicons), info.frequency >= 1000 {
                let nextToken = text.lattice.tokenAt[min(m.end, text.lattice.tokenAt.count - 1)]
                guard nextToken >= 0, let nextInfo = text.info(token: Int(nextToken), lexicons), nextInfo.tag.isNominal else { return false }
            }
        }
        return true
    }

    func isIdiomLike(_ token: Int) -> Bool {
        guard let info = text.info(token: token, lexicons) else { return false }
        return info.tag == .idiom || info.tag == .phrase || info.tag == .otherProper || info.tag == .abbreviation
    }

    func approxPrefixStandsAlone(_ w: [UInt32], endingAt position: Int) -> Bool {
        let s = position - w.count
        if w.count > 1 { return true }
        // 约 近 逾 超 达 as words of their own, not the end of 节约 附近 最近.
        return text.lattice.isBoundary(s)
    }

}
