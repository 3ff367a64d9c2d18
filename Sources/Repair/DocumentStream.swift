import Records

/// The repair stage's driver: documents in, paragraph records out, in order.
///
/// Documents are repaired on `jobs` threads in batches; output is written in
/// input order and flushed per batch. A bad input stops the run after
/// everything before it is written, or under `--keep-going` becomes an error
/// record and the run goes on.
public enum DocumentStream {
    /// Repairs the documents of `inputs` and hands the records to `emit`.
    @discardableResult
    public static func run(
        _ stage: RepairStage,
        reader: DocumentReader,
        inputs: [InputSource],
        options: StreamOptions,
        emit: @escaping ([UInt8]) throws -> Void
    ) throws -> StreamSummary {
        try run(stage, reader: reader, inputs: inputs, options: options, finisher: { { $0 } }, emit: emit)
    }

    /// Repairs the documents of `inputs`; each worker thread passes the
    /// records it wrote through its own `finisher` (made once per worker:
    /// `zhpipe run` segments and extracts there), and `emit` gets the
    /// results in input order. A batch holds documents up to `batchBytes`
    /// of input (see `batchBytes` and `chainBatchBytes`).
    @discardableResult
    public static func run<Output>(
        _ stage: RepairStage,
        reader: DocumentReader,
        inputs: [InputSource],
        options: StreamOptions,
        batchBytes: Int = batchBytes,
        finisher makeFinisher: () throws -> ([UInt8]) throws -> Output,
        emit: @escaping (Output) throws -> Void
    ) throws -> StreamSummary {
        var workers: [RepairWorker<Output>] = []
        for _ in 0..<options.jobs { workers.append(RepairWorker(try stage.makeRepairer(), finish: try makeFinisher())) }
        let progress = ProgressMeter(label: "zhpipe repair", enabled: options.progress)
        var summary = StreamSummary()
        let pipeline = OrderedPipeline<RepairWorker<Output>, BatchOutcome<Output>>(workers: workers) { outcome in
            summary.records += outcome.records
            summary.badLines += outcome.badLines
            summary.bytesIn += outcome.bytes
            if let output = outcome.output { try emit(output) }
            if let failure = outcome.failure { throw failure }
            progress.update(records: summary.records, bytes: summary.bytesIn)
        }
        try pipeline.run {
            for input in inputs {
                do {
                    try reader.read(input, batchSize: Self.batchDocuments, batchBytes: batchBytes) { documents in
                        do {
                            try pipeline.submit { $0.repair(documents) }
                        } catch {
                            throw StopRun(error: error)
                        }
                    }
                } catch let error as InputError {
                    guard options.keepGoing, error.line == nil else { throw error }
                    // A whole input could not be read: say so, keep its place, go on.
                    POSIX.printError("zhpipe: warning: \(error) (kept as an error record)")
                    var out: [UInt8] = []
                    ErrorRecord.make(for: error, original: nil).write(to: &out)
                    try pipeline.submit { worker in
                        var outcome = worker.finish(out)
                        outcome.badLines = 1
                        return outcome
                    }
                } catch let stop as StopRun {
                    throw stop.error
                }
            }
        }
        progress.finish(records: summary.records, bytes: summary.bytesIn)
        return summary
    }

    /// A batch for one worker: documents up to this many bytes of input
    /// (about eight documents of the bench corpus), and at most this many
    /// documents. Why bytes: a batch of a fixed number of documents (it was
    /// 16) is tiny when each document is one paragraph, about 2 KB, and
    /// handing such batches between threads cost `zhpipe run -j 2` a third
    /// more time per MB than documents of many paragraphs; and damaged
    /// text, a thousand times slower to repair, needs batches small enough
    /// to keep every worker busy (the bench's 200 KB damaged sample: 3
    /// batches instead of 2).
    public static let batchBytes = 64 << 10
    /// The batch when the worker also runs later stages over the records
    /// (`zhpipe run`). Why larger: the worker then goes from repair to
    /// segment to extract once per batch, and each stage finds the
    /// processor's caches full of the previous stage's tables and code;
    /// at 256 KB `run -j 2` took about 4 % less time on the bench corpus
    /// than at 64 KB (7 alternated pairs), for 12 MB more peak memory.
    public static let chainBatchBytes = 256 << 10
    static let batchDocuments = 1024

    /// A failure of the pipeline while reading: not the input's fault.
    struct StopRun: Error {
        let error: Error
    }
}

/// What a batch of documents came to on a worker.
struct BatchOutcome<Output> {
    var output: Output?
    /// The failure that stops the run, after `output` (what came before it).
    var failure: Error?
    var records = 0
    var badLines = 0
    var bytes = 0
}

/// One worker thread's repairer and what it does with the records after.
final class RepairWorker<Output> {
    let repairer: DocumentRepairer
    let finishRecords: ([UInt8]) throws -> Output

    init(_ repairer: DocumentRepairer, finish: @escaping ([UInt8]) throws -> Output) {
        self.repairer = repairer
        self.finishRecords = finish
    }

    /// Repairs documents in order, stopping at the first that fails.
    func repair(_ documents: [Document]) -> BatchOutcome<Output> {
        var out: [UInt8] = []
        var failure: Error?
        var done = 0
        var bad = 0
        var bytes = 0
        for document in documents {
            do {
                try repairer.repair(document, into: &out)
            } catch let error as InputError {
                failure = error
                break
            } catch {
                failure = InputError(input: document.input.description, line: document.line, problem: "repair failed: \(error)", status: .software)
                break
            }
            if case .failed = document.content { bad += 1 }
            if case .bytes(let b) = document.content { bytes += b.count }
            done += 1
        }
        var outcome = finish(out)
        outcome.failure = outcome.failure ?? failure
        outcome.records = done
        outcome.badLines = bad
        outcome.bytes = bytes
        return outcome
    }

    /// The records through the finisher; its failure comes first in order.
    func finish(_ records: [UInt8]) -> BatchOutcome<Output> {
        do {
            return BatchOutcome(output: try finishRecords(records))
        } catch {
            return BatchOutcome(output: nil, failure: error)
        }
    }
}
