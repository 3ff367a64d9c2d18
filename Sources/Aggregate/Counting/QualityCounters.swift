/// How damaged the input was: records, error records, repairs by kind,
/// flags by kind (`number-missing`, ...), numbers that carried no value.
public struct QualityCounters: Equatable, Sendable {
    public var records = 0
    public var errorRecords = 0
    public var numbersWithoutValue = 0
    public var repairs = CountTable()
    public var flags = CountTable()

    public init() {}

    mutating func merge(_ other: QualityCounters) {
        records += other.records
        errorRecords += other.errorRecords
        numbersWithoutValue += other.numbersWithoutValue
        repairs.merge(other.repairs)
        flags.merge(other.flags)
    }
}
