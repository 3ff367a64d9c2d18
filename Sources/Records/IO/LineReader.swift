/// A batch of complete lines read from one input, sharing one buffer.
///
/// Records parsed from a batch keep slices of `storage`, so a batch costs one
/// allocation however many lines it holds.
public struct LineBatch: Sendable {
    /// One line: its bytes in `storage` (without `\n` or a final `\r`), its
    /// 1-based number and the byte offset of its start in the input.
    public struct Line: Sendable {
        public let range: Range<Int>
        public let number: Int
        public let byteOffset: Int

        public init(range: Range<Int>, number: Int, byteOffset: Int) {
            self.range = range
            self.number = number
            self.byteOffset = byteOffset
        }
    }

    public let storage: [UInt8]
    public let lines: [Line]

    public init(storage: [UInt8], lines: [Line]) {
        self.storage = storage
        self.lines = lines
    }

    public func bytes(of line: Line) -> ArraySlice<UInt8> { storage[line.range] }
}

/// Reads an input as lines, in batches, with memory bounded by the batch size
/// and the longest line.
///
/// Each call to `nextBatch` returns the complete lines from the data
/// available, after at most one blocking read once a line is complete, so
/// records flow downstream as soon as they arrive on a pipe.
public final class LineReader {
    public let source: InputSource
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLineNumber = 1
    private var consumedBytes = 0
    /// Total bytes read so far (for progress).
    public private(set) var bytesRead = 0
    /// Lines handed out so far.
    public var linesRead: Int { nextLineNumber - 1 }
    private let blockSize: Int

    public init(_ source: InputSource, blockSize: Int = 1 << 20) throws(InputError) {
        self.source = source
        self.fd = try source.open()
        self.ownsDescriptor = !source.isStandardInput
        self.blockSize = blockSize
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next batch of complete lines, or nil at the end of the input.
    public func nextBatch() throws(InputError) -> LineBatch? {
        while true {
            if atEnd {
                guard !pending.isEmpty else { return nil }
                let storage = pending
                pending = []
                return makeBatch(storage, completeUpTo: storage.count, finalLineUnterminated: true)
            }
            // Read a block after what is pending, into one fresh buffer.
            let previous = pending
            var readCount = 0
            var readError: Int32 = 0
            let capacity = previous.count + blockSize
            let storage = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                if !previous.isEmpty {
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<previous.count]).initialize(from: previous)
                }
                while true {
                    let n = read(fd, buffer.baseAddress! + previous.count, blockSize)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { readError = errno; readCount = 0 } else { readCount = n }
                    break
                }
                count = previous.count + readCount
            }
            if readError != 0 {
                throw InputError(input: source.description, line: nextLineNumber, byteOffset: consumedBytes + previous.count, problem: "read failed: \(POSIX.message(readError))", status: .noInput)
            }
            bytesRead += readCount
            if readCount == 0 {
                atEnd = true
                pending = storage
                continue
            }
            // Complete lines end at the last newline.
            var lastNewline = -1
            storage.withUnsafeBufferPointer { buffer in
                var i = buffer.count - 1
                while i >= previous.count {
                    if buffer[i] == 0x0A { lastNewline = i; break }
                    i -= 1
                }
            }
            if lastNewline < 0 {
                pending = storage  // no complete line yet: keep reading
                continue
            }
            pending = Array(storage[(lastNewline + 1)...])
            return makeBatch(storage, completeUpTo: lastNewline + 1, finalLineUnterminated: false)
        }
    }

    private func makeBatch(_ storage: [UInt8], completeUpTo limit: Int, finalLineUnterminated: Bool) -> LineBatch {
        var lines: [LineBatch.Line] = []
        storage.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < limit {
                let end = LineBreaks.next(in: buffer, from: start, limit: limit)
                var contentEnd = end
                if contentEnd > start && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                lines.append(LineBatch.Line(range: start..<contentEnd, number: nextLineNumber, byteOffset: consumedBytes + start))
                nextLineNumber += 1
                start = end + 1
            }
        }
        consumedBytes += limit
        return LineBatch(storage: storage, lines: lines)
    }
}
