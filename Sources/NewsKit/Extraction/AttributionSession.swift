/// What the words next to a quote say about its speaker.
struct SpeakerFind {
    enum Kind: Equatable {
        case name
        case pronoun(SpeechLexicon.PronounKind)
        case descriptor
        /// A participle (`…, saying “…”`) or a follow-on quote: the speaker of the quote before.
        case inherit
    }
    var kind: Kind
    /// The name without titles, the descriptor without its article, or the pronoun.
    var text: String
    var span: Span?
    var cue: String?
}

/// Who or what a speaker is, for pronoun resolution.
enum SpeakerClass { case person, organization, plural, other }

/// A person, organisation or group standing as a subject or speaker somewhere.
struct SubjectEvent {
    var order: Int
    var name: String
    var entity: Int?
    var kind: SpeakerClass
}

/// The state of attributing the quotes of one story.
struct AttributionSession {
    let story: Story
    let entities: [Entity]
    let lexicon: SpeechLexicon
    var quotes: [Quote]
    /// Body paragraphs prepared for attribution (nil for subheads and credits).
    var texts: [AttributionText?]
    var headlineText: AttributionText
    /// Full names (two words or more, not organisations) by their lower-cased last word.
    var fullNames: [String: [(order: Int, name: String)]] = [:]
    var events: [SubjectEvent] = []
    /// Speakers added while attributing (`addEvent`), sorted by order.
    var addedEvents: [SubjectEvent] = []
    /// `entityNamed` answers from these (first entity wins, names before
    /// mention texts): scanning every mention for every subject was quadratic
    /// in a long story.
    let entityByName: [String: Int]
    let entityByMention: [String: Int]
    /// Mentions by field and paragraph, sorted by start, with the longest
    /// mention's length: `entityIndex(overlapping:)` looks only near the span
    /// instead of scanning every mention for every quote (quadratic).
    let mentionsAt: [MentionKey: (spans: [(start: Int, end: Int, entity: Int)], longest: Int)]
    struct MentionKey: Hashable { var field: Span.Field; var paragraph: Int }

    init(story: Story, entities: [Entity], lexicon: SpeechLexicon, quotes: [Quote]) {
        self.story = story
        self.entities = entities
        self.lexicon = lexicon
        self.quotes = quotes
        var byName: [String: Int] = [:], byMention: [String: Int] = [:]
        for (i, e) in entities.enumerated() {
            if byName[e.name.lowercased()] == nil { byName[e.name.lowercased()] = i }
            for m in e.mentions where byMention[m.text.lowercased()] == nil { byMention[m.text.lowercased()] = i }
        }
        entityByName = byName
        entityByMention = byMention
        var at: [MentionKey: (spans: [(start: Int, end: Int, entity: Int)], longest: Int)] = [:]
        for (i, e) in entities.enumerated() {
            for m in e.mentions {
                let key = MentionKey(field: m.span.field, paragraph: m.span.paragraph)
                at[key, default: ([], 0)].spans.append((m.span.start, m.span.end, i))
                at[key]!.longest = max(at[key]!.longest, m.span.end - m.span.start)
            }
        }
        for key in at.keys { at[key]!.spans.sort { ($0.start, $0.entity) < ($1.start, $1.entity) } }
        mentionsAt = at
        var partsByParagraph = [[Span]](repeating: [], count: story.paragraphs.count)
        for q in quotes {
            for p in q.parts where p.field == .body && p.paragraph < partsByParagraph.count {
                partsByParagraph[p.paragraph].append(p)
            }
        }
        var texts: [AttributionText?] = []
        texts.reserveCapacity(story.paragraphs.count)
        for (i, p) in story.paragraphs.enumerated() {
            texts.append(p.kind == .body
                ? AttributionText(field: .body, paragraph: i, text: p.text, quoteParts: partsByParagraph[i]) : nil)
        }
        self.texts = texts
        let headlineParts = QuoteFinder().find(inText: story.headline, field: .headline).flatMap(\.parts)
        headlineText = AttributionText(field: .headline, paragraph: 0, text: story.headline, quoteParts: headlineParts)
        collectNamesAndSubjects()
    }

    /// Position of a place in the story, ordered headline < paragraph 0 < paragraph 1 …
    static func order(_ span: Span) -> Int {
        switch span.field {
        case .headline: return -2_000_000 + span.start
        case .byline: return -1_000_000 + span.start
        case .body: return span.paragraph * 1_000_000 + span.start
        }
    }

    // MARK: - names and subjects

    mutating func collectNamesAndSubjects() {
        for name in story.byline { addFullName(name, order: -1_500_000) }
        var all: [AttributionText] = [headlineText]
        for case let t? in texts { all.append(t) }
        for t in all {
            var i = 0
            var sentenceSubjectDone = false
            var tokensIntoSentence = 0
            while i < t.tokens.count {
                if t.sentenceStart[i] { sentenceSubjectDone = false; tokensIntoSentence = 0 }
                guard t.isNameWord(i) || isTitleWord(t, i) else {
                    if t.isPlain(i) { tokensIntoSentence += 1 }
                    i += 1
                    continue
                }
                let (a, z) = runExtent(t, from: i)
                if let found = nameRun(t, a, z) {
                    let order = Self.order(found.span!)
                    let words = found.text.split(separator: " ").count
                    let isOrg = isOrganizationName(found.text)
                    if words >= 2 && !isOrg { addFullName(found.text, order: order) }
                    if t.isPlain(a) && !sentenceSubjectDone && tokensIntoSentence < 14 && !t.isPossessiveRun(z) {
                        sentenceSubjectDone = true
                        let next = z + 1 < t.tokens.count ? z + 1 : z
                        if z + 1 < t.tokens.count, t.tokens[next].kind == .word, !t.tokens[next].isCapitalized,
                           lexicon.sourceNouns.contains(t.lower(next)), !isOrg, words == 1 {
                            // `French officials said`: the group, not the place.
                            let text = t.string(from: a, to: next)
                            events.append(SubjectEvent(order: order, name: text, entity: nil,
                                                       kind: t.lower(next).hasSuffix("s") ? .plural : .other))
                        } else {
                            events.append(SubjectEvent(order: order, name: found.text, entity: nil,
                                                       kind: isOrg ? .organization : .other))
                        }
                    }
                }
                tokensIntoSentence += z - i + 1
                i = z + 1
            }
        }
        // Classes need the full-name index, which is complete only now.
        for k in events.indices where events[k].kind == .other {
            if let e = entityNamed(events[k].name) {
                events[k].entity = e
                events[k].kind = classOf(entity: e)
            } else if isPersonLike(events[k].name, order: events[k].order) {
                events[k].kind = .person
                events[k].name = canonicalName(events[k].name, order: events[k].order)
            }
        }
        events.sort { $0.order < $1.order }
    }

    mutating func addFullName(_ name: String, order: Int) {
        guard let last = name.split(separator: " ").last else { return }
        // A repeat of the last full name under this key changes no answer of
        // canonicalName (nearest one before); keeping every repeat made each
        // lookup scan every mention, quadratic for a name used thousands of times.
        if fullNames[last.lowercased()]?.last?.name == name { return }
        fullNames[last.lowercased(), default: []].append((order, name))
    }

    func isTitleWord(_ t: AttributionText, _ i: Int) -> Bool {
        t.tokens[i].kind == .word && t.tokens[i].isCapitalized && t.tokens[i].length <= 14
            && lexicon.titles.contains(t.lower(i))
    }

    /// The extent of a run of capitalised words starting at `i`: names, titles,
    /// abbreviation dots (`Mr.`), initials and particles (`de`, `van`) between capitals.
    func runExtent(_ t: AttributionText, from i: Int) -> (Int, Int) {
        var z = i
        var k = i + 1
        while k < t.tokens.count, t.roles[k] == t.roles[i] {
            if t.possessiveSuffix(z) > 0 { break }
            if t.isNameWord(k) || isTitleWord(t, k) { z = k; k += 1; continue }
            if t.isPunct(k, 0x2E), t.tokens[k].start == t.tokens[z].end, t.tokens[z].length <= 4,
               k + 1 < t.tokens.count, t.isNameWord(k + 1) || isTitleWord(t, k + 1) {
                k += 1; continue // Mr. / Sen. / J.
            }
            if t.tokens[k].kind == .word, !t.tokens[k].isCapitalized, t.tokens[k].length <= 3,
               k + 1 < t.tokens.count, t.isNameWord(k + 1),
               ["de", "da", "van", "von", "bin", "al", "la", "le", "del", "di", "du", "der", "ibn"].contains(t.lower(k)) {
                k += 1; continue
            }
            break
        }
        return (i, z)
    }

    /// A name from a run of capitalised tokens `a...z`: titles before the name
    /// dropped (unless the run names an organisation), possessive cut.
    func nameRun(_ t: AttributionText, _ a: Int, _ z: Int) -> SpeakerFind? {
        var words: [Int] = []
        for k in a...z where t.tokens[k].kind == .word { words.append(k) }
        guard !words.isEmpty else { return nil }
        let lastLower = t.lower(words.last!)
        var start = words.first!
        if !lexicon.organizationHeads.contains(stripPossessive(lastLower)) {
            // Drop everything up to the last title or initialism before the name proper.
            for (n, k) in words.enumerated() where n < words.count - 1 {
                let w = t.lower(k)
                if lexicon.titles.contains(w) || (w.contains(".") && w.count <= 5 && t.tokens[k].length > 2) {
                    start = words[n + 1]
                }
            }
        }
        if lexicon.titles.contains(t.lower(z)) && start == z { return nil }
        let cut = t.possessiveSuffix(z)
        let span = t.span(start, z, trimEnd: cut)
        let text = String(decoding: t.bytes[span.start..<span.end], as: UTF8.self)
        guard !text.isEmpty else { return nil }
        return SpeakerFind(kind: .name, text: text, span: span, cue: nil)
    }

    func stripPossessive(_ w: String) -> String {
        if w.hasSuffix("’s") { return String(w.dropLast(2)) }
        if w.hasSuffix("'s") { return String(w.dropLast(2)) }
        return w
    }

    func isOrganizationName(_ name: String) -> Bool {
        guard let last = name.split(separator: " ").last else { return false }
        return lexicon.organizationHeads.contains(last.lowercased())
    }

    /// A person: two or more words that do not name an organisation, or one
    /// word that is the last word of such a full name in the story.
    func isPersonLike(_ name: String, order: Int) -> Bool {
        if isOrganizationName(name) { return false }
        let words = name.split(separator: " ")
        if words.count >= 2 { return !name.contains(".") || words.count >= 3 }
        return fullNames[name.lowercased()] != nil
    }

    /// The fullest form of a one-word name: the nearest full name before it
    /// that ends with it, else the first one after it.
    func canonicalName(_ name: String, order: Int) -> String {
        let words = name.split(separator: " ")
        guard let last = words.last, let candidates = fullNames[last.lowercased()] else { return name }
        if words.count >= 2 {
            // A longer form with the same first and last word (`Ada B. Quill` for `Ada Quill`).
            let longer = candidates.filter { $0.name.count > name.count && $0.name.hasPrefix(words[0] + " ") }
            return longer.max { $0.name.count < $1.name.count }?.name ?? name
        }
        var best: (order: Int, name: String)?
        for c in candidates where c.order < order {
            if best == nil || c.order > best!.order || (c.order == best!.order && c.name.count > best!.name.count) {
                best = c
            }
        }
        if best == nil { best = candidates.min { $0.order < $1.order } }
        return best?.name ?? name
    }

    // MARK: - entities

    func entityIndex(overlapping span: Span) -> Int? {
        guard !entities.isEmpty,
              let near = mentionsAt[MentionKey(field: span.field, paragraph: span.paragraph)] else { return nil }
        // The first person overlapping the span, else the first entity (by index).
        var firstPerson: Int?, first: Int?
        // Mentions starting before span.end; only the last `longest` bytes of
        // starts can still reach into the span.
        var lo = 0, hi = near.spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if near.spans[mid].start < span.end { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0, near.spans[k].start > span.start - near.longest - 1 {
            let m = near.spans[k]
            if span.start < m.end {
                first = min(first ?? m.entity, m.entity)
                if entities[m.entity].type == .person { firstPerson = min(firstPerson ?? m.entity, m.entity) }
            }
            k -= 1
        }
        return firstPerson ?? first
    }

    func entityNamed(_ name: String) -> Int? {
        guard !entities.isEmpty else { return nil }
        let lower = name.lowercased()
        return entityByName[lower] ?? entityByMention[lower]
    }

    func classOf(entity i: Int) -> SpeakerClass {
        switch entities[i].type {
        case .person: return .person
        case .organization: return .organization
        default: return .other
        }
    }
}

extension AttributionText {
    /// The run ends in a possessive (`Rubio’s`): an owner, not a subject.
    func isPossessiveRun(_ z: Int) -> Bool { possessiveSuffix(z) > 0 }
}
