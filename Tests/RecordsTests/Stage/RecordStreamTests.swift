import Testing
@testable import Records

/// A stage that upper-cases nothing and adds a field computed from `text`,
/// so tests see both pass-through and owned fields.
struct LengthStage: RecordStage {
    let name = "length"
    let ownedFields = ["length"]
    func makeProcessor() throws -> any RecordProcessor { LengthProcessor() }
}

final class LengthProcessor: RecordProcessor {
    func process(_ record: inout Record) throws {
        let text = try record.string("text")
        record.set("length", text.unicodeScalars.count)
    }
}

/// A stage that remembers across paragraphs: writes how many records of the
/// same document it saw just before (so a document split between threads,
/// or seen out of order, shows).
struct RunLengthStage: RecordStage {
    let name = "runlength"
    let ownedFields = ["seen"]
    var keepsDocumentState: Bool { true }
    func makeProcessor() throws -> any RecordProcessor { RunLengthProcessor() }
}

final class RunLengthProcessor: RecordProcessor {
    var doc: ArraySlice<UInt8>?
    var count = 0
    func beginUnit() { doc = nil }
    func process(_ record: inout Record) throws {
        if let d = record["doc"], d == doc { count += 1 } else { doc = record["doc"]; count = 0 }
        record.set("seen", count)
    }
}

@Suite struct RecordStreamTests {
    func run(_ input: String, stage: some RecordStage = LengthStage(), jobs: Int = 1, keepGoing: Bool = false, batchBytes: Int = 1 << 20) throws -> (output: String, summary: StreamSummary?, error: InputError?) {
        let inPath = TemporaryFiles.write(Array(input.utf8))
        let outPath = inPath + ".out"
        defer { unlink(inPath); unlink(outPath) }
        var summary: StreamSummary?
        var failure: InputError?
        do {
            let sink = try OutputSink(path: outPath)
            do {
                summary = try RecordStream.run(stage, inputs: [InputSource(inPath)], output: sink, options: StreamOptions(keepGoing: keepGoing, jobs: jobs, progress: false, batchBytes: batchBytes))
            } catch let error as InputError {
                failure = error
            }
            try sink.flush()
        }
        return (String(decoding: TemporaryFiles.read(outPath), as: UTF8.self), summary, failure)
    }

    @Test(arguments: [1, 2, 4])
    func recordsComeOutInInputOrder(_ jobs: Int) throws {
        let input = (0..<500).map { #"{"doc":"d","para":\#($0),"text":"\#(String(repeating: "字", count: $0 % 7))"}"# }.joined(separator: "\n") + "\n"
        let result = try run(input, jobs: jobs)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 500)
        #expect(lines[3] == #"{"doc":"d","para":3,"text":"字字字","length":3}"#)
        #expect(result.summary?.records == 500)
    }

    @Test(arguments: [1, 2, 4])
    func manySmallBatchesComeOutInInputOrder(_ jobs: Int) throws {
        let input = (0..<3000).map { #"{"para":\#($0),"text":"\#(String(repeating: "字", count: $0 % 11))"}"# }.joined(separator: "\n") + "\n"
        let result = try run(input, jobs: jobs, batchBytes: 300)
        let lengths = result.output.split(separator: "\n").map { try? Record(parsing: String($0)).value("length")?.int }
        #expect(lengths == (0..<3000).map { $0 % 11 })
        #expect(result.summary?.records == 3000)
    }

    @Test(arguments: [1, 2, 4])
    func aDocumentReachesOneProcessorWholeAndInOrder(_ jobs: Int) throws {
        // Documents of 1 to 40 paragraphs over batches of a few lines each.
        var lines: [String] = []
        for d in 0..<200 {
            for p in 0..<(1 + (d * 37) % 40) { lines.append(#"{"doc":"d\#(d)","para":\#(p),"text":"x"}"#) }
        }
        let result = try run(lines.joined(separator: "\n") + "\n", stage: RunLengthStage(), jobs: jobs, batchBytes: 200)
        let records = try result.output.split(separator: "\n").map { try Record(parsing: String($0)) }
        #expect(records.count == lines.count)
        #expect(try records.allSatisfy { try $0.value("seen")?.int == $0.value("para")?.int })
    }

    @Test(arguments: [1, 3])
    func aBadLineStopsTheRunAfterWritingEverythingBefore(_ jobs: Int) throws {
        let good = (0..<50).map { #"{"text":"a\#($0)"}"# }
        let input = (good + [#"{"text":"x","#] + good).joined(separator: "\n")
        let result = try run(input, jobs: jobs)
        let small = try run(input, jobs: jobs, batchBytes: 64)
        #expect(small.output == result.output && small.error?.line == result.error?.line && small.error?.byteOffset == result.error?.byteOffset)
        #expect(result.output.split(separator: "\n").count == 50)
        let error = try #require(result.error)
        #expect(error.line == 51)
        #expect(error.byteOffset == good.map { $0.utf8.count + 1 }.reduce(0, +) + 12)  // the end of the truncated line
        #expect(error.description.contains(":51: byte"))
        #expect(error.status == .dataError)
    }

    @Test func missingFieldsNameTheFieldAndTheStageThatMakesIt() throws {
        let result = try run(#"{"doc":"a"}"#)
        let error = try #require(result.error)
        #expect(error.problem.contains(#"no "text" field"#))
        #expect(error.problem.contains("zhpipe repair"))
    }

    @Test func keepGoingTurnsBadLinesIntoErrorRecordsInPlace() throws {
        let input = [#"{"text":"a"}"#, "not json", #"{"text":7}"#, #"{"text":"b"}"#].joined(separator: "\n")
        let result = try run(input, keepGoing: true)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == #"{"text":"a","length":1}"#)
        #expect(ErrorRecord.isError(try Record(parsing: lines[1])))
        #expect(try Record(parsing: lines[1]).string("original") == "not json")
        #expect(try Record(parsing: lines[2]).string("original") == #"{"text":7}"#)
        #expect(lines[3] == #"{"text":"b","length":1}"#)
        #expect(result.summary?.badLines == 2)
    }

    @Test func errorRecordsFromEarlierStagesPassThroughUntouched() throws {
        let errorLine = #"{"error":{"input":"x","line":1,"message":"bad"},"original":"zz"}"#
        let result = try run(errorLine + "\n" + #"{"text":"ok"}"#)
        #expect(result.output.split(separator: "\n").first.map(String.init) == errorLine)
    }

    @Test func blankLinesAreSkippedButAnEmptyInputIsAnError() throws {
        #expect(try run("\n\n" + #"{"text":"a"}"# + "\n\n").output == #"{"text":"a","length":1}"# + "\n")
        let empty = try run("")
        #expect(empty.error?.problem.contains("is empty") == true)
    }

    @Test func invalidUTF8IsLocatedToTheByte() throws {
        let bytes: [UInt8] = Array(#"{"text":"ab"#.utf8) + [0xFF] + Array("\"}".utf8)
        let path = TemporaryFiles.write(bytes)
        defer { unlink(path) }
        let sink = try OutputSink(path: "/dev/null")
        do {
            try RecordStream.run(LengthStage(), inputs: [InputSource(path)], output: sink, options: StreamOptions(progress: false))
            Issue.record("should fail")
        } catch let error as InputError {
            #expect(error.byteOffset == 11)
            #expect(error.problem.contains("invalid UTF-8"))
        }
    }
}
