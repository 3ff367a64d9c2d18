extension Array {
    /// Makes the array `count` copies of `value` in the storage it already
    /// has: a fill the compiler vectorises, where emptying it and appending a
    /// repeated element checks capacity element by element. The segmenter
    /// resets a dozen per-position arrays for every paragraph this way, and
    /// extract its lattice's arrays.
    @inlinable @inline(__always)
    public mutating func refill(count: Int, with value: Element) {
        if self.count > count {
            removeLast(self.count - count)
        } else if self.count < count {
            append(contentsOf: repeatElement(value, count: count - self.count))
        }
        withUnsafeMutableBufferPointer { $0.update(repeating: value) }
    }
}
