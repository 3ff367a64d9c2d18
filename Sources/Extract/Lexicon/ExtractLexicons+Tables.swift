import Foundation
import Lexicon
import Script

extension ExtractLexicons {
    /// The finished tables of `ExtractLexicons`: built from the files, or
    /// read back from a `BinaryCache`.
    ///
    /// Why the finished tables and not only the word list: the gazetteers,
    /// titles, cues and name scores are added on top of 349,000 words, and
    /// the weights are computed over all of them; with only the word list
    /// cached, that still took two thirds of extract's start-up.
    struct Tables {
        var words: WordTrie
        var info: [WordInfo]
        var unknownLogProbability: Float
        var names: [String]
        var units: WordTrie
        var unitInfo: [UnitInfo]
        var charFlags: [UInt8]
        var givenScore: [Float]
        var translitScore: [Float]
        var abbreviations: [UInt32: String]

        /// Change it when `WordTrie`, `WordInfo`, the rules that build the
        /// tables, or the way words are keyed change.
        static let magic: [UInt8] = Array("ZHEXLX01".utf8)

        /// Every file the tables are built from, as far as `directory` has them.
        static func inputs(_ directory: LexiconDirectory) -> [String] {
            let names = [
                ExtractLexicons.wordListFile, ExtractLexicons.divisionsFile, ExtractLexicons.worldFile, ExtractLexicons.surnamesFile,
                ExtractLexicons.titlesFile, ExtractLexicons.unitsFile, ExtractLexicons.cuesFile, ExtractLexicons.orgSuffixFile,
                ExtractLexicons.locSuffixFile, ExtractLexicons.abbreviationsFile, ExtractLexicons.nameCharsFile,
                ExtractLexicons.placesFile, ExtractLexicons.organisationsFile, ExtractLexicons.commonNamesFile, ScriptNormalizer.tableFile,
            ]
            return names.filter(directory.contains).map(directory.file)
        }

        static func load(_ directory: LexiconDirectory, normalizer: ScriptNormalizer, cache: BinaryCache?) throws -> (Tables, Bool) {
            let (tables, fromCache) = try BinaryCache.value(
                kind: "extract-lexicons", magic: magic, inputs: inputs(directory), cache: cache,
                decode: { Tables(decoding: &$0) },
                build: {
                    // The word list alone was cached under this kind before: its files are never read again.
                    cache?.pruneOldFiles(kind: "extract-words", keeping: 0)
                    var builder = LexiconBuilder()
                    try builder.load(directory, normalizer: normalizer)
                    return Tables(finishing: builder)
                },
                encode: { tables, out in tables.encode(into: &out) })
            return (tables, fromCache)
        }

        /// The builder's tables with their final frequencies and weights.
        init(finishing builder: LexiconBuilder) {
            var builder = builder
            // Words only the gazetteers or hand-written lists know get a small frequency; full
            // division names a fair one, so the segmentation keeps 平城区 whole rather than 平 + 城区.
            for i in builder.info.indices {
                let f = builder.info[i].flags
                if !f.intersection([.province, .prefecture, .county]).isEmpty && !f.contains(.shortForm) {
                    builder.info[i].frequency = max(builder.info[i].frequency, 300)
                } else if builder.info[i].frequency == 0 {
                    builder.info[i].frequency = f.isDisjoint(with: .gazetteer) ? 3 : 30
                }
            }
            var total = 0.0
            for i in builder.info where i.frequency > 0 { total += Double(i.frequency) }
            let logTotal = Float(log(max(total, 1)))
            let logProbability = builder.info.map { Float(log(Double(max($0.frequency, 1)))) - logTotal }
            // Natural log of each word's frequency minus log of the total: the lattice's word weights.
            builder.trie.setWeights { logProbability[Int($0)] }
            words = builder.trie
            info = builder.info
            unknownLogProbability = Float(log(0.5)) - logTotal
            names = builder.names
            units = builder.unitTrie
            unitInfo = builder.unitInfo
            charFlags = builder.charFlags
            givenScore = builder.givenScore
            translitScore = builder.translitScore
            abbreviations = builder.abbreviations
        }

        func encode(into out: inout ByteWriter) {
            words.encode(into: &out)
            out.array(info)
            out.float(unknownLogProbability)
            out.strings(names)
            units.encode(into: &out)
            out.strings(unitInfo.map(\.kind))
            out.strings(unitInfo.map(\.unit))
            out.array(charFlags)
            out.array(givenScore)
            out.array(translitScore)
            let abbreviated = abbreviations.keys.sorted()
            out.array(abbreviated)
            out.strings(abbreviated.map { abbreviations[$0]! })
        }

        /// The tables `encode` wrote, or nil if what is read is not them.
        init?(decoding reader: inout ByteReader) {
            let size = ExtractLexicons.charTableSize
            guard let words = WordTrie(decoding: &reader), let info: [WordInfo] = reader.array(), info.count == words.count,
                  let unknown = reader.float(), let names = reader.strings(),
                  let units = WordTrie(decoding: &reader), let kinds = reader.strings(), let unitNames = reader.strings(),
                  kinds.count == unitNames.count, kinds.count == units.count,
                  let charFlags: [UInt8] = reader.array(), let givenScore: [Float] = reader.array(), let translitScore: [Float] = reader.array(),
                  charFlags.count == size, givenScore.count == size, translitScore.count == size,
                  let abbreviated: [UInt32] = reader.array(), let fullNames = reader.strings(), abbreviated.count == fullNames.count,
                  info.allSatisfy({ $0.canonical < names.count && $0.parent < names.count })
            else { return nil }
            self.words = words
            self.info = info
            unknownLogProbability = unknown
            self.names = names
            self.units = units
            unitInfo = zip(kinds, unitNames).map { UnitInfo(kind: $0, unit: $1) }
            self.charFlags = charFlags
            self.givenScore = givenScore
            self.translitScore = translitScore
            var abbreviations: [UInt32: String] = [:]
            for (scalar, name) in zip(abbreviated, fullNames) { abbreviations[scalar] = name }
            guard abbreviations.count == abbreviated.count else { return nil }
            self.abbreviations = abbreviations
        }
    }
}
