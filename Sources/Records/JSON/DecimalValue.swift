/// An exact decimal number: a 128-bit significand times a power of ten.
///
/// Values such as 14.5萬元 = 145000 元 or a sum of 0.1 + 0.2 must come out as
/// written, never as a binary-float artefact like 1.5699999999999998. The
/// value is kept normalised (no trailing zeros in the significand), so equal
/// numbers compare and hash equal however they were written.
public struct DecimalValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// value = significand × 10^exponent
    public private(set) var significand: Int128
    public private(set) var exponent: Int
    /// The literal, kept when it does not fit 38 significant digits.
    private var literal: String?

    public static let zero = DecimalValue(0)

    public init(_ integer: Int) {
        self.init(significand: Int128(integer), exponent: 0)
    }

    public init(significand: Int128, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
        self.literal = nil
        normalise()
    }

    /// Parses a decimal literal: optional sign, digits, optional fraction and
    /// exponent ("145000", "-3.25", "1e3", "21.65"). Nil if not a number.
    public init?(_ text: some StringProtocol) {
        var significand: Int128 = 0
        var exponent = 0
        var negative = false
        var digits = 0
        var sawDigit = false
        var overflow = false
        var utf8 = Array(text.utf8)[...]
        if utf8.first == UInt8(ascii: "-") { negative = true; utf8 = utf8.dropFirst() } else if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        var inFraction = false
        while let b = utf8.first {
            if b == UInt8(ascii: ".") && !inFraction { inFraction = true; utf8 = utf8.dropFirst(); continue }
            guard b &- UInt8(ascii: "0") < 10 else { break }
            sawDigit = true
            let d = Int128(b - UInt8(ascii: "0"))
            if digits < 38 {
                significand = significand * 10 + d
                if significand != 0 { digits += 1 }
                if inFraction { exponent -= 1 }
            } else {
                if d != 0 { overflow = true }
                if !inFraction { exponent += 1 }
            }
            utf8 = utf8.dropFirst()
        }
        guard sawDigit else { return nil }
        if let b = utf8.first, b | 0x20 == UInt8(ascii: "e") {
            utf8 = utf8.dropFirst()
            var expNegative = false
            if utf8.first == UInt8(ascii: "-") { expNegative = true; utf8 = utf8.dropFirst() } else if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
            var e = 0
            var sawExpDigit = false
            while let d = utf8.first, d &- UInt8(ascii: "0") < 10 {
                sawExpDigit = true
                if e < 100_000_000 { e = e * 10 + Int(d - UInt8(ascii: "0")) }
                utf8 = utf8.dropFirst()
            }
            guard sawExpDigit else { return nil }
            exponent += expNegative ? -e : e
        }
        guard utf8.isEmpty else { return nil }
        self.init(significand: negative ? -significand : significand, exponent: exponent)
        if overflow { literal = String(text) }
    }

    /// For literals the JSON scanner has already validated.
    init(validatedJSONLiteral text: String) {
        self = DecimalValue(text) ?? DecimalValue(0)
    }

    private mutating func normalise() {
        if significand == 0 { exponent = 0; return }
        while significand % 10 == 0 { significand /= 10; exponent += 1 }
    }

    /// True when the value was too long to hold exactly (its literal is kept).
    public var isApproximation: Bool { literal != nil }

    public var isInteger: Bool { exponent >= 0 }

    /// The value as an Int, when it is a whole number that fits.
    public var intValue: Int? {
        guard exponent >= 0, exponent < 39 else { return significand == 0 ? 0 : nil }
        var v = significand
        for _ in 0..<exponent {
            let (m, o) = v.multipliedReportingOverflow(by: 10)
            if o { return nil }
            v = m
        }
        return Int(exactly: v)
    }

    /// A Double near the value, for display scaling only (never for output values).
    public var doubleValue: Double {
        Double(significand) * pow10(exponent)
    }

    private func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }

    /// The value times 10^power (exact).
    public func shifted(by power: Int) -> DecimalValue {
        DecimalValue(significand: significand, exponent: exponent + power)
    }

    /// Brings two values to a common exponent, if the significands allow it.
    private static func aligned(_ a: DecimalValue, _ b: DecimalValue) -> (Int128, Int128, Int)? {
        let e = min(a.exponent, b.exponent)
        func scale(_ x: DecimalValue) -> Int128? {
            var v = x.significand
            for _ in 0..<(x.exponent - e) {
                let (m, o) = v.multipliedReportingOverflow(by: 10)
                if o { return nil }
                v = m
            }
            return v
        }
        guard let sa = scale(a), let sb = scale(b) else { return nil }
        return (sa, sb, e)
    }

    /// Exact sum; nil if it does not fit in 38 digits.
    public func adding(_ other: DecimalValue) -> DecimalValue? {
        guard let (a, b, e) = Self.aligned(self, other) else { return nil }
        let (s, o) = a.addingReportingOverflow(b)
        return o ? nil : DecimalValue(significand: s, exponent: e)
    }

    /// Exact product; nil if it does not fit in 38 digits.
    public func multiplied(by other: DecimalValue) -> DecimalValue? {
        let (p, o) = significand.multipliedReportingOverflow(by: other.significand)
        return o ? nil : DecimalValue(significand: p, exponent: exponent + other.exponent)
    }

    /// The quotient when it terminates within 38 digits (1/4 = 0.25), else nil (1/3).
    public func dividedExactly(by other: DecimalValue) -> DecimalValue? {
        guard other.significand != 0 else { return nil }
        var numerator = significand
        var e = exponent - other.exponent
        let d = other.significand
        for _ in 0..<40 {
            if numerator % d == 0 { return DecimalValue(significand: numerator / d, exponent: e) }
            let (m, o) = numerator.multipliedReportingOverflow(by: 10)
            if o { return nil }
            numerator = m
            e -= 1
        }
        return nil
    }

    public static func + (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        guard let s = a.adding(b) else { fatalError("decimal overflow in \(a) + \(b)") }
        return s
    }

    public static func < (a: DecimalValue, b: DecimalValue) -> Bool {
        if let (x, y, _) = aligned(a, b) { return x < y }
        return a.doubleValue < b.doubleValue
    }

    /// The value as a JSON number literal: plain digits ("145000", "0.25",
    /// "-3.5"); exponent notation only past 40 digits of zeros.
    public var description: String {
        var bytes: [UInt8] = []
        appendLiteral(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description`'s text as UTF-8, without making Strings (the
    /// extract stage writes a value for every number it finds).
    public func appendLiteral(to out: inout [UInt8]) {
        if let literal { out.append(contentsOf: literal.utf8); return }
        if significand == 0 { out.append(UInt8(ascii: "0")); return }
        if significand < 0 { out.append(UInt8(ascii: "-")) }
        // 128 bits have at most 39 decimal digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            let digits = UnsafeBufferPointer(rebasing: buffer[Self.writeDigits(significand.magnitude, into: buffer)...])
            func zeros(_ count: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count)) }
            func exponentSuffix() { out.append(UInt8(ascii: "e")); out.append(contentsOf: String(exponent).utf8) }
            if exponent >= 0 {
                out.append(contentsOf: digits)
                if exponent <= 40 { zeros(exponent) } else { exponentSuffix() }
                return
            }
            let point = digits.count + exponent
            if point > 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<point]))
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[point...]))
            } else if point > -40 {
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "."))
                zeros(-point)
                out.append(contentsOf: digits)
            } else {
                out.append(contentsOf: digits)
                exponentSuffix()
            }
        }
    }

    /// Writes the decimal digits of `magnitude` (not zero) at the end of
    /// `buffer`; returns where they start. 64-bit division while the value fits.
    private static func writeDigits(_ magnitude: UInt128, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var start = buffer.count
        var wide = magnitude
        while wide > UInt128(UInt64.max) {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(wide % 10)
            wide /= 10
        }
        var small = UInt64(wide)
        while small > 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(small % 10)
            small /= 10
        }
        return start
    }

    public static func == (a: DecimalValue, b: DecimalValue) -> Bool {
        a.significand == b.significand && a.exponent == b.exponent && a.literal == b.literal
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(significand)
        hasher.combine(exponent)
    }
}
