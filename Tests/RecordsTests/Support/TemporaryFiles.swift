import Records

/// Temporary files for reader tests, removed by the caller.
enum TemporaryFiles {
    static func write(_ bytes: [UInt8], name: String = "input") -> String {
        let path = "/tmp/zhpipe-records-\(getpid())-\(UInt64.random(in: 0..<UInt64.max))-\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    static func read(_ path: String) -> [UInt8] {
        (try? InputSource(path).readAll()) ?? []
    }
}
