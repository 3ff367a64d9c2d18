import ArgumentParser
import ICU
import Records

/// The `zhpipe` command: one subcommand per stage, plus `run`, `merge` and `eval`.
@main
struct Zhpipe: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "zhpipe",
        abstract: "A streaming pipeline for Chinese field reports: repair, segment, extract, report.",
        discussion: """
        Stages read and write JSON lines (one record per paragraph) on stdin/stdout:

          cat report.txt | zhpipe repair | zhpipe segment | zhpipe extract | zhpipe report

        or all four in one process:

          zhpipe run corpus/*.txt
        """,
        version: "zhpipe \(version) (ICU \(ICULibrary.version))",
        subcommands: [
            RepairCommand.self, SegmentCommand.self, ExtractCommand.self, ReportCommand.self,
            MergeCommand.self, RunCommand.self, EvalCommand.self, CatCommand.self, DamageCommand.self,
        ]
    )

    static func main() {
        POSIX.ignoreSIGPIPE()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
