import Foundation

/// A folder of binary copies of tables built from lexicon files, so a
/// process after the first starts in milliseconds instead of parsing TSV.
///
/// Why: every stage builds its tables from hundreds of thousands of TSV rows
/// at start-up (a third of a second each for repair and extract), and a
/// corpus split in shards, or a Spark job, starts the stages once per shard.
/// A file is named after its kind and a fingerprint of its inputs (each
/// file's path, size and modification time, the format's magic, and the
/// program that writes it), so editing or regenerating a lexicon makes a
/// new file and the old one is never read; nor is a file an earlier build
/// of zhpipe wrote, whose rules may have built other tables from the same
/// files (a format's magic is changed by hand, and a hand forgets). Any
/// doubt (missing, short, wrong magic, a decoder that says no) means "build
/// from the TSV"; a file that cannot be written is simply not written. What a cache gives back is what the TSV gives, so output
/// never depends on whether a cache was used.
public struct BinaryCache: Sendable {
    /// The folder cache files go in.
    public let directory: String
    /// The program whose files these are (see `runningProgram`).
    public let program: String

    public init(directory: String, program: String = BinaryCache.runningProgram) {
        self.directory = directory
        self.program = program
    }

    /// The running executable's path, size and modification time ("" where
    /// `/proc/self/exe` cannot be read): a rebuilt binary names new files.
    /// The link is read, not examined itself: under a tool such as valgrind
    /// it names the program the tool runs, not the tool.
    public static let runningProgram: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return "" }
        return identity(of: [String(cString: buffer)]) ?? ""
    }()

    /// `$ZHPIPE_CACHE_DIR`, else `$XDG_CACHE_HOME/zhpipe`, else `~/.cache/zhpipe`;
    /// nil when `ZHPIPE_CACHE_DIR` is `off` or no folder can be named.
    public static var standard: BinaryCache? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["ZHPIPE_CACHE_DIR"] {
            return dir.isEmpty || dir == "off" ? nil : BinaryCache(directory: dir)
        }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return BinaryCache(directory: xdg + "/zhpipe") }
        if let home = env["HOME"], !home.isEmpty { return BinaryCache(directory: home + "/.cache/zhpipe") }
        return nil
    }

    /// How many files of one kind stay (one per lexicon version; several checkouts may share the folder).
    public static let filesKept = 4

    /// A table of `kind` built from `inputs`: read from `cache` (`decode`)
    /// when it holds one, else built (`build`) and written there (`encode`);
    /// with no cache, or an input that cannot be examined, simply built.
    /// Says whether the value came from the cache. A built value is written
    /// only when `storeIf` accepts it (a table built without a part it could
    /// not get is built again next time, not kept).
    public static func value<T>(
        kind: String, magic: [UInt8], inputs: [String], cache: BinaryCache?,
        decode: (inout ByteReader) -> T?, build: () throws -> T, encode: (T, inout ByteWriter) -> Void,
        storeIf: (T) -> Bool = { _ in true }
    ) rethrows -> (value: T, fromCache: Bool) {
        guard let cache, let file = cache.path(kind: kind, magic: magic, inputs: inputs) else { return (try build(), false) }
        if let cached = cache.load(file, magic: magic, decode) { return (cached, true) }
        let built = try build()
        if storeIf(built) { cache.store(at: file, kind: kind, magic: magic) { encode(built, &$0) } }
        return (built, false)
    }

    /// The file for a table of `kind` in the format `magic` names, built
    /// from `inputs`; nil if one of them cannot be examined.
    public func path(kind: String, magic: [UInt8], inputs: [String]) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        guard let identity = Self.identity(of: inputs) else { return nil }
        mix(magic)
        mix(program.utf8)
        mix(identity.utf8)
        return directory + "/" + kind + "-" + String(hash, radix: 16) + ".bin"
    }

    /// Each file's path, size and modification time, one after another: the
    /// same text as long as none of the files changes; nil if one of them
    /// cannot be examined.
    public static func identity(of inputs: [String]) -> String? {
        var text = ""
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else { return nil }
            text += "\(input)\u{0}\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\u{0}"
        }
        return text
    }

    /// The value `decode` reads from the file at `path` after `magic`, or nil
    /// when the file is missing or not one `decode` accepts in full.
    public func load<T>(_ path: String, magic: [UInt8], _ decode: (inout ByteReader) -> T?) -> T? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > magic.count else { return nil }
        // Mapped, not read: arrays copy straight from the page cache.
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
        defer { munmap(mapped, size) }
        var reader = ByteReader(bytes: UnsafeRawBufferPointer(start: mapped, count: size))
        reader.releasesMappedPages = true
        guard let head = reader.take(magic.count), head.elementsEqual(magic) else { return nil }
        guard let value = decode(&reader), reader.atEnd else { return nil }
        return value
    }

    /// Writes `magic` and what `encode` writes to `path` (through a
    /// temporary name, renamed into place), then prunes old files of `kind`;
    /// failures are ignored.
    public func store(at path: String, kind: String, magic: [UInt8], _ encode: (inout ByteWriter) -> Void) {
        var writer = ByteWriter(bytes: magic)
        encode(&writer)
        mkdir(directory, 0o755)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let ok = writer.bytes.withUnsafeBytes { buffer -> Bool in
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
        pruneOldFiles(kind: kind, keeping: Self.filesKept)
    }

    /// Deletes all but the `keeping` most recently modified files of `kind`,
    /// so regenerating lexicons does not fill the disk with stale tables.
    public func pruneOldFiles(kind: String, keeping: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var files: [(path: String, time: Int)] = []
        for name in names where name.hasPrefix(kind + "-") && name.hasSuffix(".bin") {
            let path = directory + "/" + name
            var info = stat()
            if stat(path, &info) == 0 { files.append((path, Int(info.st_mtim.tv_sec))) }
        }
        guard files.count > keeping else { return }
        files.sort { $0.time != $1.time ? $0.time > $1.time : $0.path < $1.path }
        for file in files.dropFirst(keeping) { unlink(file.path) }
    }
}

/// Writes the little-endian values a `ByteReader` reads back.
///
/// Arrays are copied as their memory: only for elements without references
/// (integers, floats, structs of them: checked at run time, since a
/// generic table's slots cannot declare it), on machines of the same byte order
/// as the one that reads them (the cache never leaves the machine).
public struct ByteWriter {
    public private(set) var bytes: [UInt8]

    public init(bytes: [UInt8] = []) { self.bytes = bytes }

    public mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func float(_ value: Float) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// An array of trivial values, after its count unless `counted` is false
    /// (the reader then says how many).
    public mutating func array<T>(_ values: [T], counted: Bool = true) {
        precondition(_isPOD(T.self), "ByteWriter.array: \(T.self) holds references")
        if counted { int(values.count) }
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Arrays of trivial values: their counts (as `Int32`), then all their
    /// values one after another.
    public mutating func arrays<T>(_ values: [[T]]) {
        array(values.map { Int32($0.count) })
        array(values.flatMap { $0 })
    }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

/// Reads the little-endian values a `ByteWriter` wrote; every read is
/// checked against the end, and gives nil past it.
public struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// Whether `bytes` is a private file mapping whose pages an array, once
    /// copied, may hand back (`BinaryCache.load` sets it): otherwise the
    /// mapped file and the tables copied from it both count in the peak
    /// memory of start-up.
    var releasesMappedPages = false

    public init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var atEnd: Bool { offset == bytes.count }

    public mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
        guard n >= 0, offset + n <= bytes.count else { return nil }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }

    /// A non-negative integer.
    public mutating func int() -> Int? {
        guard let raw = take(8) else { return nil }
        var v: Int64 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: raw) }
        let value = Int(Int64(littleEndian: v))
        return value >= 0 ? value : nil
    }

    public mutating func float() -> Float? {
        guard let raw = take(4) else { return nil }
        var v: UInt32 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: raw) }
        return Float(bitPattern: UInt32(littleEndian: v))
    }

    /// A counted array of trivial values.
    public mutating func array<T>() -> [T]? {
        guard let count = int() else { return nil }
        return array(count: count)
    }

    /// `count` trivial values. Large arrays get huge pages (`HugePages`):
    /// the tables cached are read at random.
    public mutating func array<T>(count: Int) -> [T]? {
        precondition(_isPOD(T.self), "ByteReader.array: \(T.self) holds references")
        let stride = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - offset) / max(stride, 1), let raw = take(count * stride) else { return nil }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(buffer.baseAddress, bytes: raw.count)
            UnsafeMutableRawBufferPointer(buffer).copyBytes(from: raw)
            initialized = count
            if releasesMappedPages { Self.release(raw) }
        }
    }

    /// Drops the whole pages under `raw` from the process (they are read
    /// again from the file if touched).
    private static func release(_ raw: UnsafeRawBufferPointer) {
        guard raw.count >= 1 << 20, let base = raw.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + raw.count) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(pointer, end - start, Int32(MADV_DONTNEED))
    }

    /// The arrays `ByteWriter.arrays` wrote; nil when their counts and values do not add up.
    public mutating func arrays<T>() -> [[T]]? {
        guard let counts: [Int32] = array(), let values: [T] = array(),
              counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, { $0 + Int($1) }) == values.count else { return nil }
        var pieces: [[T]] = []
        pieces.reserveCapacity(counts.count)
        var start = 0
        for count in counts {
            pieces.append(Array(values[start..<(start + Int(count))]))
            start += Int(count)
        }
        return pieces
    }

    public mutating func string() -> String? {
        guard let length = int(), let raw = take(length) else { return nil }
        return String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    public mutating func strings() -> [String]? {
        guard let count = int(), count <= bytes.count - offset else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }
}
