#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// Small wrappers over the POSIX calls the record layer makes.
///
/// The record layer avoids Foundation's FileHandle: it reads and writes in
/// large blocks straight into Swift arrays, and must see EPIPE as an error
/// value rather than a signal.
public enum POSIX {
    /// Makes a closed downstream pipe an EPIPE error instead of a fatal signal.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// The text of an errno value.
    public static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Seconds on a monotonic clock.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Writes a line to standard error, unbuffered.
    public static func printError(_ message: String) {
        var line = Array(message.utf8)
        line.append(0x0A)
        line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(2, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}
