import Records

/// Prints the sections of `zhpipe eval repair` as aligned plain-text tables.
public final class RepairReport {
    public init() {}

    func line(_ label: String, _ value: String) {
        print("  " + label.padding(40) + value)
    }

    public func printCorpus(_ r: RepairEvaluation.CorpusResult) {
        print("\ncorpus (\(r.documents) documents, \(r.records) records)")
        for (kind, n) in r.repairsByKind.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { line("repairs: " + kind, "\(n)") }
        for (kind, n) in r.flagsByKind.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { line("flags: " + kind, "\(n)") }
        line("pinyin annotations left", "\(r.pinyinLeft)   (goal 0)")
        line("'?' left next to Han", "\(r.questionMarksLeft)")
        line("suspicious spans left", "\(r.suspiciousLeft)")
    }

    public func printClean(_ r: RepairEvaluation.CleanResult) {
        print("\nclean text (\(r.documents) documents)")
        for source in r.charactersBySource.keys.sorted() {
            line("changed: " + source, "\(r.changedBySource[source] ?? 0) / \(r.charactersBySource[source] ?? 0) characters")
        }
        for (kind, n) in r.changedByKind.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { line("changed by: " + kind, "\(n)") }
        line("characters changed", "\(r.changed) / \(r.characters)   (goal 0)")
        for example in r.examples { print("    e.g. " + Self.printable(example)) }
    }

    public func printSynthetic(_ rows: [RepairEvaluation.SyntheticRow], seed: UInt64) {
        print("\nsynthetic damage (seed \(seed)): character error rate before -> after repair (normalised form)")
        var total = RepairEvaluation.SyntheticRow(mechanism: "all")
        for row in rows {
            line(row.mechanism, "\(percent(row.cerBefore)) -> \(percent(row.cerAfter))   (\(row.items) paragraphs)")
            for example in row.examples {
                print("    clean:    " + Self.printable(example.clean))
                print("    damaged:  " + Self.printable(example.damaged))
                print("    repaired: " + Self.printable(example.repaired))
                var raw = JSONWriter()
                raw.appendStringLiteral(example.raw)
                print("    input:    " + String(decoding: raw.bytes, as: UTF8.self))
            }
            total.items += row.items
            total.characters += row.characters
            total.errorsBefore += row.errorsBefore
            total.errorsAfter += row.errorsAfter
        }
        let ratio = total.errorsBefore == 0 ? 0 : Double(total.errorsAfter) / Double(total.errorsBefore)
        line("all mechanisms", "\(percent(total.cerBefore)) -> \(percent(total.cerAfter));  after/before \(percent(ratio))   (goal <= 5%)")
    }

    public func printCases(_ title: String, _ results: [RepairEvaluation.CaseResult]) {
        print("\n" + title)
        var total = 0, fixed = 0
        for r in results {
            line(r.name, "\(r.fixed) / \(r.total) fixed")
            total += r.total
            fixed += r.fixed
            for f in r.failures.prefix(3) { print("    not fixed: " + Self.printable(f)) }
        }
        if results.count > 1 { line("all", "\(fixed) / \(total) fixed") }
    }

    public func printScript(_ r: ScriptEvaluation.Result) {
        print("\nscript normalisation (OpenCC t2s/tw2s/hk2s cases, same length)")
        line("characters right", "\(r.correct) / \(r.characters) (\(percent(r.characterAccuracy)))")
        line("cases exactly right", "\(r.exact) / \(r.cases)")
        for f in r.failures { print("    wrong: " + Self.printable(f)) }
    }

    /// The text with control characters (CR, tabs, C1) shown as spaces, one line.
    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 ? " " : $0 }))
    }

    func percent(_ x: Double) -> String {
        let v = (x * 10000).rounded() / 100
        return "\(v)%"
    }

    /// The corpus files: *.txt and *.jsonl in `folder`, sorted.
    public static func listCorpus(_ folder: String) -> [String] {
        CleanTexts.listFiles(folder).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl") }.map { folder + "/" + $0 }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        let n = unicodeScalars.count
        return n >= width ? self + " " : self + String(repeating: " ", count: width - n)
    }
}
