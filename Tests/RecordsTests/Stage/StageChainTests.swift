import Testing
@testable import Records

/// A processor that logs which record it saw (by `doc`), adds a field named
/// after itself, and throws on one document.
final class LoggingProcessor: RecordProcessor {
    let name: String
    let failingDoc: String?
    var log: [String] = []
    /// A log shared with other processors (the order across stages).
    let shared: SharedLog?
    var units = 0
    init(_ name: String, failingOn failingDoc: String? = nil, shared: SharedLog? = nil) {
        self.name = name
        self.failingDoc = failingDoc
        self.shared = shared
    }
    func beginUnit() { units += 1 }
    func process(_ record: inout Record) throws {
        let doc = try record.string("doc")
        if doc == failingDoc { throw RecordError.invalidField("doc", "\(name) fails on \(doc)") }
        log.append("\(name):\(doc)")
        shared?.entries.append("\(name):\(doc)")
        record.set(name, log.count)
    }
}

final class SharedLog { var entries: [String] = [] }

@Suite struct StageChainTests {
    let lines = (0..<4).map { #"{"doc":"d\#($0)","text":"x"}"# }

    func bytes(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    func output(_ records: [Record]) -> [String] {
        records.map { record in
            var out: [UInt8] = []
            record.write(to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    @Test func everyStageSeesEveryRecordInOrderOneStageAfterTheOther() throws {
        let shared = SharedLog()
        let a = LoggingProcessor("a", shared: shared), b = LoggingProcessor("b", shared: shared)
        let records = try StageChain([a, b]).process(lines: bytes(lines))
        #expect(a.log == ["a:d0", "a:d1", "a:d2", "a:d3"])
        #expect(b.log == ["b:d0", "b:d1", "b:d2", "b:d3"])
        #expect(shared.entries == a.log + b.log, "the first stage runs over the whole unit before the second starts")
        #expect(a.units == 1 && b.units == 1)
        #expect(output(records) == (0..<4).map { #"{"doc":"d\#($0)","text":"x","a":\#($0 + 1),"b":\#($0 + 1)}"# + "\n" })
    }

    @Test func errorRecordsPassThroughUntouched() throws {
        let error = #"{"error":{"input":"f","line":2,"message":"bad"},"original":"{"}"#
        let a = LoggingProcessor("a")
        let records = try StageChain([a]).process(lines: bytes([lines[0], error, lines[1]]))
        #expect(a.log == ["a:d0", "a:d1"])
        #expect(output(records)[1] == error + "\n")
    }

    @Test func theFailureThrownIsTheFirstInRecordOrder() throws {
        // The second stage fails on an earlier record than the first stage:
        // record by record, that failure comes first.
        let a = LoggingProcessor("a", failingOn: "d2"), b = LoggingProcessor("b", failingOn: "d1")
        #expect(throws: RecordError.invalidField("doc", "b fails on d1")) { try StageChain([a, b]).process(lines: bytes(lines)) }
        #expect(a.log == ["a:d0", "a:d1"])
        #expect(b.log == ["b:d0"])
    }

    @Test func laterStagesStopBeforeTheRecordAnEarlierStageFailedOn() throws {
        let a = LoggingProcessor("a", failingOn: "d1"), b = LoggingProcessor("b", failingOn: "d3")
        #expect(throws: RecordError.invalidField("doc", "a fails on d1")) { try StageChain([a, b]).process(lines: bytes(lines)) }
        #expect(a.log == ["a:d0"])
        #expect(b.log == ["b:d0"], "b never reaches d3, so a's failure stands")
    }
}
