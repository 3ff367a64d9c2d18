import ICU

/// GBK (code page 936) as two flat tables: every two-byte code to its
/// character, and every BMP character back to its code.
///
/// The byte-level repairs re-encode damaged text to the bytes a mirror site
/// saw, change a few bytes, and decode again, thousands of times per damaged
/// line; a table lookup per character keeps that cheap. The tables are built
/// once from ICU's own GBK converter, so they agree with it exactly
/// (user-defined areas decode to private-use characters, as ICU does).
public final class GBKTable: Sendable {
    /// Character for code `(lead - 0x81) * 192 + (trail - 0x40)`, 0 when unassigned.
    private let decodeTable: [UInt32]
    /// Code (lead << 8 | trail) for each BMP scalar, 0 when GBK has none.
    private let encodeTable: [UInt16]

    public init() throws {
        let converter = try Converter("GBK")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(126 * 191 * 3)
        for lead in UInt8(0x81)...UInt8(0xFE) {
            for trail in UInt8(0x40)...UInt8(0xFE) where trail != 0x7F {
                bytes.append(lead); bytes.append(trail); bytes.append(0x0A)
            }
        }
        let decoded = try converter.decode(bytes).utf16
        var decodeTable = [UInt32](repeating: 0, count: 126 * 192)
        var encodeTable = [UInt16](repeating: 0, count: 0x10000)
        var line: [UInt16] = []
        var index = 0
        let codes: [(UInt8, UInt8)] = (UInt8(0x81)...UInt8(0xFE)).flatMap { lead in
            (UInt8(0x40)...UInt8(0xFE)).filter { $0 != 0x7F }.map { (lead, $0) }
        }
        for unit in decoded {
            if unit == 0x0A {
                if index < codes.count, line.count == 1, line[0] != 0xFFFD, !(0xD800...0xDFFF).contains(line[0]) {
                    let (lead, trail) = codes[index]
                    let v = line[0]
                    decodeTable[Self.slot(lead, trail)] = UInt32(v)
                    if encodeTable[Int(v)] == 0 { encodeTable[Int(v)] = UInt16(lead) << 8 | UInt16(trail) }
                }
                index += 1
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(unit)
            }
        }
        self.decodeTable = decodeTable
        self.encodeTable = encodeTable
    }

    @inline(__always)
    static func slot(_ lead: UInt8, _ trail: UInt8) -> Int { (Int(lead) - 0x81) * 192 + (Int(trail) - 0x40) }

    /// True for a byte that starts a two-byte code.
    @inline(__always)
    public static func isLead(_ b: UInt8) -> Bool { b >= 0x81 && b <= 0xFE }

    /// True for a byte that may end a two-byte code.
    @inline(__always)
    public static func isTrail(_ b: UInt8) -> Bool { b >= 0x40 && b <= 0xFE && b != 0x7F }

    /// The character a two-byte code stands for, or nil.
    @inline(__always)
    public func character(_ lead: UInt8, _ trail: UInt8) -> UInt32? {
        guard Self.isLead(lead), Self.isTrail(trail) else { return nil }
        let v = decodeTable[Self.slot(lead, trail)]
        return v == 0 ? nil : v
    }

    /// The two-byte code of a character (nil for ASCII and characters GBK lacks).
    @inline(__always)
    public func code(of scalar: UInt32) -> (UInt8, UInt8)? {
        guard scalar >= 0x80, scalar < 0x10000 else { return nil }
        let c = encodeTable[Int(scalar)]
        return c == 0 ? nil : (UInt8(c >> 8), UInt8(c & 0xFF))
    }

    /// Appends the GBK bytes of a scalar; false when GBK cannot hold it.
    @inline(__always)
    public func append(_ scalar: UInt32, to bytes: inout [UInt8]) -> Bool {
        if scalar < 0x80 { bytes.append(UInt8(scalar)); return true }
        guard let (a, b) = code(of: scalar) else { return false }
        bytes.append(a); bytes.append(b)
        return true
    }

    /// Decodes bytes the ordinary way (a bad byte becomes U+FFFD and decoding
    /// goes on at the next byte), noting where each character's bytes start.
    public func decode(_ bytes: ArraySlice<UInt8>, starts: inout [Int]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        starts.removeAll(keepingCapacity: true)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            starts.append(i)
            if b < 0x80 { out.append(UInt32(b)); i += 1; continue }
            if i + 1 < bytes.endIndex, let v = character(b, bytes[i + 1]) {
                out.append(v); i += 2
            } else {
                out.append(0xFFFD); i += 1
            }
        }
        return out
    }
}
