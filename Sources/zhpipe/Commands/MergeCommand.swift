import ArgumentParser
import Records

/// `zhpipe merge`: combines partial counts from `report --partial` into one report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial counts (from report --partial) into one report.",
        discussion: """
        Example:
          for s in shard*.jsonl; do zhpipe report --partial $s > $s.counts; done
          zhpipe merge shard*.counts --format md
        """
    )

    @OptionGroup var stream: StreamOptionGroup

    func run() throws {
        POSIX.printError("zhpipe merge: partial counts are not written yet (report --partial is part of the report stage's work)")
        throw ExitCode(ExitStatus.software.rawValue)
    }
}
