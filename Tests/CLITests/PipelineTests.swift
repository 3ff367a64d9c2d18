import Foundation
import Testing

/// The four stages on corpus/, piped and in one process, agree; stages are
/// idempotent and deterministic; unknown fields pass through untouched.
@Suite(.serialized) struct PipelineTests {
    @Test func pipeAndRunGiveTheSameReport() throws {
        let files = try Zhpipe.corpusFiles().joined(separator: " ")
        let piped = try Zhpipe.shell("$Z repair \(files) | $Z segment | $Z extract | $Z report")
        #expect(piped.status == 0, "\(piped.stderr)")
        let run = try Zhpipe.shell("$Z run \(files)")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(piped.stdout == run.stdout)
        #expect(!piped.stdout.isEmpty)
    }

    @Test func pipeAndRunGiveTheSameRecords() throws {
        let files = try Zhpipe.corpusFiles().joined(separator: " ")
        let piped = try Zhpipe.shell("$Z repair \(files) | $Z segment | $Z extract")
        let run = try Zhpipe.shell("$Z run --to extract \(files)")
        #expect(piped.status == 0 && run.status == 0)
        #expect(piped.stdout == run.stdout)
        #expect(piped.lines.count > 100)
    }

    @Test func theReadmePipeWorksOnStandardInput() throws {
        let file = try Zhpipe.corpusFiles()[3]
        let result = try Zhpipe.shell("cat \(file) | $Z repair | $Z segment | $Z extract | $Z report")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.lines.isEmpty)
    }

    @Test func stagesAreIdempotent() throws {
        let files = try Zhpipe.corpusFiles().joined(separator: " ")
        let once = try Zhpipe.shell("$Z repair \(files) | $Z segment | $Z extract")
        let twice = try Zhpipe.shell("$Z repair \(files) | $Z repair | $Z segment | $Z segment | $Z extract | $Z extract")
        #expect(once.status == 0 && twice.status == 0, "\(twice.stderr)")
        #expect(once.stdout == twice.stdout)
    }

    @Test func outputIsDeterministicWhateverTheThreadCount() throws {
        let files = try Zhpipe.corpusFiles().joined(separator: " ")
        let one = try Zhpipe.shell("$Z run --to extract -j 1 \(files)")
        let four = try Zhpipe.shell("$Z run --to extract -j 4 \(files)")
        let again = try Zhpipe.shell("$Z repair -j 3 \(files) | $Z segment -j 2 | $Z extract -j 3")
        #expect(one.stdout == four.stdout)
        #expect(one.stdout == again.stdout)
    }

    @Test func theConventionOptionReachesSegmentAndRun() throws {
        let text = #"{"doc":"c","text":"天津市2009年成立了这种组织"}"# + "\n"
        let ud = try Zhpipe.run(["segment", "--convention", "ud"], stdin: text)
        #expect(ud.status == 0, "\(ud.stderr)")
        #expect(ud.output.contains(#""tokens":["天津","市","2009","年""#), "\(ud.output)")
        let pku = try Zhpipe.run(["segment"], stdin: text)
        #expect(pku.output.contains(#""tokens":["天津市","2009年""#), "\(pku.output)")
        let run = try Zhpipe.run(["run", "--to", "segment", "--convention", "ud"], stdin: text)
        #expect(run.status == 0 && run.output.contains(#""tokens":["天津","市","2009","年""#), "\(run.output)")
        let bad = try Zhpipe.run(["segment", "--convention", "ctb"], stdin: text)
        #expect(bad.status != 0 && bad.stderr.contains("pku"))
    }

    @Test func userFieldsTravelToTheEndOfThePipe() throws {
        let docs = [
            #"{"doc":"a","url":"http://example.com/1","text":"第一段。\n第二段。","source":{"site":"x","n":[1,2.50]}}"#,
            #"{"text":"没有编号的文档。","date":"2020-02-06"}"#,
        ].joined(separator: "\n") + "\n"
        let result = try Zhpipe.run(["run", "--to", "extract"], stdin: docs)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 3)
        #expect(result.lines[0].hasPrefix(#"{"doc":"a","para":0,"text":"第一段。""#))
        #expect(result.lines[0].contains(#""url":"http://example.com/1""#))
        #expect(result.lines[0].contains(#""source":{"site":"x","n":[1,2.50]}"#), "nested values keep their bytes")
        #expect(result.lines[2].contains(#""date":"2020-02-06""#))
    }
}
