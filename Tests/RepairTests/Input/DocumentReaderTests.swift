import Foundation
import Records
import Testing
@testable import Repair

/// How JSON-lines documents are grouped into batches for the workers.
@Suite struct DocumentReaderTests {
    /// A JSON-lines file of documents whose texts are `lengths` characters
    /// long; returns its path and each line's size in bytes.
    func writeDocuments(_ lengths: [Int]) -> (path: String, lineBytes: [Int]) {
        let path = NSTemporaryDirectory() + "zhpipe-batches-\(UInt64.random(in: 0...UInt64.max)).jsonl"
        var lines: [String] = []
        for (k, length) in lengths.enumerated() {
            lines.append("{\"doc\": \"d\(k)\", \"text\": \"\(String(repeating: "文", count: length))\"}")
        }
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return (path, lines.map { $0.utf8.count })
    }

    func batches(_ path: String, documents: Int, bytes: Int) throws -> [[String]] {
        var result: [[String]] = []
        try DocumentReader(format: .jsonl).read(InputSource(path), batchSize: documents, batchBytes: bytes) { batch in
            result.append(batch.map(\.id))
        }
        return result
    }

    @Test func aBatchClosesAtItsBytesOrItsDocumentsAndKeepsTheOrder() throws {
        let lengths = (0..<60).map { [3, 40, 1, 200, 12][$0 % 5] }
        let (path, lineBytes) = writeDocuments(lengths)
        defer { unlink(path) }
        let limit = 1500
        let byBytes = try batches(path, documents: 1024, bytes: limit)
        #expect(byBytes.flatMap { $0 } == (0..<60).map { "d\($0)" })
        var next = 0
        for (index, batch) in byBytes.enumerated() {
            let sizes = lineBytes[next..<(next + batch.count)]
            next += batch.count
            // Full once it reaches the limit, never before; only the last may fall short.
            #expect(sizes.dropLast().reduce(0, +) < limit)
            if index < byBytes.count - 1 { #expect(sizes.reduce(0, +) >= limit) }
        }
        // Small documents: the document count closes the batch first.
        let byCount = try batches(path, documents: 4, bytes: 1 << 20)
        #expect(byCount.dropLast().allSatisfy { $0.count == 4 })
        #expect(byCount.flatMap { $0 } == (0..<60).map { "d\($0)" })
        // One document larger than the limit is a batch of its own, whole.
        let big = try batches(path, documents: 1024, bytes: 1)
        #expect(big.count == 60 && big.allSatisfy { $0.count == 1 })
    }
}
