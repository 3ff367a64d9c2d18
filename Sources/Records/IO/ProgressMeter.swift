/// A one-line progress display on standard error for long runs.
///
/// Shown only when standard error is a terminal, so pipes, logs and CI stay
/// clean; redrawn at most four times a second.
public final class ProgressMeter {
    private let enabled: Bool
    /// Asked for explicitly (`--progress`): the final totals are always drawn.
    private let forced: Bool
    private let label: String
    private let start = POSIX.now()
    private var lastDraw = 0.0
    private var drawn = false

    public init(label: String, enabled: Bool? = nil) {
        self.label = label
        self.enabled = enabled ?? POSIX.isTerminal(2)
        self.forced = enabled == true
    }

    /// Reports the running totals; cheap when nothing is drawn.
    public func update(records: Int, bytes: Int) {
        guard enabled else { return }
        let now = POSIX.now()
        guard now - lastDraw >= 0.25 else { return }
        lastDraw = now
        draw(records: records, bytes: bytes, now: now)
    }

    /// Draws the final totals and ends the line.
    public func finish(records: Int, bytes: Int) {
        guard enabled, forced || drawn || POSIX.now() - start > 1 else { return }
        draw(records: records, bytes: bytes, now: POSIX.now())
        POSIX.printError("")
    }

    private func draw(records: Int, bytes: Int, now: Double) {
        drawn = true
        let mb = Double(bytes) / 1_000_000
        let rate = mb / max(now - start, 1e-6)
        let text = "\r\(label): \(records) records, \(Self.format(mb)) MB, \(Self.format(rate)) MB/s   "
        let line = Array(text.utf8)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    static func format(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
