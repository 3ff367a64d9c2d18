import Foundation
import Lexicon
import Testing
@testable import Repair

/// The codecs read back from a `BinaryCache` hold the tables ICU gives.
@Suite struct LegacyCodecCacheTests {
    @Test func theCacheGivesBackTheSameCodecs() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-codecs-cache-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let built = LegacyCodec.codecs(cache: cache)
        let cached = LegacyCodec.codecs(cache: cache)
        #expect(!built.fromCache && cached.fromCache)
        for charset in LegacyCodec.Charset.allCases {
            let a = try built.codecs[charset]!.get(), b = try cached.codecs[charset]!.get()
            #expect(a.hasSameTables(as: b), "\(charset)")
        }
        // And they work: 你好 in GBK, ¥ in windows-1252, and 臺灣 through Big5 and back.
        let gbk = try cached.codecs[.gb18030]!.get()
        #expect(Self.decoded(gbk, [0xC4, 0xE3, 0xBA, 0xC3]) == Array("你好".unicodeScalars))
        #expect(Self.decoded(try cached.codecs[.windows1252]!.get(), [0xA5]) == ["¥"])
        let big5 = try cached.codecs[.big5]!.get()
        var bytes: [UInt8] = []
        for scalar in "臺灣".unicodeScalars { #expect(big5.encode(scalar, into: &bytes)) }
        #expect(bytes.count == 4)
        #expect(Self.decoded(big5, bytes) == Array("臺灣".unicodeScalars))
    }

    static func decoded(_ codec: LegacyCodec, _ bytes: [UInt8]) -> [Unicode.Scalar] {
        bytes.withUnsafeBufferPointer { codec.decode($0).scalars }
    }

    @Test func aCacheFileOfAnotherFormatIsNotRead() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-codecs-magic-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        _ = LegacyCodec.codecs(cache: cache)
        // Cut the file short: it is built again, not half read.
        let file = try #require(cache.path(kind: "legacy-codecs", magic: LegacyCodec.cacheMagic, inputs: []))
        let bytes = try #require(FileManager.default.contents(atPath: file))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
        let again = LegacyCodec.codecs(cache: cache)
        #expect(!again.fromCache)
        #expect(Self.decoded(try again.codecs[.gb18030]!.get(), [0xC4, 0xE3]) == ["你"])
    }
}
