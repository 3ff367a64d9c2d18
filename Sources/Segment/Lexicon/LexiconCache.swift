import Foundation
import Lexicon

/// A binary copy of a built word table, so a process after the first starts
/// in milliseconds instead of parsing 350k TSV rows.
///
/// The file is named after a fingerprint of its inputs (each lexicon file's
/// path, size and modification time, and the format version), so editing a
/// lexicon, or regenerating it, makes a new cache and the old one is never
/// read. Any doubt (missing, short, wrong magic) means "build from the TSV";
/// a cache that cannot be written is simply not written. The table built
/// from a cache is the same table the TSV gives, so output never depends on
/// whether a cache was used.
public struct LexiconCache: Sendable {
    /// The folder cache files go in.
    public let directory: String

    static let magic: [UInt8] = Array("ZHSEGLX7".utf8)

    public init(directory: String) { self.directory = directory }

    /// `$ZHPIPE_CACHE_DIR`, else `$XDG_CACHE_HOME/zhpipe`, else `~/.cache/zhpipe`;
    /// nil when `ZHPIPE_CACHE_DIR` is `off` or no folder can be named.
    public static var standard: LexiconCache? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["ZHPIPE_CACHE_DIR"] {
            return dir.isEmpty || dir == "off" ? nil : LexiconCache(directory: dir)
        }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return LexiconCache(directory: xdg + "/zhpipe") }
        if let home = env["HOME"], !home.isEmpty { return LexiconCache(directory: home + "/.cache/zhpipe") }
        return nil
    }

    /// What a cache file holds besides the table.
    struct Contents {
        var table: WordTable
        var classifiers: [UInt32]
        var unknownCharacterWeight: Float
        var statistics: SegmentLexicon.Statistics
        var transliteration: [UInt32]
        var names: PersonNameModel
    }

    /// The cache file for these input files, or nil if one of them cannot be examined.
    func path(for inputs: [String]) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        mix(Self.magic)
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else { return nil }
            mix(input.utf8)
            mix("\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)".utf8)
        }
        return directory + "/segment-" + String(hash, radix: 16) + ".bin"
    }

    // MARK: Reading

    func load(_ path: String) -> Contents? {
        guard let fd = Optional(open(path, O_RDONLY)), fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 64 else { return nil }
        // Mapped, not read: the arrays below copy straight from the page cache.
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
        defer { munmap(mapped, size) }
        var reader = ByteReader(bytes: UnsafeRawBufferPointer(start: mapped, count: size))
        guard let magic = reader.take(Self.magic.count), magic.elementsEqual(Self.magic) else { return nil }
        guard let slotCount = reader.int(), let poolCount = reader.int(), let wordCount = reader.int(), let used = reader.int(),
              let unknown = reader.float(), let tagCount = reader.int() else { return nil }
        var tags: [String] = []
        for _ in 0..<tagCount {
            guard let length = reader.int(), let text = reader.take(length) else { return nil }
            tags.append(String(decoding: text, as: UTF8.self))
        }
        guard let classifiers: [UInt32] = reader.array(), let transliteration: [UInt32] = reader.array(),
              let statistics: [Int] = reader.array(), statistics.count == 7,
              let surnameChars: [UInt32] = reader.array(), let surnameWeights: [Float] = reader.array(),
              let givenChars: [UInt32] = reader.array(), let givenWeights: [Float] = reader.array(),
              let nameClass = reader.float(),
              surnameChars.count == surnameWeights.count, givenChars.count == givenWeights.count,
              let slots: [WordTable.Slot] = reader.array(count: slotCount),
              let compact: [WordTable.CompactSlot] = reader.array(count: slotCount),
              let poolStarts: [UInt32] = reader.array(count: slotCount),
              let slotTags: [UInt8] = reader.array(count: slotCount),
              let pool: [UInt32] = reader.array(count: poolCount), reader.atEnd,
              slotCount > 0, slotCount & (slotCount - 1) == 0 else { return nil }
        let table = WordTable(slots: slots, compact: compact, poolStarts: poolStarts, slotTags: slotTags, pool: pool, tags: tags, wordCount: wordCount, used: used)
        let stats = SegmentLexicon.Statistics(
            coreWords: statistics[0], variantWords: statistics[5], droppedMeasureCompounds: statistics[1],
            droppedDictionaryPhrases: statistics[2], droppedCompounds: statistics[6], gazetteerWords: statistics[3], userWords: statistics[4])
        let names = PersonNameModel(surnames: Array(zip(surnameChars, surnameWeights)), given: Array(zip(givenChars, givenWeights)),
                                    nameClassWeight: nameClass)
        return Contents(table: table, classifiers: classifiers, unknownCharacterWeight: unknown, statistics: stats,
                        transliteration: transliteration, names: names)
    }

    // MARK: Writing

    /// Writes the cache (to a temporary name, then renamed into place); failures are ignored.
    func store(_ contents: Contents, at path: String) {
        var out = Self.magic
        let table = contents.table
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        func array<T>(_ a: [T], counted: Bool = true) {
            if counted { int(a.count) }
            a.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        int(table.slots.count)
        int(table.pool.count)
        int(table.wordCount)
        int(table.usedSlots)
        withUnsafeBytes(of: contents.unknownCharacterWeight.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        int(table.tags.count)
        for tag in table.tags {
            int(tag.utf8.count)
            out.append(contentsOf: tag.utf8)
        }
        array(contents.classifiers)
        array(contents.transliteration)
        let s = contents.statistics
        array([s.coreWords, s.droppedMeasureCompounds, s.droppedDictionaryPhrases, s.gazetteerWords, s.userWords, s.variantWords, s.droppedCompounds])
        let surnames = contents.names.surnameList, given = contents.names.givenList
        array(surnames.map(\.0))
        array(surnames.map(\.1))
        array(given.map(\.0))
        array(given.map(\.1))
        withUnsafeBytes(of: contents.names.nameClassWeight.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        table.freeze()
        array(table.slots, counted: false)
        array(table.compact, counted: false)
        array(table.poolStarts, counted: false)
        array(table.slotTags, counted: false)
        array(table.pool, counted: false)

        mkdir(directory, 0o755)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let ok = out.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        close(fd)
        if !ok || rename(temporary, path) != 0 { unlink(temporary) }
        pruneOldFiles(keeping: Self.filesKept)
    }

    /// How many cache files stay (one per lexicon version; several checkouts may share the folder).
    static let filesKept = 4

    /// Deletes all but the `keeping` most recently modified cache files, so
    /// regenerating lexicons does not fill the disk with stale tables.
    func pruneOldFiles(keeping: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var files: [(path: String, time: Int)] = []
        for name in names where name.hasPrefix("segment-") && name.hasSuffix(".bin") {
            let path = directory + "/" + name
            var info = stat()
            if stat(path, &info) == 0 { files.append((path, Int(info.st_mtim.tv_sec))) }
        }
        guard files.count > keeping else { return }
        files.sort { $0.time != $1.time ? $0.time > $1.time : $0.path < $1.path }
        for file in files.dropFirst(keeping) { unlink(file.path) }
    }
}

/// Reads the little-endian values `LexiconCache` writes.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
        guard n >= 0, offset + n <= bytes.count else { return nil }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }

    mutating func int() -> Int? {
        guard let raw = take(8) else { return nil }
        var v: Int64 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: raw) }
        let value = Int(Int64(littleEndian: v))
        return value >= 0 ? value : nil
    }

    mutating func float() -> Float? {
        guard let raw = take(4) else { return nil }
        var v: UInt32 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: raw) }
        return Float(bitPattern: UInt32(littleEndian: v))
    }

    /// A counted array of trivial values.
    mutating func array<T>() -> [T]? {
        guard let count = int() else { return nil }
        return array(count: count)
    }

    mutating func array<T>(count: Int) -> [T]? {
        let stride = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - offset) / max(stride, 1), let raw = take(count * stride) else { return nil }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // The word table's slots are read at random by every paragraph: huge pages spare the TLB.
            HugePages.advise(buffer.baseAddress, bytes: raw.count)
            UnsafeMutableRawBufferPointer(buffer).copyBytes(from: raw)
            initialized = count
        }
    }
}
