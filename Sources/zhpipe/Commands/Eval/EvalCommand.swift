import ArgumentParser

/// `zhpipe eval`: scores the stages against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the stages against gold data (segmentation, entities, numbers, repair).",
        discussion: """
        Example:
          zhpipe eval segment --gold ../shared/eval/sighan2005/pku_test_gold.utf8
        """,
        subcommands: [EvalSegmentCommand.self, EvalEntitiesCommand.self, EvalNumbersCommand.self, EvalRepairCommand.self]
    )
}
