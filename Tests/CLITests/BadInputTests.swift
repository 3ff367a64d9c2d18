import Foundation
import Testing

/// Every kind of bad input gets one line naming the input, the line (and
/// byte) and what is wrong, a distinct exit status, and nothing read before
/// it is lost.
@Suite struct BadInputTests {
    let good = #"{"doc":"d","para":0,"text":"中文"}"#

    @Test func invalidJSONNamesInputLineAndByte() throws {
        let result = try Zhpipe.run(["segment"], stdin: good + "\n" + #"{"text":"x" "b":1}"# + "\n")
        #expect(result.status == 65)
        // Line 2 starts at byte 37; the stray quote is 12 bytes into it.
        #expect(result.stderr.contains("<stdin>:2: byte \(good.utf8.count + 1 + 12): invalid JSON"), "\(result.stderr)")
        #expect(result.lines.count == 1, "the good line before is written")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func everyStageWritesWhatCameBeforeABadLine() throws {
        let document = #"{"doc":"a","text":"第一段。"}"#
        let cases: [(stage: [String], good: String)] = [
            (["repair", "--format", "jsonl"], document), (["segment"], good), (["extract"], good),
        ]
        for (stage, line) in cases {
            let result = try Zhpipe.run(stage, stdin: line + "\n" + line + "\n" + #"{"doc":"c","text":"# + "\n")
            #expect(result.status == 65, "\(stage)")
            #expect(result.lines.count == 2, "\(stage): \(result.stdout)")
            #expect(result.stderr.contains("<stdin>:3:"), "\(stage): \(result.stderr)")
        }
    }

    @Test func aLineThatIsNotAnObject() throws {
        let result = try Zhpipe.run(["extract"], stdin: "[1,2,3]\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:1:"))
        #expect(result.stderr.contains("not an object"))
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Data(good.utf8) + Data("\n".utf8)
        bytes += Data(#"{"text":"a"#.utf8) + Data([0xC3, 0x28]) + Data("\"}\n".utf8)
        let result = try Zhpipe.run(["segment"], stdin: bytes)
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2: byte \(good.utf8.count + 1 + 10): invalid UTF-8"), "\(result.stderr)")
        #expect(result.lines.count == 1)
    }

    @Test func aMissingFieldSaysWhichAndWhereItComesFrom() throws {
        let result = try Zhpipe.run(["segment"], stdin: #"{"doc":"d"}"# + "\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains(#"no "text" field"#))
        #expect(result.stderr.contains("zhpipe repair"))
    }

    @Test func aFieldOfTheWrongType() throws {
        let result = try Zhpipe.run(["segment"], stdin: #"{"text":["a"]}"# + "\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains(#"field "text" should be a string, found an array"#))
    }

    @Test func anEmptyInput() throws {
        for stage in ["repair", "segment", "extract", "report"] {
            let result = try Zhpipe.run([stage], stdin: "")
            #expect(result.status == 65, "\(stage)")
            #expect(result.stderr.contains("is empty"), "\(stage): \(result.stderr)")
        }
    }

    @Test func aMissingFileAndADirectory() throws {
        let missing = try Zhpipe.run(["segment", "/no/such/input.jsonl"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/no/such/input.jsonl: no such file"))
        let directory = try Zhpipe.run(["repair", Zhpipe.corpus.path])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func aFileThatIsNotText() throws {
        let dir = try Zhpipe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = dir.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: binary)
        let result = try Zhpipe.run(["repair", binary.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("image.png"))
        #expect(result.stderr.contains("is not text"))
    }

    @Test func usageErrorsExit64() throws {
        let result = try Zhpipe.run(["segment", "--jobs", "-3"])
        #expect(result.status == 64)
        let unknown = try Zhpipe.run(["segment", "--no-such-option"])
        #expect(unknown.status == 64)
    }

    @Test func keepGoingKeepsEveryLineInPlace() throws {
        var bytes = Data((good + "\nnot json\n").utf8)
        bytes += Data([0xFF, 0xFE, 0x0A])
        bytes += Data((good + "\n").utf8)
        let result = try Zhpipe.run(["segment", "--keep-going"], stdin: bytes)
        #expect(result.status == 65, "bad data is still reported in the status")
        #expect(result.lines.count == 4)
        #expect(result.lines[1].contains(#""original":"not json""#))
        #expect(result.lines[2].contains(#""original_base64":"//4=""#))
        #expect(result.lines[3].contains(#""tokens""#))
        #expect(result.stderr.contains("2 bad lines kept as error records"))
        // Later stages pass the error records on, and report counts them.
        let piped = try Zhpipe.run(["extract"], stdin: result.stdout)
        #expect(piped.status == 0)
        #expect(piped.lines[1] == result.lines[1])
    }

    @Test func keepGoingOnMissingFilesInRepair() throws {
        let files = try Zhpipe.corpusFiles()
        let result = try Zhpipe.run(["repair", "--keep-going", "/no/such.txt", files[3]])
        #expect(result.status == 65)
        #expect(result.lines.first?.contains(#""error""#) == true)
        #expect(result.lines.count > 5)
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let files = try Zhpipe.corpusFiles().joined(separator: " ")
        let result = try Zhpipe.shell("for i in $(seq 40); do cat \(files); done | $Z repair --format text | $Z segment | head -n 1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        #expect(!result.stderr.contains("zhpipe"), "\(result.stderr)")
    }
}
