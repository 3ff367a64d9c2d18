import Testing

/// Users' habits: --help with an example everywhere, --version, completions.
@Suite struct HelpTests {
    @Test(arguments: ["repair", "segment", "extract", "report", "merge", "run", "cat", "eval"])
    func everySubcommandHelpShowsAnExample(_ subcommand: String) throws {
        let result = try Zhpipe.run([subcommand, "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Example"), "\(subcommand) --help has no example")
        #expect(result.output.contains("zhpipe"))
    }

    @Test func versionNamesICU() throws {
        let result = try Zhpipe.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("zhpipe "))
        #expect(result.output.contains("ICU "))
    }

    @Test func completionScriptsAreGenerated() throws {
        let result = try Zhpipe.run(["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        #expect(result.output.contains("segment"))
    }
}

/// The progress line: on demand (--progress) it reports records and MB/s on
/// stderr; by default, with stderr not a terminal, nothing is printed.
@Suite struct ProgressTests {
    let input = (0..<2000).map { #"{"text":"第\#($0)段"}"# }.joined(separator: "\n") + "\n"

    @Test func silentInPipes() throws {
        let result = try Zhpipe.run(["cat"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test func shownWhenAskedFor() throws {
        let result = try Zhpipe.run(["cat", "--progress"], stdin: input)
        #expect(result.status == 0)
        #expect(result.lines.count == 2000)
        #expect(result.stderr.contains("zhpipe cat: 2000 records"), "\(result.stderr)")
        #expect(result.stderr.contains("MB/s"))
    }
}
