import Records

/// The fields of a record the report reads, found in one pass over its fields.
///
/// Why: looking each field up by name (`record["doc"]`, `record["para"]`, ...)
/// walks the field list and compares keys once per lookup, ten times a
/// record. One walk that sorts keys by length first compares each key about
/// once. The first field of a name wins, as with `Record`'s subscript.
struct ReportFields {
    var error: ArraySlice<UInt8>?
    var doc: ArraySlice<UInt8>?
    var para: ArraySlice<UInt8>?
    var text: ArraySlice<UInt8>?
    var entities: ArraySlice<UInt8>?
    var numbers: ArraySlice<UInt8>?
    var repairs: ArraySlice<UInt8>?
    var flags: ArraySlice<UInt8>?

    init(_ record: Record) {
        for field in record.fields {
            let key = field.key
            switch key.utf8.count {
            case 3: if key == "doc", doc == nil { doc = field.json }
            case 4:
                if key == "para" { if para == nil { para = field.json } }
                else if key == "text", text == nil { text = field.json }
            case 5:
                if key == "error" { if error == nil { error = field.json } }
                else if key == "flags", flags == nil { flags = field.json }
            case 7:
                if key == "numbers" { if numbers == nil { numbers = field.json } }
                else if key == "repairs", repairs == nil { repairs = field.json }
            case 8: if key == "entities", entities == nil { entities = field.json }
            default: break
            }
        }
    }
}
