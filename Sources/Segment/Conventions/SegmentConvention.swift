/// Which segmentation standard the tokens follow.
///
/// Standards disagree on a few systematic points rather than word by word:
/// PKU, MSR and CTB keep a calendar number with its unit (2009年) and a
/// place with its administrative suffix (天津市); the Universal Dependencies
/// Chinese treebanks cut both (2009 年, 天津 市), and a demonstrative from its
/// classifier (这 种), because their syntax relates the pieces. The lattice
/// always finds the default's words; a finer convention then splits them by
/// the rules in lexicons/segment_conventions.tsv (`ConventionRules`).
public enum SegmentConvention: String, CaseIterable, Sendable {
    /// PKU / MSR / CTB-like words (the default).
    case pku
    /// Universal Dependencies Chinese tokens (GSD, PUD, HK, CFL).
    case ud
}
