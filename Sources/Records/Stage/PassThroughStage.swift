/// A stage that checks every record and writes it back unchanged.
///
/// `zhpipe cat` runs it to validate a JSON-lines file (every bad line is
/// reported with its input, line and byte), and `make bench` runs it to
/// measure the record layer alone, the floor under every stage's speed.
public struct PassThroughStage: RecordStage {
    public let name = "cat"
    public let ownedFields: [String] = []

    public init() {}

    public func makeProcessor() throws -> any RecordProcessor { PassThroughProcessor() }
}

final class PassThroughProcessor: RecordProcessor {
    func process(_ record: inout Record) throws {}
}
