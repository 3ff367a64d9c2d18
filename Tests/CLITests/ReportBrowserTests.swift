import Foundation
import Testing

/// The HTML report in a real headless browser (Debian's chromium): it
/// renders, a script in an entity name never runs, and the screenshot is a
/// page with charts. Skips, saying so, when chromium is not installed
/// (`make test` installs it when run as root).
@Suite(.serialized) struct ReportBrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let hostile: [String] = ReportRecords.sample + [
        ReportRecords.line("evil<doc>", 0, "<script>document.title='pwned'</script>与<img src=x onerror=\"document.title='pwned2'\">同在。",
                           [("PER", "<script>document.title='pwned'</script>", "<script>document.title='pwned'</script>"),
                            ("ORG", "<img src=x onerror=\"document.title='pwned2'\">", "<img src=x onerror=\"document.title='pwned2'\">")]),
    ]

    func page(in dir: URL) throws -> URL {
        let input = dir.appendingPathComponent("records.jsonl")
        try Data((Self.hostile.joined(separator: "\n") + "\n").utf8).write(to: input)
        let html = dir.appendingPathComponent("report.html")
        let result = try Zhpipe.run(["report", input.path, "--format", "html", "-o", html.path])
        #expect(result.status == 0, "\(result.stderr)")
        return html
    }

    func browse(_ args: [String]) throws -> (status: Int32, out: String) {
        let shell = try Zhpipe.shell(([Self.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"] + args)
            .map { "'\($0)'" }.joined(separator: " ") + " 2>/dev/null")
        return (shell.status, shell.output)
    }

    @Test func scriptsInEntitiesNeverRun() throws {
        guard Self.chromium != nil else {
            print("ReportBrowserTests: skipped: chromium is not installed (apt-get install chromium; `make test` does it as root)")
            return
        }
        let dir = try Zhpipe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try page(in: dir)
        let dom = try browse(["--virtual-time-budget=2000", "--dump-dom", html.absoluteString])
        #expect(dom.status == 0)
        #expect(dom.out.contains("<title>zhpipe report</title>"), "the title is unchanged: no script ran")
        #expect(!dom.out.contains("pwned</title>") && !dom.out.contains("<title>pwned"))
        #expect(!dom.out.contains("<script"), "no script element was created")
        #expect(!dom.out.contains("<img"), "no img element was created")
        #expect(dom.out.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the name is shown as text")
        #expect(dom.out.contains("钱立新"))
        #expect(dom.out.components(separatedBy: "<rect").count - 1 >= 6, "bars are in the DOM")
    }

    @Test func screenshotShowsThePage() throws {
        guard Self.chromium != nil else {
            print("ReportBrowserTests: skipped: chromium is not installed (apt-get install chromium; `make test` does it as root)")
            return
        }
        let dir = try Zhpipe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try page(in: dir)
        let blank = dir.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: blank)
        let shot = dir.appendingPathComponent("report.png"), empty = dir.appendingPathComponent("blank.png")
        _ = try browse(["--window-size=1200,1600", "--screenshot=\(shot.path)", html.absoluteString])
        _ = try browse(["--window-size=1200,1600", "--screenshot=\(empty.path)", blank.absoluteString])
        let png = try Data(contentsOf: shot), blankPNG = try Data(contentsOf: empty)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // A page of tables and coloured bars compresses far worse than an empty one.
        #expect(png.count > 4 * blankPNG.count, "report \(png.count) bytes vs blank \(blankPNG.count)")
        if let keep = ProcessInfo.processInfo.environment["ZHPIPE_KEEP_SCREENSHOT"] {
            try? png.write(to: URL(fileURLWithPath: keep))
        }
    }
}
