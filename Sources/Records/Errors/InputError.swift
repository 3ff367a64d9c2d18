/// Exit statuses, from BSD's sysexits: what kind of failure ended the run.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// The command line was wrong.
    case usage = 64
    /// The input was read but is not what the stage needs.
    case dataError = 65
    /// An input could not be opened (missing, a directory, unreadable).
    case noInput = 66
    /// An internal failure (e.g. ICU could not be opened).
    case software = 70
    /// Output could not be written (disk full, ...).
    case ioError = 74
}

/// A problem with the input, located precisely enough to fix it.
///
/// The message names the input, the line (1-based) and, where it applies,
/// the byte offset within the input (0-based), in the form compilers use:
/// `corpus.jsonl:12: byte 4810: invalid JSON: expected ',' or '}' ...`.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var input: String
    public var line: Int?
    public var byteOffset: Int?
    public var problem: String
    public var status: ExitStatus

    public init(input: String, line: Int? = nil, byteOffset: Int? = nil, problem: String, status: ExitStatus = .dataError) {
        self.input = input
        self.line = line
        self.byteOffset = byteOffset
        self.problem = problem
        self.status = status
    }

    public var description: String {
        var location = input
        if let line { location += ":\(line)" }
        if let byteOffset { location += ": byte \(byteOffset)" }
        return "\(location): \(problem)"
    }

    // Common cases, worded once.

    public static func missing(_ input: String) -> InputError {
        InputError(input: input, problem: "no such file (check the path, or give - to read standard input)", status: .noInput)
    }

    public static func directory(_ input: String) -> InputError {
        InputError(input: input, problem: "is a directory; give the files inside it (e.g. \(input)/*.txt) or list them with --files-from", status: .noInput)
    }

    public static func unreadable(_ input: String, _ reason: String) -> InputError {
        InputError(input: input, problem: "cannot be read: \(reason)", status: .noInput)
    }

    public static func empty(_ input: String) -> InputError {
        InputError(input: input, problem: "is empty: there is nothing to process")
    }

    /// A line that is not valid JSON or not valid UTF-8.
    public static func syntax(_ error: JSONSyntaxError, input: String, line: Int, lineOffset: Int) -> InputError {
        let kind = error.isEncodingError ? "" : "invalid JSON: "
        return InputError(input: input, line: line, byteOffset: lineOffset + error.offset, problem: kind + error.message)
    }

    /// A record that lacks what the stage needs.
    public static func record(_ error: RecordError, input: String, line: Int, stage: String) -> InputError {
        var problem = error.description
        if case .missingField(let key) = error {
            problem += " (is this the output of the stage before \(stage)? \"\(key)\" comes from \(Self.producer(of: key)))"
        }
        return InputError(input: input, line: line, problem: problem)
    }

    static func producer(of key: String) -> String {
        switch key {
        case "doc", "para", "text", "repairs": return "`zhpipe repair`"
        case "tokens", "sentences": return "`zhpipe segment`"
        case "entities", "numbers": return "`zhpipe extract`"
        default: return "an earlier stage"
        }
    }
}

/// Output could not be written. `closed` is a downstream reader that went
/// away (`| head`): the run ends quietly with status 0.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case closed
    case failed(String, String)

    public var description: String {
        switch self {
        case .closed: return "output closed"
        case .failed(let target, let reason): return "\(target): cannot write: \(reason)"
        }
    }
}
