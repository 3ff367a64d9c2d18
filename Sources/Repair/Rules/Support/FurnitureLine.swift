import Lexicon

/// Recognises one line of page furniture by its words and shape (the line is
/// given in the normalised form: Simplified script, half-width, trimmed, as
/// scalar values).
///
/// The vocabulary is that of Chinese news and government web pages in
/// general; a line qualifies only when it is short and the keyword stands
/// where such lines put it (at the start, or as the whole line), so body
/// text that mentions an editor or a source is left alone.
///
/// Each kind is either page chrome (`isChrome`: navigation links, a
/// breadcrumb that says so, the original title, editor and copyright lines),
/// which only a web page has, or credit-like (bylines, photo credits,
/// sources, timestamps, site names, page numbers, debris), which clean text
/// can hold too; `PageFurniturePass` moves the second sort only where the
/// page shows it is a page.
enum FurnitureLine {
    static let navigation = Keywords(["查看完整版本", "返回首页", "返回顶部", "返回列表", "打印本页", "打印此页", "关闭窗口", "关闭本页",
                                      "上一篇", "下一篇", "分享到", "扫一扫", "【打印】", "【关闭】", "收藏本页", "加入收藏", "点击数", "浏览次数",
                                      "阅读次数", "阅读数", "字号:", "【字体", "手机版", "电脑版", "网站地图", "相关阅读", "相关新闻"])
    static let breadcrumbStarts = Keywords(["当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "所在位置", "位置:"])
    static let breadcrumbSeparators = ScalarSet(characters: "»›>>→/")
    static let editorWords = Keywords(["责任编辑", "编辑:", "编辑 ", "[编辑", "【编辑", "(编辑", "审核:", "校对:",
                                       "责编", "值班编辑", "主编:", "终审", "初审", "编审:"])
    static let bylineWords = Keywords(["通讯员", "记者", "作者:", "撰稿", "供稿", "文/", "文 ", "文|", "本报记者", "特约记者"])
    static let photoWords = Keywords(["摄影:", "摄影 ", "图:", "图/", "图片来源", "摄像:"])
    static let sourceWords = Keywords(["来源:", "稿源:", "来源 ", "信息来源", "文章来源", "新闻来源"])
    static let creditWords = Keywords(["稿件除署名外", "转载请注明", "版权所有", "版权声明", "未经授权", "本文来源", "免责声明"])
    static let timestampWords = Keywords(["发布时间", "发布日期", "更新时间", "时间:", "日期:"])
    static let originalTitle = values("原标题")
    static let homePage = values("首页")
    static let manuscript = values("稿件")
    static let provided = values("提供")
    static let photographed = values(" 摄")

    /// First characters of the credit-line keywords (a quick filter).
    static let creditStarts = ScalarSet((editorWords.list + bylineWords.list + photoWords.list + sourceWords.list).compactMap(\.first) + [0x28, 0x5B, 0x3010])

    /// The kinds that only a web page has.
    static let chromeKinds: Set<String> = ["navigation", "breadcrumb", "original-title", "editor", "credit"]

    static func values(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// The kind of furniture `line` is, or nil for a line of the article.
    static func kind(of s: [UInt32], at position: PageFurniturePass.Position) -> String? {
        let length = s.count
        guard length > 0 else { return nil }
        var han = 0
        var hasLetterOrDigit = false
        var clause = false
        for v in s {
            if RuleEditing.isHan(v) { han += 1; hasLetterOrDigit = true }
            else if isDigit(v) || Unicode.Scalar(v)?.properties.isAlphabetic == true { hasLetterOrDigit = true }
            if v == 0x2C || v == 0x3002 { clause = true }
        }
        if !hasLetterOrDigit && length <= 6 { return "debris" }
        if length <= 3, s.allSatisfy(isDigit), position.isNearEnd || position.isFirst { return "page-number" }
        if hasPrefix(s, originalTitle) { return "original-title" }
        if let strong = breadcrumb(s) { return strong ? "breadcrumb" : "breadcrumb-like" }
        if length <= 80, navigation.occurs(in: s) { return "navigation" }
        if isTimestampLine(s) { return "timestamp" }
        if length <= 40, creditWords.occurs(in: s) || hasPrefix(s, manuscript) && hasSuffix(s, provided) { return "credit" }
        let isSiteName = position.isFirst && han >= 2 && han <= 4 && han == length
        guard length <= 40, creditStarts.contains(s[0]) || hasSuffix(s, photographed) else { return isSiteName ? "site-name" : nil }
        if !clause, editorWords.starts(s) || (s[0] == 0x5B || s[0] == 0x28) && editorWords.starts(s.dropFirst()) { return "editor" }
        if !clause, photoWords.starts(s) || (length <= 16 && hasSuffix(s, photographed)) { return "photo-credit" }
        if !clause, sourceWords.starts(s) { return "source" }
        if isByline(s) { return "byline" }
        return isSiteName ? "site-name" : nil
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    static func hasPrefix(_ s: some Collection<UInt32>, _ p: [UInt32]) -> Bool { s.count >= p.count && s.prefix(p.count).elementsEqual(p) }
    static func hasSuffix(_ s: [UInt32], _ p: [UInt32]) -> Bool { s.count >= p.count && s.suffix(p.count).elementsEqual(p) }

    /// `首页 » 新闻 » 要闻 » …`, `当前位置:首页 > 新闻` (true: says so), or two
    /// separators between short items and no sentence punctuation (false: looks so).
    static func breadcrumb(_ s: [UInt32]) -> Bool? {
        var separators = 0
        for v in s where v != 0x2F && breadcrumbSeparators.contains(v) { separators += 1 }
        if hasPrefix(s, homePage) && separators >= 1 { return true }
        if breadcrumbStarts.starts(s) { return true }
        if separators >= 2 && s.count <= 120 && !s.contains(0x2C) && !s.contains(0x3002) { return false }
        return nil
    }

    /// A line that is a date (and time), perhaps with a user or post id: `user01 - 2021/5/6 10:20:00`,
    /// `发布时间:2020-02-06 10:21`.
    static func isTimestampLine(_ s: [UInt32]) -> Bool {
        guard s.count <= 60 else { return false }
        if timestampWords.starts(s) && s.contains(where: isDigit) { return true }
        // A numeric date: four digits, a separator, one or two digits, a separator, one or two digits.
        for i in s.indices {
            if let end = numericDate(s, at: i) {
                // Everything else is an id, separators, a time.
                let words = (s[..<i] + s[end...]).filter { RuleEditing.isHan($0) }.count
                return words == 0 && !s.contains(0x2C) && !s.contains(0x3002)
            }
        }
        return false
    }

    static func numericDate(_ s: [UInt32], at i: Int) -> Int? {
        func digits(_ k: Int, _ min: Int, _ max: Int) -> Int? {
            var j = k
            while j < s.count, j - k < max, isDigit(s[j]) { j += 1 }
            return j - k >= min ? j : nil
        }
        guard i == 0 || !isDigit(s[i - 1]), let y = digits(i, 4, 4), y < s.count, [0x2D, 0x2F, 0x2E].contains(s[y]),
              let m = digits(y + 1, 1, 2), m < s.count, s[m] == s[y], let d = digits(m + 1, 1, 2) else { return nil }
        return d
    }

    static let nameSeparators = ScalarSet(characters: " 、:/\u{3000}")

    /// `通讯员 张明 李华`, `记者 郑伟`, `文 王芳`, `作者:…`: a credit word, then names.
    static func isByline(_ s: [UInt32]) -> Bool {
        guard let word = bylineWords.prefix(of: s) else {
            // "(记者 郑伟)" and "本报讯(记者 …)" forms.
            return s.first == 0x28 && bylineWords.starts(s.dropFirst()) && !s.contains(0x2C)
        }
        let rest = s.dropFirst(word.count)
        guard !rest.contains(0x2C), !rest.contains(0x3002) else { return false }
        // Names: short runs of Han characters separated by spaces or 、.
        let names = rest.split(whereSeparator: { nameSeparators.contains($0) })
        guard !names.isEmpty, names.count <= 8 else { return false }
        return names.allSatisfy { $0.count >= 2 && $0.count <= 5 }
    }

    /// True for a line wholly in brackets (`（本报记者 …摄）`): a print credit or
    /// caption inside the text rather than a page's byline.
    static func isBracketed(_ s: [UInt32]) -> Bool {
        guard let first = s.first, let last = s.last, s.count >= 3 else { return false }
        return (first == 0x28 && last == 0x29) || (first == 0x5B && last == 0x5D) || (first == 0x3010 && last == 0x3011)
    }
}

/// A list of keywords (normalised scalar values) with a first-character
/// table, so testing a line costs one look-up per character: a bit in
/// `firsts` for most characters, the table only for a keyword's initial.
struct Keywords: Sendable {
    let list: [[UInt32]]
    private let byFirst: [UInt32: [Int]]
    private let firsts: ScalarSet

    init(_ words: [String]) {
        list = words.map { $0.unicodeScalars.map(\.value) }
        var byFirst: [UInt32: [Int]] = [:]
        for (i, w) in list.enumerated() { byFirst[w[0], default: []].append(i) }
        self.byFirst = byFirst
        firsts = ScalarSet(list.map { $0[0] })
    }

    /// The keyword the line starts with, if any (the first in list order).
    func prefix(of s: some Collection<UInt32>) -> [UInt32]? {
        guard let first = s.first, firsts.contains(first), let candidates = byFirst[first] else { return nil }
        for i in candidates where FurnitureLine.hasPrefix(s, list[i]) { return list[i] }
        return nil
    }

    func starts(_ s: some Collection<UInt32>) -> Bool { prefix(of: s) != nil }

    /// True when one of the keywords occurs anywhere in `s`.
    func occurs(in s: [UInt32]) -> Bool {
        for i in s.indices {
            guard firsts.contains(s[i]), let candidates = byFirst[s[i]] else { continue }
            for k in candidates where FurnitureLine.hasPrefix(s[i...], list[k]) { return true }
        }
        return false
    }
}
