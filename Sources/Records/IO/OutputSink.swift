/// Buffered output to standard output or a file.
///
/// Bytes collect in a large buffer that is written when it fills and at each
/// `flush()` (the stage driver flushes once per batch, so a pipe downstream
/// starts at once). A reader that went away (EPIPE) raises
/// `OutputError.closed`, which ends the run quietly.
public final class OutputSink {
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private let limit: Int
    /// Bytes handed to the sink so far.
    public private(set) var bytesWritten = 0

    /// Standard output.
    public init(bufferSize: Int = 1 << 20) {
        name = "<stdout>"
        fd = 1
        ownsDescriptor = false
        limit = bufferSize
        buffer.reserveCapacity(bufferSize)
    }

    /// A file, created or truncated; `-` means standard output.
    public init(path: String, bufferSize: Int = 1 << 20) throws(OutputError) {
        limit = bufferSize
        if path == "-" {
            name = "<stdout>"
            fd = 1
            ownsDescriptor = false
        } else {
            name = path
            let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard opened >= 0 else { throw OutputError.failed(path, POSIX.message(errno)) }
            fd = opened
            ownsDescriptor = true
        }
        buffer.reserveCapacity(bufferSize)
    }

    deinit {
        try? flush()
        if ownsDescriptor { close(fd) }
    }

    /// Buffers `bytes`; a block as large as the buffer goes straight to the
    /// file after what is buffered, without a copy.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        bytesWritten += bytes.count
        if bytes.count >= limit {
            try flush()
            try check(bytes.withUnsafeBytes(writeAll))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { try flush() }
    }

    public func write(_ text: String) throws(OutputError) {
        try write(Array(text.utf8))
    }

    /// Appends through a closure that writes straight into the buffer.
    public func append(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
        let before = buffer.count
        body(&buffer)
        bytesWritten += buffer.count - before
        if buffer.count >= limit { try flush() }
    }

    public func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try check(buffer.withUnsafeBytes(writeAll))
    }

    /// Writes all of `raw`; returns 0 or the errno that stopped it.
    private func writeAll(_ raw: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    private func check(_ failure: Int32) throws(OutputError) {
        if failure == EPIPE { throw OutputError.closed }
        if failure != 0 { throw OutputError.failed(name, POSIX.message(failure)) }
    }
}
