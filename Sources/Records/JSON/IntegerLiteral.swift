/// Reads a JSON integer literal of up to 18 digits ("0", "-12", "145000")
/// straight from its bytes.
///
/// Why: entity offsets and paragraph numbers are small integers, and going
/// through `DecimalValue`'s parser means building a String and an array per
/// number. For these literals `DecimalValue(n)` equals what that parser
/// gives; anything else (fractions, exponents, longer literals) is left to it.
public enum IntegerLiteral {
    public static let maxDigits = 18

    /// The literal's value; nil when `bytes` is not an optional '-' then 1 to 18 digits.
    public static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { i = 1 }
        guard bytes.count > i, bytes.count - i <= maxDigits else { return nil }
        var value = 0
        while i < bytes.count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            i += 1
        }
        return negative ? -value : value
    }
}
