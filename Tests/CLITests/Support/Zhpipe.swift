import Foundation

/// Runs the built `zhpipe` binary, as a user would, and captures what it does.
///
/// The binary is `$ZHPIPE_BIN` (the Makefile points it at the release build)
/// or the `zhpipe` next to the test bundle (the debug build `swift test` makes).
enum Zhpipe {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ZHPIPE_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("zhpipe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return projectRoot.appendingPathComponent(".build/debug/zhpipe")
    }

    /// The checkout (the folder holding Package.swift).
    static var projectRoot: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    static var corpus: URL { projectRoot.appendingPathComponent("corpus") }

    static func corpusFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0).path }
    }

    /// Runs `zhpipe args...` with `stdin` as standard input.
    @discardableResult
    static func run(_ args: [String], stdin: Data = Data(), environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Feed stdin and drain stdout/stderr concurrently so large data cannot deadlock.
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        var errData = Data()
        let errReader = Thread { errData = error.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errReader.isExecuting || !errReader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    static func run(_ args: [String], stdin: String) throws -> Result {
        try run(args, stdin: Data(stdin.utf8))
    }

    /// Runs a shell pipeline (bash -o pipefail) with `$Z` set to the binary.
    static func shell(_ script: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-o", "pipefail", "-c", script]
        var env = ProcessInfo.processInfo.environment
        env["Z"] = binary.path
        process.environment = env
        process.currentDirectoryURL = projectRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        var errData = Data()
        let errReader = Thread { errData = error.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhpipe-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
