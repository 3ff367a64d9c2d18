// libFuzzer entry point for the record reader (`make fuzz`).
//
// Compiled together with Sources/Records by swiftc -sanitize=fuzzer,address:
// any crash, overflow or out-of-bounds read on arbitrary bytes is a bug.
// Whatever parses must write back to a line that parses to the same bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let record = try? Record(parsing: bytes, range: 0..<bytes.count) {
        let line = record.jsonLine
        guard let again = try? Record(parsing: line), again.jsonLine == line else {
            fatalError("a parsed record did not survive a round trip: \(line)")
        }
        for field in record.fields {
            _ = try? JSONValue(parsing: field.json)
        }
    }
    _ = try? JSONValue(parsing: bytes)
    return 0
}
