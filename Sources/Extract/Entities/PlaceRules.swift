import Lexicon

/// Places: gazetteer words, chains of divisions, suffix rules for the levels
/// below the county and for unlisted divisions, and one-character
/// abbreviations in the compounds where they stand for a country or province.
extension EntityRecognizer {
    static let abbreviationVerbs = ScalarSet(characters: "访来在驻赴旅抵离对援侵返进回出抗")
    static let pairContext: [[UInt32]] = ["同胞", "地区", "居民", "两地", "三地", "人士", "两国", "关系", "双方", "之间", "联合", "合作", "会谈", "会晤", "首脑", "元首", "边界", "边境", "建交", "贸易", "友好", "战略", "峰会", "对话", "伙伴", "共同", "磋商", "谈判", "经贸", "协定", "声明"].map(Scalars.values)
    static let fang: UInt32 = 0x65B9  // 方
    /// Places whose one-character name follows verbs of travel (访华 来京 赴港): China, its
    /// capital and the places most visited; rarer abbreviations only stand in pairs (中以).
    static let verbAbbreviations: Set<String> = ["中国", "美国", "日本", "俄罗斯", "英国", "法国", "德国", "韩国", "朝鲜", "北京", "上海", "香港", "台湾", "澳门", "天津", "重庆", "广东"]

    static let placeEndings = ScalarSet(characters: "省市县区州镇乡村山河江湖海湾岛港峡洋岭峰原川谷滩口关城堡寺宫陵园庄屯寨路街巷道桥站洲国")
    static let shortPlaceEndings = ScalarSet(characters: "州岛港湾峡")
    static let stateSuffixes: [[UInt32]] = ["联盟共和国", "共和国", "王国", "联邦", "合众国", "公国", "酋长国"].map(Scalars.values)

    /// A word that names a place: in a gazetteer, or tagged a place by the word
    /// list and shaped like one (a place ending after a name of two or more
    /// characters, or a transliteration: the list also tags 回国 and 城市 ns).
    /// The first tests, which settle most tokens, are inlined where it is asked.
    @inline(__always) func isPlaceToken(_ t: Int) -> Bool {
        let f = flags(t)
        if !f.isDisjoint(with: .gazetteer) && len(t) >= 2 { return true }
        guard tag(t) == .place, len(t) >= 2, freq(t) >= 5 else { return false }
        return isPlaceShaped(t, flags: f)
    }

    /// The shape test of `isPlaceToken`, for a word the list tags a place.
    func isPlaceShaped(_ t: Int, flags f: WordFlags) -> Bool {
        if f.contains(.commonWord) && !Self.placeEndings.contains(text.norm[end(t) - 1]) { return false }
        if len(t) >= 3 && Self.placeEndings.contains(text.norm[end(t) - 1]) { return true }
        if len(t) == 2 && Self.shortPlaceEndings.contains(text.norm[end(t) - 1]) { return true }
        var translit = true
        for p in start(t)..<end(t) where lexicons.translit(text.norm[p]) < 1.0 { translit = false }
        return translit
    }

    mutating func proposePlaces() {
        var t = 0
        while t < tokenCount {
            defer { t += 1 }
            let f = flags(t)
            // Abbreviations: 中美 (pair in context), 中方, 访华.
            if mayStartAbbreviation(t) { proposeAbbreviations(t) }
            // A place inside a word of the list: 美国政府, 中国人, 中美关系, 亚太地区.
            if len(t) >= 3, !f.contains(.knownOrganisation), f.intersection([.province, .prefecture, .county, .country, .worldRegion]).isEmpty, proposePlaceInsideWord(t) { continue }
            guard isHan(t) else { continue }
            var s = start(t)
            var e = end(t)
            var chain: [String] = []
            var isPlace = isPlaceToken(t)
            var evidence = "gazetteer"
            if isPlace {
                chain.append(word(t))
                if f.isDisjoint(with: .gazetteer) { evidence = "lexicon" }
            } else if let (ps, pe) = suffixPlace(endingWith: t) {
                // 加利福尼亚州, 百合冲社区 without a known prefix.
                s = ps; e = pe
                isPlace = true
                evidence = "suffix"
                chain.append(text.normString(s, e))
            }
            guard isPlace else { continue }
            // Extend: lower levels, suffixes and building numbers (太原市小店区小店街道, 某某花园小区3栋).
            var u = t + 1
            // 波兰共和国, 南斯拉夫联盟共和国.
            if f.contains(.country) || f.contains(.worldRegion), let w = Self.stateSuffixes.first(where: { text.has($0, at: e) }), let v = token(at: e + w.count) {
                e += w.count; u = v
            }
            while let tt = token(at: e), tt == u, u < tokenCount {
                let nextIsSuffix = u + 1 < tokenCount && !flags(u + 1).intersection([.locTownship, .locCommunity, .locStreet]).isEmpty
                if isPlaceToken(u) && isLowerLevel(u, than: chain.count) && !nextIsSuffix {
                    chain.append(word(u)); e = end(u); u += 1; continue
                }
                if let (_, pe) = suffixPlace(startingAt: u, afterPlace: true) {
                    chain.append(text.normString(e, pe)); e = pe
                    u = token(at: pe) ?? tokenCount
                    continue
                }
                if let be = buildingNumber(at: e) {
                    chain.append(text.normString(e, be)); e = be
                    u = token(at: be) ?? tokenCount
                    continue
                }
                break
            }
            add(.location, s, e, priority: chain.count > 1 ? 3 : 2, evidence: evidence, chain: chain.count > 1 ? chain : nil)
            if let last = token(at: e) { t = last - 1 } else { t = tokenCount }
        }
    }

    func canonical(_ t: Int) -> String {
        if let c = info(t)?.canonical, c >= 0 { return lexicons.canonicalNames[Int(c)] }
        return word(t)
    }

    static let placeWordRemainders: [[UInt32]] = ["政府", "当局", "人民", "方面", "地区", "各国", "一带", "民族", "儿女", "大地", "人", "籍", "关系", "两国", "双方", "之间"].map(Scalars.values)

    /// The word starts with a place (or two abbreviations) and ends with a word
    /// that says "of that place": the place is the entity.
    /// [s, e) cut into two or more gazetteer words, longest first; nil if it is not.
    func placeCuts(_ s: Int, _ e: Int) -> [Int]? {
        // Allocated at the first cut: most words start with no place at all.
        var cuts: [Int] = []
        var p = s
        while p < e {
            var best = -1
            text.norm.withUnsafeBufferPointer { buffer in
                lexicons.words.forEachMatch(in: buffer, from: p, limit: e) { end, entry in
                    let i = lexicons.info[Int(entry)]
                    let gazetteer = !i.flags.isDisjoint(with: .gazetteer) && (!i.flags.contains(.shortForm) || i.flags.contains(.province) || i.flags.contains(.country))
                    let shaped = i.tag == .place && end - p >= 3 && Self.placeEndings.contains(text.norm[end - 1])
                    if gazetteer || shaped, end - p >= 2 { best = end }
                }
            }
            if best < 0 { return nil }
            if cuts.isEmpty { cuts.append(s) }
            p = best
            cuts.append(p)
        }
        return cuts.count >= 3 ? cuts : nil
    }

    static let organisationRemainders: [[UInt32]] = ["国家", "各国", "成员国", "组织", "方面"].map(Scalars.values)
    /// Last characters of `organisationRemainders`: most words end in none, and are then not compared word by word.
    static let organisationRemainderEnds = ScalarSet(organisationRemainders.map { $0[$0.count - 1] })

    mutating func proposePlaceInsideWord(_ t: Int) -> Bool {
        let s = start(t), e = end(t)
        // A word made only of places: 中华人民共和国香港特别行政区.
        if let cuts = placeCuts(s, e) {
            for k in 1..<cuts.count { add(.location, cuts[k - 1], cuts[k], priority: 4, evidence: "gazetteer") }
            return true
        }
        // 东盟国家, 东盟组织: a known organisation and a generic word.
        if Self.organisationRemainderEnds.contains(text.norm[e - 1]) {
            for w in Self.organisationRemainders where e - s > w.count && text.has(w, endingAt: e) {
                if let i = lexicons.entry(text.norm[s..<(e - w.count)]), i.flags.contains(.knownOrganisation) {
                    add(.organisation, s, e - w.count, priority: 4, evidence: "lexicon")
                    return true
                }
            }
        }
        // 外交部长: an organisation and 长 in one title.
        if flags(t).contains(.title), text.norm[e - 1] == 0x957F, let i = lexicons.entry(text.norm[s..<(e - 1)]), i.tag == .organisation || i.flags.contains(.knownOrganisation) {
            add(.organisation, s, e - 1, priority: 4, evidence: "lexicon")
            return true
        }
        var placeEnd = -1
        text.norm.withUnsafeBufferPointer { buffer in
            lexicons.words.forEachMatch(in: buffer, from: s, limit: e) { end, entry in
                let i = lexicons.info[Int(entry)]
                if !i.flags.isDisjoint(with: .gazetteer), end - s >= 2, end < e { placeEnd = end }
            }
        }
        let pairEnd = s + 2
        let pair = lexicons.flags(of: text.norm[s]).intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty == false
            && lexicons.flags(of: text.norm[s + 1]).intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty == false
        // Each case below needs a place at the start or a pair of abbreviations.
        guard placeEnd > 0 || pair else { return false }
        // 德国总理, 美国总统: a place and a title in one word.
        if placeEnd > 0, let rest = lexicons.entry(text.norm[placeEnd..<e]), rest.flags.contains(.title) {
            add(.location, s, placeEnd, priority: 4, evidence: "gazetteer")
            return true
        }
        for w in Self.placeWordRemainders where w.count + 1 <= e - s {
            if placeEnd > 0, placeEnd + w.count == e, text.has(w, at: placeEnd) {
                add(.location, s, placeEnd, priority: 4, evidence: "gazetteer")
                return true
            }
            if pair, pairEnd + w.count == e, text.has(w, at: pairEnd), w.count == 2 {
                add(.location, s, s + 1, priority: 4, evidence: "abbreviation")
                add(.location, s + 1, s + 2, priority: 4, evidence: "abbreviation")
                return true
            }
        }
        // 香港回归, 台湾同胞: a place and an ordinary word the word list joined.
        if placeEnd > 0, e - placeEnd >= 2, tag(t) != .organisation, let rest = lexicons.entry(text.norm[placeEnd..<e]), rest.frequency >= 50,
           [.noun, .verb, .verbalNoun].contains(rest.tag),
           rest.flags.isDisjoint(with: [.orgStrong, .orgWeak, .locDivision, .locTownship, .locCommunity, .locStreet, .locBuilding, .title]) {
            add(.location, s, placeEnd, priority: 4, evidence: "gazetteer")
            return true
        }
        return false
    }

    /// Whether token `u` can follow a place as a smaller unit inside it.
    func isLowerLevel(_ u: Int, than depth: Int) -> Bool {
        let f = flags(u)
        return !f.intersection([.prefecture, .county]).isEmpty && !f.contains(.country)
    }

    /// A place made of an unknown name and a place suffix ending at token `t`
    /// (the suffix is token t): prefix of 1–4 name characters. The suffix test,
    /// which settles most tokens, is inlined where it is asked.
    @inline(__always) func suffixPlace(endingWith t: Int) -> (Int, Int)? {
        let f = flags(t)
        guard !f.intersection([.locDivision, .locTownship, .locCommunity, .locStreet]).isEmpty else { return nil }
        return suffixPlace(before: t, suffixFlags: f)
    }

    /// The name before suffix token `t` for `suffixPlace(endingWith:)`.
    func suffixPlace(before t: Int, suffixFlags f: WordFlags) -> (Int, Int)? {
        // Collect prefix tokens: proper names, or single unknown characters.
        var p = t - 1
        var chars = 0
        var hasName = false
        while p >= 0, chars < 4 {
            let pf = flags(p)
            let pt = tag(p)
            guard isNameFiller(p) || pt == .place, pt != .numeral, pf.isDisjoint(with: .personCue), pf.isDisjoint(with: .orgSuffix) || len(p) == 1 else { break }
            if isPlaceToken(p) { hasName = true; chars += len(p); p -= 1; break }
            if len(p) == 1 {
                if pt == .classifier || pt == .pronoun { break }
                chars += 1; p -= 1; continue
            }
            if [.place, .otherProper, .person, .foreignPerson].contains(pt) { hasName = true; chars += len(p); p -= 1; continue }
            break
        }
        let s = p + 1
        guard s < t else { return nil }
        let prefix = end(t - 1) - start(s)
        guard prefix >= 2 || hasName else { return nil }
        if !f.intersection([.locStreet]).isEmpty && prefix < 2 { return nil }
        return (start(s), end(t))
    }

    /// A suffix place right after a place (乡 村 街道 社区 路 after a county): the unit and its name.
    func suffixPlace(startingAt u: Int, afterPlace: Bool) -> (Int, Int)? {
        var q = u
        var chars = 0
        while q < tokenCount, chars <= 5 {
            let f = flags(q)
            if !f.intersection([.locTownship, .locCommunity, .locStreet, .locDivision]).isEmpty, q > u || (len(q) >= 2 && f.contains(.locTownship)) {
                return (start(u), end(q))
            }
            // A word that ends in a place suffix: 南路, 东街, 新村.
            if len(q) >= 2, endsWithPlaceSuffix(q) { return (start(u), end(q)) }
            guard isNameFiller(q) else { return nil }
            chars += len(q)
            q += 1
        }
        return nil
    }

    static let stopCharacters = ScalarSet(characters: "的了和与及在是等或对从向将把被为以于并且而就都也还又这那其此各每至由则但即到给让往过着经按据自所之再才已曾要会能可应该需请使令有没不无未")

    /// A token that can sit inside a proper name: any one Han character but
    /// function words, or a longer word that is not a function word or a verb.
    func isNameFiller(_ q: Int) -> Bool {
        guard isHan(q) else { return false }
        if len(q) == 1 { return !Self.stopCharacters.contains(scalar(q)) && tag(q) != .punctuation }
        return !tag(q).isFunctional && tag(q) != .verb
    }

    /// The token's last one or two characters are a township, community or street suffix.
    func endsWithPlaceSuffix(_ q: Int) -> Bool {
        // 南路 東街 are names; 返乡 下乡 are verbs that happen to end in a suffix.
        guard [.place, .otherProper, .unknown, .noun].contains(tag(q)) else { return false }
        for n in [2, 1] where len(q) > n {
            if let i = lexicons.entry(text.norm[(end(q) - n)..<end(q)]), !i.flags.intersection([.locTownship, .locCommunity, .locStreet]).isEmpty { return true }
        }
        return false
    }

    /// 6栋, 3号楼, 2单元 right after a place.
    func buildingNumber(at p: Int) -> Int? {
        var q = p
        while q < text.count, Scalars.isASCIIDigit(text[q]) || NumeralCharacter.classify(text[q])?.isChineseNumeral == true { q += 1 }
        guard q > p, let t = token(at: q), !flags(t).intersection([.locBuilding]).isEmpty else { return nil }
        return end(t)
    }

    /// Whether token `t` can start one of the abbreviation cases: each starts
    /// with an abbreviation or a verb character, and most tokens start with
    /// neither (asked here, inline, before the call).
    @inline(__always) func mayStartAbbreviation(_ t: Int) -> Bool {
        let first = scalar(t)
        return !lexicons.flags(of: first).intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty || Self.abbreviationVerbs.contains(first)
    }

    /// Abbreviations at token `t`, one for which `mayStartAbbreviation` holds.
    mutating func proposeAbbreviations(_ t: Int) {
        let s = start(t)
        let l = len(t)
        let a = lexicons.flags(of: scalar(t))
        let isAbbrev = !a.intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty
        // 访华 来华 在京: a verb character and an abbreviation in one word.
        if l >= 2, Self.abbreviationVerbs.contains(text.norm[s]), l == 2 || lexicons.entry(text.norm[(s + 2)..<(s + l)]) != nil {
            let b = lexicons.flags(of: text.norm[s + 1])
            if !b.intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty, tag(t) != .person, tag(t) != .organisation, !isPlaceToken(t), lexicons.abbreviationNames[text.norm[s + 1]].map({ Self.verbAbbreviations.contains($0) }) == true {
                add(.location, s + 1, s + 2, priority: 1, evidence: "abbreviation")
            }
            return
        }
        // 访 + 美 as two tokens.
        if l == 1, isAbbrev, lexicons.abbreviationNames[scalar(t)].map({ Self.verbAbbreviations.contains($0) }) == true, t > 0, len(t - 1) == 1, Self.abbreviationVerbs.contains(scalar(t - 1)), t + 1 >= tokenCount || tag(t + 1).isFunctional || !isHan(t + 1) || len(t + 1) >= 2 {
            add(.location, s, s + 1, priority: 1, evidence: "abbreviation")
            return
        }
        // 中方 美方.
        if l == 2, isAbbrev, text.norm[s + 1] == Self.fang {
            add(.location, s, s + 1, priority: 1, evidence: "abbreviation")
            return
        }
        // 中美 中俄 港澳台: every character an abbreviation, in a context that pairs places.
        guard l >= 1, l <= 3 else { return }
        var allAbbrev = true
        for p in s..<(s + l) where lexicons.flags(of: text.norm[p]).intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty { allAbbrev = false }
        guard allAbbrev else { return }
        // Consecutive one-character tokens count as one compound too.
        var e = s + l
        var u = t + 1
        while l == 1, u < tokenCount, len(u) == 1, !lexicons.flags(of: scalar(u)).intersection([.countryAbbreviation, .provinceAbbreviation]).isEmpty, e - s < 3 {
            e += 1; u += 1
        }
        guard e - s >= 2 else { return }
        let withChina = text.norm[s] == 0x4E2D || e - s == 2 && text.norm[s + 1] == 0x4E2D
        if l >= 2, !withChina, let i = info(t), i.frequency > 300, i.tag != .place, i.tag != .abbreviation { return }
        var context = false
        for w in Self.pairContext where text.has(w, at: e) { context = true }
        if text.norm[s] == 0x4E2D || e - s == 2 && text.norm[s + 1] == 0x4E2D { context = true }  // 中美, 俄中: the usual pairs in Chinese news.
        if s > 0, text.norm[s - 1] == 0x300A { context = true }  // 《中美联合声明》
        guard context else { return }
        for p in s..<e { add(.location, p, p + 1, priority: 1, evidence: "abbreviation") }
    }
}
