import ICUBridge

/// Asks the kernel for huge pages under a large buffer about to be filled.
///
/// Why: the word tables are tens of megabytes read at random at every
/// position of every paragraph; with 4 KB pages nearly every look-up also
/// misses the TLB. A hint (`zh_advise_huge_pages`, Linux transparent huge
/// pages): it changes no contents, and buffers under `threshold` are left
/// alone, as they gain nothing.
public enum HugePages {
    /// The smallest buffer worth advising, in bytes.
    public static let threshold = 4 << 20

    /// Advises the whole 2 MB pages inside `bytes` bytes from `base`, when
    /// the buffer is at least `threshold` long. Call before the first write.
    public static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        guard bytes >= threshold, let base else { return }
        zh_advise_huge_pages(base, UInt64(bytes))
    }
}
