import Testing
@testable import Records

/// Integer literals read from bytes agree with `DecimalValue`'s parser.
@Suite struct IntegerLiteralTests {
    @Test(arguments: ["0", "-0", "7", "-12", "145000", "100", "999999999999999999", "-999999999999999999"])
    func integersMatchDecimalValue(_ literal: String) throws {
        let bytes = Array(literal.utf8)
        let n = try #require(bytes.withUnsafeBufferPointer(IntegerLiteral.value))
        #expect(DecimalValue(n) == DecimalValue(literal))
        #expect(DecimalValue(n).description == DecimalValue(literal)!.description)
    }

    @Test(arguments: ["", "-", "1.5", "1e3", "2E1", "1234567890123456789", "--1", "+1", "1-", " 1"])
    func otherLiteralsAreLeftToDecimalValue(_ literal: String) {
        #expect(Array(literal.utf8).withUnsafeBufferPointer(IntegerLiteral.value) == nil)
    }
}
