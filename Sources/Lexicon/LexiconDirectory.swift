import Records

/// The folder holding the lexicon files (`lexicons/` in the repository).
///
/// Found in this order: an explicit `--lexicons DIR`; `$ZHPIPE_LEXICONS`; a
/// `lexicons/` folder beside or above the running executable (so a binary in
/// `.build/release/` finds the checkout's data); `../share/zhpipe/lexicons`
/// from the executable (an installed layout); `./lexicons`.
public struct LexiconDirectory: Sendable, Hashable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The full path of a file in the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// True when the folder holds `name`.
    public func contains(_ name: String) -> Bool { access(file(name), F_OK) == 0 }

    /// Finds the lexicon folder (see the type's documentation for the order).
    public static func locate(explicit: String? = nil) throws(LexiconError) -> LexiconDirectory {
        if let explicit {
            guard isDirectory(explicit) else {
                throw LexiconError(file: explicit, line: nil, problem: "is not a directory (give the folder that holds the lexicon files)")
            }
            return LexiconDirectory(path: explicit)
        }
        if let env = getenv("ZHPIPE_LEXICONS").map({ String(cString: $0) }), !env.isEmpty {
            guard isDirectory(env) else {
                throw LexiconError(file: env, line: nil, problem: "ZHPIPE_LEXICONS is not a directory")
            }
            return LexiconDirectory(path: env)
        }
        for candidate in candidates() where isDirectory(candidate) && access(candidate + "/README.md", F_OK) == 0 {
            return LexiconDirectory(path: candidate)
        }
        throw LexiconError(file: "lexicons/", line: nil, problem: "not found next to the zhpipe executable or in the current folder; pass --lexicons DIR or set ZHPIPE_LEXICONS")
    }

    static func candidates() -> [String] {
        var result: [String] = []
        if let exe = executablePath() {
            var dir = parent(exe)
            for _ in 0..<6 {
                result.append(dir + "/lexicons")
                if dir == "/" || dir.isEmpty { break }
                dir = parent(dir)
            }
            result.append(parent(parent(exe)) + "/share/zhpipe/lexicons")
        }
        result.append("lexicons")
        return result
    }

    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
