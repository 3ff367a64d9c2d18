import Records

/// The repair stage's driver: documents in, paragraph records out, in order.
///
/// Documents are repaired on `jobs` threads in batches; output is written in
/// input order and flushed per batch. A bad input stops the run after
/// everything before it is written, or under `--keep-going` becomes an error
/// record and the run goes on.
public enum DocumentStream {
    @discardableResult
    public static func run(
        _ stage: RepairStage,
        reader: DocumentReader,
        inputs: [InputSource],
        options: StreamOptions,
        emit: ([UInt8]) throws -> Void
    ) throws -> StreamSummary {
        var repairers: [RepairerBox] = []
        for _ in 0..<options.jobs { repairers.append(RepairerBox(try stage.makeRepairer())) }
        let progress = ProgressMeter(label: "zhpipe repair", enabled: options.progress)
        var summary = StreamSummary()
        for input in inputs {
            do {
                try reader.read(input, batchSize: 16 * options.jobs) { documents in
                    let outcome = OrderedParallel.run(documents, workers: repairers) { box, document, out -> InputError? in
                        do {
                            try box.repairer.repair(document, into: &out)
                            if case .failed = document.content { box.badLines += 1 }
                            box.records += 1
                            return nil
                        } catch let error as InputError {
                            return error
                        } catch {
                            return InputError(input: document.input.description, line: document.line, problem: "repair failed: \(error)", status: .software)
                        }
                    }
                    try emit(outcome.output)
                    if let failure = outcome.failure { throw failure.error }
                    for document in documents { if case .bytes(let b) = document.content { summary.bytesIn += b.count } }
                    progress.update(records: repairers.reduce(0) { $0 + $1.records }, bytes: summary.bytesIn)
                }
            } catch let error as InputError {
                guard options.keepGoing, error.line == nil else { throw error }
                // A whole input could not be read: say so, keep its place, go on.
                POSIX.printError("zhpipe: warning: \(error) (kept as an error record)")
                summary.badLines += 1
                var out: [UInt8] = []
                ErrorRecord.make(for: error, original: nil).write(to: &out)
                try emit(out)
            }
        }
        summary.records = repairers.reduce(0) { $0 + $1.records }
        summary.badLines += repairers.reduce(0) { $0 + $1.badLines }
        progress.finish(records: summary.records, bytes: summary.bytesIn)
        return summary
    }
}

final class RepairerBox {
    let repairer: DocumentRepairer
    var records = 0
    var badLines = 0
    init(_ repairer: DocumentRepairer) { self.repairer = repairer }
}
