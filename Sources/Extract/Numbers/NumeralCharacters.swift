/// What a character means inside a written number.
///
/// Covers Arabic digits (full-width ones arrive folded by the script
/// normaliser), Chinese digits in ordinary and financial (大写) forms, the
/// scale characters, the decimal point and the minus sign. Traditional forms
/// (萬 億 兩 貳 ...) are handled through the normaliser too, but are listed here
/// as well so the parser also works on text that was not normalised.
public enum NumeralCharacter: Equatable, Sendable {
    /// A Chinese digit 0–9 (零 〇 ○ 一 壹 二 贰 两 ...); ○ (WHITE CIRCLE) stands
    /// for 〇 in much typed text (二○○一年).
    case digit(Int)
    /// An ASCII digit.
    case arabic(Int)
    /// 廿 卅 卌: twenty, thirty, forty in one character.
    case tens(Int)
    /// 十 百 千 (and 拾 佰 仟): multiplies the digit before it.
    case smallUnit(Int)
    /// 万 亿: multiplies everything before it back to the previous larger unit.
    case bigUnit(Int)
    /// 点 (Chinese decimal point).
    case point
    /// 负 (minus).
    case minus

    /// The meaning of `scalar`, or nil when it is not part of numbers.
    @inline(__always)
    public static func classify(_ scalar: UInt32) -> NumeralCharacter? {
        if scalar >= 0x30 && scalar <= 0x39 { return .arabic(Int(scalar - 0x30)) }
        if scalar < 0x3000 { return scalar == 0x25CB ? .digit(0) : nil }  // ○, written for 〇 in years
        switch scalar {
        case 0x96F6, 0x3007: return .digit(0)          // 零 〇
        case 0x4E00, 0x58F9, 0x5E7A: return .digit(1)  // 一 壹 幺
        case 0x4E8C, 0x8D30, 0x8CB3, 0x4E24, 0x5169: return .digit(2)  // 二 贰 貳 两 兩
        case 0x4E09, 0x53C1, 0x53C4: return .digit(3)  // 三 叁 叄
        case 0x56DB, 0x8086: return .digit(4)          // 四 肆
        case 0x4E94, 0x4F0D: return .digit(5)          // 五 伍
        case 0x516D, 0x9646, 0x9678: return .digit(6)  // 六 陆 陸
        case 0x4E03, 0x67D2: return .digit(7)          // 七 柒
        case 0x516B, 0x634C: return .digit(8)          // 八 捌
        case 0x4E5D, 0x7396: return .digit(9)          // 九 玖
        case 0x5EFF: return .tens(20)                  // 廿
        case 0x5345: return .tens(30)                  // 卅
        case 0x534C: return .tens(40)                  // 卌
        case 0x5341, 0x62FE: return .smallUnit(10)     // 十 拾
        case 0x767E, 0x4F70: return .smallUnit(100)    // 百 佰
        case 0x5343, 0x4EDF: return .smallUnit(1000)   // 千 仟
        case 0x4E07, 0x842C: return .bigUnit(10_000)   // 万 萬
        case 0x4EBF, 0x5104: return .bigUnit(100_000_000)  // 亿 億
        case 0x70B9, 0x9EDE: return .point             // 点 點
        case 0x8D1F, 0x8CA0: return .minus             // 负 負
        default: return nil
        }
    }

    /// True for characters that can only belong to a number written in Chinese
    /// (digits, 廿, units): used to decide where a run of numerals starts.
    public var isChineseNumeral: Bool {
        switch self {
        case .digit, .tens, .smallUnit, .bigUnit: return true
        default: return false
        }
    }
}

/// Small helpers over scalar values.
enum Scalars {
    static let ideographicComma: UInt32 = 0x3001  // 、
    @inline(__always) static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    /// CJK unified ideographs (BMP and extension A) and the compatibility block.
    @inline(__always) static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3134F)
    }
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 }
    static func values(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
}
