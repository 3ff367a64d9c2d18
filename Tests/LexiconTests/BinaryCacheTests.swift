import Foundation
import Testing
@testable import Lexicon

@Suite struct BinaryCacheTests {
    func temporaryFolder(_ name: String) -> String {
        NSTemporaryDirectory() + "zhpipe-\(name)-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// A new folder holding a one-row words.tsv, and that file's path (remove the folder after).
    func folderWithInput(_ name: String) throws -> (folder: String, input: String) {
        let dir = temporaryFolder(name)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        writeFile(dir + "/words.tsv", "词\t1\n")
        return (dir, dir + "/words.tsv")
    }

    func writeFile(_ path: String, _ text: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    static let magic: [UInt8] = Array("ZHTEST01".utf8)

    @Test func valuesComeBackAsWritten() throws {
        let (dir, input) = try folderWithInput("cache-values")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir + "/cache")
        let path = try #require(cache.path(kind: "test", magic: Self.magic, inputs: [input]))
        let big = (0..<300_000).map { UInt32(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        cache.store(at: path, kind: "test", magic: Self.magic) { out in
            out.int(42)
            out.float(-1.25)
            out.strings(["甲", "", "乙丙"])
            out.array(big)
            out.array([Int16(-3), 7], counted: false)
        }
        let read = cache.load(path, magic: Self.magic) { reader -> (Int, Float, [String], [UInt32], [Int16])? in
            guard let i = reader.int(), let f = reader.float(), let s = reader.strings(), let a: [UInt32] = reader.array(),
                  let b: [Int16] = reader.array(count: 2) else { return nil }
            return (i, f, s, a, b)
        }
        let values = try #require(read)
        #expect(values.0 == 42)
        #expect(values.1 == -1.25)
        #expect(values.2 == ["甲", "", "乙丙"])
        #expect(values.3 == big)
        #expect(values.4 == [-3, 7])
    }

    @Test func arraysOfArraysComeBackAsWrittenOrNotAtAll() throws {
        let pieces: [[UInt16]] = [[1, 2, 3], [], [7], [8, 9]]
        var out = ByteWriter()
        out.arrays(pieces)
        let read: [[UInt16]]? = out.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(bytes: raw)
            return reader.arrays()
        }
        #expect(read == pieces)
        // Counts that promise more values than follow: nil, not a short piece.
        var bad = ByteWriter()
        bad.array([Int32(2), 3])
        bad.array([UInt16(1), 2, 3, 4])
        let none: [[UInt16]]? = bad.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(bytes: raw)
            return reader.arrays()
        }
        #expect(none == nil)
    }

    @Test func anyDoubtMeansNoCache() throws {
        let (dir, input) = try folderWithInput("cache-doubt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let path = try #require(cache.path(kind: "test", magic: Self.magic, inputs: [input]))
        cache.store(at: path, kind: "test", magic: Self.magic) { out in out.array([UInt32(1), 2, 3]) }
        let readAll: (inout ByteReader) -> [UInt32]? = { $0.array() }
        #expect(cache.load(path, magic: Self.magic, readAll) == [1, 2, 3])
        // Another format's magic, a decoder that stops short, a truncated file, no file.
        #expect(cache.load(path, magic: Array("ZHTEST02".utf8), readAll) == nil)
        #expect(cache.load(path, magic: Self.magic) { reader -> Int? in reader.int() } == nil)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        FileManager.default.createFile(atPath: path, contents: bytes.dropLast(4))
        #expect(cache.load(path, magic: Self.magic, readAll) == nil)
        #expect(cache.load(dir + "/none.bin", magic: Self.magic, readAll) == nil)
        // A missing input names no file at all.
        #expect(cache.path(kind: "test", magic: Self.magic, inputs: [dir + "/missing.tsv"]) == nil)
    }

    @Test func theNameFollowsTheInputsAndTheFormat() throws {
        let (dir, input) = try folderWithInput("cache-name")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let first = try #require(cache.path(kind: "test", magic: Self.magic, inputs: [input]))
        #expect(first.hasPrefix(dir + "/test-") && first.hasSuffix(".bin"))
        #expect(cache.path(kind: "test", magic: Self.magic, inputs: [input]) == first)
        #expect(cache.path(kind: "test", magic: Array("ZHTEST02".utf8), inputs: [input]) != first)
        writeFile(input, "词\t1\n字\t2\n")   // a new size
        #expect(cache.path(kind: "test", magic: Self.magic, inputs: [input]) != first)
        // Another build of the program names other files for the same inputs.
        let now = try #require(cache.path(kind: "test", magic: Self.magic, inputs: [input]))
        let rebuilt = BinaryCache(directory: dir, program: cache.program + "+rebuilt")
        #expect(rebuilt.path(kind: "test", magic: Self.magic, inputs: [input]) != now)
        #expect(!BinaryCache.runningProgram.isEmpty)
    }

    @Test func oldFilesOfAKindArePruned() throws {
        let dir = temporaryFolder("cache-prune")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for k in 0..<6 {
            for kind in ["alpha", "beta"] {
                let path = dir + "/\(kind)-\(k).bin"
                FileManager.default.createFile(atPath: path, contents: Data([1]))
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + k * 100))], ofItemAtPath: path)
            }
        }
        BinaryCache(directory: dir).pruneOldFiles(kind: "alpha", keeping: 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["alpha-4.bin", "alpha-5.bin"] + (0..<6).map { "beta-\($0).bin" })
    }

    @Test func aKeyTableComesBackWithTheSameAnswers() throws {
        var table = IntegerKeyTable<Float>(filler: 0)
        for k in 0..<5000 { table.insert(UInt64(k) &* 0x1_0000_0001, Float(k) / 4) }
        var out = ByteWriter()
        table.encode(into: &out)
        let bytes = out.bytes
        let copy = try #require(bytes.withUnsafeBytes { raw -> IntegerKeyTable<Float>? in
            var reader = ByteReader(bytes: raw)
            return IntegerKeyTable<Float>(decoding: &reader, filler: 0)
        })
        #expect(copy.count == table.count)
        for k in 0..<5000 { #expect(copy.lookup(UInt64(k) &* 0x1_0000_0001) == Float(k) / 4) }
        #expect(copy.lookup(7) == nil)
    }
}
