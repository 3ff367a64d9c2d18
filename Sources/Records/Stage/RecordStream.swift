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
    ///
    /// Batches of lines are parsed, processed and written by the workers of
    /// an `OrderedPipeline`: the reading thread only reads, and the output is
    /// written in input order while later batches are being processed.
    @discardableResult
    public static func run(
        _ stage: some RecordStage,
        inputs: [InputSource],
        output: OutputSink,
        options: StreamOptions = StreamOptions()
    ) throws -> StreamSummary {
        let workers = try (0..<options.jobs).map { _ in ProcessorBox(try stage.makeProcessor()) }
        let progress = ProgressMeter(label: "zhpipe \(stage.name)", enabled: options.progress)
        var summary = StreamSummary()
        let growth = OutputGrowth()
        let pipeline = OrderedPipeline<ProcessorBox, UnitOutcome>(workers: workers) { outcome in
            for warning in outcome.warnings { warn(warning) }
            growth.observe(input: outcome.inputBytes, output: outcome.output.count)
            summary.records += outcome.itemsDone
            try output.write(outcome.output)
            try output.flush()
            if let failure = outcome.failure { throw failure }
            progress.update(records: summary.records, bytes: outcome.bytesReadSoFar)
        }
        var cutter = DocumentCutter()
        var bytesBefore = 0
        try pipeline.run {
            func submit(_ unit: WorkUnit, bytesReadSoFar: Int) throws {
                guard !unit.isEmpty else { return }
                let inputBytes = unit.byteCount
                let expected = growth.expectedOutput(inputBytes)
                try pipeline.submit { worker in
                    process(unit, stage: stage.name, worker: worker, keepGoing: options.keepGoing, expectedBytes: expected, inputBytes: inputBytes, bytesReadSoFar: bytesReadSoFar)
                }
            }
            for input in inputs {
                let reader = try LineReader(input, blockSize: options.batchBytes)
                var sawLine = false
                while let batch = try reader.nextBatch() {
                    let lines = batch.lines.filter { !isBlank(batch.storage, $0.range) }
                    sawLine = sawLine || !lines.isEmpty
                    // Records of one document stay in one unit when the stage remembers across paragraphs.
                    let unit = stage.keepsDocumentState ? cutter.cut(batch, lines, from: input) : WorkUnit(parts: [(batch, lines[...], input)])
                    try submit(unit, bytesReadSoFar: bytesBefore + reader.bytesRead)
                }
                bytesBefore += reader.bytesRead
                if !sawLine && reader.bytesRead == 0 {
                    try submit(cutter.flush(), bytesReadSoFar: bytesBefore)
                    throw InputError.empty(input.description)
                }
            }
            try submit(cutter.flush(), bytesReadSoFar: bytesBefore)
        }
        summary.bytesIn = bytesBefore
        progress.finish(records: summary.records, bytes: summary.bytesIn)
        summary.badLines = workers.reduce(0) { $0 + $1.badLines }
        return summary
    }

    /// What one unit of lines came to: its output, the lines done before the
    /// failure that stops the run (if any), warnings to print in order.
    struct UnitOutcome {
        var output: [UInt8]
        var itemsDone = 0
        var failure: InputError?
        var warnings: [InputError] = []
        var inputBytes: Int
        var bytesReadSoFar: Int
    }

    /// On a worker: parses, processes and writes a unit's lines in order,
    /// stopping at the first failure unless `keepGoing`.
    static func process(
        _ unit: WorkUnit, stage: String, worker: ProcessorBox, keepGoing: Bool,
        expectedBytes: Int, inputBytes: Int, bytesReadSoFar: Int
    ) -> UnitOutcome {
        var outcome = UnitOutcome(output: [], inputBytes: inputBytes, bytesReadSoFar: bytesReadSoFar)
        outcome.output.reserveCapacity(expectedBytes)
        worker.processor.beginUnit()
        for (batch, lines, input) in unit.parts {
            for line in lines {
                if let problem = handle(line, in: batch, input: input, stage: stage, worker: worker, out: &outcome.output) {
                    guard keepGoing else {
                        outcome.failure = problem
                        return outcome
                    }
                    outcome.warnings.append(problem)
                    worker.badLines += 1
                    ErrorRecord.make(for: problem, original: batch.bytes(of: line)).write(to: &outcome.output)
                }
                outcome.itemsDone += 1
            }
        }
        return outcome
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

    /// Parses, processes and writes one line; returns the problem that
    /// stops it (the caller decides whether the run stops too).
    static func handle(_ line: LineBatch.Line, in batch: LineBatch, input: InputSource, stage: String, worker: ProcessorBox, out: inout [UInt8]) -> InputError? {
        do {
            var record = try parse(line, in: batch, input: input)
            if !ErrorRecord.isError(record) { try worker.processor.process(&record) }
            record.write(to: &out)
            return nil
        } catch let error as InputError {
            return error
        } catch let error as RecordError {
            return InputError.record(error, input: input.description, line: line.number, stage: stage)
        } catch {
            return InputError(input: input.description, line: line.number, problem: "\(stage) failed: \(error)", status: .software)
        }
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
/// every byte it reads; report-bound stages fewer). Read by the reading
/// thread, learnt by the writing one.
final class OutputGrowth: @unchecked Sendable {
    private let lock = Lock()
    private var ratio = 2.0

    func expectedOutput(_ inputBytes: Int) -> Int { lock.withLock { Int(Double(inputBytes) * ratio * 1.1) } }

    func observe(input: Int, output: Int) {
        guard input > 0 else { return }
        lock.withLock { ratio = max(0.1, min(16, Double(output) / Double(input))) }
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
    /// Parses JSON lines already in memory (as a stage wrote them) one by
    /// one. The body gets each record to change in place: a record handed
    /// over by value is shared with its caller, and the first field a stage
    /// sets would copy the whole field list.
    public static func forEachLine(_ bytes: [UInt8], _ body: (inout Record) throws -> Void) throws {
        var start = 0
        while start < bytes.count {
            let end = LineBreaks.next(in: bytes, from: start)
            if end > start {
                var record = try Record(parsing: bytes, range: start..<end)
                try body(&record)
            }
            start = end + 1
        }
    }
}
