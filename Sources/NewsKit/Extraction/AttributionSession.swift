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
    /// The pattern that found it (`QuoteAttribution.method`): "cue-after-quote", "colon-intro", …
    var method: String? = nil
}

/// Who or what a speaker is, for pronoun resolution.
enum SpeakerClass { case person, organization, plural, other }

/// A person, organisation or group standing as a subject or speaker somewhere.
struct SubjectEvent {
    var order: Int
    var name: String
    var entity: Int?
    var kind: SpeakerClass
    /// An unnamed source (`senior Treasury adviser`), which a later `the adviser` may repeat.
    var isDescriptor = false
    /// `He dismisses …` opening a sentence: whoever that `he` is stays the topic.
    var pronoun: SpeechLexicon.PronounKind? = nil
    /// The `Mr.` / `Ms.` written before this name.
    var honorific: SpeechLexicon.PronounKind? = nil
}

/// Reported speech without quote marks: `Quill said (that) …`.
struct IndirectCandidate {
    var find: SpeakerFind
    var content: Span
}

/// The state of attributing the quotes of one story. A class: the session is
/// large and its methods run in per-token loops, where a struct was copied
/// (and its arrays retained and released) again and again.
final class AttributionSession {
    let story: Story
    let entities: [Entity]
    let lexicon: SpeechLexicon
    var quotes: [Quote]
    /// Body paragraphs prepared for attribution (nil for subheads and credits).
    var texts: [AttributionText?]
    var headlineText: AttributionText
    /// Full names (two words or more, not organisations) by their lower-cased last word.
    var fullNames: [String: FullNameForms] = [:]
    var events: [SubjectEvent] = []
    /// Speakers added while attributing (`addEvent`), sorted by order.
    var addedEvents: [SubjectEvent] = []
    var indirect: [IndirectCandidate] = []
    /// `classified(_:)` of each of `events`, filled as pronouns ask.
    var classifiedFound: [SubjectEvent?] = []
    /// Lower-case words of the story (packed): a capitalised sentence opener
    /// that also appears in lower case is an ordinary word, not a name.
    var commonWords = SpeechWordSet(keys: [])
    /// What the sentence-opening pronoun subjects (`SubjectEvent.pronoun`) resolved to, by order.
    var pronounSubjects: [Int: AttributionSession.Resolved?] = [:]
    /// How deep `resolvePronoun` is inside resolving an earlier pronoun subject.
    var pronounDepth = 0
    /// The gender a quote's `he` / `she` gave a person whose name does not tell
    /// (`Marty Walsh` after `“…,” he said`): a later `she` is someone else.
    var quotedGender: [Int: SpeechLexicon.PronounKind] = [:]
    /// Surnames (lower-cased) the story writes with `Mr.`, `Mrs.` or `Ms.`: the pronoun they take.
    var surnameGender: [String: SpeechLexicon.PronounKind] = [:]

    struct MentionPlace: Hashable {
        var field: Span.Field
        var paragraph: Int
    }
    /// Every entity mention by field and paragraph, in entity order (built on first use).
    lazy var mentionsByParagraph = MentionsByPlace(entities)

    /// Mentions by field and paragraph, as a dictionary of arrays held them
    /// (a place without mentions gives nil), without hashing a place per
    /// mention or growing an array per paragraph: body mentions are counted
    /// per paragraph, then laid out in one array (entity order kept).
    struct MentionsByPlace {
        /// Body mentions, paragraph after paragraph; paragraph p's are
        /// `body[bodyStarts[p]..<bodyStarts[p + 1]]`.
        private var body: [PlacedMention] = []
        private var bodyStarts: [Int] = [0]
        /// Headline and byline mentions (few), by place.
        private var others: [(place: MentionPlace, mentions: [PlacedMention])] = []

        init(_ entities: [Entity]) {
            var counts: [Int] = []
            for e in entities {
                for m in e.mentions {
                    guard m.span.field == .body, m.span.paragraph >= 0 else { continue }
                    if m.span.paragraph >= counts.count { counts += repeatElement(0, count: m.span.paragraph + 1 - counts.count) }
                    counts[m.span.paragraph] += 1
                }
            }
            bodyStarts = [Int](repeating: 0, count: counts.count + 1)
            for p in counts.indices { bodyStarts[p + 1] = bodyStarts[p] + counts[p] }
            var next = bodyStarts
            body = [PlacedMention](repeating: PlacedMention(entity: 0, start: 0, end: 0), count: bodyStarts[counts.count])
            for (i, e) in entities.enumerated() {
                for m in e.mentions {
                    let placed = PlacedMention(entity: i, start: m.span.start, end: m.span.end)
                    if m.span.field == .body, m.span.paragraph >= 0 {
                        body[next[m.span.paragraph]] = placed
                        next[m.span.paragraph] += 1
                        continue
                    }
                    let place = MentionPlace(field: m.span.field, paragraph: m.span.paragraph)
                    if let k = others.firstIndex(where: { $0.place == place }) {
                        others[k].mentions.append(placed)
                    } else {
                        others.append((place, [placed]))
                    }
                }
            }
        }

        subscript(place: MentionPlace) -> ArraySlice<PlacedMention>? {
            if place.field == .body, place.paragraph >= 0 {
                guard place.paragraph + 1 < bodyStarts.count else { return nil }
                let a = bodyStarts[place.paragraph], z = bodyStarts[place.paragraph + 1]
                return a < z ? body[a..<z] : nil
            }
            return others.first { $0.place == place }.map { $0.mentions[...] }
        }
    }
    /// The pronoun the story itself gives a person whose name does not tell
    /// (`Bernie`, a name the lexicon lacks): in sentences of the reporter's that
    /// name that one person and no other, the gendered pronouns after the name
    /// (he, him, his, himself / she, her, hers, herself), when they all agree
    /// and there are two or more. Built on first use.
    lazy var storyGender: [Int: SpeechLexicon.PronounKind] = {
        var votes: [Int: (male: Int, female: Int)] = [:]
        for case let t? in texts {
            // The paragraph's person mentions by start, walked once alongside its sentences.
            let placed = (mentionsByParagraph[MentionPlace(field: .body, paragraph: t.paragraph)] ?? [])
                .filter { entities[$0.entity].type == .person }.sorted { $0.start < $1.start }
            guard !placed.isEmpty else { continue }
            var next = 0
            var s = 0
            while s < t.tokens.count {
                var e = s + 1
                while e < t.tokens.count, !t.sentenceStart[e] { e += 1 }
                let lo = t.tokens[s].start, hi = t.tokens[e - 1].end
                var person: Int? = nil, mentionEnd = 0, alone = true
                while next < placed.count, placed[next].start < lo { next += 1 }
                var i = next
                while i < placed.count, placed[i].start < hi {
                    let m = placed[i]
                    i += 1
                    guard m.end <= hi else { continue }
                    if let p = person, p != m.entity { alone = false; break }
                    if person == nil { mentionEnd = m.end }
                    person = m.entity
                }
                if let p = person, alone {
                    var male = 0, female = 0
                    for i in s..<e where t.tokens[i].kind == .word && t.isPlain(i) && t.tokens[i].start >= mentionEnd {
                        switch t.key(i) {
                        case 0x6865, 0x68_696D, 0x68_6973, 0x68_696D_7365_6C66: male += 1 // he him his himself
                        case 0x73_6865, 0x68_6572, 0x6865_7273, 0x68_6572_7365_6C66: female += 1 // she her hers herself
                        default: break
                        }
                    }
                    if male > 0 || female > 0 {
                        var v = votes[p] ?? (0, 0)
                        v.male += male
                        v.female += female
                        votes[p] = v
                    }
                }
                s = e
            }
        }
        var out: [Int: SpeechLexicon.PronounKind] = [:]
        for (p, v) in votes {
            if v.male >= 2 && v.female == 0 { out[p] = .male }
            if v.female >= 2 && v.male == 0 { out[p] = .female }
        }
        return out
    }()
    /// Entities by name and mention text, any case (built on first use: the
    /// names were lower-cased on every lookup).
    lazy var entityNames = EntityNames(entities)

    init(story: Story, entities: [Entity], lexicon: SpeechLexicon, quotes: [Quote]) {
        self.story = story
        self.entities = entities
        self.lexicon = lexicon
        self.quotes = quotes
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
                ? AttributionText(field: .body, paragraph: i, text: p.text, quoteParts: partsByParagraph[i], lexicon: lexicon)
                : nil)
        }
        self.texts = texts
        let headlineParts = QuoteFinder().find(inText: story.headline, field: .headline).flatMap(\.parts)
        headlineText = AttributionText(field: .headline, paragraph: 0, text: story.headline, quoteParts: headlineParts,
                                       lexicon: lexicon)
        var lowerKeys: [UInt64] = []
        for case let t? in texts {
            for (i, tok) in t.tokens.enumerated() where tok.kind == .word && !tok.isCapitalized && tok.length <= 8 {
                lowerKeys.append(t.key(i))
            }
        }
        commonWords = SpeechWordSet(keys: lowerKeys)
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

    func collectNamesAndSubjects() {
        for name in story.byline { addFullName(name, order: -1_500_000) }
        // A Title Case headline (`Lynch Closes Clinton Case`) says nothing of who its subject is.
        var all: [AttributionText] = Self.isTitleCase(story.headline) ? [] : [headlineText]
        for case let t? in texts { all.append(t) }
        for t in all {
            var i = 0
            var sentenceSubjectDone = false
            var tokensIntoSentence = 0
            var inIntroClause = false
            while i < t.tokens.count {
                if t.sentenceStart[i] || startsCoordinateClause(t, i) {
                    sentenceSubjectDone = false
                    tokensIntoSentence = 0
                    // `Asked whether Tramp …, Quill demurred.`: the main clause has a subject of its own.
                    inIntroClause = t.sentenceStart[i] && t.tokens[i].kind == .word
                        && (t.isIn(Self.introClauseOpenerKeys, Self.introClauseOpeners, i)
                            // `Filling in for Tramp at the rally, West landed …`, `Dismayed by …, he`
                            || (t.tokens[i].isCapitalized && Self.isVerbForm(t, i) && i + 1 < t.tokens.count
                                && t.tokens[i + 1].kind == .word && !t.tokens[i + 1].isCapitalized))
                }
                if inIntroClause, t.isPunct(i, 0x2C), t.isPlain(i), i + 2 < t.tokens.count,
                   t.isNameWord(i + 1) || isTitleWord(t, i + 1) || t.isDeterminer(i + 1) {
                    // The comma before a name ends the opening clause: the main clause's subject is
                    // next, nearer to a later pronoun than a name of the opening clause. Before
                    // `the`/`a` it may be an appositive inside the clause (`…, the nominee, …`):
                    // a later comma may still end the clause.
                    inIntroClause = t.isDeterminer(i + 1)
                    sentenceSubjectDone = false
                    tokensIntoSentence = 0
                }
                if t.sentenceStart[i], t.field == .body, t.tokens[i].kind == .word, t.isPlain(i),
                   let p = t.pronounKind(i), p == .male || p == .female,
                   i + 1 < t.tokens.count, t.tokens[i + 1].kind == .word, !t.tokens[i + 1].isCapitalized {
                    // `He dismissed the report.`: a pronoun subject, resolved when a later pronoun asks.
                    events.append(SubjectEvent(order: Self.order(t.span(i, i)), name: "", entity: nil, kind: .person,
                                               pronoun: p))
                    sentenceSubjectDone = true
                }
                guard (t.isNameWord(i) || isTitleWord(t, i)) && !isCapitalizedSourceNoun(t, i) else {
                    if t.isPlain(i) { tokensIntoSentence += 1 }
                    i += 1
                    continue
                }
                let (a, z) = runExtent(t, from: i)
                if let (start, words, isOrg) = nameTokens(t, a, z) {
                    let cut = t.possessiveSuffix(z)
                    let span = nameSpan(t, start, z)
                    let order = Self.order(span)
                    if words >= 2 && !isOrg {
                        // `Joseph R. Biden Jr.` is a full name of `Biden`.
                        var w = z
                        if w > start, isGenerationalSuffix(t, w) {
                            w -= 1
                            while w > start, t.tokens[w].kind != .word { w -= 1 }
                        }
                        let lastWord = t.slice(t.tokens[w].start, t.tokens[w].end - (w == z ? cut : 0)).lowercased()
                        fullNames[lastWord, default: FullNameForms()].add(t.slice(span.start, span.end), order: order)
                    }
                    let honorific = isOrg ? nil : honorificGender(t, a, start)
                    if let g = honorific {
                        surnameGender[t.slice(t.tokens[z].start, t.tokens[z].end - cut).lowercased()] = g
                    }
                    let eventsBefore = events.count
                    defer {
                        // `Ms. Kahn` when the story has Khizar and Ghazala Kahn: her own honorific tells.
                        if events.count > eventsBefore, let g = honorific { events[events.count - 1].honorific = g }
                    }
                    // Not `… results in John Kasich claiming the nomination`: a gerund's subject after a
                    // preposition is its object's, no speaker (`with Quill saying` is one).
                    let speaks = cut == 0 && t.isPlain(a) && z + 1 < t.tokens.count && isSpeechVerb(t, z + 1)
                        && !(isParticiple(t, z + 1) && a > 0 && t.tokens[a - 1].kind == .word && t.key(a - 1) != 0x77_6974_68 // with
                            && t.isIn(Self.nounPrepositionKeys, Self.nounPrepositions, a - 1))
                    if speaks && (sentenceSubjectDone || tokensIntoSentence >= 14) {
                        // `…, Quill said.`: a speaker wherever it stands.
                        events.append(SubjectEvent(order: order, name: t.slice(span.start, span.end), entity: nil,
                                                   kind: isOrg ? .organization : (isPlaceLike(t, start) ? .other : .person)))
                    } else if words == 1 && !isOrg && !speaks && isModifierBeforeNoun(t, start) {
                        // `Democratic presidential candidate Oren Blaise visited`: a party or
                        // nationality word is no subject; the name after its noun may be.
                    } else if followsPreposition(t, nameStart: t.tokens[a].start, lowerBound: 0) {
                        // `During an interview in April, Blaise told …`, `For Quill, Blaise is …`:
                        // the object of a preposition; the subject is still to come.
                    } else if isInMarks(t, a, z) {
                        // `Later on “This Week,” Senator Quill …`: a title in marks is no subject.
                    } else if words == 1, !isOrg, startsSentence(t, start),
                              commonWords.contains(t.key(start)) || Self.isVerbForm(t, start), fullNames[t.lower(start)] == nil {
                        // `Days after the arrest, Negash …`: a common word capitalised by the sentence.
                    } else if a > 0, t.isPlain(a), isSpeechVerb(t, a - 1) {
                        // `…,” said Ada Quill, who lost her sister Mara in the flood.`: the speaker after
                        // its verb is the clause's subject; a name in the relative clause after it is none.
                        sentenceSubjectDone = true
                    } else if t.isPlain(a) && !sentenceSubjectDone && tokensIntoSentence < 14
                        && (cut == 0 || isContraction(t, afterName: z))
                        && !(a > 0 && isSpeechVerb(t, a - 1)) {
                        sentenceSubjectDone = true
                        let next = z + 1
                        if next < t.tokens.count, t.tokens[next].kind == .word, !t.tokens[next].isCapitalized,
                           isOrg || words == 1, t.has(next, .sourceNoun) || t.has(next, .titleText),
                           nameAfterRoles(t, from: next) {
                            // `French trade minister Ada Quill said`, `Tarn Harbour Party chairwoman
                            // Nancy Worley pledged`: the name is the subject.
                            sentenceSubjectDone = false
                        } else if next < t.tokens.count, t.tokens[next].kind == .word, !t.tokens[next].isCapitalized,
                           !isOrg, words == 1, t.has(next, .sourceNoun) {
                            // `French officials said`: the group, not the place.
                            events.append(SubjectEvent(order: order, name: t.string(from: start, to: next), entity: nil,
                                                       kind: t.lower(next).hasSuffix("s") ? .plural : .other))
                        } else {
                            // Two words or more that name no organisation: a person.
                            let name = t.slice(span.start, span.end)
                            events.append(SubjectEvent(order: order, name: name, entity: nil,
                                                       kind: isOrg ? .organization : isGroupName(name) ? .plural
                                                           : ((words >= 2 || speaks) && !isPlaceLike(t, start) ? .person : .other)))
                        }
                    }
                }
                tokensIntoSentence += z - i + 1
                i = z + 1
            }
        }
        for case let t? in texts { collectSpeechSubjects(t) }
        // One-word subjects are classed when a pronoun asks (the full-name index is complete then).
        events.sort { $0.order < $1.order }
    }

    /// `Brandt's been making the case`: the `'s` after the name at `z` is `has` or
    /// `is` (a verb or adverb follows), so the name is a subject, not a possessive.
    func isContraction(_ t: AttributionText, afterName z: Int) -> Bool {
        guard z + 1 < t.tokens.count, t.tokens[z + 1].kind == .word, !t.tokens[z + 1].isCapitalized else { return false }
        return t.isIn(Self.afterContractionKeys, Self.afterContraction, z + 1)
    }
    static let afterContraction: Set<String> = [
        "been", "got", "gotten", "not", "never", "always", "already", "also", "just", "still", "long", "done",
        "gone", "become", "made", "taken", "said", "told", "spent", "going",
    ]
    static let afterContractionKeys = SpeechWordSet(afterContraction)

    /// The name run `a...z` stands alone between quote marks the finder did not
    /// take as a quote (`on “This Week,”`): the title of a show or a work.
    func isInMarks(_ t: AttributionText, _ a: Int, _ z: Int) -> Bool {
        let n = t.tokens.count
        var o = a - 1
        // Capitalised words the run left out (`This` of `“This Week”`) still stand inside the marks.
        while o >= 0, a - o <= 4, t.tokens[o].kind == .word, t.tokens[o].isCapitalized { o -= 1 }
        guard o >= 0, z + 1 < n, t.tokens[o].kind == .punctuation,
              AttributionText.isQuoteMark(t.bytes, t.tokens[o]) else { return false }
        var c = z + 1
        if c + 1 < n, t.isPunct(c, 0x2C) || t.isPunct(c, 0x2E) { c += 1 }
        return t.tokens[c].kind == .punctuation && AttributionText.isQuoteMark(t.bytes, t.tokens[c])
    }

    /// `…, but their neighbor Ben Green knows`: after a comma or semicolon and a
    /// conjunction a new clause opens, with a subject of its own.
    @inline(__always) func startsCoordinateClause(_ t: AttributionText, _ i: Int) -> Bool {
        guard i >= 2, t.tokens[i - 2].kind == .punctuation, t.tokens[i - 1].kind == .word,
              t.isPunct(i - 2, 0x2C) || t.isPunct(i - 2, 0x3B) else { return false }
        return t.isIn(Self.clauseConjunctionKeys, Self.clauseConjunctions, i - 1)
    }
    static let introClauseOpeners: Set<String> = [
        "asked", "pressed", "when", "after", "although", "though", "while", "if", "because", "since", "before",
        "unless", "despite", "unlike", "once", "until", "whether", "outside", "inside", "during", "amid", "at",
        "in", "on", "with", "among", "across", "throughout", "under",
    ]
    static let introClauseOpenerKeys = SpeechWordSet(introClauseOpeners)
    static let clauseConjunctions: Set<String> = ["but", "while", "whereas", "although", "though", "yet"]
    static let clauseConjunctionKeys = SpeechWordSet(clauseConjunctions)

    /// Two thirds of the words or more capitalised: a Title Case headline.
    static func isTitleCase(_ text: String) -> Bool {
        var words = 0, capitals = 0
        for w in text.splitAtSpaces() {
            guard let c = w.unicodeScalars.first, c.properties.isAlphabetic else { continue }
            words += 1
            if c.properties.isUppercase { capitals += 1 }
        }
        return words >= 3 && capitals * 3 >= words * 2
    }

    /// Subjects of speech verbs and `according to` outside quotes: speakers of
    /// reported speech, which pronouns and `the adviser` may refer back to.
    func collectSpeechSubjects(_ t: AttributionText) {
        var sentence = 0
        var sentenceHasQuote = false
        var k = 0
        let n = t.tokens.count
        while k < n {
            if t.sentenceStart[k] {
                sentence = k
                // Does this sentence touch a quote?
                sentenceHasQuote = false
                var j = k
                while j < n, j == k || !t.sentenceStart[j] {
                    if !t.isPlain(j) { sentenceHasQuote = true; break }
                    j += 1
                }
            }
            // Only `according` and speech verbs find a subject; every other token is skipped
            // before the (large) `SpeakerFind?` is set up.
            guard t.tokens[k].kind == .word, t.has(k, .according) || t.has(k, .speechVerb) else {
                k += 1
                continue
            }
            var find: SpeakerFind?
            var verb = k
            if t.tokens[k].kind == .word, t.has(k, .according), k + 1 < n, t.key(k + 1) == 0x746F {
                find = subjectAfter(t, k + 1, upperBound: min(n, k + 12))
                verb = k + 1
            } else if isSpeechVerb(t, k), !isParticiple(t, k) {
                find = subjectBefore(t, k, lowerBound: sentence)
                if find == nil || find?.kind == .inherit, !sentenceHasQuote, k > sentence, t.isPunct(k - 1, 0x2C),
                   t.isIn(SpeechLexicon.invertibleVerbKeys, SpeechLexicon.invertibleVerbs, k) {
                    // `The strike has cost millions, said Tomas Verhoeven, …`: the speaker of
                    // reported speech after its verb, whom a later `he said` refers back to.
                    // Its words stand before the verb, so no indirect quote is read after it.
                    find = subjectAfter(t, k, upperBound: min(n, k + 12))
                    verb = k + 1
                }
            }
            if let f = find, isPronounKind(f.kind), !sentenceHasQuote, verb == k,
               t.has(k, .reportingVerb), !isNegated(t, k),
               let content = reportedContent(t, afterVerb: k), !overlapsIndirect(content) {
                var f = f
                f.cue = t.lower(k)
                indirect.append(IndirectCandidate(find: f, content: content))
            }
            if let f = find, let span = f.span, f.kind == .name || f.kind == .descriptor {
                let order = Self.order(span)
                if f.kind == .name {
                    let org = isOrganizationName(f.text)
                    let kind: SpeakerClass = org ? .organization
                        : (f.text.utf8.contains(0x20) && !SpeechLexicon.placePrefixes.contains(f.text.splitAtSpaces()[0].lowercased())
                            ? .person : .other)
                    let placeLike = f.text.utf8.contains(0x2E) && !f.text.utf8.contains(0x20)
                    // `Reports indicate …`: a lone capitalised word opening the sentence, no name the story knows.
                    let opener = kind == .other && !f.text.utf8.contains(0x20)
                        && AttributionText.firstToken(t.tokens, atOrAfter: span.start).map {
                            startsSentence(t, $0) && !isKnownName(t, $0)
                                && (commonWords.contains(t.key($0)) || t.bytes[t.tokens[$0].end - 1] == 0x73
                                    || Self.indefiniteSubjects[f.text.lowercased()] != nil)
                        } ?? false
                    if opener, let pick = Self.indefiniteSubjects[f.text.lowercased()] {
                        // `Another said he hoped …`: an unnamed source a later he refers to.
                        events.append(SubjectEvent(order: order, name: f.text.lowercased(), entity: nil, kind: pick,
                                                   isDescriptor: true))
                    } else {
                        events.append(SubjectEvent(order: order, name: f.text, entity: nil,
                                                   kind: isGroupName(f.text) ? .plural : (kind == .other && !placeLike && !opener ? .person : kind)))
                    }
                } else {
                    events.append(SubjectEvent(order: order, name: f.text, entity: nil, kind: descriptorClass(f.text),
                                               isDescriptor: true))
                }
                // Reported speech: `Quill said (that) the talks failed.` with no quote marks.
                if !sentenceHasQuote, verb == k, t.has(k, .reportingVerb), !isNegated(t, k),
                   let content = reportedContent(t, afterVerb: k), !overlapsIndirect(content) {
                    var f = f
                    f.cue = t.lower(k)
                    indirect.append(IndirectCandidate(find: f, content: content))
                }
            }
            k += 1
        }
    }

    func isPronounKind(_ k: SpeakerFind.Kind) -> Bool {
        if case .pronoun = k { return true }
        return false
    }

    /// `had not told`, `didn't say`: no speech reported.
    func isNegated(_ t: AttributionText, _ v: Int) -> Bool {
        var j = v - 1
        while j >= 0, v - j <= 3, t.tokens[j].kind == .word {
            if t.key(j) == 0x6E_6F74 || t.key(j) == 0x6E_6576_6572 || t.endsWithNt(j) { return true } // not, never, didn't
            j -= 1
        }
        return false
    }

    /// Reported speech already found over these words (`X said Y told Z that …`).
    func overlapsIndirect(_ span: Span) -> Bool {
        indirect.contains { $0.content.paragraph == span.paragraph && $0.content.start < span.end && span.start < $0.content.end }
    }

    /// What a reporting verb reports: the rest of its sentence after `that`
    /// or an object such as `told reporters`.
    func reportedContent(_ t: AttributionText, afterVerb v: Int) -> Span? {
        let n = t.tokens.count
        var a = v + 1
        let end = a < n ? t.nextSentence[a] : a
        // `told reporters that`, `said on Tuesday that`: skip to `that` when it comes early.
        var j = a
        var hasThat = false
        while j < min(end, a + 6) {
            if t.tokens[j].kind == .word, t.key(j) == 0x74_6861_74 { a = j + 1; hasThat = true; break } // that
            j += 1
        }
        if !hasThat, a < end, t.isIn(Self.tellVerbKeys, Self.tellVerbs, v) { a = afterAddressee(t, from: a, end: end) }
        if a < end, t.isPunct(a, 0x2C) { a += 1 }
        var z = end - 1
        while z > a, t.tokens[z].kind == .punctuation { z -= 1 }
        guard z - a >= 3 else { return nil }
        return t.span(a, z)
    }

    static let tellVerbs: Set<String> = ["told", "tells", "tell", "telling", "assured", "assures", "warned", "warns",
                                         "reminded", "reminds", "promised", "promises", "informed", "informs"]
    static let tellVerbKeys = SpeechWordSet(tellVerbs)
    static let subjectPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]
    static let subjectPronounKeys = SpeechWordSet(subjectPronouns)

    /// `told the council she would …`, `told reporters the plan …`: where the
    /// reported words start after the addressee (the object of `tell`), which is
    /// no part of them. `a` when no addressee can be told apart.
    func afterAddressee(_ t: AttributionText, from a: Int, end: Int) -> Int {
        // A subject pronoun within a few words: the reported clause starts there.
        var j = a + 1
        while j < min(end, a + 6) {
            guard t.tokens[j].kind == .word else { break }
            if t.isIn(Self.subjectPronounKeys, Self.subjectPronouns, j) { return j }
            j += 1
        }
        guard t.tokens[a].kind == .word else { return a }
        let first = t.lower(a)
        // `told him the …`, `told reporters the …`: a one-word addressee before a new subject.
        if ["him", "her", "them", "us", "me", "reporters", "journalists", "lawmakers", "supporters", "voters"].contains(first)
            || t.isNameWord(a) {
            var k = a
            if t.isNameWord(a) { k = runExtent(t, from: a).1 }
            let next = k + 1
            if next < end, t.tokens[next].kind == .word, t.isDeterminer(next) || t.isNameWord(next) { return next }
            return a
        }
        // `told the council the levy …`: a determiner's noun phrase, then another subject.
        if t.isDeterminer(a) {
            var k = a + 1
            while k < min(end, a + 4), t.tokens[k].kind == .word, !t.isDeterminer(k) { k += 1 }
            if k < end, k > a + 1, t.tokens[k].kind == .word, t.isDeterminer(k) { return k }
        }
        return a
    }

    /// Plural, organisation or person, from a descriptor's head noun.
    func descriptorClass(_ text: String) -> SpeakerClass {
        let head = Self.descriptorHead(text).lowercased()
        guard !head.isEmpty else { return .other }
        if lexicon.organizationHeads.contains(head) || SpeechLexicon.organizationNouns.contains(head) {
            return .organization
        }
        if SpeechLexicon.documentNouns.contains(head) { return .other }
        if (head.hasSuffix("s") && !head.hasSuffix("ss")) || Self.pluralNouns.contains(head) { return .plural }
        return .person
    }

    /// The head noun of a descriptor: the word before its object's link
    /// (`spokesman` of `spokesman for the campaign`), else its last word.
    static func descriptorHead(_ text: String) -> Substring {
        let words = text.splitAtSpaces()
        if let i = words.indices.first(where: { $0 > 0 && objectLinks.contains(String(words[$0])) }) { return words[i - 1] }
        return words.last ?? ""
    }

    /// Indefinite pronouns that stand as speakers (`Another said`, `Others warned`).
    static let indefiniteSubjects: [String: SpeakerClass] = [
        "another": .person, "one": .person, "someone": .person, "others": .plural, "some": .plural, "many": .plural,
    ]

    /// Plural source nouns without an `s` (`people said`, `the crowd chanted`).
    static let pluralNouns: Set<String> = ["people", "men", "women", "children", "police", "staff", "crowd", "folk", "public"]

    /// `Muslim Americans`, `Iowa Republicans`: a name ending in a plural demonym or party noun is a group.
    func isGroupName(_ name: String) -> Bool {
        // ASCII names (nearly all): the last word's bytes answer the cheap tests before any string is made.
        if let (length, lastByte) = Self.lastWordASCII(name) {
            guard length > 3, lastByte | 0x20 == 0x73 else { return false }
        }
        guard let last = name.splitAtSpaces().last?.lowercased(), last.count > 3, last.hasSuffix("s") else { return false }
        let singular = String(last.dropLast())
        return lexicon.demonyms.contains(singular) || ["republican", "democrat", "conservative", "liberal"].contains(singular)
    }

    /// The length and last byte of the last space-separated word of an ASCII
    /// string (what `split(separator: " ").last` gives for it, counted in
    /// characters); nil for other strings (and for a carriage return, which
    /// joins a line feed into one character) or when there is no word.
    static func lastWordASCII(_ s: String) -> (length: Int, lastByte: UInt8)? {
        var length = 0, lastByte: UInt8 = 0
        var inWord = false
        for u in s.utf8 {
            if u >= 0x80 || u == 0x0D { return nil }
            if u == 0x20 {
                inWord = false
            } else {
                if !inWord { length = 0; inWord = true }
                length += 1
                lastByte = u
            }
        }
        return length == 0 ? nil : (length, lastByte)
    }

    func addFullName(_ name: String, order: Int) {
        guard let last = name.splitAtSpaces().last else { return }
        fullNames[last.lowercased(), default: FullNameForms()].add(name, order: order)
    }

    func isTitleWord(_ t: AttributionText, _ i: Int) -> Bool {
        let tok = t.tokens[i]
        guard tok.kind == .word, tok.isCapitalized, tok.length <= 14 else { return false }
        return t.has(i, .title)
    }

    /// Day and month names (not `May`, also a surname).
    static let dateWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december",
    ]
    static let dateWordKeys = SpeechWordSet(dateWords)

    /// Lower-case particles inside a name: `de la Cruz`, `van der Berg`, `bin Salman`.
    static let nameParticles: Set<String> = ["de", "da", "van", "von", "bin", "al", "la", "le", "del", "di", "du", "der",
                                             "ibn", "den", "ter", "dos", "das", "el"]
    static let nameParticleKeys = SpeechWordSet(nameParticles)

    /// The extent of a run of capitalised words starting at `i`: names, titles,
    /// abbreviation dots (`Mr.`), initials and particles (`de`, `van`) between capitals.
    func runExtent(_ t: AttributionText, from i: Int) -> (Int, Int) {
        var z = i
        var k = i + 1
        while k < t.tokens.count, t.roles[k] == t.roles[i] {
            if t.possessiveSuffix(z) > 0 { break }
            if t.isNameWord(k) || isTitleWord(t, k) { z = k; k += 1; continue }
            if t.isPunct(k, 0x2E), t.tokens[k].start == t.tokens[z].end, isTitleWord(t, z) || t.isInitial(z),
               k + 1 < t.tokens.count, t.isNameWord(k + 1) || isTitleWord(t, k + 1) {
                k += 1; continue // Mr. / Sen. / J.
            }
            // `Chief of Staff`, `Secretary of State`: titles joined by `of`.
            if t.tokens[k].kind == .word, t.tokens[k].length == 2, t.key(k) == 0x6F66, isTitleWord(t, z),
               k + 1 < t.tokens.count, t.isNameWord(k + 1) || isTitleWord(t, k + 1) {
                k += 1; continue
            }
            if t.tokens[k].kind == .word, !t.tokens[k].isCapitalized, t.tokens[k].length <= 3,
               t.isIn(Self.nameParticleKeys, Self.nameParticles, k) {
                // `de la Cruz`: one or more particles, then a capitalised word.
                var p = k + 1
                while p < t.tokens.count, p - k < 3, t.tokens[p].kind == .word, !t.tokens[p].isCapitalized,
                      t.tokens[p].length <= 3, t.isIn(Self.nameParticleKeys, Self.nameParticles, p) { p += 1 }
                if p < t.tokens.count, t.roles[p] == t.roles[i], t.isNameWord(p) { k = p; continue }
            }
            break
        }
        return (i, z)
    }

    /// A name from a run of capitalised tokens `a...z`: titles before the name
    /// dropped (unless the run names an organisation), possessive cut.
    func nameRun(_ t: AttributionText, _ a: Int, _ z: Int) -> SpeakerFind? {
        guard let (start, words, _) = nameTokens(t, a, z) else { return nil }
        // `said Wednesday`, `her March comment`: a date, nobody's name.
        if words == 1, t.isIn(Self.dateWordKeys, Self.dateWords, start) { return nil }
        let span = nameSpan(t, start, z)
        guard span.end > span.start else { return nil }
        return SpeakerFind(kind: .name, text: t.slice(span.start, span.end), span: span, cue: nil)
    }

    /// `Jr`, `Sr`, `II`, `III`, `IV` (the words `NameWords.isSuffix` knows), by key.
    func isGenerationalSuffix(_ t: AttributionText, _ k: Int) -> Bool {
        guard t.tokens[k].kind == .word else { return false }
        switch t.key(k) {
        case 0x6A72, 0x7372, 0x6969, 0x69_6969, 0x6976: return true // jr, sr, ii, iii, iv
        default: return false
        }
    }

    /// The name `start...z` without a possessive `’s`; `Ada Quill Jr.` keeps the
    /// suffix's dot, which the tokenizer gives to the sentence or the comma.
    func nameSpan(_ t: AttributionText, _ start: Int, _ z: Int) -> Span {
        let cut = t.possessiveSuffix(z)
        var span = t.span(start, z, trimEnd: cut)
        if cut == 0, t.tokens[z].length == 2, isGenerationalSuffix(t, z), // jr, sr (not ii, iv)
           z + 1 < t.tokens.count, t.isPunct(z + 1, 0x2E), t.tokens[z + 1].start == t.tokens[z].end {
            span.end += 1
        }
        return span
    }

    /// Where the name proper starts in the run `a...z` (titles and initialisms
    /// before it dropped unless the run names an organisation), how many words
    /// it has, and whether it names an organisation. Allocates nothing.
    func nameTokens(_ t: AttributionText, _ a: Int, _ z: Int) -> (start: Int, words: Int, isOrganization: Bool)? {
        guard t.tokens[z].kind == .word else { return nil }
        let isOrg = isOrganizationHead(t, z)
        var start = a
        while start < z, t.tokens[start].kind != .word { start += 1 }
        if !isOrg {
            // How many words, to know which are the last two.
            var wordCount = 0
            for k in start...z where t.tokens[k].kind == .word { wordCount += 1 }
            var n = 0
            var k = start
            while k < z {
                if t.tokens[k].kind == .word {
                    let nearEnd = n >= wordCount - 2
                    if isTitleWord(t, k) || isInitialism(t, k) || isOrganizationHead(t, k)
                        || (!nearEnd && isAffiliation(t, k))
                        || (t.isIn(SpeechLexicon.affiliationKeys, SpeechLexicon.affiliations, k) // `Republicans Jolly of …`
                            && t.bytes[t.tokens[k].end - 1] == 0x73)
                        || (n == 0 && startsSentence(t, k) && t.isIn(SpeechLexicon.sentenceStarterKeys, SpeechLexicon.sentenceStarters, k))
                        || (n == 0 && startsSentence(t, k) && t.endsWithIng(k) && t.tokens[k].length >= 6 // `Rebuking Trump, …`
                            && lexicon.pronounGender(ofFirstName: t.lower(k)) == nil)
                        || (n == 0 && startsSentence(t, k) && commonWords.contains(t.key(k))
                            && !(t.tokens[k].isCapitalized == false && t.isIn(Self.nameParticleKeys, Self.nameParticles, k))) {
                        // The name starts at the next word (z is a word).
                        var next = k + 1
                        while t.tokens[next].kind != .word { next += 1 }
                        start = next
                    }
                    n += 1
                }
                k += 1
            }
            while start < z, t.tokens[start].kind != .word { start += 1 }
        }
        if start == z, isTitleWord(t, z) { return nil }
        var words = 0, demonyms = 0
        for k in start...z where t.tokens[k].kind == .word {
            words += 1
            if t.has(k, .demonym) { demonyms += 1 }
        }
        // `a 33-year-old African American`: nationality words, no name (the plural is a group).
        if !isOrg, words >= 2, demonyms == words, t.bytes[t.tokens[z].end - 1] != 0x73 { return nil }
        return (start, words, isOrg)
    }

    /// A party or nationality word before a name: `Republican`, `Democratic`, `French`.
    func isAffiliation(_ t: AttributionText, _ k: Int) -> Bool {
        let tok = t.tokens[k]
        guard tok.length >= 4 else { return false }
        if t.isIn(SpeechLexicon.affiliationKeys, SpeechLexicon.affiliations, k) { return true }
        let e = tok.end
        let b = t.bytes
        // Demonyms: -an, -ans, -ese, -ish, -ic (not short given names: only before two more words).
        let demonymLike = (b[e - 1] == 0x6E && b[e - 2] == 0x61)
            || (b[e - 1] == 0x73 && b[e - 2] == 0x6E && b[e - 3] == 0x61)
            || (b[e - 1] == 0x65 && b[e - 2] == 0x73 && b[e - 3] == 0x65)
            || (b[e - 1] == 0x68 && b[e - 2] == 0x73 && b[e - 3] == 0x69)
        guard demonymLike else { return false }
        // `Susan B. Quill`, `Brian Quill`: a given name, not a nationality.
        if k + 1 < t.tokens.count, t.isInitial(k + 1) { return false }
        let lower = t.lower(k)
        return !lexicon.maleNames.contains(lower) && !lexicon.femaleNames.contains(lower)
    }

    /// `Mr. Quill` / `Mrs. Quill` / `Ms. Quill`: the pronoun of the person, from
    /// an honorific in the run `a..<start` before the name proper.
    func honorificGender(_ t: AttributionText, _ a: Int, _ start: Int) -> SpeechLexicon.PronounKind? {
        var k = a
        while k < start {
            if t.tokens[k].kind == .word {
                switch t.key(k) {
                case 0x6D72, 0x6D72_2E: return .male // mr, mr.
                case 0x6D7273, 0x6D73, 0x6D69_7373, 0x6D72_732E, 0x6D73_2E: return .female // mrs, ms, miss
                default: break
                }
            }
            k += 1
        }
        return nil
    }

    /// Lower-case role words from `k` (`trade minister`) followed by a name.
    func nameAfterRoles(_ t: AttributionText, from k: Int) -> Bool {
        var e = k
        while e < t.tokens.count, e - k < 4, t.tokens[e].kind == .word, !t.tokens[e].isCapitalized {
            guard t.has(e, .sourceNoun) || t.has(e, .titleText) else { return false }
            e += 1
        }
        guard e > k, e < t.tokens.count else { return false }
        if t.isNameWord(e) { return true }
        // `Calloway’s Democratic counterpart, Sen. Dana Whitlock, voted`: the name in apposition.
        return t.isPunct(e, 0x2C) && e + 1 < t.tokens.count && (t.isNameWord(e + 1) || isTitleWord(t, e + 1))
    }

    /// A lone party or nationality word before a lower-case word that is no
    /// source noun (`Republican hopefuls`, `French farmers`): an adjective.
    func isModifierBeforeNoun(_ t: AttributionText, _ k: Int) -> Bool {
        let next = k + 1
        guard next < t.tokens.count, t.tokens[next].kind == .word, !t.tokens[next].isCapitalized,
              !t.has(next, .sourceNoun),
              !t.isIn(SpeechLexicon.auxiliaryKeys, SpeechLexicon.auxiliaries, next) else { return false }
        let tok = t.tokens[k]
        // `Democrats`, `Republicans`: the party's people, a subject of their own.
        if t.bytes[tok.end - 1] == 0x73 { return false }
        if t.isIn(SpeechLexicon.affiliationKeys, SpeechLexicon.affiliations, k) { return true }
        return t.has(k, .demonym)
    }

    /// `South Korea`, `New York`: a place, not a person.
    func isPlaceLike(_ t: AttributionText, _ k: Int) -> Bool {
        SpeechLexicon.placePrefixKeys.contains(t.key(k))
    }

    /// The word opens a sentence or follows a quote mark or colon.
    func startsSentence(_ t: AttributionText, _ k: Int) -> Bool {
        if t.sentenceStart[k] || k == 0 { return true }
        // `(See Sexton’s full timeline below.)`: an opening bracket starts one too.
        return t.roles[k - 1] == .mark || t.isPunct(k - 1, 0x3A) || t.isPunct(k - 1, 0x28)
    }

    /// `U.S.`, `U.N.`: a dotted initialism, dropped before a name like a title.
    func isInitialism(_ t: AttributionText, _ k: Int) -> Bool {
        let tok = t.tokens[k]
        guard tok.length >= 3, tok.length <= 5 else { return false }
        return t.bytes[tok.end - 1] == 0x2E
    }

    func isOrganizationHead(_ t: AttributionText, _ k: Int) -> Bool { t.has(k, .organizationHead) }

    func stripPossessive(_ w: String) -> String {
        if w.hasSuffix("’s") { return String(w.dropLast(2)) }
        if w.hasSuffix("'s") { return String(w.dropLast(2)) }
        return w
    }

    func isOrganizationName(_ name: String) -> Bool {
        let words = NameWords(name)
        guard words.count > 0 else { return false }
        return lexicon.isOrganizationHead(words.last)
    }

    /// A person: two or more words that do not name an organisation, or one
    /// word that is the last word of such a full name in the story.
    func isPersonLike(_ name: String, order: Int) -> Bool {
        if isOrganizationName(name) { return false }
        let words = name.splitAtSpaces()
        if words.count >= 2 {
            if SpeechLexicon.placePrefixes.contains(words[0].lowercased()) { return false }
            return !name.utf8.contains(0x2E) || words.count >= 3
        }
        return fullNames[name.lowercased()] != nil
    }

    /// The fullest form of a one-word name: the nearest full name before it
    /// that ends with it, else the first one after it.
    func canonicalName(_ name: String, order: Int) -> String {
        let words = name.splitAtSpaces()
        guard let last = words.last, let forms = fullNames[last.lowercased()]?.forms else { return name }
        // `de la Cruz`: particles and a surname are the surname alone.
        let surnameOnly = words.count >= 2 && words.dropLast().allSatisfy { Self.nameParticles.contains(String($0)) }
        if words.count >= 2 && !surnameOnly {
            // A longer form with the same first and last word (`Ada B. Quill` for `Ada Quill`).
            let longer = forms.filter { $0.name.count > name.count && $0.name.hasPrefix(words[0] + " ") }
            return longer.max { $0.name.count < $1.name.count }?.name ?? name
        }
        // Two different people share the surname: keep the surname as written.
        // (`Brent Bozell` and `Brent Bozell III` are one.)
        if let first = forms.first.map({ NameWords.withoutSuffix($0.name) }), forms.count > 1,
           !forms.allSatisfy({ let n = NameWords.withoutSuffix($0.name); return n.hasSuffix(first) || first.hasSuffix(n) }) {
            return name
        }
        // The form written last before this place (the longer one at the same place);
        // with none before it, the first form of the story.
        var best: (order: Int, name: String)?
        for form in forms {
            guard let o = form.lastOrder(before: order) else { continue }
            if best == nil || o > best!.order || (o == best!.order && form.name.count > best!.name.count) {
                best = (o, form.name)
            }
        }
        if best == nil, let earliest = forms.min(by: { $0.orders[0] < $1.orders[0] }) {
            best = (earliest.orders[0], earliest.name)
        }
        return best?.name ?? name
    }

    // MARK: - entities

    /// A mention placed in its field and paragraph, for `entityIndex(overlapping:)`.
    struct PlacedMention {
        var entity: Int
        var start: Int
        var end: Int
    }

    /// The entity with a mention overlapping `span`: the first such person, else
    /// the first such entity (in entity order).
    func entityIndex(overlapping span: Span) -> Int? {
        guard !entities.isEmpty, let placed = mentionsByParagraph[MentionPlace(field: span.field, paragraph: span.paragraph)]
        else { return nil }
        var best: Int?
        for m in placed where m.start < span.end && span.start < m.end {
            if best == nil || (entities[best!].type != .person && entities[m.entity].type == .person) { best = m.entity }
        }
        return best
    }

    /// The first entity whose name is `name` (any case), else the first with a mention written so.
    func entityNamed(_ name: String) -> Int? {
        guard !entities.isEmpty else { return nil }
        let names = entityNames
        if let h = SpeechLexicon.foldedHash(name.utf8) { return names.byName[h] ?? names.byMention[h] }
        let lower = name.lowercased()
        if let h = SpeechLexicon.foldedHash(lower.utf8) { return names.byName[h] ?? names.byMention[h] }
        return names.otherByName[lower] ?? names.otherByMention[lower]
    }

    /// Entities by lower-cased name and by lower-cased mention text, the first
    /// entity winning: ASCII text (all but a few names) by `SpeechLexicon.foldedHash`,
    /// so that no name is lower-cased per lookup; other text lower-cased.
    struct EntityNames {
        var byName: [UInt64: Int] = [:]
        var byMention: [UInt64: Int] = [:]
        var otherByName: [String: Int] = [:]
        var otherByMention: [String: Int] = [:]

        init(_ entities: [Entity]) {
            // Walked backwards with every entry written: the first entity (and
            // mention) in story order is written last and wins, as with
            // "write when absent" forwards, at one dictionary probe, not two.
            func add(_ text: String, _ i: Int, _ hashed: inout [UInt64: Int], _ other: inout [String: Int]) {
                if let h = SpeechLexicon.foldedHash(text.utf8) {
                    hashed[h] = i
                    return
                }
                let lower = text.lowercased()
                if let h = SpeechLexicon.foldedHash(lower.utf8) {
                    hashed[h] = i
                } else {
                    other[lower] = i
                }
            }
            // Room for every name and mention up front: growing hashes every key again.
            byName.reserveCapacity(entities.count)
            byMention.reserveCapacity(entities.reduce(0) { $0 + $1.mentions.count })
            for (i, e) in entities.enumerated().reversed() {
                add(e.name, i, &byName, &otherByName)
                for m in e.mentions.reversed() { add(m.text, i, &byMention, &otherByMention) }
            }
        }
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

/// The words of a name or descriptor as `split(separator: " ")` gives them
/// (runs between spaces), counted and with the first and last at hand,
/// without building an array of them.
struct NameWords {
    var count = 0
    var first: Substring = ""
    var last: Substring = ""

    init(_ s: String) {
        let utf8 = s.utf8
        var i = utf8.startIndex
        let end = utf8.endIndex
        while i < end {
            while i < end, utf8[i] == 0x20 { i = utf8.index(after: i) }
            guard i < end else { break }
            var j = i
            while j < end, utf8[j] != 0x20 { j = utf8.index(after: j) }
            let word = s[i..<j]
            if count == 0 { first = word }
            // `Joseph R. Biden Jr.`: the surname is the word before a generational suffix.
            if count == 0 || !Self.isSuffix(word) { last = word }
            count += 1
            i = j
        }
    }

    /// `Brent Bozell III` → `Brent Bozell`.
    static func withoutSuffix(_ name: String) -> String {
        guard let space = name.lastIndex(of: " "), isSuffix(name[name.index(after: space)...]) else { return name }
        return String(name[..<space])
    }

    /// `Jr.`, `Sr.`, `II`, `III`, `IV`.
    static func isSuffix(_ w: Substring) -> Bool {
        switch w {
        case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV": return true
        default: return false
        }
    }
}

/// The full names a story writes with one surname: each distinct form once, with
/// the places (orders) it stands at, ascending. Questions about a surname then
/// cost the number of distinct forms, not the number of mentions (a story
/// quoting one person a thousand times stays linear).
struct FullNameForms {
    struct Form {
        var name: String
        /// Ascending.
        var orders: [Int]

        /// The last place of this form before `order`, by binary search.
        func lastOrder(before order: Int) -> Int? {
            var lo = 0, hi = orders.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if orders[mid] < order { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? nil : orders[lo - 1]
        }
    }

    /// In the order each form was first added.
    private(set) var forms: [Form] = []

    mutating func add(_ name: String, order: Int) {
        guard let i = forms.firstIndex(where: { $0.name == name }) else {
            forms.append(Form(name: name, orders: [order]))
            return
        }
        if let last = forms[i].orders.last, last > order {
            let at = forms[i].orders.firstIndex { $0 > order } ?? forms[i].orders.count
            forms[i].orders.insert(order, at: at)
        } else {
            forms[i].orders.append(order)
        }
    }
}
