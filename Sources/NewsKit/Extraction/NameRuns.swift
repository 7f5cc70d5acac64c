/// A capitalised word with its text, as one token of a name run.
struct NameToken: Sendable {
    var word: NameWord
    var text: String
    /// What the gazetteers say about the word.
    var flags: Gazetteer.WordFlags
}

/// What the words around a name say about it.
struct NameContext: Sendable, Equatable {
    /// The first word starts a sentence.
    var sentenceInitial = false
    /// A title or honorific stood before the name ("President", "Mr.").
    var titled = false
    /// The word before ("in", "of", "spokesperson"), lower-cased, when only spaces separate them.
    var before: String?
    /// The word before that, lower-cased.
    var twoBefore: String?
    /// The word after, lower-cased, when only spaces or a comma separate them.
    var after: String?
}

/// A guess about one run of capitalised words, before clustering.
enum NameGuess: Sendable, Equatable {
    /// A person's full name (two words or more).
    case person
    case organization(String)
    case place(String)
    /// A title of a work, a slogan or another named thing.
    case other
    /// One word that clustering resolves: a surname, a place, an organisation.
    case single
}

/// One mention found by the run classifier, not yet part of an entity.
struct NameCandidate: Sendable {
    var span: Span
    /// The words as they stand, without titles or possessives.
    var text: String
    var tokens: [String]
    var guess: NameGuess
    var context: NameContext
    /// Position in story order, for "nearest earlier mention" decisions.
    var order: Int = 0
    /// Where the second word starts, for dropping a first word found to be no name.
    var secondStart: Int?
    /// What the gazetteers say about a one-word candidate.
    var flags: Gazetteer.WordFlags = []

    /// The first word: the only one of a one-word candidate, whose `tokens`
    /// may be left empty to save an array.
    var firstWord: String { tokens.first ?? text }
}

/// Turns the words of one field into name candidates: groups capitalised
/// words into runs, strips titles, splits off places and organisations, and
/// makes a first guess at the type.
struct NameRunClassifier {
    let gazetteer: Gazetteer

    /// The most words one name run may hold (real names and titles are far shorter).
    static let longestRun = 32
    static let locationPrepositions: Set<String> = [
        "in", "at", "from", "to", "into", "near", "across", "outside", "inside", "toward", "towards",
        "throughout", "around", "via", "visit", "visited", "visiting", "across",
    ]

    /// The candidates in one field; `p` is the field's UTF-8 text.
    func candidates(
        words: [NameWord], bytes p: UnsafeBufferPointer<UInt8>, field: Span.Field, paragraph: Int,
        from firstWord: Int = 0
    ) -> [NameCandidate] {
        var out: [NameCandidate] = []
        candidates(words: words, bytes: p, field: field, paragraph: paragraph, from: firstWord, into: &out)
        return out
    }

    /// The candidates in one field, appended to `out` (the story's list, so
    /// that no array is made and copied per paragraph).
    func candidates(
        words: [NameWord], bytes p: UnsafeBufferPointer<UInt8>, field: Span.Field, paragraph: Int,
        from firstWord: Int = 0, into out: inout [NameCandidate]
    ) {
        var i = firstWord
        let n = words.count
        while i < n {
            guard words[i].isNameLike else { i += 1; continue }
            // Grow the run over spaces, connectors and "of" phrases.
            var j = i
            while j + 1 < n {
                // No name is this long; a longer run ("Dr. Dr. Dr. …" from bad
                // input) made classify recurse once per title, super-linear and
                // deep enough to overflow the stack. Cut it into bounded runs.
                if j - i + 1 >= Self.longestRun { break }
                let prev = words[j]
                if prev.possessive { break }
                let next = words[j + 1]
                guard next.gap == .space || next.gap == .ampersand else { break }
                if next.isNameLike {
                    j += 1; continue
                }
                // A lower-case connector, then a capitalised word.
                guard next.shape == .lower, j + 2 < n, !next.possessive else { break }
                // The connector and the word before it are compared as bytes;
                // strings are made only where a list or a lookup needs them.
                // Name particles may come in twos and threes: "van der", "de la".
                if isNameConnector(p, next) {
                    var k = j + 1
                    while k < n, words[k].shape == .lower, words[k].gap == .space, !words[k].possessive,
                          k - j <= 3, isNameConnector(p, words[k]) { k += 1 }
                    guard k < n, k > j + 1, words[k].isNameLike, words[k].gap == .space else { break }
                    j = k
                    continue
                }
                guard words[j + 2].isNameLike, words[j + 2].gap == .space else { break }
                var accept = false
                if Self.word(p, next, is: "of") {
                    accept = !gazetteer.flags(text(p, prev)).isDisjoint(with: [.ofHead, .orgCue, .placeCue, .title])
                } else if Self.word(p, next, is: "for") {
                    accept = gazetteer.flags(text(p, prev)).contains(.orgCue)
                } else if Self.word(p, next, is: "the"), j >= 1, Self.word(p, prev, is: "of") {
                    accept = true
                } else if Self.word(p, next, is: "and") {
                    let phrase = text(p, prev) + " and " + text(p, words[j + 2])
                    accept = gazetteer.place(phrase) != nil || gazetteer.organization(phrase) != nil
                }
                guard accept else { break }
                j += 2
            }
            // Most one-word runs are sentence starters ("The", "But") that name
            // nothing: drop them before their context words become strings.
            if i == j, Self.namesNothing(words[i], gazetteer.flags(key: words[i].key)) {
                i = j + 1
                continue
            }
            var context = NameContext(sentenceInitial: words[i].sentenceInitial)
            if i > 0, words[i].gap == .space {
                context.before = lowerText(p, words[i - 1])
                // Only "city of X" needs the word before "of".
                if i > 1, words[i - 1].gap == .space, context.before == "of" { context.twoBefore = lowerText(p, words[i - 2]) }
            }
            if j + 1 < n, !words[j].possessive,
               words[j + 1].gap == .space {
                context.after = lowerText(p, words[j + 1])
            }
            if i == j {
                classifySingle(words[i], text(p, words[i]), context: context, field: field, paragraph: paragraph, into: &out)
                i = j + 1
                continue
            }
            let firstNew = out.count
            do {
                let tokens = (i...j).map { index -> NameToken in
                    let word = text(p, words[index])
                    return NameToken(word: words[index], text: word, flags: gazetteer.flags(key: words[index].key))
                }
                classify(tokens, context: context, field: field, paragraph: paragraph, into: &out)
            }
            // Mention texts are the bytes as written (spaces and all), not the joined tokens.
            for index in firstNew..<out.count {
                let span = out[index].span
                out[index].text = String(decoding: UnsafeBufferPointer(rebasing: p[span.start..<span.end]), as: UTF8.self)
            }
            i = j + 1
        }
    }

    /// `gazetteer.nameConnectors` holds the word: first by the key of its
    /// bytes, then (rarely) by its text, so the answer is the set's own.
    private func isNameConnector(_ p: UnsafeBufferPointer<UInt8>, _ w: NameWord) -> Bool {
        let key = Gazetteer.nonzero(NameScanner.key(p, w.start, w.end))
        return gazetteer.nameConnectorKeys.contains(key) && gazetteer.nameConnectors.contains(text(p, w))
    }

    /// The word's bytes are exactly `ascii`.
    private static func word(_ p: UnsafeBufferPointer<UInt8>, _ w: NameWord, is ascii: StaticString) -> Bool {
        let count = ascii.utf8CodeUnitCount
        guard w.end - w.start == count else { return false }
        let s = ascii.utf8Start
        for k in 0..<count where p[w.start + k] != s[k] { return false }
        return true
    }

    private func text(_ p: UnsafeBufferPointer<UInt8>, _ w: NameWord) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[w.start..<w.end]), as: UTF8.self)
    }

    /// The word in lower case; most context words already are, so no second string is made.
    private func lowerText(_ p: UnsafeBufferPointer<UInt8>, _ w: NameWord) -> String {
        let word = text(p, w)
        if w.shape == .lower || w.shape == .number { return word }
        return word.lowercased()
    }

    /// Whether `classifySingle` drops this word whatever its context: the
    /// same tests, on the flags and shape alone.
    private static func namesNothing(_ word: NameWord, _ flags: Gazetteer.WordFlags) -> Bool {
        if word.hasInnerPunctuation || flags.contains(.organization) || flags.contains(.place) { return false }
        if !flags.isDisjoint(with: [.weekday, .nonName, .title, .adjective, .orgCue, .placeCue, .otherCue]) { return true }
        switch word.shape {
        case .initial, .lower, .number: return true
        case .capitalised, .uncased: return word.end - word.start < 2
        case .allCaps: return false
        }
    }

    /// The common case of a run of one word, without building token arrays.
    /// Keeps to the same rules as `classify` for one token.
    private func classifySingle(
        _ word: NameWord, _ text: String, context: NameContext, field: Span.Field, paragraph: Int,
        into out: inout [NameCandidate]
    ) {
        let flags = gazetteer.flags(key: word.key)
        if word.hasInnerPunctuation || flags.contains(.organization) || flags.contains(.place) {
            // Rare enough: the general path.
            classify([NameToken(word: word, text: text, flags: flags)], context: context, field: field,
                     paragraph: paragraph, into: &out)
            return
        }
        // Weekdays, sentence words, titles, adjectives and bare cue words
        // ("Maritime", "Ministry", "Park") name nothing on their own.
        if !flags.isDisjoint(with: [.weekday, .nonName, .title, .adjective, .orgCue, .placeCue, .otherCue]) { return }
        let span = Span(field: field, paragraph: paragraph, start: word.start, end: word.end)
        switch word.shape {
        case .initial, .lower, .number:
            return
        case .allCaps:
            var letters = 0
            var lettersOnly = true
            for b in text.utf8 where b != 0x2E {
                letters += 1
                if !(b >= 0x41 && b <= 0x5A) && b != 0x26 { lettersOnly = false }
            }
            if letters >= 3 && letters <= 6 && lettersOnly {
                var candidate = NameCandidate(span: span, text: text, tokens: [text], guess: .organization(text), context: context)
                candidate.flags = flags
                out.append(candidate)
            }
        case .capitalised, .uncased:
            if Self.endsWithMinistry(text) {
                out.append(NameCandidate(span: span, text: text, tokens: [text], guess: .organization(text), context: context))
                return
            }
            if word.end - word.start < 2 { return }
            if Self.isCamelCase(text) {
                out.append(NameCandidate(span: span, text: text, tokens: [text], guess: .organization(text), context: context))
                return
            }
            var candidate = NameCandidate(span: span, text: text, tokens: [], guess: .single, context: context)
            candidate.flags = flags
            out.append(candidate)
        }
    }

    /// "CoinHarbor", "PayPal": an upper-case letter after a lower-case one
    /// inside a word names a company; "McDonald", "DeSantis", "LaGuardia" are people.
    static func isCamelCase(_ word: String) -> Bool {
        // The word's own bytes (no array made for every capitalised word).
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            var k = 2
            while k < bytes.count {
                if bytes[k] >= 0x41 && bytes[k] <= 0x5A && bytes[k - 1] >= 0x61 && bytes[k - 1] <= 0x7A {
                    let prefix = String(decoding: bytes[..<k], as: UTF8.self)
                    return !["Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Fitz", "Du", "Del"].contains(prefix)
                }
                k += 1
            }
            return false
        }
    }

    private static let ministry = Array("Ministry".utf8)

    /// "HealthMinistry", "Ministry": the word ends with "Ministry", compared by bytes.
    static func endsWithMinistry(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { b in b.count >= ministry.count && b[(b.count - ministry.count)...].elementsEqual(ministry) }
    }

    /// Classifies the words before and after `tokens[k]` as separate runs,
    /// dropping the word at `k` (a weekday, a demonym, a compound) from both.
    /// The dropped word is the context of the words after it unless
    /// `dropsContext` (a compound such as `Austin-based` says nothing of them).
    func classifyApart(
        _ tokens: [NameToken], droppingAt k: Int, context: NameContext, field: Span.Field, paragraph: Int,
        prefixOnly: Bool, dropsContext: Bool = false, into out: inout [NameCandidate]
    ) {
        if k > 0 {
            classify(Array(tokens[..<k]), context: context, field: field, paragraph: paragraph,
                     prefixOnly: prefixOnly, into: &out)
        }
        if k + 1 < tokens.count {
            var rest = context
            rest.sentenceInitial = false
            rest.titled = false
            rest.before = dropsContext ? nil : tokens[k].text.lowercased()
            classify(Array(tokens[(k + 1)...]), context: rest, field: field, paragraph: paragraph,
                     prefixOnly: prefixOnly, into: &out)
        }
    }

    /// Classifies one run, splitting it where titles, weekdays or known places divide it.
    func classify(
        _ run: [NameToken], context: NameContext, field: Span.Field, paragraph: Int,
        prefixOnly: Bool = false, into out: inout [NameCandidate]
    ) {
        var tokens = run
        var context = context
        // Weekdays never belong to a name: split around them.
        if let k = tokens.firstIndex(where: { $0.flags.contains(.weekday) }) {
            classifyApart(tokens, droppingAt: k, context: context, field: field, paragraph: paragraph,
                          prefixOnly: prefixOnly, into: &out)
            return
        }
        // "Austin-based", "Bush-led", "I’m": a compound adjective or a contraction
        // is no part of a name; the words on either side are classified apart.
        if let k = tokens.firstIndex(where: { token in
            token.word.hasInnerPunctuation && (isAdjectiveCompound(token.text) || isContraction(token.text))
        }) {
            classifyApart(tokens, droppingAt: k, context: context, field: field, paragraph: paragraph,
                          prefixOnly: prefixOnly, dropsContext: true, into: &out)
            return
        }
        // A known name as a whole wins over stripping its first word ("Islamic State").
        var wholeLookedUp = false
        var whole = ""
        if tokens.count > 1, tokens[0].word.sentenceInitial || tokens[0].flags.contains(.nonName) {
            wholeLookedUp = true
            whole = tokens.map(\.text).joined(separator: " ")
            if let org = gazetteer.organization(whole) {
                emit(tokens, .organization(org), context, field, paragraph, &out); return
            }
            if let place = gazetteer.placeName(whole) {
                emit(tokens, .place(place), context, field, paragraph, &out); return
            }
        }
        // Sentence starters and other non-names at the front are not part of the name.
        var strippedArticle = false
        while let first = tokens.first,
              first.flags.contains(.nonName)
                && !(tokens.count > 1 && first.flags.contains(.givenName))
                || (first.word.shape == .lower)
                || (first.word.sentenceInitial && tokens.count > 1 && isCommonWord(first.text)) {
            context.before = first.text.lowercased()
            context.sentenceInitial = false
            strippedArticle = strippedArticle || first.text == "A" || first.text == "An" || first.text == "The"
            tokens.removeFirst()
            wholeLookedUp = false
        }
        while let last = tokens.last, last.word.shape == .lower { tokens.removeLast(); wholeLookedUp = false }
        guard !tokens.isEmpty else { return }

        // Tokens unchanged since the whole run was joined: the same phrase.
        let phrase = wholeLookedUp ? whole : tokens.count == 1 ? tokens[0].text : tokens.map(\.text).joined(separator: " ")
        let single = tokens.count == 1
        // Unchanged since the lookups of the whole run above: known to be neither.
        if !wholeLookedUp, !single || tokens[0].flags.contains(.organization), let org = gazetteer.organization(phrase) {
            emit(tokens, .organization(org), context, field, paragraph, &out); return
        }
        if !wholeLookedUp, !single || tokens[0].flags.contains(.place), let place = gazetteer.placeName(phrase) {
            // "Arctic fisheries", "Atlantic fleet": a place used as an adjective is no mention.
            if single, tokens[0].flags.contains(.demonym), let after = context.after,
               after.utf8.first.map({ $0 >= 0x61 && $0 <= 0x7A }) == true, !NameLists.placeFollowers.contains(after) {
                return
            }
            emit(tokens, .place(place), context, field, paragraph, &out); return
        }
        // Closed-class words inside a capitalised run make it a title of a
        // work or a slogan ("Gone With The Wind"), not a name.
        if tokens.count > 2, tokens.dropFirst().contains(where: { $0.flags.contains(.closedClass) }) {
            if !prefixOnly { emit(tokens, .other, context, field, paragraph, &out) }
            return
        }

        // Titles: the name follows the last title in the run.
        if let title = lastTitle(in: tokens) {
            let prefix = Array(tokens[..<title.start])
            let rest = Array(tokens[title.end...])
            if !prefix.isEmpty {
                var prefixContext = context
                prefixContext.after = tokens[title.start].text.lowercased()
                classify(prefix, context: prefixContext, field: field, paragraph: paragraph,
                         prefixOnly: true, into: &out)
            }
            if !rest.isEmpty {
                var restContext = context
                restContext.titled = true
                restContext.sentenceInitial = false
                restContext.before = tokens[title.end - 1].text.lowercased()
                classify(rest, context: restContext, field: field, paragraph: paragraph,
                         prefixOnly: prefixOnly, into: &out)
            }
            return
        }

        if tokens.count > 1 && tokens.contains(where: { $0.flags.contains(.orgCue) })
            || tokens.count == 1 && Self.endsWithMinistry(tokens[0].text) {
            emit(tokens, .organization(phrase), context, field, paragraph, &out); return
        }
        // "Central Park" is a place, "Helen Park" a person.
        if tokens.count > 1, let last = tokens.last, last.flags.contains(.placeCue),
           !tokens[tokens.count - 2].flags.contains(.givenName) {
            emit(tokens, .place(phrase), context, field, paragraph, &out); return
        }
        // The last word before a numeral ("World War II") counts as the last.
        let lastWord = tokens.count > 2 && NameLists.nameSuffixes.contains(tokens[tokens.count - 1].text)
            ? tokens[tokens.count - 2] : tokens[tokens.count - 1]
        if tokens.count > 1,
           lastWord.flags.contains(.otherCue) || NameLists.eventStarts.contains(tokens[0].text) {
            if !prefixOnly { emit(tokens, .other, context, field, paragraph, &out) }
            return
        }
        // "South Side", "West End": a direction and one more word is a district.
        if tokens.count == 2, tokens[0].flags.contains(.direction), !tokens[1].flags.contains(.givenName) {
            emit(tokens, .place(phrase), context, field, paragraph, &out); return
        }
        // "South Florida", "Northern Ireland": a direction and a place is a place.
        if tokens.count > 1, tokens[0].flags.contains(.direction),
           gazetteer.place(tokens.dropFirst().map(\.text).joined(separator: " ")) != nil {
            emit(tokens, .place(phrase), context, field, paragraph, &out); return
        }
        // "San Bernardino", "Fort Worth", "Lake Tahoe".
        if tokens.count > 1, tokens[0].flags.contains(.placeStart) {
            emit(tokens, .place(phrase), context, field, paragraph, &out); return
        }

        if tokens.count == 1 {
            let token = tokens[0]
            if !token.flags.isDisjoint(with: [.adjective, .nonName]) { return }
            if token.word.shape == .initial { return }
            if token.word.shape == .allCaps {
                // Unknown acronyms of three letters or more are mostly organisations.
                let letters = token.text.utf8.filter { $0 != 0x2E }.count
                let lettersOnly = token.text.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E || $0 == 0x26 }
                if letters >= 3 && letters <= 6 && lettersOnly && !prefixOnly {
                    emit(tokens, .organization(token.text), context, field, paragraph, &out)
                }
                return
            }
            if token.text.utf8.count < 2 { return }
            if prefixOnly && !context.titled { return }
            emit(tokens, .single, context, field, paragraph, &out)
            return
        }

        // Several words. Known places or organisations at the front or the back split off.
        if let split = splitKnown(tokens) {
            for (part, isKnown) in split {
                var partContext = context
                if part.first?.word.start != tokens.first?.word.start {
                    partContext.sentenceInitial = false
                    partContext.titled = false
                }
                if isKnown {
                    classify(part, context: partContext, field: field, paragraph: paragraph,
                             prefixOnly: prefixOnly, into: &out)
                } else {
                    classify(part, context: partContext, field: field, paragraph: paragraph,
                             prefixOnly: prefixOnly, into: &out)
                }
            }
            return
        }
        // A demonym or party adjective describes the name ("Ukrainian Oleksandr
        // Syrskyi", "Florida Latino voters"): split there, drop the adjective.
        if let k = tokens.firstIndex(where: { $0.flags.contains(.adjective) })
            , k == tokens.count - 1 || !tokens[k].flags.contains(.givenName) {
            classifyApart(tokens, droppingAt: k, context: context, field: field, paragraph: paragraph,
                          prefixOnly: prefixOnly, into: &out)
            return
        }
        if prefixOnly { return }
        // ALL-CAPS runs outside subheads are headings or acronyms, not names.
        if tokens.allSatisfy({ $0.word.shape == .allCaps || $0.word.shape == .initial }) { return }
        // A place first ("Denver Broncos", "Boston Provident") or an acronym
        // inside ("Priorities USA Action") makes an organisation, not a person.
        var firstIsPlace = tokens[0].flags.contains(.place) && !tokens[0].flags.contains(.givenName)
        if !firstIsPlace, tokens.count > 2 {
            // "New York Jets": a place of several words in front.
            for m in 2..<min(4, tokens.count) where gazetteer.place(tokens[..<m].map(\.text).joined(separator: " ")) != nil {
                firstIsPlace = true
            }
        }
        let hasAcronym = tokens.contains { $0.word.shape == .allCaps && !NameLists.nameSuffixes.contains($0.text) }
        if firstIsPlace || hasAcronym {
            emit(tokens, .organization(phrase), context, field, paragraph, &out); return
        }
        // "Celebrities Julianne Moore", "Hall of Famer Angelo Dundee": words in
        // front of a given name that are no names themselves stay out of it.
        if tokens.count > 2, let k = tokens.indices.dropFirst().first(where: { tokens[$0].flags.contains(.givenName) }),
           tokens.count - k >= 2, !tokens[..<k].contains(where: { $0.flags.contains(.givenName) }) {
            var rest = context
            rest.sentenceInitial = false
            rest.before = tokens[k - 1].text.lowercased()
            classify(Array(tokens[..<k]), context: context, field: field, paragraph: paragraph, prefixOnly: true, into: &out)
            classify(Array(tokens[k...]), context: rest, field: field, paragraph: paragraph, prefixOnly: prefixOnly, into: &out)
            return
        }
        // "A Cold Wanderer", "The Long Night": capitalised words after a
        // capitalised article are a title, not a person.
        if strippedArticle && !tokens.contains(where: { $0.flags.contains(.givenName) }) {
            emit(tokens, .other, context, field, paragraph, &out); return
        }
        emit(tokens, .person, context, field, paragraph, &out)
    }

    /// "Austin-based", "Prize-winning": the part after the last hyphen is lower case.
    private func isAdjectiveCompound(_ word: String) -> Bool {
        for prefix in ["Pro-", "Anti-", "Ex-", "Post-", "Pre-", "Non-", "Neo-", "Mid-", "Co-", "Pan-", "Self-"]
            where word.hasPrefix(prefix) {
            return true
        }
        guard let dash = word.utf8.lastIndex(of: 0x2D) else { return false }
        let after = word.utf8[word.utf8.index(after: dash)...]
        guard let first = after.first, first >= 0x61, first <= 0x7A else { return false }
        return !gazetteer.nameConnectors.contains(String(word[..<dash]))
    }

    /// "I’m", "I'd", "They’ll": a word with an apostrophe and a lower-case ending
    /// of a contraction.
    private func isContraction(_ word: String) -> Bool {
        for ending in ["’m", "'m", "’d", "'d", "’ll", "'ll", "’ve", "'ve", "’re", "'re", "n’t", "n't"] where word.hasSuffix(ending) {
            return true
        }
        return false
    }

    /// A word that starts sentences but is no name: it is written in lower
    /// case elsewhere in English (approximated by the non-name and role lists).
    private func isCommonWord(_ word: String) -> Bool {
        if gazetteer.givenNames.contains(word) || gazetteer.titles.contains(word) { return false }
        let lower = word.lowercased()
        // `Rebuking Trump, Ryan …`, `Impeaching Trump …`: a gerund opening the sentence.
        if lower.utf8.count >= 6, lower.hasSuffix("ing") { return true }
        return gazetteer.roleNouns.contains(lower) || gazetteer.pronouns.contains(lower)
            || gazetteer.speechVerbs.contains(lower)
    }

    /// The last title phrase in the run that leaves a name after it, as a token range.
    private func lastTitle(in tokens: [NameToken]) -> (start: Int, end: Int)? {
        var found: (start: Int, end: Int)?
        var k = 0
        while k < tokens.count {
            guard tokens[k].flags.contains(.titleFirst) else { k += 1; continue }
            var matched = 0
            let longest = min(gazetteer.longestTitleByFirstWord[tokens[k].text] ?? gazetteer.longestTitle, tokens.count - k)
            if longest > 0 {
                for m in stride(from: longest, through: 1, by: -1) {
                    // One word is a title when its flags say so; no string to build and hash.
                    if m == 1 { if tokens[k].flags.contains(.title) { matched = 1 }; break }
                    let phrase = tokens[k..<(k + m)].map(\.text).joined(separator: " ")
                    if gazetteer.titles.contains(phrase) { matched = m; break }
                }
            }
            if matched > 0 {
                // A given name before the title makes it a surname ("Stephen King").
                if k > 0, tokens[0].flags.contains(.givenName), found == nil { break }
                let rest = tokens[(k + matched)...]
                let restIsOrganization = rest.contains { $0.flags.contains(.orgCue) }
                if !restIsOrganization { found = (k, k + matched) }
                k += matched
            } else {
                k += 1
            }
        }
        return found
    }

    /// Splits a run where a known place or organisation stands at its front or
    /// back ("U.S. Rubio", "Ukraine Russia", "Biden White House"); nil when nothing splits.
    private func splitKnown(_ tokens: [NameToken]) -> [([NameToken], Bool)]? {
        // Every word a place of its own: "in Ukraine Russia had".
        if tokens.allSatisfy({ $0.flags.contains(.place) }) {
            return tokens.map { ([$0], true) }
        }
        let first = tokens[0]
        if first.word.shape == .allCaps, !first.flags.isDisjoint(with: [.place, .organization]) {
            return [([first], true), (Array(tokens.dropFirst()), false)]
        }
        let maxTail = min(3, tokens.count - 1)
        if maxTail >= 2 {
            for m in stride(from: maxTail, through: 2, by: -1) {
                let tail = Array(tokens.suffix(m))
                let phrase = tail.map(\.text).joined(separator: " ")
                if gazetteer.organization(phrase) != nil || gazetteer.place(phrase) != nil {
                    return [(Array(tokens.dropLast(m)), false), (tail, true)]
                }
            }
        }
        return nil
    }

    private func emit(
        _ tokens: [NameToken], _ guess: NameGuess, _ context: NameContext, _ field: Span.Field,
        _ paragraph: Int, _ out: inout [NameCandidate]
    ) {
        guard let first = tokens.first, let last = tokens.last else { return }
        let span = Span(field: field, paragraph: paragraph, start: first.word.start, end: last.word.end)
        // The caller replaces this with the bytes as written.
        let text = tokens.count == 1 ? tokens[0].text : ""
        var words: [String] = []
        words.reserveCapacity(tokens.count)
        for token in tokens where token.word.shape != .lower { words.append(token.text) }
        var candidate = NameCandidate(span: span, text: text, tokens: words, guess: guess, context: context)
        candidate.secondStart = tokens.count > 1 ? tokens[1].word.start : nil
        if tokens.count == 1 { candidate.flags = tokens[0].flags }
        out.append(candidate)
    }
}

/// Small closed word lists the run classifier tests words against.
enum NameLists {
    /// Words that may stand between two capitalised words of one name when
    /// the word before is one of `ofHeads` ("Secretary of State", "Bank of England").
    static let ofHeads: Set<String> = [
        "Republic", "House", "Horn", "Strait", "Gulf", "District", "Duke", "Duchess", "Prince",
        "Princess", "King", "Queen", "Isle", "Bay", "Sea", "Chamber", "Head", "Chief", "State",
        "States", "City", "Secretary", "Minister", "Ministry", "Department", "Bank", "University",
        "Church", "Court", "Museum", "Institute", "School", "College", "Office", "Board", "Council",
        "Commission", "Union", "Federation", "League", "Party", "Army", "Attorney", "Director",
        "Cabinet", "Lord", "Lady", "Commonwealth", "Kingdom", "Order", "Society", "Academy",
        "Association", "Organization", "Organisation", "Agency", "Bureau", "Authority", "Centre",
        "Center", "Governor", "Mayor", "Sultan", "Emir", "Emirate", "Province", "Region", "County",
    ]
    /// Lower-case words that may follow a place noun (so "Arctic is" is a place, "Arctic fleet" is not).
    static let placeFollowers: Set<String> = [
        "is", "was", "has", "had", "have", "and", "or", "but", "on", "in", "at", "to", "with", "of", "from",
        "for", "where", "which", "that", "who", "said", "says", "will", "would", "could", "can", "may",
        "might", "must", "should", "as", "after", "before", "since", "while", "remains", "remained", "by",
    ]
    /// Function words that never stand inside a person's or organisation's name.
    static let closedClass: Set<String> = [
        "I", "A", "An", "The", "And", "Or", "Of", "In", "On", "At", "To", "With", "For", "From", "By", "Is",
        "Are", "Was", "Be", "My", "Your", "Our", "Me", "We", "You", "It", "Not", "No", "Till", "Until", "Up",
        "Down", "Out", "Off", "Over", "Into", "Can", "Will", "Do", "Don’t", "Don't",
    ]
    static let directions: Set<String> = [
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
        "Upper", "Lower", "Greater", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
        "Northwestern", "Southeastern", "Southwestern", "Inner", "Outer",
    ]
    /// First words of place names ("San Bernardino", "Fort Worth").
    static let placeStarts: Set<String> = [
        "San", "Santa", "Santo", "São", "Los", "Las", "Fort", "Ft.", "Port", "Mount", "Mt.", "Lake", "Cape",
        "Saint", "St.", "Sainte", "Ste.", "Puerto", "Rio", "Bahia", "Costa", "Isla", "Ciudad", "Nueva", "Nuevo",
    ]
    /// First words of named storms and operations ("Typhoon Malaya").
    static let eventStarts: Set<String> = ["Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical", "Operation"]
    /// Generational suffixes that end a person's name ("Ronald Ames III").
    static let nameSuffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V"]
    static let weekdays: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
}
