import Lexicon

/// Organisations: words the lexicon tags as organisations, and names built
/// from a prefix (a place, an organisation, a proper name, nouns) and an
/// organisation suffix (有限公司 委员会 医院 局 队 ...), with sub-units joined
/// to their parent (中共中央 + 政治局, 人民日报 + 国际部).
extension EntityRecognizer {
    static let subUnitWords: [[UInt32]] = ["中央", "总部", "分会", "支部", "本部"].map(Scalars.values)

    /// Endings of words the list tags nt that name events, relations or documents, not bodies.
    static let notOrganisationEndings: [[UInt32]] = ["关系", "合作", "会谈", "公报", "声明", "条约", "协定", "会议", "全会", "政府", "当局"].map(Scalars.values)

    /// A word that names an organisation: a known one, or one the list tags nt
    /// that is not a place or an event. The first tests, which settle most
    /// tokens, are inlined where it is asked.
    @inline(__always) func isOrgToken(_ t: Int) -> Bool {
        let f = flags(t)
        if f.contains(.knownOrganisation) { return true }
        guard tag(t) == .organisation, len(t) >= 2, freq(t) >= 5 || len(t) >= 4 else { return false }
        return isOrganisationWord(t, flags: f)
    }

    /// The rest of `isOrgToken`, for a word the list tags an organisation.
    func isOrganisationWord(_ t: Int, flags f: WordFlags) -> Bool {
        if !f.intersection([.province, .prefecture, .county, .country]).isEmpty { return false }
        if len(t) >= 4, placeCuts(start(t), end(t)) != nil { return false }
        for w in Self.notOrganisationEndings where text.has(w, endingAt: end(t)) { return false }
        return true
    }

    /// Covered by an ordinal (第十五次) the number scanner found.
    func isOrdinalSpan(_ t: Int) -> Bool {
        numberSpans.contains { $0.kind == "ordinal" && $0.start <= start(t) && end(t) <= $0.end }
    }

    /// 十五大, 十一大: a party congress by its number.
    func congressEnd(at position: Int) -> Int? {
        var p = position
        while p < text.count, NumeralCharacter.classify(text[p])?.isChineseNumeral == true { p += 1 }
        guard p > position, p - position <= 3, text[p] == 0x5927, text.lattice.isBoundary(p + 1) || p + 1 >= text.count else { return nil }  // 大
        guard let u = token(at: p + 1) ?? (p + 1 >= text.count ? -1 : nil), u < 0 || !tag(u).isNominal || tag(u) == .noun && len(u) >= 2 else { return nil }
        return p + 1
    }

    mutating func proposeOrganisations() {
        var t = 0
        var lastEnd = -1
        while t < tokenCount {
            defer { t += 1 }
            let f = flags(t)
            // 十五大 on its own.
            if isHan(t), start(t) >= lastEnd, tag(t) == .abbreviation || len(t) == 1 || tag(t) == .numeral, let ce = congressEnd(at: start(t)) {
                add(.organisation, start(t), ce, priority: 2, evidence: "congress")
                lastEnd = ce
                if let last = token(at: ce) { t = last - 1 }
                continue
            }
            let known = isOrgToken(t)
            let suffix = !f.intersection(.orgSuffix).isEmpty || known && endsWithOrgSuffix(t)
            guard suffix || known else { continue }
            var s = start(t)
            var evidence = known ? "lexicon" : "suffix"
            var ok = known
            if suffix || known, let ps = orgPrefixStart(before: t, strong: f.contains(.orgStrong) || known, placesOnly: !suffix) {
                s = ps
                ok = true
                evidence = "suffix"
            }
            guard ok else { continue }
            if s < lastEnd { continue }
            // Sub-units and further suffixes: 中共中央政治局, 人民日报国际部, 致公党中央.
            var e = end(t)
            var u = t + 1
            // 中央政治局常委: the word list joins a post to its body; the body ends before it.
            if known, let titleStart = titleSuffixStart(t) {
                add(.organisation, s, titleStart, priority: 4, evidence: evidence)
                lastEnd = titleStart
                continue
            }
            while u < tokenCount, start(u) == e {
                let uf = flags(u)
                if uf.contains(.title) { break }
                // 致公党十一大, 中国致公党第十一次全国代表大会.
                if let ce = congressEnd(at: e) { e = ce; u = token(at: ce) ?? tokenCount; continue }
                if isOrdinalSpan(u), let n = numberSpans.first(where: { $0.kind == "ordinal" && $0.start == e }), let v = token(at: n.end), isOrgToken(v) || !flags(v).intersection(.orgSuffix).isEmpty || tag(v) == .organisation {
                    e = end(v); u = v + 1; continue
                }
                if isOrgToken(u), let ts = titleSuffixStart(u) { e = ts; u += 1; break }
                if isOrgToken(u) && !isPlaceLed(u) || uf.contains(.orgStrong) || (uf.contains(.orgWeak) && len(u) >= 2) || Self.subUnitWords.contains(where: { text.has($0, at: start(u)) && $0.count == len(u) }) {
                    e = end(u); u += 1; continue
                }
                // A short noun then a suffix: 人民日报 + 国际 + 部, 亚洲协会 + 南 + 加 + 中心.
                if u + 1 < tokenCount, len(u) <= 2, isNameFiller(u), tag(u) != .verb, !flags(u + 1).intersection(.orgSuffix).isEmpty, !flags(u + 1).contains(.title), start(u + 1) == end(u) {
                    e = end(u + 1); u += 2; continue
                }
                if u + 2 < tokenCount, len(u) == 1, len(u + 1) == 1, isNameFiller(u), isNameFiller(u + 1), !flags(u + 2).intersection(.orgSuffix).isEmpty, !flags(u + 2).contains(.title) {
                    e = end(u + 2); u += 3; continue
                }
                break
            }
            add(.organisation, s, e, priority: e - s > len(t) || evidence == "suffix" ? 4 : 2, evidence: evidence)
            lastEnd = e
            t = u - 1
        }
    }

    func isPlaceLed(_ t: Int) -> Bool { isPlaceToken(t) }

    /// Where a title that ends token `t` starts (常委 in 中央政治局常委), if one does.
    func titleSuffixStart(_ t: Int) -> Int? {
        for n in [3, 2] where len(t) > n + 1 {
            if let i = lexicons.entry(text.norm[(end(t) - n)..<end(t)]), i.flags.contains(.title) { return end(t) - n }
        }
        return nil
    }

    /// 交易中心, 卫生健康委员会: a known organisation word that itself ends in a suffix.
    func endsWithOrgSuffix(_ t: Int) -> Bool {
        for n in [3, 2] where len(t) > n {
            if let i = lexicons.entry(text.norm[(end(t) - n)..<end(t)]), !i.flags.intersection(.orgSuffix).isEmpty { return true }
        }
        return false
    }

    static let levelCharacters = ScalarSet(characters: "省市县区镇乡村")

    /// Where the organisation name before suffix token `t` starts, or nil when
    /// there is no acceptable prefix.
    func orgPrefixStart(before t: Int, strong: Bool, placesOnly: Bool = false) -> Int? {
        var p = t - 1
        var chars = 0
        var hasProper = false
        var tokens = 0
        while p >= 0, tokens < 5, chars < 12 {
            let pt = tag(p)
            let pf = flags(p)
            if isOrdinalSpan(p) { chars += len(p); tokens += 1; p -= 1; continue }
            if placesOnly && !(isPlaceToken(p) || isOrgToken(p)) { break }
            guard isHan(p) || (Scalars.isASCIILetter(text.norm[start(p)]) && len(p) >= 2) else { break }
            // 区党工委, 市公共资源交易中心: the level of government the body belongs to.
            if len(p) == 1, Self.levelCharacters.contains(scalar(p)), chars > 0 || strong {
                hasProper = true; chars += 1; tokens += 1; p -= 1; break
            }
            if pt.isFunctional || pt == .pronoun || pt == .numeral && !isOrdinalLike(p) || pt == .time { break }
            if !pf.intersection([.title, .honorific, .byline, .speechCue, .actionCue]).isEmpty { break }
            if pt == .verb && len(p) == 1 { break }
            // A verb right before a proper name is the clause's, not the name's (接受 + 中央电视台).
            if pt == .verb, p + 1 < t || isOrgToken(t), isPlaceToken(p + 1) || isOrgToken(p + 1) { break }
            if isPlaceToken(p) || isOrgToken(p) || [.otherProper, .place, .organisation, .abbreviation, .foreignPerson].contains(pt) {
                hasProper = true
            } else if pt == .person && len(p) >= 2 {
                hasProper = true
            } else if ![.noun, .verbalNoun, .distinguisher, .unknown, .adjective, .verb, .locative, .direction, .classifier].contains(pt) {
                break
            }
            chars += len(p)
            tokens += 1
            p -= 1
            // Stop after a place or organisation at the head (the name starts there).
            if (isPlaceToken(p + 1) || isOrgToken(p + 1)), p >= 0, !(isPlaceToken(p) || isOrgToken(p)) { break }
        }
        // Trim leading verbs and adjectives: the name starts with a noun or a proper name.
        var s = p + 1
        while s < t, [.verb, .adjective, .direction].contains(tag(s)) { chars -= len(s); s += 1 }
        guard s < t else { return nil }
        // Never start on an ordinal or a bare numeral (第十五次全国代表大会 is a congress by its number).
        if hasProper { return start(s) }
        if strong && chars >= 2 { return start(s) }
        return nil
    }

    func isOrdinalLike(_ t: Int) -> Bool {
        text.norm[start(t)] == NumberScanner.ordinalPrefix
    }
}
