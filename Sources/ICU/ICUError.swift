import ICUBridge

/// A failure reported by ICU, with ICU's own error name.
///
/// Only codes above zero are failures: ICU returns negative "warnings" such
/// as `U_USING_DEFAULT_WARNING` from perfectly good calls.
public struct ICUError: Error, CustomStringConvertible, Equatable {
    public let code: Int32
    public let operation: String

    public var name: String { String(cString: zh_error_name(code)) }
    public var description: String { "ICU \(operation) failed: \(name)" }

    static func check(_ code: Int32, _ operation: String) throws {
        if code > 0 { throw ICUError(code: code, operation: operation) }
    }
}

/// Facts about the ICU library zhpipe runs on.
public enum ICULibrary {
    /// ICU's version, e.g. "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        zh_icu_version(&buffer, 32)
        return String(cString: buffer)
    }
}
