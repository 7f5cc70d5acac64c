/// An invented person who speaks or writes in the benchmark corpus.
struct CastMember: Sendable {
    var given: String
    var family: String
    var pronoun: String
    /// Title before the name ("Trade Minister"), or nil when the person is
    /// introduced by a role at an organisation instead.
    var title: String?
    /// Role after the name ("chief economist"), with `organisation`.
    var role: String?
    var organisation: Int
    var country: Int
    let fullName: String
    /// How the person is introduced in running text ("Keldish Trade Minister
    /// Alenka Voss") and right after a closing quote ("Trade Minister Alenka Voss").
    var introduction = ""
    var shortIntroduction = ""
}

/// Everyone and everything a corpus talks about, fixed by the corpus seed so
/// the same people recur across stories (the reader filters quotes by them).
struct CorpusCast: Sendable {
    var speakers: [CastMember]
    /// Bylined reporters and editors: a separate pool, so a reporter rarely
    /// turns up as a speaker.
    var reporters: [String]
    var organisations: [String]
    /// How each organisation is named the first time and afterwards ("the
    /// Keldish Ministry of Trade", then "the ministry").
    var organisationFirstReference: [String]
    var organisationLaterReference: [String]

    static let speakerCount = 6_000
    static let reporterCount = 240

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed, stream: 0xCA57)
        let v = CorpusVocabulary.self

        var orgs: [String] = []
        for (c, country) in v.countries.enumerated() {
            for p in v.portfolios where (c + p.utf8.count) % 3 != 0 {
                orgs.append("\(country.adjective) Ministry of \(p)")
            }
            orgs.append("Central Bank of \(country.name)")
        }
        while orgs.count < 400 {
            let name = "\(rng.pick(v.organisationStems)) \(rng.pick(v.organisationFields)) \(rng.pick(v.organisationKinds))"
            if !orgs.contains(name) { orgs.append(name) }
        }
        organisations = orgs
        organisationFirstReference = orgs.map { $0.hasPrefix("Central Bank") || $0.contains(" Ministry of ") ? "the " + $0 : $0 }
        organisationLaterReference = orgs.map { org in
            if org.contains(" Ministry of ") { return "the ministry" }
            if org.hasPrefix("Central Bank") { return "the central bank" }
            return "the " + org.split(separator: " ").last!.lowercased()
        }

        // Distinct full names; given and family names are each shared by many people.
        var seen: [String: Bool] = [:]
        var people: [CastMember] = []
        people.reserveCapacity(Self.speakerCount)
        while people.count < Self.speakerCount {
            let g = rng.pick(v.givenNames)
            let f = rng.pick(v.familyNames)
            let key = g.name + " " + f
            if seen[key] != nil { continue }
            seen[key] = true
            let country = rng.below(v.countries.count)
            var member = CastMember(
                given: g.name, family: f, pronoun: g.pronoun, title: nil, role: nil,
                organisation: rng.below(orgs.count), country: country, fullName: key)
            if rng.chance(0.45) {
                let title = rng.pick(v.ministerTitles)
                member.title = title
                // "Senator", "Mayor" … stand without the country; ministers carry it.
                let local = title.hasPrefix("Senator") || title.hasPrefix("Governor") || title.hasPrefix("Mayor")
                    || title.hasPrefix("Opposition")
                member.introduction = (local ? "" : v.countries[country].adjective + " ") + title + " " + key
                member.shortIntroduction = title.hasPrefix("Opposition") ? key : title + " " + key
            } else {
                let role = rng.pick(v.organisationRoles)
                member.role = role
                member.introduction = "\(key), \(role) at \(orgs[member.organisation]),"
                member.shortIntroduction = key
            }
            people.append(member)
        }
        speakers = people

        var bylines: [String] = []
        while bylines.count < Self.reporterCount {
            let name = "\(rng.pick(v.givenNames).name) \(rng.pick(v.familyNames))"
            if seen[name] == nil, !bylines.contains(name) { bylines.append(name) }
        }
        reporters = bylines
    }
}
