import ArgumentParser
import Lexicon
import Records

/// The options every record-reading subcommand shares: inputs, output,
/// bad-input policy, threads, progress, and where the lexicons are.
struct StreamOptionGroup: ParsableArguments {
    @Argument(help: ArgumentHelp("Input files; - or nothing reads standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read input paths from FILE, one a line (- for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "file"))
    var output: String = "-"

    @Flag(help: "Pass bad lines through as error records and go on (exit status 65 at the end).")
    var keepGoing = false

    @Option(name: .shortAndLong, help: "Worker threads (0 = one per core). Output order never changes.")
    var jobs: Int = 1

    @Flag(inversion: .prefixedNo, help: "Show a progress line on stderr (default: when stderr is a terminal).")
    var progress: Bool?

    @Option(help: ArgumentHelp("The folder of lexicon files (default: the checkout's lexicons/).", valueName: "dir"))
    var lexicons: String?

    func validate() throws {
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more, not \(jobs)") }
    }

    /// The inputs to read, in order.
    func sources() throws -> [InputSource] {
        var paths = inputs
        if let filesFrom {
            let bytes = try InputSource(filesFrom).readAll()
            paths += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        }
        if paths.isEmpty { paths = ["-"] }
        return paths.map(InputSource.init)
    }

    var streamOptions: StreamOptions {
        StreamOptions(keepGoing: keepGoing, jobs: jobs == 0 ? ProcessorCount.online : jobs, progress: progress)
    }

    func lexiconDirectory() throws -> LexiconDirectory {
        try LexiconDirectory.locate(explicit: lexicons)
    }

    func outputSink() throws -> OutputSink {
        try OutputSink(path: output)
    }
}

/// How many cores this machine has online.
enum ProcessorCount {
    static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
