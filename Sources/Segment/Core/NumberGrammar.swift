/// Numbers, percentages, ordinals and calendar dates, offered to the lattice
/// as single tokens.
///
/// The shape follows what the segmentation standards agree on: a number
/// keeps its decimals, thousands separators, magnitude (万, 亿) and percent
/// sign (23.4%, 14.5万, 1,836, 百分之三十, 三分之一, 第一); a calendar year,
/// month, day or hour keeps its unit (2020年, 1月, 27日, 二○○一年, 十二月,
/// 三十一日); a measure word after a number is a token of its own (14.5万 元,
/// 1836 个); a minus sign before a number is part of it (-5) unless it
/// follows a digit or letter (1-2, LG-1). ASCII and full-width digits are alike because the lattice sees
/// normalised text. The grammar only proposes edges; the lattice still
/// weighs them against lexicon words.
enum NumberGrammar {
    /// 零〇○一二三四五六七八九: the digits of a year written digit by digit.
    @inline(__always)
    static func isChineseDigit(_ c: UInt32) -> Bool {
        switch c {
        case 0x96F6, 0x3007, 0x25CB, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D: return true
        default: return false
        }
    }

    /// The digits plus 十百千万亿 and 两.
    @inline(__always)
    static func isChineseNumeral(_ c: UInt32) -> Bool {
        switch c {
        case 0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24: return true
        default: return isChineseDigit(c)
        }
    }

    /// 万亿千百 after a number written in digits.
    @inline(__always)
    static func isMagnitude(_ c: UInt32) -> Bool { c == 0x4E07 || c == 0x4EBF || c == 0x5343 || c == 0x767E }

    static let year: UInt32 = 0x5E74  // 年
    static let month: UInt32 = 0x6708  // 月
    static let monthSuffix: UInt32 = 0x4EFD  // 份 (1月份)
    static let day: UInt32 = 0x65E5  // 日
    static let dayNumber: UInt32 = 0x53F7  // 号
    static let hour: UInt32 = 0x65F6  // 时
    static let ordinal: UInt32 = 0x7B2C  // 第
    /// 几 ("a few"), which a measure word follows like a numeral (几 个).
    static let approximateNumeral: UInt32 = 0x51E0
    static let percent: UInt32 = 0x25
    static let permille: UInt32 = 0x2030
    static let hundredFenZhi: [UInt32] = [0x767E, 0x5206, 0x4E4B]  // 百分之
    static let fenZhi: [UInt32] = [0x5206, 0x4E4B]  // 分之
    static let point: UInt32 = 0x70B9  // 点

    /// The characters `matches` may find a number at (digits, Chinese
    /// numerals, signs, 第), as a bit set: the lattice tests it at every
    /// position before calling `matches`.
    static let startCharacters: ForeignNameJoiner.CharacterSet = {
        var starts: [UInt32] = Array(0x30...0x39) + [0x2D, 0x2212, ordinal]
        for c in UInt32(0x2000)..<0xA000 where isChineseNumeral(c) { starts.append(c) }
        return ForeignNameJoiner.CharacterSet(starts.sorted())
    }()

    /// Calls `emit(end, plain)` for every number token starting at `i`;
    /// `plain` is true for a bare number (which a measure word may follow),
    /// false for a date, percentage or fraction.
    @inline(__always)
    static func matches(_ t: UnsafeBufferPointer<UInt32>, at i: Int, _ emit: (Int, Bool) -> Void) {
        let c = t[i]
        if CharacterClass.isDigit(c) {
            digits(t, at: i, emit)
        } else if isChineseNumeral(c) {
            if c == hundredFenZhi[0] && starts(t, at: i, with: hundredFenZhi) { percentPhrase(t, at: i) { emit($0, false) } }
            chinese(t, at: i, emit)
        } else if (c == 0x2D || c == 0x2212), i + 1 < t.count, CharacterClass.isDigit(t[i + 1]),
                  i == 0 || !(CharacterClass.isDigit(t[i - 1]) || CharacterClass.isASCIILetter(t[i - 1])) {
            // A sign: -5, −3.2 (not the dash of 1-2 or LG-1).
            digits(t, at: i + 1, emit)
        } else if c == ordinal, i + 1 < t.count {
            let next = t[i + 1]
            if CharacterClass.isDigit(next) {
                var j = i + 1
                while j < t.count && CharacterClass.isDigit(t[j]) { j += 1 }
                emit(j, true)
            } else if isChineseNumeral(next) {
                emit(chineseRunEnd(t, from: i + 1), true)
            }
        }
    }

    static func starts(_ t: UnsafeBufferPointer<UInt32>, at i: Int, with word: [UInt32]) -> Bool {
        guard i + word.count <= t.count else { return false }
        for k in 0..<word.count where t[i + k] != word[k] { return false }
        return true
    }

    /// 2020, 23.4, 1,836, then 万/亿, %, or a calendar unit.
    static func digits(_ t: UnsafeBufferPointer<UInt32>, at i: Int, _ emit: (Int, Bool) -> Void) {
        let n = t.count
        var j = i
        while j < n && CharacterClass.isDigit(t[j]) { j += 1 }
        let integerDigits = j - i
        var isInteger = true
        while j + 1 < n && (t[j] == 0x2E || t[j] == 0x2C) && CharacterClass.isDigit(t[j + 1]) {
            isInteger = false
            j += 1
            while j < n && CharacterClass.isDigit(t[j]) { j += 1 }
        }
        emit(j, true)
        if isInteger && j + 1 < n && CharacterClass.isDigit(t[j + 1]) {
            joinedDigits(t, from: i, at: j, integerDigits: integerDigits) { emit($0, false) }
        }
        var k = j
        while k < n && k - j < 2 && isMagnitude(t[k]) { k += 1 }
        if k > j { emit(k, true) }
        if k < n && (t[k] == percent || t[k] == permille) {
            emit(k + 1, false)
            return
        }
        guard k == j, isInteger, k < n, integerDigits <= 4 else { return }
        var value = 0
        for p in i..<j { value = value * 10 + Int(t[p] - 0x30) }
        calendarUnit(t, at: k, value: value, yearLike: integerDigits == 4) { emit($0, false) }
    }

    static let colon: UInt32 = 0x3A
    static let slash: UInt32 = 0x2F

    /// A separator between digits that makes one token of both sides: a
    /// clock time (9:00, 23:59), a fraction (3/4) or a day written with a
    /// middle dot (3·15, 9·11). Every segmentation standard keeps these whole.
    @inline(__always)
    static func isMiddleDot(_ c: UInt32) -> Bool { c == 0xB7 || c == 0x30FB || c == 0x2027 || c == 0xFF65 || c == 0x2022 }

    static func joinedDigits(_ t: UnsafeBufferPointer<UInt32>, from i: Int, at j: Int, integerDigits: Int, _ emit: (Int) -> Void) {
        let n = t.count
        let separator = t[j]
        var k = j + 1
        while k < n && CharacterClass.isDigit(t[k]) { k += 1 }
        let after = k - j - 1
        if separator == colon {
            // h:mm or h:mm:ss
            guard integerDigits <= 2, after == 2 else { return }
            if k + 2 < n && t[k] == colon && CharacterClass.isDigit(t[k + 1]) && CharacterClass.isDigit(t[k + 2])
                && !(k + 3 < n && CharacterClass.isDigit(t[k + 3])) {
                emit(k + 3)
            } else {
                emit(k)
            }
        } else if separator == slash {
            guard integerDigits <= 4, after <= 4 else { return }
            emit(k)
        } else if isMiddleDot(separator) {
            guard integerDigits <= 2, after <= 2 else { return }
            emit(k)
        }
    }

    /// 年 after a year, 月 after 1-12, 日/号 after 1-31, 时 after 0-24.
    static func calendarUnit(_ t: UnsafeBufferPointer<UInt32>, at k: Int, value: Int, yearLike: Bool, _ emit: (Int) -> Void) {
        let u = t[k]
        if u == year && yearLike {
            emit(k + 1)
        } else if u == month && value >= 1 && value <= 12 {
            emit(k + 1)
            if k + 1 < t.count && t[k + 1] == monthSuffix { emit(k + 2) }
        } else if (u == day || u == dayNumber) && value >= 1 && value <= 31 {
            emit(k + 1)
        } else if u == hour && value <= 24 {
            emit(k + 1)
        }
    }

    static func chineseRunEnd(_ t: UnsafeBufferPointer<UInt32>, from i: Int) -> Int {
        var j = i
        while j < t.count && isChineseNumeral(t[j]) { j += 1 }
        return j
    }

    /// 三十一, 二○○一年, 十二月, 三十一日, 三分之一.
    static func chinese(_ t: UnsafeBufferPointer<UInt32>, at i: Int, _ emit: (Int, Bool) -> Void) {
        let n = t.count
        let r = chineseRunEnd(t, from: i)
        // A single numeral is offered too (as plain), so a measure word can follow it.
        emit(r, true)
        guard r < n else { return }
        if CharacterClass.isDigit(t[r]) && (i..<r).allSatisfy({ isChineseDigit(t[$0]) }) {
            // A year written half in Chinese digits, half in digits (二00一年, as OCR and mixed input give).
            var m = r
            while m < n && (isChineseDigit(t[m]) || CharacterClass.isDigit(t[m])) { m += 1 }
            if m - i == 4 {
                emit(m, true)
                if m < n && t[m] == year { emit(m + 1, false) }
            }
        }
        if t[r] == year && r - i >= 2 && (i..<r).allSatisfy({ isChineseDigit(t[$0]) }) {
            emit(r + 1, false)
        } else if let value = smallValue(t, i..<r) {
            calendarUnit(t, at: r, value: value, yearLike: false) { emit($0, false) }
        }
        if starts(t, at: r, with: fenZhi), r + 2 < n, isChineseNumeral(t[r + 2]) {
            emit(chineseRunEnd(t, from: r + 2), false)
        }
    }

    /// 百分之三十, 百分之三点五.
    static func percentPhrase(_ t: UnsafeBufferPointer<UInt32>, at i: Int, _ emit: (Int) -> Void) {
        let start = i + hundredFenZhi.count
        guard start < t.count, isChineseNumeral(t[start]) || CharacterClass.isDigit(t[start]) else { return }
        var j = start
        while j < t.count && (isChineseNumeral(t[j]) || CharacterClass.isDigit(t[j]) || t[j] == 0x2E) { j += 1 }
        if j + 1 < t.count && t[j] == point && isChineseNumeral(t[j + 1]) { j = chineseRunEnd(t, from: j + 1) }
        emit(j)
    }

    /// The value of a Chinese numeral from 1 to 99 (一, 十, 十二, 二十三), or nil.
    static func smallValue(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int? {
        func digit(_ c: UInt32) -> Int? {
            switch c {
            case 0x4E00: return 1
            case 0x4E8C, 0x4E24: return 2
            case 0x4E09: return 3
            case 0x56DB: return 4
            case 0x4E94: return 5
            case 0x516D: return 6
            case 0x4E03: return 7
            case 0x516B: return 8
            case 0x4E5D: return 9
            default: return nil
            }
        }
        let ten: UInt32 = 0x5341  // 十
        let s = UnsafeBufferPointer(rebasing: t[range])  // indexed from 0, without a copy
        switch s.count {
        case 1: return s[0] == ten ? 10 : digit(s[0])
        case 2:
            if s[0] == ten { return digit(s[1]).map { 10 + $0 } }
            if s[1] == ten { return digit(s[0]).map { $0 * 10 } }
            return nil
        case 3:
            guard s[1] == ten, let a = digit(s[0]), let b = digit(s[2]) else { return nil }
            return a * 10 + b
        default: return nil
        }
    }
}
