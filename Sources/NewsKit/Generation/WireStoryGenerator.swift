import Foundation

/// Writes synthetic wire stories for benchmarks: headline, byline, dateline
/// with agency, body paragraphs full of quotes in every attribution pattern,
/// an ALL-CAPS subhead, a credit paragraph and sometimes image tag lines.
///
/// Story `i` of seed `s` depends only on `(s, i)`: a corpus of 1,000 stories is
/// the first 1,000 of a corpus of 100,000, and stories can be written on any
/// number of threads in any order with the same bytes.
public struct WireStoryGenerator: Sendable {
    public let seed: UInt64
    let cast: CorpusCast

    /// Changes whenever the bytes for a given seed change, so cached corpora
    /// made by an older generator are not mistaken for current ones.
    public static let version = 3

    /// Bounds of the words in a story (whitespace-separated, the whole file).
    public static let wordRange = 300...1_500

    public init(seed: UInt64) {
        self.seed = seed
        cast = CorpusCast(seed: seed)
    }

    /// The UTF-8 bytes of story `index`.
    public func story(_ index: Int) -> [UInt8] {
        var writer = StoryWriter(generator: self, index: index)
        return writer.write()
    }

    /// The story's date, as `(year, month, day)`: about thirty stories a day
    /// from 1 January 2019, so larger corpora reach further forward in time.
    public static func date(ofStory index: Int) -> (year: Int, month: Int, day: Int) {
        civilDate(daysSince1970: 17_897 + index / 30)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Whitespace-separated words in some UTF-8 text (what `wc -w` counts).
func wordCount<S: Sequence<UInt8>>(_ bytes: S) -> Int {
    var count = 0
    var inWord = false
    for b in bytes {
        let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
        if !space && !inWord { count += 1 }
        inWord = !space
    }
    return count
}

/// The state of one story while it is written: who has been introduced, who
/// was named last (for pronouns), how many words so far.
private struct StoryWriter {
    let g: WireStoryGenerator
    let index: Int
    var rng: SplitMix64
    var out: [UInt8] = []
    var words = 0
    let target: Int

    let topic: CorpusVocabulary.Topic
    let country: Int
    let otherCountry: Int
    /// People who speak in this story, by index into the cast.
    var speakers: [Int] = []
    var introduced: [Bool] = []
    /// The speaker named in the previous paragraph, for "she said" follow-ups.
    var lastNamed: Int?
    var organisation: Int
    var organisationNamed = false

    init(generator: WireStoryGenerator, index: Int) {
        g = generator
        self.index = index
        rng = SplitMix64(seed: generator.seed, stream: UInt64(index) &+ 1)
        // Mostly 400–900 words, a long tail to 1,500, never under 300. The
        // credits and tags come after the body, so leave room for them.
        let u = rng.unit()
        target = 320 + Int(1_100 * u * u)
        topic = rng.pick(CorpusVocabulary.topics)
        country = rng.below(CorpusVocabulary.countries.count)
        var other = rng.below(CorpusVocabulary.countries.count)
        if other == country { other = (other + 1) % CorpusVocabulary.countries.count }
        otherCountry = other
        organisation = rng.below(generator.cast.organisations.count)
        let count = rng.int(in: 3...6)
        while speakers.count < count {
            // Skewed: a few hundred people speak in a large share of stories.
            let s = rng.skewedIndex(generator.cast.speakers.count, skew: 2.2)
            if !speakers.contains(s) { speakers.append(s) }
        }
        introduced = Array(repeating: false, count: speakers.count)
    }

    // MARK: - Whole story

    mutating func write() -> [UInt8] {
        out.reserveCapacity(target * 7)
        line(headline())
        line(byline())
        let lead = leadParagraph()
        line(lead)

        var paragraphs = 1
        var subheadDone = false
        while words < target {
            if !subheadDone, words > target / 2, paragraphs > 4 {
                line(rng.pick(topic.subheads))
                subheadDone = true
                lastNamed = nil
                continue
            }
            bodyParagraph()
            paragraphs += 1
        }
        if !subheadDone {
            // Every story has at least one section break; put it before the last paragraph.
            line(rng.pick(topic.subheads))
            line(narrativeSentence() + " " + narrativeSentence())
        }
        line(credits())
        if rng.chance(0.4) {
            for _ in 0..<rng.int(in: 1...3) { line(tagLine()) }
        }
        if out.last == 0x0A { out.removeLast() }
        out.append(0x0A)
        return out
    }

    /// One paragraph and the blank line after it.
    mutating func line(_ text: String) {
        let start = out.count
        out.append(contentsOf: text.utf8)
        words += wordCount(out[start...])
        out.append(0x0A)
        out.append(0x0A)
    }

    // MARK: - Names

    var v: CorpusVocabulary.Type { CorpusVocabulary.self }

    func person(_ s: Int) -> CastMember { g.cast.speakers[speakers[s]] }

    func countryName(_ c: Int) -> String { v.countries[c].name }
    func adjective(_ c: Int) -> String { v.countries[c].adjective }
    func capital(_ c: Int) -> String { v.countries[c].cities[0] }
    var organisationName: String { g.cast.organisations[organisation] }

    /// How a speaker is named in running text: in full with title or role the
    /// first time, then by family name.
    mutating func name(_ s: Int) -> String {
        lastNamed = s
        if introduced[s] { return person(s).family }
        introduced[s] = true
        return person(s).introduction
    }

    /// A name fit to stand right after a closing quote ("…,” said X): no
    /// trailing appositive commas.
    mutating func shortName(_ s: Int) -> String {
        lastNamed = s
        if introduced[s] { return person(s).family }
        introduced[s] = true
        return person(s).shortIntroduction
    }

    /// The story's organisation: in full the first time ("the Keldish Ministry
    /// of Trade"), then by its kind ("the ministry", "the union").
    mutating func organisationReference() -> String {
        if organisationNamed { return g.cast.organisationLaterReference[organisation] }
        organisationNamed = true
        return g.cast.organisationFirstReference[organisation]
    }

    mutating func anySpeaker() -> Int {
        // Earlier speakers come back more often, as in real copy.
        rng.skewedIndex(speakers.count, skew: 1.6)
    }

    // MARK: - Fill-ins

    mutating func fill(_ template: SentenceTemplate) -> String {
        var text = ""
        text.reserveCapacity(96)
        for piece in template.pieces {
            switch piece {
            case .text(let t): text += t
            case .slot(let slot): text += value(of: slot)
            }
        }
        return text
    }

    mutating func value(of slot: SentenceTemplate.Slot) -> String {
        switch slot {
        case .object: return rng.pick(topic.objects)
        case .group: return rng.pick(topic.groups)
        case .groupCap: return rng.pick(topic.groups).asciiCapitalized
        case .city: return rng.pick(v.citiesByCountry[country])
        case .org: return g.cast.organisations[rng.below(g.cast.organisations.count)]
        case .storyOrg: return organisationName
        case .adj: return adjective(country)
        case .country: return countryName(country)
        case .country2: return countryName(otherCountry)
        case .n: return String(rng.int(in: 2...95))
        case .m: return String(rng.int(in: 2...40))
        case .year: return String(rng.int(in: 2004...2018))
        case .month: return rng.pick(v.months)
        case .it: return rng.chance(0.5) ? "it" : rng.pick(v.things)
        }
    }

    /// One or two spoken sentences, without final punctuation.
    mutating func spoken() -> String {
        var text = fill(rng.pick(v.compiledQuoteSentences))
        if rng.chance(0.35) { text += ". " + fill(rng.pick(v.compiledQuoteSentences)) }
        return text
    }

    mutating func narrativeSentence() -> String {
        let subject: String
        switch rng.below(4) {
        case 0: subject = "Officials in " + rng.pick(v.countries[country].cities)
        case 1: subject = g.cast.organisations[rng.below(g.cast.organisations.count)]
        case 2: subject = "The " + adjective(country) + " government"
        default:
            let group = rng.pick(topic.groups)
            subject = group.asciiCapitalized
        }
        let tail = fill(rng.pick(v.compiledTails))
        return "\(subject) \(rng.pick(v.narrativeVerbs)) \(rng.pick(topic.objects)) \(tail)."
    }

    // MARK: - Parts of the story

    mutating func headline() -> String {
        let noun = rng.pick(topic.headlineNouns)
        let p = person(0)
        switch rng.below(5) {
        case 0: return "\(adjective(country)) \(p.title != nil ? "minister" : "official") says \(noun) ‘\(fill(rng.pick(v.compiledPartialPhrases)))’"
        case 1: return "\(countryName(country)) and \(countryName(otherCountry)) resume \(noun) talks in \(rng.pick(v.meetingCities))"
        case 2: return "\(p.family) hails ‘\(fill(rng.pick(v.compiledPartialPhrases)))’ on \(noun) as \(rng.pick(topic.groups)) wait"
        case 3: return "\(g.cast.organisations[organisation]) rejects \(noun), calls for new talks"
        default: return "\(adjective(country)) \(noun) faces fresh test after \(rng.pick(topic.groups)) protest"
        }
    }

    mutating func byline() -> String {
        let n = rng.int(in: 1...3)
        var names: [String] = []
        while names.count < n {
            let r = rng.pick(g.cast.reporters)
            if !names.contains(r) { names.append(r) }
        }
        switch names.count {
        case 1: return "By " + names[0]
        case 2: return "By \(names[0]) and \(names[1])"
        default: return "By \(names[0]), \(names[1]) and \(names[2])"
        }
    }

    mutating func dateline() -> String {
        var places = v.capitalsUpper[country]
        if rng.chance(0.25) { places += "/" + rng.pick(v.meetingCitiesUpper) }
        let agency = rng.pick(v.agencies)
        if rng.chance(0.5) {
            let d = WireStoryGenerator.date(ofStory: index)
            return "\(places), \(v.months[d.month - 1]) \(d.day) (\(agency)) -"
        }
        return "\(places) (\(agency)) -"
    }

    mutating func leadParagraph() -> String {
        let opening = dateline() + (rng.chance(0.2) ? "" : " ")
        let who = name(0)
        let thing = rng.pick(v.things)
        if rng.chance(0.5) {
            return opening + "\(who) said on \(rng.pick(["Monday", "Tuesday", "Thursday", "Friday"])) that \(rng.pick(topic.objects)) "
                + "was “\(fill(rng.pick(v.compiledPartialPhrases)))”, as \(rng.pick(topic.groups)) in \(countryName(country)) waited for details."
        }
        return opening + "\(narrativeSentence().dropLast()), and \(who) called \(thing) “\(fill(rng.pick(v.compiledPartialPhrases)))”."
    }

    mutating func bodyParagraph() {
        let roll = rng.below(100)
        switch roll {
        case 0..<25: line(narrativeSentence() + " " + narrativeSentence())
        case 25..<32: line(fill(rng.pick(v.compiledFigures)) + " " + narrativeSentence())
        case 32..<38: line(fill(rng.pick(v.compiledBackground)))
        case 38..<46: // “…,” X said.
            let s = anySpeaker()
            line("“\(spoken()),” \(shortName(s)) \(rng.pick(v.verbsAfter)).")
        case 46..<51: // “…,” said X.
            let s = anySpeaker()
            let p = person(s)
            let wasIntroduced = introduced[s]
            let who = shortName(s)
            let role = wasIntroduced || p.role == nil ? "" : ", \(p.role!) of \(g.cast.organisations[p.organisation])"
            line("“\(spoken()),” said \(who)\(role).")
        case 51..<57: // X said: “…”
            let s = anySpeaker()
            line("\(name(s)) \(rng.pick(v.verbsBeforeColon)): “\(spoken()).”")
        case 57..<61: // according to X
            let s = anySpeaker()
            if rng.chance(0.5) {
                line("“\(spoken()),” according to \(shortName(s)).")
            } else {
                line("\(narrativeSentence().dropLast()), according to \(shortName(s)).")
            }
        case 61..<67: // partial quote
            let s = anySpeaker()
            let verb = fill(rng.pick(v.compiledPartialVerbs))
            line("\(name(s)) \(verb) “\(fill(rng.pick(v.compiledPartialPhrases)))” and said \(rng.pick(topic.groups)) would \(rng.pick(["be consulted", "have to wait", "bear the cost", "be protected"])).")
        case 67..<73: // pronoun follow-up to whoever was named last
            if let s = lastNamed {
                line("“\(spoken()),” \(person(s).pronoun) \(rng.pick(["said", "added", "said later"])).")
            } else {
                let s = anySpeaker()
                line("\(name(s)) told reporters that \(rng.pick(topic.objects)) would be \(rng.pick(["delayed", "reviewed", "approved", "scrapped"])) \(fill(rng.pick(v.compiledTails))).")
            }
        case 73..<77: // multi-paragraph quote: the first part has no closing mark
            let s = anySpeaker()
            line("\(name(s)) \(rng.pick(v.verbsBeforeColon)): “\(spoken()). \(spoken()).")
            line("“\(spoken()).”")
            lastNamed = s
        case 77..<83: // unnamed source
            let source = fill(rng.pick(v.compiledUnnamedSources))
            if rng.chance(0.5) {
                line("“\(spoken()),” \(source) said.")
            } else {
                line("\(source.asciiCapitalized) said \(rng.pick(topic.objects)) was \(rng.pick(["unlikely to pass", "still under discussion", "close to agreement"])).")
            }
            lastNamed = nil
        case 83..<88: // organisation statement, sometimes followed by “it said”
            line("“\(spoken()),” \(organisationReference()) said in a statement.")
            if rng.chance(0.5) { line("“\(spoken()),” it said.") }
            lastNamed = nil
        case 88..<95: // indirect speech
            let s = anySpeaker()
            line("\(name(s)) said \(rng.pick(topic.groups)) would \(rng.pick(["not accept", "look closely at", "support"])) \(rng.pick(topic.objects)), and \(person(s).pronoun) \(rng.pick(["urged", "asked"])) \(countryName(otherCountry)) to \(rng.pick(["reconsider", "join the talks", "wait"])).")
        default: // quote split around the attribution
            let s = anySpeaker()
            line("“\(spoken()),” \(shortName(s)) said. “\(spoken()).”")
        }
    }

    mutating func credits() -> String {
        let a = rng.pick(g.cast.reporters), b = rng.pick(g.cast.reporters)
        let c = rng.pick(g.cast.reporters), d = rng.pick(g.cast.reporters)
        var text = "(Reporting by \(a) in \(capital(country))"
        if rng.chance(0.5) { text += "; additional reporting by \(b)" }
        text += rng.chance(0.5) ? "; Editing by \(c) and \(d))" : "; Editing by \(c))"
        return text
    }

    static let tagAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    mutating func tagLine() -> String {
        let alphabet = Self.tagAlphabet
        var id: [UInt8] = []
        for _ in 0..<12 { id.append(alphabet[rng.below(alphabet.count)]) }
        let agency = rng.pick(v.agencyTags)
        let year = WireStoryGenerator.date(ofStory: index).year
        return "tag\(agency).example\(year)binary_\(String(decoding: id, as: UTF8.self))-VIEWIMAGE"
    }
}
