/// A named input: a file path, or `-` for standard input.
///
/// Opening checks the cases users hit (missing file, a directory, no
/// permission) and reports them as `InputError`s with exit status 66.
public struct InputSource: Sendable, Hashable, CustomStringConvertible {
    public let path: String

    public init(_ path: String) { self.path = path }

    public static let standardInput = InputSource("-")

    public var isStandardInput: Bool { path == "-" }

    /// How the input is named in messages.
    public var description: String { isStandardInput ? "<stdin>" : path }

    /// The file name without directory and extension (a document id).
    public var stem: String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    /// The lowercased extension, if any ("jsonl", "txt").
    public var pathExtension: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// Opens the input for reading; the caller closes the descriptor
    /// (standard input is never closed).
    public func open() throws(InputError) -> Int32 {
        if isStandardInput { return 0 }
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw InputError.missing(description) }
            throw InputError.unreadable(description, POSIX.message(code))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError.directory(description) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InputError.unreadable(description, POSIX.message(errno)) }
        return fd
    }

    /// Reads the whole input (documents are small; streams are read by lines).
    public func readAll() throws(InputError) -> [UInt8] {
        let fd = try open()
        defer { if fd != 0 { close(fd) } }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(description, POSIX.message(errno))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }
}
