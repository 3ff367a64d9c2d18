import Extract
import Lexicon
import Records
import Testing

@Suite struct ExtractStageTests {
    let stage = ExtractStage(lexicons: Fixture.lexicons)

    func run(_ line: String) throws -> Record {
        var record = try Record(parsing: line)
        try stage.makeProcessor().process(&record)
        return record
    }

    @Test func addsEntitiesAndNumbersAndKeepsOtherFields() throws {
        let r = try run(#"{"doc":"a","para":0,"text":"市长赵文斌带队慰问了12户困难家庭。","url":"http://x"}"#)
        #expect(r.keys == ["doc", "para", "text", "url", "entities", "numbers"])
        let numbers = try #require(try r.value("numbers")?.array)
        #expect(numbers.count == 1)
        #expect(numbers[0]["value"]?.number == DecimalValue(12))
        #expect(numbers[0]["start"]?.int == 10)
        let entities = try #require(try r.value("entities")?.array)
        #expect(entities.contains { $0["type"]?.string == "PER" && $0["text"]?.string == "赵文斌" })
    }

    @Test func runningTwiceGivesTheSameBytes() throws {
        let line = #"{"doc":"a","para":0,"text":"约人参加，另有余名志愿者。","flags":["kept-by-repair"]}"#
        let once = try run(line)
        var twice = try Record(parsing: once.jsonLine)
        try stage.makeProcessor().process(&twice)
        #expect(once.jsonLine == twice.jsonLine)
        let flags = try #require(try once.value("flags")?.array)
        #expect(flags.first?.string == "kept-by-repair")
        #expect(flags.filter { $0["kind"]?.string == "number-missing" }.count == 2)
    }

    @Test func missingTextIsAClearError() {
        #expect(throws: RecordError.missingField("text")) { try run(#"{"doc":"a"}"#) }
    }

    @Test func valuesAreExactLiterals() throws {
        let r = try run(#"{"text":"花费了47.264287亿元"}"#)
        let json = String(decoding: try #require(r["numbers"]), as: UTF8.self)
        #expect(json.contains("\"value\":4726428700"))
    }
}
