import Testing
@testable import Repair

@Suite struct GBKTableTests {
    let gbk = RuleTestSupport.resources.gbk

    @Test func roundTripsCommonCharacters() {
        for c in "中文报告，。“”！经济發展".unicodeScalars {
            let code = gbk.code(of: c.value)
            #expect(code != nil, "\(c)")
            if let (a, b) = code { #expect(gbk.character(a, b) == c.value) }
        }
        #expect(gbk.code(of: 0x1F600) == nil)
        #expect(gbk.character(0x81, 0x7F) == nil)
    }

    @Test func userDefinedAreaIsPrivateUseBothWays() {
        for (a, b) in [(UInt8(0xAA), UInt8(0xA1)), (0xF8, 0xD3), (0xA1, 0x40)] {
            let v = gbk.character(a, b)
            #expect(v.map { $0 >= 0xE000 && $0 <= 0xF8FF } == true, "\(a) \(b) -> \(String(describing: v))")
            if let v { #expect(gbk.code(of: v).map { $0 == (a, b) } == true) }
        }
    }
}
