import Lexicon

/// Dates and times: built from the date and time parts the number scanner
/// found (2020年1月27日, 4月3日至7日, 凌晨1时), plus lunar-calendar forms
/// (大年初三, 正月十五, 除夕) and relative ones (今天, 去年), which keep their
/// text. A date is normalised to ISO 8601 when its year is known — written
/// in it, or carried from earlier in the same document (see `DocumentMemory`).
struct DateTimeRules {
    let text: ExtractText
    let numbers: [NumberMention]

    static let lunarMonths = ["正月", "腊月", "冬月", "大年"].map(Scalars.values)
    static let lunarDays: [[UInt32]] = ["初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十", "十五", "三十"].map(Scalars.values)
    static let festivals = ["除夕", "春节", "元宵节", "元宵", "端午节", "端午", "中秋节", "中秋", "重阳节", "七夕", "小年", "清明节", "清明", "国庆节", "元旦", "劳动节", "儿童节", "腊八"].map(Scalars.values)
    static let relative = ["今天", "昨天", "明天", "前天", "后天", "今年", "去年", "明年", "前年", "今日", "昨日", "明日", "当天", "当日", "次日", "翌日", "本月", "上月", "下月", "本周", "上周", "下周", "近日", "日前", "目前", "同日", "当年", "今晨", "昨晚", "今晚"].map(Scalars.values)
    /// First and second characters of the calendar words above (each has at least two):
    /// most positions start none of them, and the first characters alone are common (上 下 中 大 国).
    static let calendarStarts = ScalarSet((lunarMonths + festivals + relative).compactMap(\.first))
    static let calendarSeconds = ScalarSet((lunarMonths + festivals + relative).map { $0[1] })
    /// Day parts after noon: a clock hour below 12 after them is p.m.
    static let afternoonParts = ["下午", "晚上", "傍晚", "夜里", "当晚"].map(Scalars.values)
    static let dayParts = ["凌晨", "清晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "深夜", "午夜", "半夜", "当晚", "每日", "每天"].map(Scalars.values)

    /// The dates and times of the paragraph; `year` is the document's year so far.
    func run(year: inout Int?) -> [EntityMention] {
        var out: [EntityMention] = []
        var i = 0
        let parts = numbers.filter { $0.kind == "date" || $0.kind == "time" }
        var k = 0
        while k < parts.count {
            let first = parts[k]
            if first.kind == "time" {
                // Time with its day part before it: 凌晨1时, 下午三点.
                var s = first.start
                for w in Self.dayParts where text.has(w, endingAt: s) { s -= w.count; break }
                var e = first.end
                var minutes = 0
                if k + 1 < parts.count, parts[k + 1].start == e, parts[k + 1].unit == "分", let m = parts[k + 1].value.intValue { e = parts[k + 1].end; minutes = m; k += 1 }
                if text[e] == 0x534A { e += 1; minutes = 30 }  // 半
                var m = EntityMention(type: .time, start: s, end: e, norm: text.normString(s, e), role: nil, evidence: "time")
                if let h = first.value.intValue {
                    var hour = h
                    let pm = Self.afternoonParts.contains { text.has($0, at: s) }
                    if pm && hour < 12 { hour += 12 }
                    m.norm = "T" + pad(hour) + ":" + pad(minutes)
                }
                out.append(m)
                k += 1
                continue
            }
            // A run of date parts with nothing between them.
            var group = [first]
            var j = k + 1
            while j < parts.count, parts[j].kind == "date", parts[j].start == group.last!.end { group.append(parts[j]); j += 1 }
            var e = group.last!.end
            var y: Int?, mo: Int?, d: Int?
            for p in group {
                switch p.unit {
                case "年": y = p.value.intValue.map { $0 < 100 && $0 >= 0 ? ($0 >= 50 ? 1900 + $0 : 2000 + $0) : $0 }
                case "月": mo = p.value.intValue
                case "日": d = p.value.intValue
                default: break
                }
            }
            if let y { year = y }
            var norm = iso(y ?? (mo != nil ? year : nil), mo, d) ?? text.normString(first.start, e)
            // 4月3日至7日: a range of days.
            if j < parts.count, parts[j].kind == "date", parts[j].unit == "日", [0x81F3, 0x5230, 0x2D, 0x7E].contains(text[e]), parts[j].start == e + 1, let d2 = parts[j].value.intValue {
                if let end = iso(y ?? year, mo, d2) { norm += "/" + end }
                e = parts[j].end
                j += 1
            }
            out.append(EntityMention(type: .date, start: first.start, end: e, norm: norm, role: nil, evidence: "date"))
            k = j
        }
        // Lunar, festival and relative dates (the class and the text held in locals: this
        // loop visits every character).
        let calendarStarts = Self.calendarStarts, calendarSeconds = Self.calendarSeconds
        let norm = text.norm
        // Positions the dates and times above cover are not looked at (asked last: few positions get there).
        let numbered = out
        while i < norm.count {
            if !calendarStarts.contains(norm[i]) || i + 1 == norm.count || !calendarSeconds.contains(norm[i + 1])
                || numbered.contains(where: { $0.start <= i && i < $0.end }) { i += 1; continue }
            var matched = 0
            var calendar = ""
            for w in Self.lunarMonths where text.has(w, at: i) {
                for d in Self.lunarDays where text.has(d, at: i + w.count) { matched = w.count + d.count }
                if matched == 0 && w != Scalars.values("大年") {
                    matched = w.count
                }
                calendar = "lunar"
            }
            if matched == 0 { for w in Self.festivals where text.has(w, at: i) && text.lattice.isBoundary(i) { matched = w.count; calendar = "festival"; break } }
            if matched == 0 { for w in Self.relative where text.has(w, at: i) && text.lattice.isBoundary(i) && text.lattice.isBoundary(i + w.count) { matched = w.count; calendar = "relative"; break } }
            if matched > 0 {
                var m = EntityMention(type: .date, start: i, end: i + matched, norm: text.normString(i, i + matched), role: nil, evidence: "calendar")
                m.calendar = calendar
                out.append(m)
                i += matched
            } else {
                i += 1
            }
        }
        // In place: `sorted` would copy every mention into a new array; the order is the same.
        out.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return out
    }

    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func iso(_ y: Int?, _ m: Int?, _ d: Int?) -> String? {
        if let m, !(1...12).contains(m) { return nil }
        if let d, !(1...31).contains(d) { return nil }
        switch (y, m, d) {
        case let (y?, m?, d?): return "\(y)-\(pad(m))-\(pad(d))"
        case let (y?, m?, nil): return "\(y)-\(pad(m))"
        case let (y?, nil, nil): return "\(y)"
        case let (nil, m?, d?): return "--\(pad(m))-\(pad(d))"
        default: return nil
        }
    }
}
