/// The driver every record stage runs on: read lines, parse records, let the
/// stage update them, write them in order.
///
/// It owns the behaviour users rely on across stages: streaming in batches
/// with a flush after each, bad lines reported with input, line and byte (or
/// passed through as error records under `--keep-going`), error records from
/// an earlier stage passed on untouched, `--jobs` threads with output in input
/// order, and a progress line on a terminal.
public enum RecordStream {
    /// Runs `stage` over `inputs`, writing to `output`.
    /// Throws `InputError` for the first bad line (after writing everything
    /// before it) unless `keepGoing`; `OutputError` when output fails.
    @discardableResult
    public static func run(
        _ stage: some RecordStage,
        inputs: [InputSource],
        output: OutputSink,
        options: StreamOptions = StreamOptions()
    ) throws -> StreamSummary {
        let first = try stage.makeProcessor()
        var processors: [any RecordProcessor] = [first]
        for _ in 1..<options.jobs { processors.append(try stage.makeProcessor()) }
        let workers = processors.map(ProcessorBox.init)
        let progress = ProgressMeter(label: "zhpipe \(stage.name)", enabled: options.progress)
        var summary = StreamSummary()

        // The document whose records ended the last batch, and the worker that had it.
        var lastDocument: ArraySlice<UInt8>?? = nil
        var lastWorker = 0
        var growth = OutputGrowth()

        for input in inputs {
            let reader = try LineReader(input)
            var sawLine = false
            while let batch = try reader.nextBatch() {
                let lines = batch.lines.filter { !isBlank(batch.storage, $0.range) }
                sawLine = sawLine || !lines.isEmpty
                // Parse here, in order; a bad line either ends the batch (after
                // the lines before it are processed) or travels as an error record.
                var items: [ParsedLine] = []
                items.reserveCapacity(lines.count)
                var stop: InputError?
                for line in lines {
                    do {
                        items.append(ParsedLine(line: line, record: try parse(line, in: batch, input: input), error: nil))
                    } catch {
                        guard options.keepGoing else { stop = error; break }
                        items.append(ParsedLine(line: line, record: nil, error: error))
                    }
                }
                // Chunks for the workers; records of one document stay together
                // when the stage remembers across paragraphs.
                var order = workers
                var chunks = OrderedParallel.chunks(count: items.count, parts: workers.count)
                if stage.keepsDocumentState && workers.count > 1 && !items.isEmpty {
                    let keys = items.map { $0.record?["doc"] }
                    chunks = OrderedParallel.chunks(count: items.count, parts: workers.count) { keys[$0] != keys[$0 - 1] }
                    if let last = lastDocument, last == keys[0] {
                        order = Array(workers[lastWorker...] + workers[..<lastWorker])
                    }
                    let lastChunkWorker = order[chunks.count - 1]
                    lastWorker = workers.firstIndex { $0 === lastChunkWorker }!
                    lastDocument = .some(keys[keys.count - 1])
                }
                let batchBytes = batch.storage.count
                let outcome = OrderedParallel.run(items, workers: order, chunks: chunks, expectedBytes: growth.expectedOutput(batchBytes)) { worker, item, out -> InputError? in
                    handle(item, in: batch, input: input, stage: stage.name, worker: worker, keepGoing: options.keepGoing, out: &out)
                }
                growth.observe(input: batchBytes, output: outcome.output.count)
                summary.records += outcome.itemsDone
                try output.write(outcome.output)
                try output.flush()
                if let failure = outcome.failure { throw failure.error }
                if let stop { throw stop }
                progress.update(records: summary.records, bytes: reader.bytesRead + summary.bytesIn)
            }
            summary.bytesIn += reader.bytesRead
            if !sawLine && reader.bytesRead == 0 { throw InputError.empty(input.description) }
        }
        progress.finish(records: summary.records, bytes: summary.bytesIn)
        summary.badLines = workers.reduce(0) { $0 + $1.badLines }
        return summary
    }

    /// Reads records from `inputs` one by one (for sinks such as `report`).
    /// Bad lines throw, or under `keepGoing` arrive as error records.
    public static func forEachRecord(
        inputs: [InputSource],
        options: StreamOptions = StreamOptions(),
        label: String,
        _ body: (Record) throws -> Void
    ) throws -> StreamSummary {
        let progress = ProgressMeter(label: label, enabled: options.progress)
        var summary = StreamSummary()
        for input in inputs {
            let reader = try LineReader(input)
            var sawLine = false
            while let batch = try reader.nextBatch() {
                for line in batch.lines where !isBlank(batch.storage, line.range) {
                    sawLine = true
                    do {
                        let record = try parse(line, in: batch, input: input)
                        try body(record)
                    } catch let error as InputError {
                        guard options.keepGoing else { throw error }
                        warn(error)
                        summary.badLines += 1
                        try body(ErrorRecord.make(for: error, original: batch.bytes(of: line)))
                    } catch let error as RecordError {
                        let located = InputError.record(error, input: input.description, line: line.number, stage: label)
                        guard options.keepGoing else { throw located }
                        warn(located)
                        summary.badLines += 1
                        try body(ErrorRecord.make(for: located, original: batch.bytes(of: line)))
                    }
                    summary.records += 1
                }
                progress.update(records: summary.records, bytes: reader.bytesRead + summary.bytesIn)
            }
            summary.bytesIn += reader.bytesRead
            if !sawLine && reader.bytesRead == 0 { throw InputError.empty(input.description) }
        }
        progress.finish(records: summary.records, bytes: summary.bytesIn)
        return summary
    }

    /// Parses one line of a batch as a record, locating any error.
    public static func parse(_ line: LineBatch.Line, in batch: LineBatch, input: InputSource) throws(InputError) -> Record {
        do {
            return try Record(parsing: batch.storage, range: line.range)
        } catch {
            throw InputError.syntax(error, input: input.description, line: line.number, lineOffset: line.byteOffset)
        }
    }

    /// A line of a batch, parsed, or the reason it could not be (kept under `--keep-going`).
    struct ParsedLine {
        let line: LineBatch.Line
        let record: Record?
        let error: InputError?
    }

    /// Processes one line into `out`; returns the error that stops the run, if any.
    static func handle(
        _ item: ParsedLine, in batch: LineBatch, input: InputSource, stage: String,
        worker: ProcessorBox, keepGoing: Bool, out: inout [UInt8]
    ) -> InputError? {
        let line = item.line
        var problem: InputError
        do {
            guard var record = item.record else { throw item.error! }
            if !ErrorRecord.isError(record) { try worker.processor.process(&record) }
            record.write(to: &out)
            return nil
        } catch let error as InputError {
            problem = error
        } catch let error as RecordError {
            problem = InputError.record(error, input: input.description, line: line.number, stage: stage)
        } catch {
            problem = InputError(input: input.description, line: line.number, problem: "\(stage) failed: \(error)", status: .software)
        }
        guard keepGoing else { return problem }
        warn(problem)
        worker.badLines += 1
        ErrorRecord.make(for: problem, original: batch.bytes(of: line)).write(to: &out)
        return nil
    }

    static func warn(_ error: InputError) {
        POSIX.printError("zhpipe: warning: \(error) (kept as an error record)")
    }

    static func isBlank(_ storage: [UInt8], _ range: Range<Int>) -> Bool {
        storage[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

/// How much a stage's output outgrows its input, learnt batch by batch, to
/// size the next batch's output buffer (segment writes about 4 bytes for
/// every byte it reads; report-bound stages fewer).
struct OutputGrowth {
    private var ratio = 2.0

    func expectedOutput(_ inputBytes: Int) -> Int { Int(Double(inputBytes) * ratio * 1.1) }

    mutating func observe(input: Int, output: Int) {
        guard input > 0 else { return }
        ratio = max(0.1, min(16, Double(output) / Double(input)))
    }
}

/// One worker thread's processor, and the bad lines it kept as error records.
final class ProcessorBox {
    let processor: any RecordProcessor
    var badLines = 0
    init(_ processor: any RecordProcessor) { self.processor = processor }
}

/// A minimal mutex over pthreads.
public final class Lock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

extension RecordStream {
    /// Parses JSON lines already in memory (as a stage wrote them) one by one.
    public static func forEachLine(_ bytes: [UInt8], _ body: (Record) throws -> Void) throws {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end > start { try body(try Record(parsing: bytes, range: start..<end)) }
            start = end + 1
        }
    }
}
