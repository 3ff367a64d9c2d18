import Testing
@testable import Records

@Suite struct OutputSinkTests {
    @Test func writesEverythingOnFlush() throws {
        let path = "/tmp/zhpipe-sink-\(getpid())"
        defer { unlink(path) }
        do {
            let sink = try OutputSink(path: path, bufferSize: 8)
            try sink.write("第一行\n")
            try sink.append { $0.append(contentsOf: Array("second\n".utf8)) }
            try sink.flush()
        }
        #expect(String(decoding: TemporaryFiles.read(path), as: UTF8.self) == "第一行\nsecond\n")
    }

    @Test func aClosedPipeIsReportedAsClosed() throws {
        POSIX.ignoreSIGPIPE()
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])  // the reader goes away
        let path = "/proc/self/fd/\(fds[1])"
        let sink = try OutputSink(path: path)
        #expect(throws: OutputError.closed) {
            try sink.write("data\n")
            try sink.flush()
        }
        close(fds[1])
    }

    @Test func anUnwritablePathIsAnError() {
        #expect(throws: OutputError.self) { try OutputSink(path: "/no/such/dir/out.jsonl") }
    }
}
