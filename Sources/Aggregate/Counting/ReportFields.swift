import Records

/// The fields of a record the report reads, found in one pass over its fields.
///
/// Why: looking each field up by name (`record["doc"]`, `record["para"]`, ...)
/// walks the field list and compares keys once per lookup, ten times a
/// record. One walk that sorts keys by length first compares each key about
/// once. The first field of a name wins, as with `Record`'s subscript. Only
/// the fields' positions are kept (a value is read when asked for), so
/// finding and passing them around copies no reference.
struct ReportFields {
    private let fields: [Record.Field]
    /// Each field's index in `fields`, or -1 when absent.
    private var errorIndex = -1, docIndex = -1, paraIndex = -1, textIndex = -1
    private var entitiesIndex = -1, numbersIndex = -1, repairsIndex = -1, flagsIndex = -1

    init(_ record: Record) {
        fields = record.fields
        for i in fields.indices {
            let key = fields[i].key
            switch key.utf8.count {
            case 3: if key == "doc", docIndex < 0 { docIndex = i }
            case 4:
                if key == "para" { if paraIndex < 0 { paraIndex = i } }
                else if key == "text", textIndex < 0 { textIndex = i }
            case 5:
                if key == "error" { if errorIndex < 0 { errorIndex = i } }
                else if key == "flags", flagsIndex < 0 { flagsIndex = i }
            case 7:
                if key == "numbers" { if numbersIndex < 0 { numbersIndex = i } }
                else if key == "repairs", repairsIndex < 0 { repairsIndex = i }
            case 8: if key == "entities", entitiesIndex < 0 { entitiesIndex = i }
            default: break
            }
        }
    }

    private func json(_ index: Int) -> ArraySlice<UInt8>? { index < 0 ? nil : fields[index].json }

    var error: ArraySlice<UInt8>? { json(errorIndex) }
    var doc: ArraySlice<UInt8>? { json(docIndex) }
    var para: ArraySlice<UInt8>? { json(paraIndex) }
    var text: ArraySlice<UInt8>? { json(textIndex) }
    var entities: ArraySlice<UInt8>? { json(entitiesIndex) }
    var numbers: ArraySlice<UInt8>? { json(numbersIndex) }
    var repairs: ArraySlice<UInt8>? { json(repairsIndex) }
    var flags: ArraySlice<UInt8>? { json(flagsIndex) }
}
