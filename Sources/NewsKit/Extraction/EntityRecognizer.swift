#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds people, organisations and places in a story and clusters their mentions.
///
/// Rule-based: capitalised word runs found by a byte scan, titles and
/// possessives cut off, types from gazetteers and cue words, then surnames
/// and short forms joined to the full names used earlier or later in the story.
public struct EntityRecognizer: Sendable {
    public let gazetteer: Gazetteer
    public init(gazetteer: Gazetteer = .shared) { self.gazetteer = gazetteer }

    /// Every entity of the story, each with all its mentions in story order,
    /// entities ordered by their first mention.
    public func recognize(_ story: Story) -> [Entity] {
        var collection = MentionCollection(gazetteer: gazetteer, story: story)
        collection.collectCandidates()
        var clusters = EntityClusters(gazetteer: gazetteer)
        clusters.datelinePlaces = Set((story.dateline?.places ?? []).map { $0.uppercased() })
        clusters.add(collection.candidates)
        if !collection.lookups.isEmpty {
            // Credit and dateline fields look in the gazetteers only: the story's
            // own forms are gathered when another field needs them.
            let known = collection.lookups.contains { !$0.gazetteerOnly } ? clusters.knownForms() : [:]
            let knownKeys = FoldedKeys(known.keys)
            for lookup in collection.lookups {
                clusters.addKnownNames(in: lookup, story: story, known: known, knownKeys: knownKeys)
            }
        }
        for place in collection.unplacedDatelinePlaces {
            clusters.addPlaceWithoutMention(place)
        }
        return clusters.entities(story: story)
    }
}

/// A field whose capitalisation says nothing (Title Case headline, ALL-CAPS
/// subhead, credit line, dateline): only names already known are looked up.
struct LookupField: Sendable {
    var field: Span.Field
    var paragraph: Int
    /// Byte range of the field text to look in.
    var range: Range<Int>
    /// Only places and organisations from the gazetteers (credits, datelines).
    var gazetteerOnly: Bool
    /// Byte ranges already taken by other mentions.
    var taken: [Range<Int>] = []
}

/// The candidates of a whole story, in story order, and the fields left for lookup.
struct MentionCollection {
    let gazetteer: Gazetteer
    let story: Story
    var candidates: [NameCandidate] = []
    var lookups: [LookupField] = []
    var unplacedDatelinePlaces: [String] = []

    init(gazetteer: Gazetteer, story: Story) {
        self.gazetteer = gazetteer
        self.story = story
    }

    mutating func collectCandidates() {
        let scanner = NameScanner(gazetteer: gazetteer)
        let classifier = NameRunClassifier(gazetteer: gazetteer)

        // Headline: Title Case proves nothing, so it only gets known names.
        let headline = story.headline
        let headlineWords = scanner.words(in: headline)
        if isTitleCase(headlineWords, headline) {
            lookups.append(LookupField(field: .headline, paragraph: 0, range: 0..<headline.utf8.count, gazetteerOnly: false))
        } else {
            append(classifier, headline, headlineWords, .headline, 0)
        }

        // Byline: the parser's names, found in the byline text.
        if let bylineText = story.bylineText {
            if story.byline.isEmpty {
                append(classifier, bylineText, scanner.words(in: bylineText), .byline, 0)
            } else {
                var cursor = 0
                for name in story.byline {
                    if let range = find(name, in: bylineText, from: cursor) {
                        addPerson(name, range, .byline, 0)
                        cursor = range.upperBound
                    } else if let range = find(name, in: bylineText, from: 0) {
                        addPerson(name, range, .byline, 0)
                    }
                }
            }
        }

        let creditPeople = Array(Set(story.credits.flatMap(\.people))).sorted { $0.utf8.count > $1.utf8.count }
        for (index, paragraph) in story.paragraphs.enumerated() {
            let text = paragraph.text
            let length = text.utf8.count
            if paragraph.kind == .credit && !creditPeople.isEmpty {
                // Credit names as the parser read them; places from the gazetteer.
                var taken: [Range<Int>] = []
                for name in creditPeople {
                    var cursor = 0
                    while let range = find(name, in: text, from: cursor) {
                        cursor = range.upperBound
                        if taken.contains(where: { $0.overlaps(range) }) { continue }
                        taken.append(range)
                        addPerson(name, range, .body, index)
                    }
                }
                lookups.append(LookupField(field: .body, paragraph: index, range: 0..<length, gazetteerOnly: true, taken: taken))
                continue
            }
            let words = scanner.words(in: text)
            if paragraph.kind == .subhead || isAllCaps(words) {
                lookups.append(LookupField(field: .body, paragraph: index, range: 0..<length, gazetteerOnly: false))
                continue
            }
            var firstWord = 0
            if index == 0, let dateline = story.dateline {
                let rawLength = dateline.raw.utf8.count
                if rawLength > 0, text.utf8.starts(with: dateline.raw.utf8) {
                    addDateline(dateline, in: text, rawLength: rawLength)
                    firstWord = words.firstIndex { $0.start >= rawLength } ?? words.count
                } else {
                    unplacedDatelinePlaces = dateline.places
                }
            }
            append(classifier, text, words, .body, index, from: firstWord)
        }
        if story.paragraphs.isEmpty, let dateline = story.dateline {
            unplacedDatelinePlaces = dateline.places
        }
        dropCommonFirstWords()
        for index in candidates.indices { candidates[index].order = index }
    }

    /// "Suspected Terror", "Delegates Unbound": a sentence-initial first word
    /// that the story also writes in lower case is an ordinary word, not a name.
    private mutating func dropCommonFirstWords() {
        var writtenLower: [String: Bool] = [:]
        var bodyWords: Set<String>?
        var searches = 0
        for index in candidates.indices {
            let candidate = candidates[index]
            guard candidate.guess == .person, candidate.context.sentenceInitial, !candidate.context.titled,
                  let first = candidate.tokens.first, let secondStart = candidate.secondStart,
                  !gazetteer.givenNames.contains(first)
            else { continue }
            let lower = first.lowercased()
            guard lower != first else { continue }
            let found = writtenLower[lower] ?? writtenInBody(lower, words: &bodyWords, searches: &searches)
            writtenLower[lower] = found
            guard found else { continue }
            var trimmed = candidate
            trimmed.tokens.removeFirst()
            trimmed.guess = trimmed.tokens.count > 1 ? .person : .single
            trimmed.span.start = secondStart
            trimmed.text = String(trimmed.text.utf8.dropFirst(secondStart - candidate.span.start)) ?? trimmed.text
            trimmed.context.sentenceInitial = false
            trimmed.context.before = lower
            trimmed.secondStart = nil
            if trimmed.tokens.count == 1 { trimmed.flags = gazetteer.flags(trimmed.tokens[0]) }
            candidates[index] = trimmed
        }
    }

    /// Whether a paragraph holds `word` as a whole word (as `find` matches
    /// it). The first few words are searched for; after that, a word of word
    /// bytes only is looked up in the set of the body's words, made once: a
    /// search through every paragraph per distinct first word was quadratic
    /// on long stories (27 % of a 30,000-paragraph story's extraction), while
    /// for an ordinary story a few searches cost less than the set.
    private func writtenInBody(_ word: String, words: inout Set<String>?, searches: inout Int) -> Bool {
        guard words != nil || searches >= 16, word.utf8.allSatisfy(isASCIIWordByte) else {
            searches += 1
            return story.paragraphs.contains { find(word, in: $0.text, from: 0) != nil }
        }
        if words == nil {
            var all = Set<String>()
            for paragraph in story.paragraphs {
                var copy = paragraph.text
                copy.withUTF8 { p in
                    var start = -1
                    for i in 0...p.count {
                        let inWord = i < p.count && isASCIIWordByte(p[i])
                        if inWord && start < 0 { start = i }
                        if !inWord && start >= 0 {
                            all.insert(String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self))
                            start = -1
                        }
                    }
                }
            }
            words = all
        }
        return words!.contains(word)
    }

    private mutating func append(
        _ classifier: NameRunClassifier, _ text: String, _ words: [NameWord], _ field: Span.Field,
        _ paragraph: Int, from firstWord: Int = 0
    ) {
        var copy = text
        copy.withUTF8 { p in
            classifier.candidates(words: words, bytes: p, field: field, paragraph: paragraph, from: firstWord,
                                  into: &candidates)
        }
    }

    private mutating func addPerson(_ name: String, _ range: Range<Int>, _ field: Span.Field, _ paragraph: Int) {
        // Split by bytes: a Character split cost more than the rest of this function.
        var tokens: [String] = []
        let bytes = Array(name.utf8)
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
            if i > start {
                let token = String(decoding: bytes[start..<i], as: UTF8.self)
                if !gazetteer.nameConnectors.contains(token) { tokens.append(token) }
            }
            start = i + 1
        }
        var context = NameContext()
        context.titled = true
        let guess: NameGuess = tokens.count > 1 ? .person : .single
        candidates.append(NameCandidate(
            span: Span(field: field, paragraph: paragraph, start: range.lowerBound, end: range.upperBound),
            text: name, tokens: tokens, guess: guess, context: context))
    }

    /// Places and the agency of a dateline that still opens the first paragraph.
    private mutating func addDateline(_ dateline: Dateline, in text: String, rawLength: Int) {
        var cursor = 0
        for place in dateline.places {
            guard let range = find(place, in: text, from: cursor, limit: rawLength) else {
                unplacedDatelinePlaces.append(place)
                continue
            }
            cursor = range.upperBound
            let name = gazetteer.place(place) ?? titleCased(place)
            candidates.append(NameCandidate(
                span: Span(field: .body, paragraph: 0, start: range.lowerBound, end: range.upperBound),
                text: place, tokens: [place], guess: .place(name), context: NameContext()))
        }
        if let agency = dateline.agency, let range = find(agency, in: text, from: cursor, limit: rawLength) {
            candidates.append(NameCandidate(
                span: Span(field: .body, paragraph: 0, start: range.lowerBound, end: range.upperBound),
                text: agency, tokens: [agency], guess: .organization(gazetteer.organization(agency) ?? agency),
                context: NameContext()))
        }
    }

    /// A headline where nearly every longer word is capitalised.
    private func isTitleCase(_ words: [NameWord], _ text: String) -> Bool {
        var capitalised = 0
        var lower = 0
        for word in words where word.end - word.start >= 4 {
            switch word.shape {
            case .capitalised, .allCaps: capitalised += 1
            case .lower: lower += 1
            default: break
            }
        }
        return capitalised >= 3 && lower * 4 <= capitalised
    }

    /// A paragraph without lower-case words: a subhead or a shouted line.
    private func isAllCaps(_ words: [NameWord]) -> Bool {
        var caps = 0
        for word in words {
            switch word.shape {
            case .lower, .capitalised: return false
            case .allCaps: caps += 1
            default: break
            }
        }
        return caps >= 2
    }
}

/// The byte range of `needle` in `text` at or after `from`, on word boundaries.
func find(_ needle: String, in text: String, from: Int, limit: Int? = nil) -> Range<Int>? {
    let n = Array(needle.utf8)
    guard let first = n.first else { return nil }
    var copy = text
    return copy.withUTF8 { p -> Range<Int>? in
        guard let base = p.baseAddress else { return nil }
        let end = min(limit ?? p.count, p.count)
        var i = from
        // memchr jumps to each candidate first byte; a story is searched for
        // many words, and a byte-by-byte loop was most of this function.
        while i + n.count <= end, let hit = memchr(base + i, Int32(first), end - n.count - i + 1) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < n.count && p[i + k] == n[k] { k += 1 }
            if k == n.count {
                let beforeOK = i == 0 || !isASCIIWordByte(p[i - 1])
                let afterOK = i + n.count >= p.count || !isASCIIWordByte(p[i + n.count])
                if beforeOK && afterOK { return i..<(i + n.count) }
            }
            i += 1
        }
        return nil
    }
}

@inline(__always) func isASCIIWordByte(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
}

/// "PARIS" -> "Paris", "NEW YORK" -> "New York".
func titleCased(_ text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
        guard let first = word.first else { return "" }
        return first.uppercased() + word.dropFirst().lowercased()
    }.joined(separator: " ")
}
