import Lexicon

/// People: names the lexicon knows, Chinese names built from a surname and
/// one or two given-name characters, and transliterated foreign names,
/// accepted on evidence — a title or role beside the name, a byline, a verb
/// of saying or doing after it, a list with 、 — weighed against how
/// name-like the characters are.
extension EntityRecognizer {
    static let threeCharacterThreshold: Float = 1.8
    static let partialPrefixes: ScalarSet = [0x5C0F, 0x8001]  // 小 老
    static let mou: UInt32 = 0x67D0  // 某
    static let dot: ScalarSet = [0xB7, 0x30FB, 0x2022, 0x2027]  // · ・ • ‧

    static let locativeVerbs: [[UInt32]] = ["在", "到", "抵", "赴", "往", "从", "至", "于", "经", "访问", "来到", "离开", "前往", "抵达", "飞抵", "途经", "位于", "回到", "返回", "访"].map(Scalars.values)
    static let divisionTitleHeads = ScalarSet(characters: "市州省县区镇乡村")

    mutating func proposePeople() {
        var t = 0
        while t < tokenCount {
            defer { t += 1 }
            guard isHan(t) else { continue }
            // 江主席 王局长: a surname alone before a title.
            if len(t) == 1, lexicons.isCommonSurname(scalar(t)), t + 1 < tokenCount, flags(t + 1).contains(.title), !Self.divisionTitleHeads.contains(text.norm[start(t + 1)]),
               !(t > 0 && len(t - 1) == 1 && Self.abbreviationVerbs.contains(scalar(t - 1))), t == 0 || !isHan(t - 1) || len(t - 1) > 1 || Self.stopCharacters.contains(scalar(t - 1)) {
                add(.person, start(t), end(t), priority: 1, evidence: "title", role: word(t + 1), partial: true)
                continue
            }
            // 江主席 as one word of the list: surname and title together.
            if len(t) >= 3, lexicons.isCommonSurname(scalar(t)), let rest = lexicons.entry(text.norm[(start(t) + 1)..<end(t)]), rest.flags.contains(.title), !Self.divisionTitleHeads.contains(text.norm[start(t) + 1]) {
                add(.person, start(t), start(t) + 1, priority: 1, evidence: "title", role: text.normString(start(t) + 1, end(t)), partial: true)
                continue
            }
            if flags(t).contains(.commonWord), len(t) == 2, !hasStrongCue(before: start(t)) { continue }
            if mayStartChineseName(t), let (e, partial, score) = chineseName(at: t) {
                let s = start(t)
                let (cue, role) = evidence(before: s, after: e)
                let weakSurname = Self.stopCharacters.contains(scalar(t)) && len(t) == 1
                // A surname with two given-name characters is a name on less evidence than with one.
                let threshold: Float = e - s >= 3 ? Self.threeCharacterThreshold : 2.5
                // Given-name characters that are a place or organisation word (但社区, 由宾馆),
                // a title or an honorific (林先生, 和夫人) make no name.
                let givenIsSuffix = (start(t) + 1 < e) && (token(at: start(t) + 1).map { !flags($0).intersection([.locCommunity, .locTownship, .locStreet, .locBuilding, .orgStrong, .orgWeak, .title, .honorific]).isEmpty } ?? false)
                // A rare or function-word "surname" before a common word is that word's
                // neighbour, whatever the context (应 + 美国, 和 + 领导, 年 + 元旦).
                let givenIsWord = (weakSurname || !lexicons.isCommonSurname(scalar(t))) && len(t) == 1 && e - s >= 3
                    && (lexicons.entry(text.norm[(s + 1)..<e]).map { $0.frequency > 200 && $0.tag != .person && $0.tag != .foreignPerson } ?? false)
                if !givenIsSuffix, !givenIsWord || partial, partial || score + cue >= threshold && (!weakSurname || cue >= 2) {
                    add(.person, s, e, priority: cue > 0 ? 3 : 2, evidence: cue > 0 ? "context" : "name", role: role, partial: partial)
                    if let last = token(at: e) { t = last - 1 }
                    continue
                }
            }
            if mayStartForeignName(t), let e = foreignName(at: t) {
                let s = start(t)
                let (cue, role) = evidence(before: s, after: e)
                let lexical = (tag(t) == .foreignPerson || tag(t) == .person) && end(t) <= e && !(flags(t).contains(.commonWord) && len(t) == 2) || runHasKnownName(from: t, to: e)
                if isPlaceContext(before: s, after: e) {
                    if lexical || e - s >= 3 { add(.location, s, e, priority: 1, evidence: "context") }
                    if let last = token(at: e) { t = last - 1 }
                    continue
                }
                // The word list tags many ordinary words nr (弘扬, 振兴中华): a name it knows must
                // also read like a transliteration unless the context says "person".
                let shaped = translitShape(s, e) >= 0.8
                if lexical && shaped && (freq(t) >= 20 || e - s > len(t) || cue > 0) || lexical && cue >= 2 || cue >= 1 && shaped && e - s >= 3 {
                    add(.person, s, e, priority: 2, evidence: lexical ? "lexicon" : "context", role: role)
                    if let last = token(at: e) { t = last - 1 }
                }
            }
        }
    }

    /// A verb of going or being somewhere before, or a place title after (波士顿市长).
    func isPlaceContext(before s: Int, after e: Int) -> Bool {
        if let u = token(at: e), flags(u).contains(.title), Self.divisionTitleHeads.contains(text.norm[start(u)]) { return true }
        if let u = token(at: e), !flags(u).intersection([.locDivision, .locFeature]).isEmpty, len(u) == 1 { return true }
        for w in Self.locativeVerbs where text.has(w, endingAt: s) {
            let b = text.lattice.token(containing: max(0, s - 1))
            if b >= 0, start(b) == s - w.count { return true }
        }
        return false
    }

    /// Whether token `t` can start a Chinese name: a name the list knows, 小 or
    /// 老, or a surname (`chineseName` finds none otherwise). Most tokens cannot;
    /// asked inline, before the call.
    @inline(__always) func mayStartChineseName(_ t: Int) -> Bool {
        let c = scalar(t)
        return tag(t) == .person || Self.partialPrefixes.contains(c) || lexicons.isSurname(c) || flags(t).contains(.doubleSurname)
    }

    /// Whether token `t` can start a transliterated name: a name the list knows,
    /// or a first character used in transliterations (`foreignName` finds none otherwise).
    @inline(__always) func mayStartForeignName(_ t: Int) -> Bool {
        let tg = tag(t)
        return tg == .foreignPerson || tg == .person || lexicons.translit(scalar(t)) >= 1.0
    }

    /// A Chinese name starting at token `t`: (end, partial, score).
    func chineseName(at t: Int) -> (Int, Bool, Float)? {
        let s = start(t)
        let c = text.norm[s]
        // Names the word list knows, when they have the shape of a Chinese name
        // (the list also tags ordinary words nr: 智慧, 贺词).
        if tag(t) == .person, len(t) >= 2, isHan(t) {
            let double = lexicons.entry(text.norm[s..<(s + 2)])?.flags.contains(.doubleSurname) == true
            let surnameLength = double ? 2 : (lexicons.isSurname(c) ? 1 : 0)
            if surnameLength > 0 {
                var e = end(t)
                // 邓小平理论: the name is the longest known name at the start.
                if e - s > surnameLength + 2 {
                    e = -1
                    for l in stride(from: surnameLength + 2, through: surnameLength + 1, by: -1) where s + l < end(t) {
                        if let i = lexicons.entry(text.norm[s..<(s + l)]), i.tag == .person { e = s + l; break }
                    }
                    if e < 0 { return nil }
                }
                var score: Float = 0
                for p in (s + surnameLength)..<e { score += lexicons.given(text.norm[p]) }
                score /= Float(e - s - surnameLength)
                score += freq(t) >= 10 ? 1.5 : 0.5
                if lexicons.isCommonSurname(c) || double { score += 0.5 } else { score -= 1 }
                if e - s == 2 && !lexicons.isCommonSurname(c) { score -= 1 }
                return (e, false, score)
            }
        }
        // 小黄 老王: a familiar prefix and a surname, as a word of their own.
        if Self.partialPrefixes.contains(c), lexicons.isCommonSurname(text[s + 1]), s + 2 <= text.count, token(at: s + 2) != nil, (len(t) == 1 || len(t) == 2 && (info(t) == nil || freq(t) < 300)) {
            return (s + 2, true, 3)
        }
        // Surname (double first).
        var surnameEnd = -1
        if let i = info(t), i.flags.contains(.doubleSurname), len(t) == 2 { surnameEnd = end(t) }
        if surnameEnd < 0, lexicons.isSurname(c) {
            if len(t) == 1 { surnameEnd = s + 1 }
            // The lattice joined the surname to a given-name character (王刚 as a word).
            else if len(t) <= 3, info(t) == nil || tag(t) == .person || freq(t) < 20 { surnameEnd = s + 1 }
        }
        guard surnameEnd > 0 else { return nil }
        // 周某某 周某.
        if text[surnameEnd] == Self.mou {
            return (text[surnameEnd + 1] == Self.mou ? surnameEnd + 2 : surnameEnd + 1, true, 3)
        }
        // One or two given-name characters, each not part of a longer word that runs past the name.
        var best: (Int, Float)?
        for n in 1...2 {
            let e = surnameEnd + n
            guard e <= text.count else { break }
            var score: Float = lexicons.isCommonSurname(c) ? 0.5 : 0
            var ok = true
            for p in surnameEnd..<e {
                let g = text.norm[p]
                guard Scalars.isHan(g), NumeralCharacter.classify(g) == nil || n == 2 && p == e - 1 && false else { ok = false; break }
                score += lexicons.given(g)
            }
            guard ok else { break }
            // The name must end at a word boundary of the lattice (or inside the surname's own token).
            if !(text.lattice.isBoundary(e) || e <= end(t)) { continue }
            // The given name must not be a frequent word on its own (王 + 国家).
            let titleAfter = token(at: e).map { flags($0).contains(.title) } ?? false
            let listed = text[e] == Scalars.ideographicComma || surnameEnd > 1 && text[s - 1] == Scalars.ideographicComma
            // 张浩受, 张浩的: a last character that is a function word or a one-character verb ends no name.
            if n == 2, let last = token(at: e - 1), len(last) == 1, Self.stopCharacters.contains(text.norm[e - 1]) || tag(last).isFunctional || tag(last) == .verb && lexicons.given(text.norm[e - 1]) < 0 { continue }
            // (The title or byline before the name is looked for only here: few tokens get this far.)
            if n == 2, !hasStrongCue(before: s), !titleAfter, !listed, let gt = token(at: surnameEnd), end(gt) == e, let gi = info(gt), gi.frequency > 200, gi.tag != .person { continue }
            if n == 1, let gt = token(at: surnameEnd), end(gt) > e { continue }
            score /= Float(n)
            if n == 2, let b = best, score >= -1.0 || score > b.1 - 0.5 { best = (e, max(score, b.1)) }
            else if best == nil { best = (e, score) }
        }
        guard let (e, score) = best else { return nil }
        return (e, false, score)
    }

    /// A transliterated name at token `t`: a run of characters used in foreign names.
    func foreignName(at t: Int) -> Int? {
        if (tag(t) == .foreignPerson || tag(t) == .person), len(t) >= 2 {
            var e = end(t)
            // 约翰·肯尼迪: joined by a middle dot.
            while e < text.count, Self.dot.contains(text[e]), let u = token(at: e + 1), tag(u) == .foreignPerson || tag(u) == .person || isTranslitRun(u) { e = end(u) }
            return e
        }
        var e = start(t)
        var u = t
        var n = 0
        while u < tokenCount, isTranslitRun(u), n < 8 {
            e = end(u); n += len(u); u += 1
        }
        return n >= 3 ? e : nil
    }

    /// The mean transliteration score of the characters in [s, e).
    func translitShape(_ s: Int, _ e: Int) -> Float {
        var total: Float = 0
        var n: Float = 0
        for p in s..<e where !Self.dot.contains(text.norm[p]) { total += min(lexicons.translit(text.norm[p]), 3); n += 1 }
        return n > 0 ? total / n : -3
    }

    /// The run from `t` contains a name the list knows (扎 + 琳娜).
    func runHasKnownName(from t: Int, to e: Int) -> Bool {
        var u = t
        while u < tokenCount, start(u) < e {
            if (tag(u) == .foreignPerson || tag(u) == .person) && freq(u) >= 20 && !flags(u).contains(.commonWord) { return true }
            u += 1
        }
        return false
    }

    func isTranslitRun(_ u: Int) -> Bool {
        guard isHan(u) else { return false }
        if len(u) > 1, let i = info(u), i.frequency > 100, i.tag != .foreignPerson { return false }
        for p in start(u)..<end(u) where lexicons.translit(text.norm[p]) < 1.0 { return false }
        return true
    }

    /// A title or byline right before `s` (局长王建国, 记者 李明).
    func hasStrongCue(before s: Int) -> Bool {
        guard s > 0 else { return false }
        var p = s
        while p > 0, Scalars.isSpace(text[p - 1]) || text[p - 1] == 0x3A || text[p - 1] == 0xFF1A { p -= 1 }
        let b = text.lattice.token(containing: max(0, p - 1))
        return b >= 0 && end(b) == p && !flags(b).intersection([.title, .byline]).isEmpty
    }

    /// How strongly the context says "a person" (0 = nothing), and the role found.
    func evidence(before s: Int, after e: Int) -> (Float, String?) {
        var cue: Float = 0
        var role: String?
        // After: title (王建国书记), honorific, speech or action verb, 等.
        if let u = token(at: e) {
            let f = flags(u)
            if f.contains(.title) { cue += 2; role = word(u) }
            else if f.contains(.honorific) { cue += 2 }
            else if f.contains(.speechCue) { cue += 1.5 }
            else if f.contains(.actionCue) || f.contains(.afterCue) { cue += 1 }
        }
        if e < text.count, text[e] == Scalars.ideographicComma || text[e] == 0xFF0C && false { cue += 0.5 }
        // Before: a title, a byline (记者 X), 、 after another name.
        if s > 0 {
            var p = s
            while p > 0, Scalars.isSpace(text[p - 1]) || text[p - 1] == 0x3A || text[p - 1] == 0xFF1A || text[p - 1] == 0x2F { p -= 1 }
            let b = text.lattice.token(containing: max(0, p - 1))
            if b >= 0, end(b) == p {
                let f = flags(b)
                if f.contains(.title) { cue += 2; role = role ?? word(b) }
                else if f.contains(.byline) { cue += 2.5; role = role ?? word(b) }
            }
            if text[s - 1] == Scalars.ideographicComma { cue += 0.5 }
        }
        return (cue, role)
    }
}
