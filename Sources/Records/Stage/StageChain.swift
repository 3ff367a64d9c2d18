/// Record stages applied in process to the lines an earlier stage wrote, on
/// one worker thread: how `zhpipe run` joins segment and extract to repair.
///
/// Records are read from the bytes the earlier stage wrote, exactly as the
/// next process in a pipe would read them, then pass through the stages in
/// memory: a record a stage updated writes the same line it would have
/// written, so `run` and the pipe agree (the bench compares their reports).
/// A unit holds whole documents, so stages that remember across paragraphs
/// see them in order.
///
/// Why stage by stage, not record by record: each stage's code (segment's
/// lattice, extract's dozen rule families) is larger than the processor's
/// instruction cache, and alternating the two stages on every record
/// evicted one for the other. Running the first stage over all records of
/// the unit, then the second, cut `run`'s instruction-cache misses by a
/// quarter (cachegrind, 2 MB of the bench corpus); `run -j 2` took 0.92 of
/// the time (median of 8 alternated pairs).
public final class StageChain {
    let processors: [any RecordProcessor]

    public init(_ processors: [any RecordProcessor]) {
        self.processors = processors
    }

    /// The records of `bytes` (JSON lines) after every stage, in order.
    ///
    /// Error records pass through untouched. When a stage throws, the error
    /// thrown is the one the record-by-record order meets first (the pipe
    /// stops there): the earliest failing record, at the first stage that
    /// fails on it; later stages then see only the records before it.
    public func process(lines bytes: [UInt8]) throws -> [Record] {
        var records: [Record] = []
        var processed: [Bool] = []
        try RecordStream.forEachLine(bytes) { record in
            processed.append(!ErrorRecord.isError(record))
            records.append(record)
        }
        var limit = records.count
        var failure: (any Error)?
        for processor in processors {
            processor.beginUnit()
            var r = 0
            while r < limit {
                if processed[r] {
                    do { try processor.process(&records[r]) } catch { failure = error; limit = r; break }
                }
                r += 1
            }
        }
        if let failure { throw failure }
        return records
    }
}
