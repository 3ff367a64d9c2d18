import ICU
import Lexicon

extension LegacyCodec {
    /// Every charset's codec and whether it came from `cache`: read from the
    /// cache when it holds them, else built from ICU's data and written there
    /// (only when every charset could be built).
    ///
    /// Why: building reads about 150,000 byte sequences through ICU and was
    /// the largest part of repair's start-up (and `run`'s, whose repair
    /// thread loads longest); read back, the tables are a few array copies.
    /// ICU's version is part of the file's magic, so a new ICU builds anew.
    static func codecs(cache: BinaryCache?) -> (codecs: [Charset: Result<LegacyCodec, CodecUnavailable>], fromCache: Bool) {
        let (codecs, fromCache) = BinaryCache.value(
            kind: "legacy-codecs", magic: cacheMagic, inputs: [], cache: cache,
            decode: decodeAll, build: buildAll, encode: encodeAll,
            storeIf: { built in built.values.allSatisfy { if case .success = $0 { true } else { false } } })
        return (codecs, fromCache)
    }

    /// The format, and the ICU whose data the tables hold.
    static var cacheMagic: [UInt8] { Array("ZHLGCD01 ICU \(ICULibrary.version)".utf8) }

    private static func buildAll() -> [Charset: Result<LegacyCodec, CodecUnavailable>] {
        var result: [Charset: Result<LegacyCodec, CodecUnavailable>] = [:]
        for charset in Charset.allCases {
            do { result[charset] = .success(try LegacyCodec(building: charset)) } catch {
                result[charset] = .failure(CodecUnavailable(charset: charset.rawValue, reason: "\(error)"))
            }
        }
        return result
    }

    /// Each charset in `allCases` order: its four tables, then its pairs as
    /// sorted keys and their values (`ByteWriter.arrays`).
    private static func encodeAll(_ codecs: [Charset: Result<LegacyCodec, CodecUnavailable>], _ out: inout ByteWriter) {
        for charset in Charset.allCases {
            guard case .success(let codec)? = codecs[charset] else { continue }
            for table in [codec.single, codec.double, codec.four, codec.encodeTable] { out.array(table) }
            let keys = codec.doubleScalarPairs.keys.sorted()
            out.array(keys)
            out.arrays(keys.map { codec.doubleScalarPairs[$0]! })
        }
    }

    private static func decodeAll(_ reader: inout ByteReader) -> [Charset: Result<LegacyCodec, CodecUnavailable>]? {
        var result: [Charset: Result<LegacyCodec, CodecUnavailable>] = [:]
        for charset in Charset.allCases {
            guard let single: [UInt32] = reader.array(), let double: [UInt32] = reader.array(),
                  let four: [UInt32] = reader.array(), let encodeTable: [UInt32] = reader.array(),
                  let keys: [UInt16] = reader.array(), let values: [[UInt32]] = reader.arrays(),
                  single.count == 256, double.count == (charset.isDoubleByte ? 65536 : 0),
                  four.count == (charset == .gb18030 ? Self.gb18030FourByteCount : 0), encodeTable.count == encodeTableSize,
                  keys.count == values.count
            else { return nil }
            let pairs = Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
            result[charset] = .success(LegacyCodec(
                charset: charset, single: single, double: double, four: four, encodeTable: encodeTable, doubleScalarPairs: pairs))
        }
        return result
    }

    /// True when both codecs hold the same tables (for tests of the cache).
    func hasSameTables(as other: LegacyCodec) -> Bool {
        charset == other.charset && single == other.single && double == other.double && four == other.four
            && encodeTable == other.encodeTable && doubleScalarPairs == other.doubleScalarPairs
    }
}
