import Foundation
import Testing
import Records
@testable import Aggregate

/// The merge property: cutting a stream of records into shards, counting
/// each (`report --partial`), and merging the partial files in any order
/// gives byte for byte the report one pass gives.
@Suite struct MergePropertyTests {
    static let allOptions: [ReportOptions] = [
        ReportOptions(format: .tsv),
        ReportOptions(format: .json),
        ReportOptions(format: .md, top: 3),
        ReportOptions(format: .html),
        ReportOptions(format: .tsv, view: .doc),
        ReportOptions(format: .tsv, view: .number),
        ReportOptions(format: .tsv, view: .quality),
        ReportOptions(format: .md, types: ["PER"], minCount: 2, sort: .name),
    ]

    func onePass(_ lines: [String], _ options: ReportOptions, capacity: Int = CooccurrenceTable.defaultCapacity) throws -> String {
        let builder = ReportBuilder(cooccurrenceCapacity: capacity, keepsDocumentSummaries: ReportBuilder.needsDocumentSummaries(options, partial: false))
        for line in lines { try builder.add(try Record(parsing: line)) }
        return builder.render(options)
    }

    func partialFile(_ lines: ArraySlice<String>) throws -> String {
        let builder = ReportBuilder()
        for line in lines { try builder.add(try Record(parsing: line)) }
        let path = "/tmp/zhpipe-aggregate-test-\(UInt64.random(in: 0...UInt64.max)).counts"
        let bytes = builder.partial()
        let file = fopen(path, "w")!
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        return path
    }

    func merged(_ paths: [String], _ options: ReportOptions) throws -> String {
        let builder = ReportBuilder(for: options, partial: false)
        try builder.mergePartials(paths.map(InputSource.init))
        return builder.render(options)
    }

    /// Random contiguous cut points.
    func shards(_ lines: [String], count: Int, _ g: inout RandomCorpus.Generator) -> [ArraySlice<String>] {
        var cuts = Set<Int>()
        while cuts.count < count - 1 { cuts.insert(1 + Int(g.next() % UInt64(lines.count - 1))) }
        let bounds = [0] + cuts.sorted() + [lines.count]
        return (0..<(bounds.count - 1)).map { lines[bounds[$0]..<bounds[$0 + 1]] }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func randomSplitsGiveByteIdenticalReports(seed: UInt64) throws {
        var g = RandomCorpus.Generator(seed: seed &* 7919)
        let lines = RandomCorpus.lines(count: 60 + Int(g.next() % 140), seed: seed)
        let shardCount = 2 + Int(g.next() % 7)
        var paths = try shards(lines, count: shardCount, &g).map(partialFile)
        defer { for p in paths { unlink(p) } }
        paths.shuffle(using: &g)
        for options in Self.allOptions {
            let whole = try onePass(lines, options)
            #expect(whole.utf8.count > 100)
            #expect(try merged(paths, options) == whole, "seed \(seed), \(shardCount) shards, \(options)")
        }
    }

    @Test func mergeIsOrderIndependentAndTreeShaped() throws {
        var g = RandomCorpus.Generator(seed: 42)
        let lines = RandomCorpus.lines(count: 150, seed: 42)
        let paths = try shards(lines, count: 6, &g).map(partialFile)
        defer { for p in paths { unlink(p) } }
        // ((1+2+3) merged to a partial) + (4+5+6), in reverse order.
        let left = ReportBuilder()
        try left.mergePartials(paths[0..<3].map(InputSource.init))
        let leftPath = try writeTemporary(left.partial())
        defer { unlink(leftPath) }
        let options = ReportOptions(format: .json)
        let tree = try merged([leftPath] + paths[3...].reversed(), options)
        #expect(tree == (try onePass(lines, options)))
    }

    @Test func partialLinesMayBeReorderedAndConcatenated() throws {
        // Hadoop Streaming sorts mapper output lines before the reducer sees them.
        let lines = RandomCorpus.lines(count: 120, seed: 11)
        var sorted: [String] = []
        for shard in [lines[0..<50], lines[50...]] {
            let builder = ReportBuilder()
            for line in shard { try builder.add(try Record(parsing: line)) }
            sorted += String(decoding: builder.partial(), as: UTF8.self).split(separator: "\n").map(String.init)
        }
        sorted.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(sorted.last?.hasPrefix(#"{"zhpipe""#) == true)
        let path = try writeTemporary(Array((sorted.joined(separator: "\n") + "\n").utf8))
        defer { unlink(path) }
        let options = ReportOptions(format: .md)
        #expect(try merged([path], options) == (try onePass(lines, options)))
    }

    @Test func aPartialOfOneShardIsDeterministic() throws {
        let lines = RandomCorpus.lines(count: 80, seed: 9)
        let a = ReportBuilder(), b = ReportBuilder()
        for line in lines { try a.add(try Record(parsing: line)); try b.add(try Record(parsing: line)) }
        #expect(a.partial() == b.partial())
        #expect(String(decoding: a.partial(), as: UTF8.self).hasPrefix(#"{"zhpipe":"report-partial","version":1}"#))
    }

    @Test func notAPartialFileIsAClearError() throws {
        let path = try writeTemporary(Array((SampleRecords.lines[0] + "\n").utf8))
        defer { unlink(path) }
        do {
            try ReportBuilder().mergePartials([InputSource(path)])
            Issue.record("merging records as partial counts should fail")
        } catch let error as InputError {
            #expect(error.line == 1)
            #expect(error.problem.contains("not a partial-count file"))
        }
    }

    func writeTemporary(_ bytes: [UInt8]) throws -> String {
        let path = "/tmp/zhpipe-aggregate-test-\(UInt64.random(in: 0...UInt64.max)).counts"
        let file = fopen(path, "w")!
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        return path
    }
}
