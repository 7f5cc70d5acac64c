/// Reads the people out of a byline (`By A, B and C`) and the closing credit
/// paragraph (`(Reporting by A in Paris and B; Editing by C)`).
struct CreditReader {
    /// Words that follow names in bylines but are not people.
    private static let notNames: Set<String> = [
        "reuters", "ap", "afp", "associated press", "the associated press", "bloomberg",
        "bloomberg news", "staff", "staff writer", "staff reporter", "correspondent",
        "special correspondent", "upi", "dpa", "reuters staff", "staff reporters", "staff writers",
        "ap staff", "afp staff", "staff and agencies", "agencies", "wire services",
    ]

    private static let openingQuote = Array("“".utf8)

    private static let agencySuffixes = [
        " the associated press", " associated press", " reuters", " bloomberg news", " bloomberg", " afp",
    ]

    /// A line that only names the agency or the writer's role ("Associated
    /// Press", "Staff Writer"), as under a byline.
    static func isAgencyLine(_ line: String) -> Bool {
        line.utf8.count <= 40 && notNames.contains(line.lowercased())
    }

    /// The names of a byline paragraph (none for "By Reuters Staff"), or nil
    /// when it is not one.
    static func bylineNames(_ line: String) -> [String]? {
        guard line.utf8.count <= 160, line.hasPrefix("By ") || line.hasPrefix("BY ") else { return nil }
        let rest = String(line.dropFirst(3))
        // A quote mark makes it a sentence ("By then, “…”"); searched by bytes, as
        // `String.contains` went through Foundation's string search.
        let bytes = Array(rest.utf8)
        if bytes.contains(UInt8(ascii: "\"")) || ByteText.firstRange(of: openingQuote, in: bytes, 0..<bytes.count) != nil
            || rest.hasSuffix(".") && !rest.hasSuffix("Jr.") {
            return nil
        }
        var names: [String] = []
        var agencyOnly = false
        for var part in splitNames(rest) {
            let lower = part.lowercased()
            if notNames.contains(lower) { agencyOnly = true; continue }
            // "By ZEKE MILLER and JOSH BOAK Associated Press": the agency trails the last name.
            for suffix in agencySuffixes where lower.hasSuffix(suffix) && part.count > suffix.count {
                part = ByteText.trimmingBlanks(part.dropLast(suffix.count))
                break
            }
            guard looksLikeName(part) else { return nil }
            names.append(part)
        }
        // "By Reuters Staff" is a byline that names nobody.
        return names.isEmpty && !agencyOnly ? nil : names
    }

    /// Credit roles of a closing credit paragraph, or nil when it is not one.
    static func credits(_ paragraph: String) -> [Credit]? {
        guard opensWithRole(Substring(paragraph).utf8) else { return contributorCredit(paragraph) }
        var body = Substring(paragraph)
        if body.hasPrefix("("), body.hasSuffix(")") { body = body.dropFirst().dropLast() }
        guard body.utf8.count <= 1000, let opening = role(of: body), opening.0 != .other else { return nil }
        var credits: [Credit] = []
        for segment in segments(body) {
            let text = ByteText.trimmingBlanks(segment)
            if let (role, names) = role(of: Substring(text)) {
                let people = creditNames(String(names))
                if let last = credits.last, last.role == role {
                    credits[credits.count - 1].people += people
                } else {
                    credits.append(Credit(role: role, people: people))
                }
            } else if !credits.isEmpty {
                // "…; Idrees Ali, Dominique Vidalon; writing by …": more people for the last role.
                credits[credits.count - 1].people += creditNames(text)
            } else {
                return nil
            }
        }
        return credits.contains { !$0.people.isEmpty } ? credits : nil
    }

    private static let rolePrefixes: [[UInt8]] = [
        "additional reporting by ", "reporting by ", "reported by ", "writing by ", "written by ",
        "compiled by ", "editing by ", "edited by ",
    ].map { Array($0.utf8) }

    /// A cheap first test on bytes: the paragraph, after an optional "(",
    /// opens with one of the four roles.
    private static func opensWithRole(_ utf8: Substring.UTF8View) -> Bool {
        var head: [UInt8] = []
        head.reserveCapacity(25)
        for c in utf8.prefix(26) {
            if head.isEmpty && c == UInt8(ascii: "(") { continue }
            head.append(c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c)
        }
        return rolePrefixes.contains { head.starts(with: $0) }
    }

    /// Splits credits at ";" and at a comma that opens another role
    /// ("Reporting by A, editing by B").
    static func segments(_ body: Substring) -> [Substring] {
        var out: [Substring] = []
        let utf8 = body.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let c = utf8[i]
            if c == UInt8(ascii: ";") {
                out.append(body[start..<i])
                start = utf8.index(after: i)
            } else if c == UInt8(ascii: ",") {
                var next = utf8.index(after: i)
                while next < utf8.endIndex, utf8[next] == 0x20 { next = utf8.index(after: next) }
                if opensWithRole(body[next...].utf8) {
                    out.append(body[start..<i])
                    start = next
                }
            }
            i = utf8.index(after: i)
        }
        out.append(body[start...])
        return out.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private static let roleTable: [([UInt8], Credit.Role)] = ([
        ("additional reporting by ", .additionalReporting),
        ("reporting by ", .reporting), ("reported by ", .reporting),
        ("writing by ", .writing), ("written by ", .writing), ("compiled by ", .writing),
        ("editing by ", .editing), ("edited by ", .editing),
    ] as [(String, Credit.Role)]).map { (Array($0.0.utf8), $0.1) }
    private static let by = Array(" by ".utf8)

    /// The role a credit segment opens with and the text after its "by".
    private static func role(of segment: Substring) -> (Credit.Role, Substring)? {
        let b = Array(segment.utf8)
        for (prefix, role) in roleTable
        where b.count >= prefix.count && ByteText.equalsLowercased(b, 0..<prefix.count, prefix) {
            return (role, Substring(segment.utf8.dropFirst(prefix.count)))
        }
        // "Graphics by …", "Fact box by …": a credit, but none of the four roles.
        var i = 0
        while i + by.count <= b.count {
            if b[i] == 0x20, ByteText.equalsLowercased(b, i..<(i + by.count), by) { break }
            i += 1
        }
        guard i + by.count <= b.count, !b[..<i].contains(UInt8(ascii: ",")) else { return nil }
        // At most 24 characters before the "by" (bytes count them when all are ASCII).
        let characters = b[..<i].allSatisfy { $0 < 0x80 } ? i : String(decoding: b[..<i], as: UTF8.self).count
        guard characters <= 24 else { return nil }
        return (.other, Substring(segment.utf8.dropFirst(i + by.count)))
    }

    private static let contributorEndings = [
        " contributed to this report.", " contributed to this story.", " contributed reporting.",
        " contributed to this article.",
    ]
    private static let contributorLeads = [
        "The Associated Press ", "Associated Press ", "AP ", "Reuters ", "Bloomberg ", "AFP ",
    ]
    private static let contributorRoles = [
        "staff writers ", "staff writer ", "writers ", "writer ", "reporters ", "reporter ",
        "correspondents ", "correspondent ",
    ]

    /// AP style: "Associated Press writers A in Rome and B contributed to this report."
    private static func contributorCredit(_ paragraph: String) -> [Credit]? {
        guard paragraph.utf8.count <= 300,
              let ending = contributorEndings.first(where: { paragraph.hasSuffix($0) })
        else { return nil }
        var text = Substring(paragraph.dropLast(ending.count))
        if let lead = contributorLeads.first(where: { text.hasPrefix($0) }) { text = text.dropFirst(lead.count) }
        if let role = contributorRoles.first(where: { text.hasPrefix($0) }) { text = text.dropFirst(role.count) }
        let people = creditNames(String(text))
        guard !people.isEmpty, people.allSatisfy(looksLikeName) else { return nil }
        return [Credit(role: .additionalReporting, people: people)]
    }

    /// "A, B and C" / "A & B" into names, trimmed.
    static func splitNames(_ text: String) -> [String] {
        let b = Array(text.utf8)
        var out: [String] = []
        var start = 0
        for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: ",") {
            if i > start { appendNames(of: b, start..<i, to: &out) }
            start = i + 1
        }
        return out
    }

    private static let and = Array(" and ".utf8)

    /// The names of one comma-separated piece: split at " and " (" & " counts
    /// as one), each trimmed of blanks and then of full stops and brackets.
    private static func appendNames(of b: [UInt8], _ range: Range<Int>, to out: inout [String]) {
        var piece: [UInt8] = []
        piece.reserveCapacity(range.count + 8)
        var k = range.lowerBound
        while k < range.upperBound {
            if b[k] == 0x20, k + 2 < range.upperBound, b[k + 1] == UInt8(ascii: "&"), b[k + 2] == 0x20 {
                piece.append(contentsOf: and)
                k += 3
            } else {
                piece.append(b[k])
                k += 1
            }
        }
        var start = 0
        var i = 0
        while i <= piece.count {
            let atAnd = i + and.count <= piece.count && piece[i] == 0x20 && piece[i..<(i + and.count)].elementsEqual(and)
            if atAnd || i == piece.count {
                var name = ByteText.trimmed(piece, start..<i)
                while let first = name.first, piece[first] == UInt8(ascii: ".") || piece[first] == UInt8(ascii: ")") {
                    name = (first + 1)..<name.upperBound
                }
                while let last = name.last, piece[last] == UInt8(ascii: ".") || piece[last] == UInt8(ascii: ")") {
                    name = name.lowerBound..<last
                }
                if !name.isEmpty { out.append(String(decoding: piece[name], as: UTF8.self)) }
                if !atAnd { break }
                i += and.count
                start = i
                continue
            }
            i += 1
        }
    }

    private static let deskWords = ["reuters", "ap", "afp", "bloomberg", "the"].map { Array($0.utf8) }
    private static let inWord = Array(" in ".utf8)

    /// People of a credit list without their places: "A in Paris and B in
    /// West Palm Beach, Florida" -> A, B (a lone word after a place is more of it).
    static func creditNames(_ text: String) -> [String] {
        var people: [String] = []
        var afterPlace = false
        for part in splitNames(text) {
            let b = Array(part.utf8)
            if afterPlace && !b.contains(0x20) { continue }
            afterPlace = ByteText.firstRange(of: inWord, in: b, 0..<b.count) != nil
            // "Reuters Television", "Reuters Graphics": a desk, not a person.
            var first = 0
            while first < b.count, b[first] == 0x20 { first += 1 }
            var end = first
            while end < b.count, b[end] != 0x20 { end += 1 }
            if deskWords.contains(where: { ByteText.equalsLowercased(b, first..<end, $0) }) { continue }
            if let name = personWithoutPlace(b), looksLikeName(name) { people.append(name) }
        }
        return people
    }

    /// "Michel Rose in Paris" -> "Michel Rose".
    private static func personWithoutPlace(_ b: [UInt8]) -> String? {
        var end = b.count
        if let r = ByteText.firstRange(of: inWord, in: b, 0..<b.count), r.upperBound < b.count,
           ByteText.isUppercaseCharacter(b, at: r.upperBound, end: b.count) {
            end = r.lowerBound
        }
        let name = ByteText.trimmed(b, 0..<end)
        return name.isEmpty ? nil : String(decoding: b[name], as: UTF8.self)
    }

    private static let particles = ["van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al"]
        .map { Array($0.utf8) }
    private static let alHyphen = Array("al-".utf8)

    /// One to five words, the first capitalised; particles (van, de, al-) allowed.
    private static func looksLikeName(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var words = 0
        var i = 0
        while i < b.count {
            if b[i] == 0x20 { i += 1; continue }
            var end = i
            while end < b.count, b[end] != 0x20 { end += 1 }
            words += 1
            guard words <= 5 else { return false }
            let capitalised = ByteText.isUppercaseCharacter(b, at: i, end: end)
            if words == 1 && !capitalised { return false }
            guard capitalised || particles.contains(where: { ByteText.equalsLowercased(b, i..<end, $0) })
                || b[i..<end].starts(with: alHyphen)
            else { return false }
            i = end
        }
        return words >= 1
    }
}
