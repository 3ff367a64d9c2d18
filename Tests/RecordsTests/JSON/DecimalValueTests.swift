import Testing
@testable import Records

@Suite struct DecimalValueTests {
    @Test func parsesAndPrintsExactly() {
        #expect(DecimalValue("145000")?.description == "145000")
        #expect(DecimalValue("14.50")?.description == "14.5")
        #expect(DecimalValue("-0.001")?.description == "-0.001")
        #expect(DecimalValue("1e3")?.description == "1000")
        #expect(DecimalValue("2.5E-3")?.description == "0.0025")
        #expect(DecimalValue("abc") == nil)
        #expect(DecimalValue("1.") == DecimalValue("1"))
    }

    /// The literal is written digit by digit (64-bit division while the value fits):
    /// values past 64 bits, zeros padded on either side, exponent notation.
    @Test func literalsOfEveryShape() {
        let cases: [(DecimalValue, String)] = [
            (DecimalValue(0), "0"), (DecimalValue(7), "7"), (DecimalValue(-120), "-120"),
            (DecimalValue(significand: 25, exponent: -1), "2.5"), (DecimalValue(significand: -5, exponent: -3), "-0.005"),
            (DecimalValue(significand: 1, exponent: 40), "1" + String(repeating: "0", count: 40)),
            (DecimalValue(significand: 3, exponent: 41), "3e41"), (DecimalValue(significand: 3, exponent: -45), "3e-45"),
            (DecimalValue(significand: Int128(UInt64.max) + 1, exponent: 0), "18446744073709551616"),
            (DecimalValue(significand: -(Int128(UInt64.max) * 10 + 3), exponent: -2), "-1844674407370955161.53"),
            (DecimalValue(significand: Int128.max, exponent: 0), String(Int128.max)),
        ]
        for (value, literal) in cases {
            #expect(value.description == literal)
            var bytes = Array("x".utf8)
            value.appendLiteral(to: &bytes)
            #expect(bytes == Array(("x" + literal).utf8))
        }
        #expect(DecimalValue("1" + String(repeating: "3", count: 45))?.description == "1" + String(repeating: "3", count: 45))
    }

    @Test func arithmeticHasNoBinaryFloatArtefacts() {
        let a = DecimalValue("0.1")!, b = DecimalValue("0.2")!
        #expect((a + b).description == "0.3")
        let v = DecimalValue("1.57")!
        #expect(v.description == "1.57")
        // 14.5 × 10^4 (萬) = 145000
        #expect(DecimalValue("14.5")!.shifted(by: 4).description == "145000")
        #expect(DecimalValue("21.65")!.shifted(by: 4).intValue == 216500)
        #expect(DecimalValue("3")!.multiplied(by: DecimalValue("0.3")!)?.description == "0.9")
    }

    @Test func divisionIsExactOrRefused() {
        #expect(DecimalValue(1).dividedExactly(by: DecimalValue(4))?.description == "0.25")
        #expect(DecimalValue(1).dividedExactly(by: DecimalValue(3)) == nil)
    }

    @Test func equalValuesCompareAndHashEqual() {
        #expect(DecimalValue("1.50") == DecimalValue("1.5"))
        #expect(Set([DecimalValue("100")!, DecimalValue("1e2")!]).count == 1)
        #expect(DecimalValue("0.5")! < DecimalValue("2")!)
        #expect(DecimalValue("-3")! < DecimalValue("-2.5")!)
    }

    @Test func overflowIsReportedNotWrapped() {
        let big = DecimalValue(significand: Int128.max / 2 + 1, exponent: 0)
        #expect(big.adding(big) == nil)
    }
}
