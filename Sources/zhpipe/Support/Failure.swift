import ArgumentParser
import ICU
import Lexicon
import Records

/// Runs a subcommand's body and turns what can go wrong into one clear line
/// on stderr and the matching exit status (64 usage, 65 bad data, 66 missing
/// input, 70 internal, 74 output); a closed downstream pipe ends quietly.
enum Failure {
    static func reporting(_ command: String, _ body: () throws -> StreamSummary?) throws {
        do {
            let summary = try body()
            if let summary, summary.badLines > 0 {
                POSIX.printError("zhpipe \(command): \(summary.badLines) bad \(summary.badLines == 1 ? "line" : "lines") kept as error records")
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
        } catch let error as InputError {
            POSIX.printError("zhpipe \(command): \(error)")
            throw ExitCode(error.status.rawValue)
        } catch OutputError.closed {
            throw ExitCode.success
        } catch let error as OutputError {
            POSIX.printError("zhpipe \(command): \(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        } catch let error as LexiconError {
            POSIX.printError("zhpipe \(command): lexicon \(error)")
            throw ExitCode(error.line == nil ? ExitStatus.noInput.rawValue : ExitStatus.dataError.rawValue)
        } catch let error as ICUError {
            POSIX.printError("zhpipe \(command): \(error)")
            throw ExitCode(ExitStatus.software.rawValue)
        }
    }
}
