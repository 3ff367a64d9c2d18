import Testing
@testable import Repair

@Suite struct DamageGeneratorTests {
    let text = "春节伊始，全县上下齐心协力。各级党员干部深入基层，了解群众需求！大家都说：“这样的干部好。”"

    @Test func damageIsDeterministicAndSeedDependent() throws {
        let mechanisms = try DamageCatalog.all()
        #expect(mechanisms.count >= 7)
        #expect(Set(mechanisms.map(\.name)).count == mechanisms.count)
        for m in mechanisms {
            let a = DamageGenerator(seed: 7).damage(text, with: m, index: 3)
            let b = DamageGenerator(seed: 7).damage(text, with: m, index: 3)
            #expect(a == b, "\(m.name)")
            #expect(a != text, "\(m.name) did nothing")
        }
        var differs = false
        for seed in UInt64(1)...5 where DamageGenerator(seed: seed).damage(text, with: mechanisms[0], index: 0) != DamageGenerator(seed: 99).damage(text, with: mechanisms[0], index: 0) { differs = true }
        #expect(differs)
    }

    @Test func censoringTakesOnlyWhatFiltersList() {
        let censor = MirrorCensoring()
        var rng = SeededRandom(seed: 1)
        #expect(censor.apply(to: "社区党员和病毒检测", rng: &rng) == "社区*员和病毒检测")
        #expect(censor.apply(to: "今天天气很好", rng: &rng) == "今天天气很好")
    }

    @Test func seededRandomIsStable() {
        var rng = SeededRandom(seed: 42)
        let first = (0..<3).map { _ in rng.next() }
        var again = SeededRandom(seed: 42)
        #expect((0..<3).map { _ in again.next() } == first)
        #expect(Set(first).count == 3)
        for _ in 0..<100 { #expect((5..<9).contains(rng.int(in: 5..<9))) }
    }

    @Test func classicDamageIsUndoneByTheMojibakePass() throws {
        let pass = MojibakePass(model: TestLexicons.model)
        for m in try ClassicMojibake.all() where !m.lossy && !(m.channel.source == .utf8 && m.channel.misread.charset == .big5) {
            var source = text
            if case .legacy(let codec) = m.channel.source, codec.charset == .big5 { source = "春節伊始，全縣上下齊心協力。各級黨員幹部深入基層，了解群眾需求！大家都說：“這樣的幹部好。”" }
            let damaged = DamageGenerator(seed: 3).damage(source, with: m, index: 0)
            var t = TextUnderRepair(damaged)
            var notes = RepairNotes()
            pass.run(on: &t, notes: &notes)
            if damaged.unicodeScalars.contains("\u{FFFD}") {
                let before = TextMeasures.editDistance(Array(damaged.unicodeScalars), Array(source.unicodeScalars))
                let after = TextMeasures.editDistance(Array(t.text.unicodeScalars), Array(source.unicodeScalars))
                #expect(Double(after) <= 0.35 * Double(before), "\(m.name): \(t.text)")
            } else {
                #expect(t.text == source, "\(m.name): \(damaged)")
            }
        }
    }
}
