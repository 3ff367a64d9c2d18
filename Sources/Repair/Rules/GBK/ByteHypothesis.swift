/// One reading of a damaged segment at the byte level: which byte each hole
/// lost, and whether a lead byte vanished before each delimiter.
///
/// From it come the bytes the mirror saw (`damaged`, annotations in place)
/// and the bytes of the page before the damage (`source`, annotations taken
/// out); the candidate text is `source` decoded in step.
struct ByteHypothesis {
    /// One place where a byte may be missing.
    struct Slot {
        enum Role {
            /// A lost byte before a pinyin annotation: which it was follows from the reading.
            case annotated(syllable: Int32)
            /// A lost byte before the tail of an HTML tag, before a delimiter, or vanished: any lead byte.
            case free
            /// A lost byte standing alone: 0x80 or 0xFF (never a lead byte), or a
            /// lead byte that swallowed a line break (two lines run together at a `?`).
            case beforeLineBreak
            /// An ASCII character that may have been a full-width one (A3 xx) folded after decoding.
            case fullWidth
        }
        /// The item the slot belongs to (a hole, or the delimiter a vanished byte stood before).
        var item: Int
        var role: Role
        /// True for a byte that vanished without a mark, before a delimiter.
        var hidden: Bool
    }

    /// The bytes built for one assignment of the slots.
    struct Built {
        var damaged: [UInt8] = []
        var source: [UInt8] = []
        /// Where each chosen byte stands in `source` (by slot), -1 when the slot is empty.
        var positions: [Int] = []
        /// `<` positions in `source` of tags whose `<` a lost byte swallowed, with the tag's length.
        var tags: [(at: Int, length: Int)] = []
        /// Where each item's bytes start in `source` (by item index from the segment start).
        var itemStarts: [Int] = []
    }

    /// A two-byte code from GBK's user-defined area that vanished before an
    /// item (the mirror decoded it to a private-use character and dropped it).
    struct HiddenPair: Equatable {
        var item: Int
        var code: UInt16
    }

    /// Every code of GBK's user-defined areas (AAA1–AFFE, F8A1–FEFE, A140–A7A0).
    static let userDefinedCodes: [UInt16] = {
        var codes: [UInt16] = []
        for lead in UInt16(0xAA)...0xAF { for trail in UInt16(0xA1)...0xFE { codes.append(lead << 8 | trail) } }
        for lead in UInt16(0xF8)...0xFE { for trail in UInt16(0xA1)...0xFE { codes.append(lead << 8 | trail) } }
        for lead in UInt16(0xA1)...0xA7 { for trail in UInt16(0x40)...0xA0 where trail != 0x7F { codes.append(lead << 8 | trail) } }
        return codes
    }()

    @inline(__always)
    static func isUserDefined(_ lead: UInt8, _ trail: UInt8) -> Bool {
        ((0xAA...0xAF).contains(lead) || (0xF8...0xFE).contains(lead)) && (0xA1...0xFE).contains(trail)
            || (0xA1...0xA7).contains(lead) && (0x40...0xA0).contains(trail) && trail != 0x7F
    }

    /// The slots of `items[segment]`, in order: holes, lead bytes that may
    /// have vanished before delimiters, ASCII characters that may be folded
    /// full-width ones (a pair read out of step, A3 D2 → `Ｒ` → `R`).
    static func slots(of items: [ByteDamageItem], segment: Range<Int>) -> [Slot] {
        var slots: [Slot] = []
        for k in segment {
            switch items[k].kind {
            case .plain:
                if items[k].mayBeFolded { slots.append(Slot(item: k, role: .fullWidth, hidden: false)) }
            case .hole(let hole):
                switch hole.follower {
                case .annotation(let syllable, _, _): slots.append(Slot(item: k, role: .annotated(syllable: syllable), hidden: false))
                case .tagTail: slots.append(Slot(item: k, role: .free, hidden: false))
                case .none:
                    if hole.beforeDelimiter { slots.append(Slot(item: k, role: .free, hidden: false)) }
                    else if !hole.isReplacementCharacter && items[k].mayHaveSwallowedLineBreak { slots.append(Slot(item: k, role: .beforeLineBreak, hidden: false)) }
                }
            case .delimiter:
                if k == segment.lowerBound || !items[k].misalignedAfter { break }
                if case .hole = items[k - 1].kind { break }
                slots.append(Slot(item: k, role: .free, hidden: true))
            default:
                break
            }
        }
        // A lead byte that vanished at the end of a line read out of step.
        if segment.upperBound == items.count, let last = segment.last, case .plain = items[last].kind,
           segment.contains(where: { items[$0].misalignedAfter }) {
            slots.append(Slot(item: segment.upperBound, role: .free, hidden: true))
        }
        return slots
    }

    /// Placeholder byte for a U+FFFD kept as it is (decodes to itself, never pairs).
    static let keptReplacement: UInt8 = 0x1A

    /// The bytes for `choice` (one entry per slot: a byte, or -1 for none/as is),
    /// built up to (not including) item `stop` when given.
    static func build(_ items: [ByteDamageItem], segment: Range<Int>, slots: [Slot], choice: [Int16],
                      pairs: [HiddenPair] = [], stop: Int? = nil) -> Built {
        var built = Built()
        built.positions = [Int](repeating: -1, count: slots.count)
        built.itemStarts.reserveCapacity(segment.count)
        var slotIndex = 0
        for k in segment {
            if let stop, k >= stop { break }
            for pair in pairs where pair.item == k {
                built.damaged.append(UInt8(pair.code >> 8)); built.damaged.append(UInt8(pair.code & 0xFF))
                built.source.append(UInt8(pair.code >> 8)); built.source.append(UInt8(pair.code & 0xFF))
            }
            built.itemStarts.append(built.source.count)
            // A vanished byte before this delimiter?
            var ownSlot: Int? = nil
            if slotIndex < slots.count, slots[slotIndex].item == k {
                ownSlot = slotIndex
                slotIndex += 1
            }
            let chosen: Int16 = ownSlot.map { choice[$0] } ?? -1
            switch items[k].kind {
            case .plain(let bytes):
                if chosen >= 0, bytes.count == 1 {
                    // A folded full-width character: A3 and the ASCII byte + 0x80.
                    built.positions[ownSlot!] = built.source.count
                    built.damaged.append(0xA3); built.damaged.append(bytes[0] + 0x80)
                    built.source.append(0xA3); built.source.append(bytes[0] + 0x80)
                } else {
                    built.damaged.append(contentsOf: bytes)
                    built.source.append(contentsOf: bytes)
                }
            case .barrier:
                break
            case .delimiter(let bytes):
                if chosen >= 0 {
                    built.positions[ownSlot!] = built.source.count
                    built.damaged.append(UInt8(chosen))
                    built.source.append(UInt8(chosen))
                }
                built.damaged.append(contentsOf: bytes)
                built.source.append(contentsOf: bytes)
            case .hole(let hole):
                let mark: UInt8 = hole.isReplacementCharacter ? keptReplacement : 0x3F
                switch hole.follower {
                case .none:
                    let byte = chosen >= 0 ? UInt8(chosen) : mark
                    if chosen >= 0 { built.positions[ownSlot!] = built.source.count }
                    built.damaged.append(byte)
                    built.source.append(byte)
                    if chosen >= 0, !hole.beforeDelimiter, GBKTable.isLead(UInt8(chosen)) {
                        // The line break the lost lead byte swallowed (0x80 and 0xFF swallow nothing).
                        built.damaged.append(0x0A)
                        built.source.append(0x0A)
                    }
                case .annotation(_, let swallowed, let bytes):
                    if chosen >= 0 {
                        built.positions[ownSlot!] = built.source.count
                        built.damaged.append(UInt8(chosen))
                        built.source.append(UInt8(chosen))
                        if swallowed { built.damaged.append(0x28) }
                        built.damaged.append(contentsOf: bytes)
                    } else {
                        built.damaged.append(mark); built.source.append(mark)
                        built.damaged.append(contentsOf: bytes); built.source.append(contentsOf: bytes)
                    }
                case .tagTail(let bytes, let scalars):
                    if chosen >= 0 {
                        built.positions[ownSlot!] = built.source.count
                        built.damaged.append(UInt8(chosen)); built.source.append(UInt8(chosen))
                        built.tags.append((at: built.source.count, length: scalars + 1))
                        built.damaged.append(0x3C); built.source.append(0x3C)
                    } else {
                        built.damaged.append(mark); built.source.append(mark)
                    }
                    built.damaged.append(contentsOf: bytes); built.source.append(contentsOf: bytes)
                }
            }
        }
        if slotIndex < slots.count, slots[slotIndex].item == segment.upperBound, stop == nil, choice[slotIndex] >= 0 {
            built.positions[slotIndex] = built.source.count
            built.damaged.append(UInt8(choice[slotIndex]))
            built.source.append(UInt8(choice[slotIndex]))
        }
        return built
    }

    /// The candidate text of `built.source`: decoded in step, restored tags
    /// taken out (a page's tags never reach its text), kept U+FFFD put back.
    static func candidate(_ built: Built, gbk: GBKTable, starts: inout [Int]) -> [UInt32] {
        var text = gbk.decode(built.source[...], starts: &starts)
        for i in text.indices where text[i] == UInt32(keptReplacement) { text[i] = 0xFFFD }
        guard !built.tags.isEmpty else { return text }
        var remove = [Bool](repeating: false, count: text.count)
        for tag in built.tags {
            guard let first = starts.firstIndex(of: tag.at) else { continue }
            for j in first..<min(first + tag.length, text.count) { remove[j] = true }
        }
        var kept: [UInt32] = []
        var keptStarts: [Int] = []
        for j in text.indices where !remove[j] {
            kept.append(text[j])
            keptStarts.append(starts[j])
        }
        starts = keptStarts
        return kept
    }
}
