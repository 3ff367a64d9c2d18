import Foundation
import Testing
@testable import Lexicon

/// The TSV reader every lexicon goes through: comments, BOM, CRLF, tabs.
@Suite struct LexiconFileTests {
    private func rows(_ text: [UInt8]) throws -> [LexiconRow] {
        var result: [LexiconRow] = []
        try LexiconFile.forEachRow(bytes: text, name: "test.tsv") { result.append($0) }
        return result
    }

    @Test func skipsCommentsAndBlankLinesAndKeepsLineNumbers() throws {
        let text = Array("# source: test\n\n北京\t100\tns\n  \n上海\n".utf8)
        let read = try rows(text)
        #expect(read.map(\.line) == [3, 5])
        #expect(read[0].fields == ["北京", "100", "ns"])
        #expect(read[1][0] == "上海")
        #expect(read[1][1] == nil)
    }

    @Test func toleratesBOMAndCRLFAndKeepsSpacesInsideFields() throws {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("New York\t5\r\n中国 银行\r\n".utf8)
        let read = try rows(text)
        #expect(read.map(\.fields) == [["New York", "5"], ["中国 银行"]])
    }

    @Test func keepsEmptyFieldsBetweenTabs() throws {
        let read = try rows(Array("词\t\tn\n".utf8))
        #expect(read[0].fields == ["词", "", "n"])
    }

    @Test func rejectsInvalidUTF8WithItsLineNumber() {
        let text: [UInt8] = Array("好\n".utf8) + [0xFF, 0xFE, 0x0A]
        #expect(throws: LexiconError(file: "test.tsv", line: 2, problem: "not valid UTF-8")) {
            _ = try rows(text)
        }
    }

    @Test func missingFileIsAnErrorNamingTheFile() {
        do {
            _ = try LexiconFile.rows(path: "/nonexistent/zhpipe/lexicon.tsv")
            Issue.record("expected an error")
        } catch let error as LexiconError {
            #expect(error.file == "/nonexistent/zhpipe/lexicon.tsv")
            #expect(error.line == nil)
            #expect(error.description.hasPrefix("/nonexistent/zhpipe/lexicon.tsv: "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

/// Finding the lexicon folder, and the rule that every shipped file says
/// where its data came from.
@Suite struct LexiconDirectoryTests {
    @Test func explicitFolderMustExist() {
        #expect(throws: LexiconError.self) {
            _ = try LexiconDirectory.locate(explicit: "/nonexistent/zhpipe-lexicons")
        }
        let found = try? LexiconDirectory.locate(explicit: NSTemporaryDirectory())
        #expect(found?.path == NSTemporaryDirectory())
    }

    @Test func parentOfPaths() {
        #expect(LexiconDirectory.parent("/a/b/c") == "/a/b")
        #expect(LexiconDirectory.parent("/a") == "/")
        #expect(LexiconDirectory.parent("a") == ".")
    }

    /// The repository's `lexicons/` folder, found from this test file.
    private var repositoryLexicons: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lexicons").path
    }

    @Test func everyShippedLexiconOpensWithItsProvenance() throws {
        let dir = repositoryLexicons
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix(".tsv") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let handle = try #require(FileHandle(forReadingAtPath: dir + "/" + name))
            let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
            handle.closeFile()
            let comments = head.split(separator: "\n").prefix { $0.hasPrefix("#") }
            #expect(!comments.isEmpty, "\(name) does not open with a # comment")
            let said = comments.joined(separator: "\n").lowercased()
            #expect(said.contains("source") || said.contains("from"), "\(name) does not say where it came from")
            #expect(said.contains("regenerat") || said.contains("make lexicons") || said.contains("scripts/"),
                    "\(name) does not say how to regenerate it")
        }
    }
}
