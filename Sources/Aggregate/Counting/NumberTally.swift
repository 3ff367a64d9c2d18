import Records

/// Counts for one kind of number in one unit: how many, exact sum, range,
/// and how many were approximate or ranges.
///
/// The sum, minimum and maximum are over the exact single values only
/// (neither approximate nor a range), so a total is never silently inflated
/// by "about 300" or "3 to 5"; those are counted in their own columns.
public struct NumberTally: Sendable {
    public let key: NumberKey
    public var count = 0
    public var exact = 0
    public var approx = 0
    public var ranged = 0
    public var documents = 0
    /// Sum of the exact values; nil with `sumOverflow` when it outgrew 38 digits.
    public var sum: DecimalValue = .zero
    public var sumOverflow = false
    public var min: DecimalValue?
    public var max: DecimalValue?

    public init(key: NumberKey) { self.key = key }

    mutating func add(value: DecimalValue, approximate: Bool, range: Bool) {
        count += 1
        if approximate { approx += 1 }
        if range { ranged += 1 }
        guard !approximate && !range else { return }
        exact += 1
        addToSum(value)
        if min.map({ value < $0 }) ?? true { min = value }
        if max.map({ $0 < value }) ?? true { max = value }
    }

    private mutating func addToSum(_ value: DecimalValue) {
        guard !sumOverflow else { return }
        if let s = sum.adding(value), !s.isApproximation, !value.isApproximation { sum = s } else { sumOverflow = true }
    }

    mutating func merge(_ other: NumberTally) {
        count += other.count
        exact += other.exact
        approx += other.approx
        ranged += other.ranged
        documents += other.documents
        if other.sumOverflow { sumOverflow = true } else { addToSum(other.sum) }
        if let m = other.min, min.map({ m < $0 }) ?? true { min = m }
        if let m = other.max, max.map({ $0 < m }) ?? true { max = m }
    }
}

/// Brings a unit with a Chinese magnitude prefix to its base unit
/// (萬元 -> 元 ×10⁴, 亿元 -> 元 ×10⁸, 千元 -> 元 ×10³), so sums never mix
/// 元 and 萬元.
///
/// The extract stage already writes base units; this is the guard for input
/// from elsewhere. Only magnitude words are stripped (万, 亿 and their
/// compounds, and 千/百 before 元), never SI-like units such as 千克 or 千米.
/// Full-width ASCII (％) becomes half-width.
public enum UnitNormalizer {
    static let prefixes: [(prefix: String, power: Int)] = [
        ("万亿", 12), ("萬億", 12), ("千万", 7), ("千萬", 7), ("百万", 6), ("百萬", 6),
        ("十万", 5), ("十萬", 5), ("亿", 8), ("億", 8), ("万", 4), ("萬", 4),
    ]
    static let currencyPrefixes: [(prefix: String, power: Int)] = [("千", 3), ("百", 2)]
    static let currencies: Set<String> = ["元", "美元", "欧元", "日元", "港元", "英镑", "英鎊", "歐元", "圆"]

    /// The base unit and the power of ten values in `unit` must be shifted by.
    public static func normalise(_ unit: String) -> (unit: String, power: Int) {
        let unit = halfWidth(unit)
        for (prefix, power) in prefixes where unit.hasPrefix(prefix) && unit.count > prefix.count {
            let rest = String(unit.dropFirst(prefix.count))
            let inner = normalise(rest)
            return (inner.unit, inner.power + power)
        }
        for (prefix, power) in currencyPrefixes where unit.hasPrefix(prefix) {
            let rest = String(unit.dropFirst(prefix.count))
            if currencies.contains(rest) { return (rest, power) }
        }
        return (unit, 0)
    }

    static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value), let half = Unicode.Scalar(s.value - 0xFEE0) { scalars.append(half) } else { scalars.append(s) }
        }
        return String(scalars)
    }
}
