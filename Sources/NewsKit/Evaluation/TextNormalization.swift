import Foundation

/// The normalisation the accuracy measures compare text with: the same rules as
/// the project's evaluation scorer (`score.py`), so figures agree with it.
public enum TextNormalization {
    /// Curly, angle and prime quote marks and their straight replacements.
    static let quoteMap: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{0060}": "'", "\u{00B4}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"", "\u{2039}": "'", "\u{203A}": "'",
    ]

    /// NFKC, straight quotes, whitespace runs collapsed, trimmed, lowercased.
    public static func basic(_ s: String?) -> String {
        guard let s else { return "" }
        return collapseWhitespace(straightQuotes(s.precomposedStringWithCompatibilityMapping)).lowercased()
    }

    /// Quote text: like `basic`, also without leading and trailing punctuation,
    /// symbols and quote marks.
    public static func quote(_ s: String?) -> String {
        let straight = straightQuotes((s ?? "").precomposedStringWithCompatibilityMapping)
        return collapseWhitespace(stripPunctuation(straight)).lowercased()
    }

    /// A speaker: `basic`, then one leading "a ", "an " or "the " dropped.
    public static func speaker(_ s: String?) -> String {
        collapseWhitespace(dropArticle(basic(s)))
    }

    /// An entity name: `basic`, outer punctuation stripped, leading article dropped.
    public static func name(_ s: String?) -> String {
        collapseWhitespace(dropArticle(stripPunctuation(basic(s))))
    }

    /// Word tokens of the normalised quote text (`\w+(?:'\w+)*`), counted.
    public static func quoteTokens(_ s: String?) -> [String: Int] {
        var counts: [String: Int] = [:]
        let scalars = Array(quote(s).unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard isWord(scalars[i]) else { i += 1; continue }
            var j = i
            while j < scalars.count, isWord(scalars[j]) { j += 1 }
            // An apostrophe joins word runs ("don't", "rock'n'roll").
            while j + 1 < scalars.count, scalars[j] == "'", isWord(scalars[j + 1]) {
                j += 1
                while j < scalars.count, isWord(scalars[j]) { j += 1 }
            }
            var token = String.UnicodeScalarView()
            token.append(contentsOf: scalars[i..<j])
            counts[String(token), default: 0] += 1
            i = j
        }
        return counts
    }

    /// Multiset intersection over union; 0 when either side has no words.
    public static func overlap(_ a: [String: Int], _ b: [String: Int]) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        var inter = 0, union = 0
        for key in Set(a.keys).union(b.keys) {
            let x = a[key] ?? 0, y = b[key] ?? 0
            inter += min(x, y)
            union += max(x, y)
        }
        return union == 0 ? 0 : Double(inter) / Double(union)
    }

    static func isWord(_ u: Unicode.Scalar) -> Bool {
        if u == "_" { return true }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isStripped(_ u: Unicode.Scalar) -> Bool {
        if u.properties.isWhitespace { return true }
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func straightQuotes(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(quoteMap[u] ?? u) }
        return String(out)
    }

    static func stripPunctuation(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, isStripped(scalars[lo]) { lo += 1 }
        while hi > lo, isStripped(scalars[hi - 1]) { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }

    static func collapseWhitespace(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(u)
        }
        return String(out)
    }

    static func dropArticle(_ s: String) -> String {
        for article in ["a", "an", "the"] {
            let prefix = article + " "
            if s.hasPrefix(prefix), s.count > prefix.count { return String(s.dropFirst(prefix.count)) }
        }
        return s
    }
}
