import Foundation

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
        if rest.contains("“") || rest.contains("\"") || rest.hasSuffix(".") && !rest.hasSuffix("Jr.") {
            return nil
        }
        var names: [String] = []
        var agencyOnly = false
        for var part in splitNames(rest) {
            if notNames.contains(part.lowercased()) { agencyOnly = true; continue }
            // "By ZEKE MILLER and JOSH BOAK Associated Press": the agency trails the last name.
            for suffix in agencySuffixes where part.lowercased().hasSuffix(suffix) && part.count > suffix.count {
                part = String(part.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
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
            let text = segment.trimmingCharacters(in: .whitespaces)
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
        var start = body.startIndex
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if c == ";" {
                out.append(body[start..<i])
                start = body.index(after: i)
            } else if c == "," {
                let next = body[body.index(after: i)...].drop(while: { $0 == " " })
                if opensWithRole(next.utf8) {
                    out.append(body[start..<i])
                    start = next.startIndex
                }
            }
            i = body.index(after: i)
        }
        out.append(body[start...])
        return out.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The role a credit segment opens with and the text after its "by".
    private static func role(of segment: Substring) -> (Credit.Role, Substring)? {
        let lower = segment.lowercased()
        let table: [(String, Credit.Role)] = [
            ("additional reporting by ", .additionalReporting),
            ("reporting by ", .reporting), ("reported by ", .reporting),
            ("writing by ", .writing), ("written by ", .writing), ("compiled by ", .writing),
            ("editing by ", .editing), ("edited by ", .editing),
        ]
        for (prefix, role) in table where lower.hasPrefix(prefix) {
            return (role, segment.dropFirst(prefix.count))
        }
        // "Graphics by …", "Fact box by …": a credit, but none of the four roles.
        if let by = lower.range(of: " by "), lower.distance(from: lower.startIndex, to: by.lowerBound) <= 24,
           !lower[..<by.lowerBound].contains(",") {
            let offset = lower.distance(from: lower.startIndex, to: by.upperBound)
            return (.other, segment.dropFirst(offset))
        }
        return nil
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
        var out: [String] = []
        for piece in text.split(separator: ",") {
            let parts = piece.replacingOccurrences(of: " & ", with: " and ")
                .components(separatedBy: " and ")
            for part in parts {
                let name = part.trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: ".)"))
                if !name.isEmpty { out.append(name) }
            }
        }
        return out
    }

    /// People of a credit list without their places: "A in Paris and B in
    /// West Palm Beach, Florida" -> A, B (a lone word after a place is more of it).
    static func creditNames(_ text: String) -> [String] {
        var people: [String] = []
        var afterPlace = false
        for part in splitNames(text) {
            if afterPlace && !part.contains(" ") { continue }
            afterPlace = part.contains(" in ")
            // "Reuters Television", "Reuters Graphics": a desk, not a person.
            let first = part.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if ["reuters", "ap", "afp", "bloomberg", "the"].contains(first) { continue }
            if let name = personWithoutPlace(part), looksLikeName(name) { people.append(name) }
        }
        return people
    }

    /// "Michel Rose in Paris" -> "Michel Rose".
    private static func personWithoutPlace(_ text: String) -> String? {
        var name = text
        if let r = name.range(of: " in "), r.upperBound < name.endIndex, name[r.upperBound].isUppercase {
            name = String(name[..<r.lowerBound])
        }
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    /// One to five words, the first capitalised; particles (van, de, al-) allowed.
    private static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count), let first = words.first?.first, first.isUppercase else { return false }
        return words.allSatisfy { w in
            guard let c = w.first else { return false }
            return c.isUppercase || ["van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al"].contains(w.lowercased())
                || w.hasPrefix("al-")
        }
    }
}
