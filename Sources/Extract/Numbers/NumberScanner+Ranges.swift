import Records

/// Ranges between two amounts (1-2个, 8500到3万港元, 两到三万), where the
/// second amount's unit and scale are shared with a bare first one.
extension NumberScanner {
    /// A range: 1-2个, 8500到3万港元, 两到三万, 1万(含)-5万元.
    mutating func finishRange(_ m: inout NumberMention, after first: Core) {
        guard m.max == nil || m.max == first.max else { return }
        var p = first.end
        for note in Self.inlineNotes where text.has(note, at: p) { p += note.count }
        var firstUnitEnd = first.end
        if let u = m.unit, m.end > first.end {
            // The first amount has its unit (1万元--5万元): the connector comes after the unit.
            firstUnitEnd = m.end
            p = m.end
            _ = u
        }
        while p < text.count, Scalars.isSpace(text[p]) { p += 1 }
        for note in Self.inlineNotes where text.has(note, at: p) { p += note.count }
        guard Self.rangeConnectorStarts.contains(text[p]), let connector = Self.rangeConnectors.first(where: { text.has($0, at: p) }) else { return }
        if connector == Self.ge("、") && !(first.chineseOnly && first.singleDigit) { return }
        let q = p + connector.count
        guard q < text.count, startsNumberLoosely(at: q), let second = readCore(at: q) else { return }
        // Dates and codes: 2016-09-14.
        if connector == [0x2D], first.hasArabic, second.hasArabic, text[second.end] == 0x2D || text[second.end] == 0x3A { return }
        var secondUnit: FoundUnit? = unit(at: second.end)
        var secondEnd = second.end
        if text[secondEnd] == Self.yu || text[secondEnd] == Self.duo { secondEnd += 1; secondUnit = unit(at: secondEnd) }
        if let su = secondUnit, su.info.kind != (m.unit == nil ? su.info.kind : m.kind) { return }
        if secondUnit == nil && m.unit == nil && connector != [0x5230] && connector != [0x81F3] && !(first.hasArabic && second.hasArabic) { return }
        if secondUnit == nil && m.unit == nil && first.hasArabic && second.hasArabic && connector == [0x2D] { return }
        var low = m.value
        let high = second.value
        // The second amount's scale applies to a bare first one (两到三万, 10~15k is handled by the k suffix).
        if first.trailingBigScale == nil, m.unit == nil || firstUnitEnd == first.end,
           let scale = first.hasSmallUnit || first.hasArabic && !first.singleDigit ? second.trailingBigScale : second.trailingScale,
           let scaled = low.multiplied(by: scale), scaled <= high {
            low = scaled
        }
        var highValue = high
        if text[second.end] | 0x20 == 0x6B || text[second.end] | 0x20 == 0x77, second.hasArabic {
            let scale = DecimalValue(text[second.end] | 0x20 == 0x6B ? 1000 : 10000)
            highValue = high.multiplied(by: scale) ?? high
            let firstHadSuffix = first.end < text.count && (text[first.end] | 0x20 == 0x6B || text[first.end] | 0x20 == 0x77)
            if !firstHadSuffix { low = low.multiplied(by: scale) ?? low }
            secondEnd = second.end + 1
            if m.unit == nil { m.unit = "元"; m.kind = "money" }
            if let u = unit(at: secondEnd) { secondUnit = u }
        }
        guard low <= highValue else { return }
        m.value = low
        m.max = highValue
        m.approx = true
        if let su = secondUnit {
            m.unit = su.info.unit
            m.kind = su.info.kind
            m.end = su.end
            if su.info.kind == "money" { var tmp = m; tmp.value = highValue; readSubunits(&tmp); m.end = tmp.end }
        } else {
            m.end = secondEnd
        }
    }

    func startsNumberLoosely(at i: Int) -> Bool {
        let c = text[i]
        if Scalars.isASCIIDigit(c) { return true }
        if Scalars.isSpace(c) { return false }
        return NumeralCharacter.classify(c)?.isChineseNumeral == true
    }
}
