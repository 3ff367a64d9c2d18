import Testing
@testable import Records

@Suite struct LineReaderTests {
    func lines(of bytes: [UInt8], blockSize: Int) throws -> [(String, Int, Int)] {
        let path = TemporaryFiles.write(bytes)
        defer { unlink(path) }
        let reader = try LineReader(InputSource(path), blockSize: blockSize)
        var result: [(String, Int, Int)] = []
        while let batch = try reader.nextBatch() {
            for line in batch.lines {
                result.append((String(decoding: batch.bytes(of: line), as: UTF8.self), line.number, line.byteOffset))
            }
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func linesSurviveAnyBlockSize(_ blockSize: Int) throws {
        let text = "{\"a\":\"中文\"}\r\n\n{\"b\":2}\nlast line without newline"
        let got = try lines(of: Array(text.utf8), blockSize: blockSize)
        #expect(got.map(\.0) == ["{\"a\":\"中文\"}", "", "{\"b\":2}", "last line without newline"])
        #expect(got.map(\.1) == [1, 2, 3, 4])
        #expect(got.map(\.2) == [0, 16, 17, 25])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try lines(of: [], blockSize: 16).isEmpty)
    }

    @Test func missingFilesAndDirectoriesAreNamed() {
        #expect(throws: InputError.missing("/no/such/file.jsonl")) { try LineReader(InputSource("/no/such/file.jsonl")) }
        do {
            _ = try LineReader(InputSource("/tmp"))
            Issue.record("a directory should be refused")
        } catch {
            #expect(error.status == .noInput)
            #expect(error.problem.contains("is a directory"))
        }
    }
}
