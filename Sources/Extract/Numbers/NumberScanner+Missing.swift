/// The `number-missing` flag: a word that needs a number right after it,
/// then a classifier, with no number between (约人, 余名).
extension NumberScanner {
    /// 约人, 余名: a word that quantifies, then a classifier, with no number.
    mutating func scanMissing() {
        // The two arrays it reads, not a copy of the whole lattice (a retain per array).
        let starts = text.lattice.starts, ends = text.lattice.ends
        for t in 0..<starts.count {
            let s = Int(starts[t]), e = Int(ends[t])
            guard Self.needsNumberMarkers.contains(text[s]) else { continue }
            if s > 0, NumeralCharacter.classify(text[s - 1]) != nil || text[s - 1] == Self.ji { continue }
            var us = e, ue = e
            if e - s == 2, lexicons.units.lookup(text.norm[(s + 1)..<e]) != nil, text.info(token: t, lexicons).map({ $0.frequency < 50 || $0.tag == .numeral || $0.tag == .person }) ?? true {
                // The lattice read marker and classifier as one rare word (余名 as a name).
                us = s + 1
            } else {
                guard e - s == 1, t + 1 < starts.count else { continue }
                us = Int(starts[t + 1]); ue = Int(ends[t + 1])
            }
            guard ue - us == 1, let u = lexicons.units.lookup(text.norm[us..<ue]) else { continue }
            let kind = lexicons.unitInfo[Int(u)].kind
            guard kind == "count" || kind == "money" || kind == "weight" else { continue }
            // The classifier must not start a word with what follows (余名单), nor be a common noun use.
            if ue == Int(ends[t]) ? false : (t + 2 < starts.count && text.info(token: t + 2, lexicons)?.tag == .classifier) { continue }
            if mentions.contains(where: { $0.start <= s && s < $0.end }) { continue }
            missing.append(MissingNumber(start: s, end: ue))
        }
    }
}
