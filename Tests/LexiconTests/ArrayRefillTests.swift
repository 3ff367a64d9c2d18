import Lexicon
import Testing

@Suite struct ArrayRefillTests {
    @Test func refillGivesCountCopiesWhateverTheArrayHeld() {
        var shrinking = [1, 2, 3, 4, 5]
        shrinking.refill(count: 2, with: 9)
        #expect(shrinking == [9, 9])
        var growing = [1]
        growing.refill(count: 4, with: 0)
        #expect(growing == [0, 0, 0, 0])
        var same = [7, 8]
        same.refill(count: 2, with: -1)
        #expect(same == [-1, -1])
        var emptied = [3, 3]
        emptied.refill(count: 0, with: 1)
        #expect(emptied.isEmpty)
    }

    @Test func refillLeavesACopyAlone() {
        var array = [1, 2, 3]
        let copy = array
        array.refill(count: 3, with: 0)
        #expect(copy == [1, 2, 3])
        #expect(array == [0, 0, 0])
    }
}
