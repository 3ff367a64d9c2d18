/// Decodes UTF-8 that is known to be valid into scalar values.
///
/// Why: the stages read a record's text as bytes the record reader has
/// already checked (`Record.withStringBytes`); decoding them straight into
/// scalars skips building and re-validating a String.
public enum UTF8Scalars {
    /// Writes the scalars of `bytes` (valid UTF-8) to `scalars`, which must
    /// hold `bytes.count`, and where each starts to `offsets` (if given,
    /// `bytes.count + 1` long: the byte count is written after the last).
    /// Returns the number of scalars.
    @inlinable
    public static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<UInt32>,
        offsets: UnsafeMutableBufferPointer<Int32>? = nil
    ) -> Int {
        let n = bytes.count
        var k = 0, m = 0
        while k < n {
            offsets?[m] = Int32(k)
            let b0 = UInt32(bytes[k])
            if b0 < 0x80 {
                scalars[m] = b0
                k += 1
            } else if b0 < 0xE0 {
                scalars[m] = (b0 & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
                k += 2
            } else if b0 < 0xF0 {
                scalars[m] = (b0 & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                k += 3
            } else {
                scalars[m] = (b0 & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12 | UInt32(bytes[k + 2] & 0x3F) << 6 | UInt32(bytes[k + 3] & 0x3F)
                k += 4
            }
            m += 1
        }
        offsets?[m] = Int32(n)
        return m
    }

    /// The scalars of `bytes` (valid UTF-8) as an array.
    public static func array(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: bytes.count) { scalars, count in
            count = decode(bytes, into: scalars)
        }
    }
}
