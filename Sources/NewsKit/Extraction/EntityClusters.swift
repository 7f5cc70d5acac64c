/// Joins mentions into entities: full names first, then surnames and short
/// forms to the full name they stand for, then known names in lookup fields.
struct EntityClusters {
    struct Cluster {
        var type: EntityType
        /// Canonical key for places and organisations; empty for people.
        var key: String
        var mentions: [(span: Span, text: String, order: Int)] = []
        /// Upper-cased first names and surnames of a person (for matching).
        var firstNames: NameForms = []
        var lastNames: NameForms = []
        /// Upper-cased full forms, for lookups in headlines and subheads.
        var forms: NameForms = []
        /// A known canonical name (gazetteer places and organisations).
        var knownName: String?
        /// Made from lone capitalised words with no other evidence: kept only
        /// when the word recurs.
        var weak = false
    }

    let gazetteer: Gazetteer
    var clusters: [Cluster] = []
    private struct Key: Hashable {
        var type: EntityType
        var name: String
    }
    private var keyed: [Key: Int] = [:]
    /// People by upper-cased surname and by first name, so that a lone word
    /// finds its person without a scan of every cluster.
    private var bySurname: [String: [Int]] = [:]
    /// Organisations by the upper-cased first word of their name (-1 when several share it).
    private var orgFirstWords: [String: Int] = [:]
    /// The dateline's places, upper-cased: the story itself says these
    /// words are places (`BERGEN, Norway (Nordwire) -` makes a later bare
    /// "Bergen" the town, not the first word of "Bergen Pilots Association").
    var datelinePlaces: Set<String> = []
    private var byFirstName: [String: [Int]] = [:]

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V"]
    /// Prepositions after which an unknown capitalised word is most likely a place.
    static let strongPlacePrepositions: Set<String> = [
        "in", "from", "near", "outside", "throughout", "across", "inside", "visit", "visited", "visiting", "toured",
        "off",
    ]
    /// Nouns that make the capitalised word before them a place ("the Tagus river").
    static let placeNouns: Set<String> = [
        "river", "sea", "lake", "island", "islands", "mountains", "valley", "region", "province", "county",
        "peninsula", "coast", "strait", "bay", "harbour", "harbor", "archipelago", "delta", "basin",
    ]
    static let cityWords: Set<String> = [
        "city", "town", "village", "province", "region", "state", "district", "county", "port", "capital",
    ]

    mutating func add(_ candidates: [NameCandidate]) {
        // Room for every candidate up front: growing a dictionary hashes all its keys again.
        clusters.reserveCapacity(candidates.count)
        keyed.reserveCapacity(candidates.count)
        bySurname.reserveCapacity(candidates.count)
        byFirstName.reserveCapacity(candidates.count)
        // Full names, in story order.
        for candidate in candidates where candidate.guess == .person {
            addPerson(candidate)
        }
        for candidate in candidates {
            switch candidate.guess {
            case .organization(let name): addKeyed(.organization, name, candidate)
            case .place(let name): addKeyed(.place, name, candidate)
            case .other: addKeyed(.other, candidate.text, candidate)
            default: break
            }
        }
        mergeAcronyms()
        // "Nordvale" for "Nordvale Shipping": the first word of a many-word
        // organisation, when no other organisation starts with it.
        for index in clusters.indices where clusters[index].type == .organization {
            // The first word and whether another follows, by bytes (spaces only separate).
            let key = Array(clusters[index].key.utf8)
            var start = 0
            while start < key.count, key[start] == 0x20 { start += 1 }
            var end = start
            while end < key.count, key[end] != 0x20 { end += 1 }
            guard end - start > 2, key[end...].contains(where: { $0 != 0x20 }) else { continue }
            let folded = String(decoding: key[start..<end], as: UTF8.self).uppercased()
            orgFirstWords[folded] = orgFirstWords[folded] == nil ? index : -1
        }
        let singles = candidates.filter { $0.guess == .single }
        // Singles with evidence of a person make people of their own ("President Trump").
        let folded = singles.map { $0.firstWord.uppercased() }
        for (single, fold) in zip(singles, folded) where bySurname[fold] == nil {
            if single.flags.contains(.organization) { continue }
            let context = single.context
            let saidAfter = context.after.map { gazetteer.speechVerbs.contains($0) } ?? false
            let roleBefore = context.before.map { gazetteer.roleNouns.contains($0) } ?? false
            let isPlace = single.flags.contains(.place)
            if context.titled || (!isPlace && (roleBefore || saidAfter && !context.sentenceInitial)) {
                var cluster = Cluster(type: .person, key: "")
                cluster.lastNames = [fold]
                clusters.append(cluster)
                bySurname[fold, default: []].append(clusters.count - 1)
            }
        }
        for (single, fold) in zip(singles, folded) { resolve(single, folded: fold) }
    }

    private mutating func addPerson(_ candidate: NameCandidate) {
        var tokens = candidate.tokens
        while tokens.count > 1, let last = tokens.last, Self.suffixes.contains(last) { tokens.removeLast() }
        guard let firstToken = tokens.first, let lastToken = tokens.last else { return }
        let first = firstToken.uppercased()
        let last = lastToken.uppercased()
        let form = tokens.joined(separator: " ").uppercased()
        let isInitial = firstToken.utf8.count == 2 && firstToken.hasSuffix(".")
        for index in bySurname[last] ?? [] {
            // The copy of the cluster must be gone before the append below: while it
            // lives, the append copies every mention (quadratic for a name used
            // thousands of times).
            let sameFirst: Bool
            do {
                let cluster = clusters[index]
                sameFirst = cluster.firstNames.contains(first)
                    || cluster.firstNames.isEmpty
                    || cluster.firstNames.contains { isInitial ? $0.first == first.first : ($0.utf8.count == 2 && $0.hasSuffix(".") && $0.first == first.first) }
                    || cluster.forms.contains { Self.endsWithWord($0, form) || Self.endsWithWord(form, $0) }
            }
            if sameFirst {
                if clusters[index].firstNames.insert(first).inserted { byFirstName[first, default: []].append(index) }
                clusters[index].forms.insert(form)
                clusters[index].mentions.append((candidate.span, candidate.text, candidate.order))
                return
            }
        }
        var cluster = Cluster(type: .person, key: "")
        cluster.firstNames = [first]
        cluster.lastNames = [last]
        cluster.forms = [form]
        cluster.mentions = [(candidate.span, candidate.text, candidate.order)]
        clusters.append(cluster)
        bySurname[last, default: []].append(clusters.count - 1)
        byFirstName[first, default: []].append(clusters.count - 1)
    }

    /// Whether `text` ends with a space and then `word`, compared by bytes
    /// (no `" " + word` string made for every form of every cluster).
    static func endsWithWord(_ text: String, _ word: String) -> Bool {
        let t = text.utf8, w = word.utf8
        guard t.count > w.count else { return false }
        return t.suffix(w.count).elementsEqual(w) && t.dropLast(w.count).last == 0x20
    }

    private mutating func addKeyed(_ type: EntityType, _ name: String, _ candidate: NameCandidate) {
        let index = keyedCluster(type, name)
        clusters[index].mentions.append((candidate.span, candidate.text, candidate.order))
        clusters[index].forms.insert(candidate.text.uppercased())
    }

    private mutating func keyedCluster(_ type: EntityType, _ name: String) -> Int {
        let upper = name.uppercased()
        let key = Key(type: type, name: upper)
        if let index = keyed[key] { return index }
        var cluster = Cluster(type: type, key: name)
        cluster.forms = [upper]
        if type == .place, gazetteer.placeNames.contains(name) {
            cluster.knownName = name
        }
        if type == .organization, gazetteer.organizations.contains(name) { cluster.knownName = name }
        clusters.append(cluster)
        keyed[key] = clusters.count - 1
        return clusters.count - 1
    }

    /// "EU" and "European Union" in one story are one organisation: an acronym
    /// joins the organisation whose capitalised words it abbreviates.
    private mutating func mergeAcronyms() {
        // Scans key bytes: this runs for every story, and Character-level
        // splitting cost more than the rest of clustering.
        var byInitials: [[UInt8]: Int] = [:]
        var acronyms: [(index: Int, letters: [UInt8])] = []
        // By index, not a copy of every cluster (six retains and releases each).
        for index in clusters.indices where clusters[index].type == .organization {
            var initials: [UInt8] = []
            var letters: [UInt8] = []
            var words = 0
            var atWordStart = true
            var allCaps = true
            for b in clusters[index].key.utf8 {
                if b == 0x20 { atWordStart = true; continue }
                if atWordStart {
                    words += 1
                    if b >= 0x41 && b <= 0x5A { initials.append(b) }
                    atWordStart = false
                }
                if b >= 0x41 && b <= 0x5A { letters.append(b) } else if b != 0x2E { allCaps = false }
            }
            if words > 1 && initials.count > 1 { byInitials[initials] = index }
            if words == 1 && allCaps && letters.count >= 2 && letters.count <= 6 { acronyms.append((index, letters)) }
        }
        guard !byInitials.isEmpty else { return }
        for (index, letters) in acronyms {
            guard let target = byInitials[letters], target != index else { continue }
            clusters[target].mentions.append(contentsOf: clusters[index].mentions)
            clusters[target].forms.formUnion(clusters[index].forms)
            clusters[index].mentions = []
            clusters[index].knownName = nil
            keyed[Key(type: .organization, name: String(decoding: letters, as: UTF8.self))] = target
        }
    }

    /// One capitalised word: a surname, a place, an organisation or nothing.
    private mutating func resolve(_ single: NameCandidate, folded: String) {
        let word = single.firstWord
        let context = single.context
        let mention = (single.span, single.text, single.order)
        let afterPreposition = context.before.map { NameRunClassifier.locationPrepositions.contains($0) } ?? false
        let strongPreposition = context.before.map { Self.strongPlacePrepositions.contains($0) } ?? false
        let afterCityOf = context.before == "of" && (context.twoBefore.map { Self.cityWords.contains($0) } ?? false)
        let flags = single.flags
        if afterPreposition || afterCityOf, flags.contains(.place), let place = gazetteer.placeName(word) {
            addKeyed(.place, place, single); return
        }
        if let index = Self.nearest(bySurname[folded] ?? [], to: single.order, in: clusters) {
            clusters[index].mentions.append(mention); return
        }
        if datelinePlaces.contains(folded) {
            addKeyed(.place, gazetteer.place(word) ?? titleCased(word), single); return
        }
        if flags.contains(.place), let place = gazetteer.placeName(word) { addKeyed(.place, place, single); return }
        if flags.contains(.organization), let org = gazetteer.organization(word) { addKeyed(.organization, org, single); return }
        if let index = keyed[Key(type: .organization, name: folded)] { clusters[index].mentions.append(mention); return }
        if let index = orgFirstWords[folded], index >= 0, !context.titled {
            clusters[index].mentions.append(mention); return
        }
        if let people = byFirstName[folded], people.count == 1 { clusters[people[0]].mentions.append(mention); return }
        if context.sentenceInitial { return }
        let placeNounAfter = context.after.map { Self.placeNouns.contains($0) } ?? false
        if (strongPreposition || afterCityOf || placeNounAfter) && !gazetteer.givenNames.contains(word)
            && !word.utf8.contains(0x2D) {
            addKeyed(.place, word, single); return
        }
        if gazetteer.isRoleNoun(word) || gazetteer.isPronoun(word) { return }
        let index = keyedCluster(.other, word)
        if clusters[index].mentions.isEmpty { clusters[index].weak = true }
        clusters[index].mentions.append(mention)
    }

    /// The cluster with the latest mention before `order`, else the earliest after it.
    /// Static, on the clusters alone: a method on `self` called from the
    /// mutating `resolve` copied the whole cluster set for every lone word.
    private static func nearest(_ indices: [Int], to order: Int, in clusters: [Cluster]) -> Int? {
        guard indices.count > 1 else { return indices.first }
        var best: (index: Int, order: Int)?
        for index in indices {
            for mention in clusters[index].mentions where mention.order < order {
                if best == nil || mention.order > best!.order { best = (index, mention.order) }
            }
        }
        if let best { return best.index }
        var earliest: (index: Int, order: Int)?
        for index in indices {
            if let first = clusters[index].mentions.map(\.order).min(), earliest == nil || first < earliest!.order {
                earliest = (index, first)
            }
        }
        return earliest?.index ?? indices.first
    }

    mutating func addPlaceWithoutMention(_ place: String) {
        let name = gazetteer.place(place) ?? titleCased(place)
        let upper = name.uppercased()
        // `BRELMOUTH (Reuters) -` over `the Brelmouth city council`: the dateline says the
        // body's word is the place, which keeps its mentions (no second, empty entity).
        if keyed[Key(type: .place, name: upper)] == nil, let other = keyed[Key(type: .other, name: upper)] {
            clusters[other].type = .place
            keyed[Key(type: .other, name: upper)] = nil
            keyed[Key(type: .place, name: upper)] = other
            clusters[other].knownName = name
            clusters[other].weak = false
            return
        }
        let index = keyedCluster(.place, name)
        clusters[index].knownName = name
    }

    /// Known names in a field whose capitals prove nothing (Title Case
    /// headline, ALL-CAPS subhead) or whose names came from the parser (credits).
    /// Upper-cased forms of every entity found so far (full forms, and
    /// surnames that only one person has), for lookup fields.
    func knownForms() -> [String: Int] {
        var forms: [String: Int] = [:]
        forms.reserveCapacity(clusters.count * 3)
        var lastNameCount: [String: Int] = [:]
        // By index: a `for cluster in clusters` loop copied each cluster (six retains and releases).
        for index in clusters.indices where clusters[index].type == .person {
            for last in clusters[index].lastNames { lastNameCount[last, default: 0] += 1 }
        }
        for index in clusters.indices where !clusters[index].mentions.isEmpty {
            for form in clusters[index].forms { forms[form] = index }
            if clusters[index].type == .person {
                for last in clusters[index].lastNames where lastNameCount[last] == 1 { forms[last] = index }
            }
        }
        return forms
    }

    /// `knownKeys` holds `FoldedKeys` of `known`'s forms.
    mutating func addKnownNames(in lookup: LookupField, story: Story, known: [String: Int], knownKeys: FoldedKeys) {
        let text = story.text(of: lookup.field, paragraph: lookup.paragraph)
        let scanner = NameScanner(gazetteer: gazetteer)
        let words = scanner.words(in: text).filter { word in
            word.isNameLike && lookup.range.contains(word.start)
                && !lookup.taken.contains(where: { $0.contains(word.start) })
        }
        let forms = lookup.gazetteerOnly ? [:] : known
        let formKeys = lookup.gazetteerOnly ? FoldedKeys([String]()) : knownKeys
        var copy = text
        copy.withUTF8 { p in
            var i = 0
            while i < words.count {
                var matched = 0
                let longest = min(4, words.count - i)
                for m in stride(from: longest, through: 1, by: -1) {
                    // The words must follow each other with only spaces between.
                    if m > 1, !(1..<m).allSatisfy({ words[i + $0].gap == .space && !words[i + $0 - 1].possessive }) { continue }
                    let start = words[i].start
                    let end = words[i + m - 1].end
                    // Upper-cased, the phrase is no form of the story's and none of
                    // the gazetteer's: no match, and no strings to find that out.
                    if formKeys.excludes(p, start, end) && gazetteer.foldedNameKeys.excludes(p, start, end) { continue }
                    let phrase = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
                    let upper = phrase.uppercased()
                    let span = Span(field: lookup.field, paragraph: lookup.paragraph, start: start, end: end)
                    // Made only for a match: most phrases tried match nothing, and
                    // each candidate cost an array for its one token.
                    func candidate(_ guess: NameGuess) -> NameCandidate {
                        var c = NameCandidate(span: span, text: phrase, tokens: [phrase], guess: guess, context: NameContext())
                        c.order = Int.max
                        return c
                    }
                    if let index = forms[upper] {
                        clusters[index].mentions.append((span, phrase, Int.max))
                    } else if let place = gazetteer.foldedPlaces[upper], m > 1 || !gazetteer.nonNames.contains(titleCased(phrase)) {
                        addKeyed(.place, place, candidate(.place(place)))
                    } else if let org = gazetteer.foldedOrganizations[upper], upper.utf8.count > 2 || phrase == org {
                        addKeyed(.organization, org, candidate(.single))
                    } else {
                        continue
                    }
                    matched = m
                    break
                }
                i += max(matched, 1)
            }
        }
    }

    /// The entities, each with mentions in story order, ordered by first mention.
    func entities(story: Story) -> [Entity] {
        func rank(_ span: Span) -> (Int, Int, Int) {
            let field: Int
            switch span.field {
            case .headline: field = 0
            case .byline: field = 1
            case .body: field = 2
            }
            return (field, span.paragraph, span.start)
        }
        var result: [(Entity, (Int, Int, Int))] = []
        for cluster in clusters {
            var mentions: [Mention] = []
            mentions.reserveCapacity(cluster.mentions.count)
            // Mentions mostly arrive in story order already: sort only when they did not.
            var inOrder = true
            for k in cluster.mentions.indices.dropFirst() where rank(cluster.mentions[k].span) < rank(cluster.mentions[k - 1].span) {
                inOrder = false
                break
            }
            let ordered = inOrder ? cluster.mentions : cluster.mentions.sorted(by: { rank($0.span) < rank($1.span) })
            for mention in ordered where mentions.last?.span != mention.span {
                mentions.append(Mention(text: mention.text, span: mention.span))
            }
            if mentions.isEmpty && cluster.knownName == nil { continue }
            if cluster.weak && mentions.count < 2 { continue }
            // Every entity has a mention to jump to: a dateline place the body
            // never names again stays in the dateline only.
            if mentions.isEmpty { continue }
            let name = canonicalName(cluster, mentions)
            let first = mentions.first.map { rank($0.span) } ?? (3, 0, 0)
            result.append((Entity(name: name, type: cluster.type, mentions: mentions), first))
        }
        // Two clusters may end with one name (a person known only by surname
        // and a place of the same word): keep them, they differ in type.
        return result.sorted { $0.1 < $1.1 }.map(\.0)
    }

    private func canonicalName(_ cluster: Cluster, _ mentions: [Mention]) -> String {
        if cluster.type == .place, let known = cluster.knownName {
            // The fullest written form ("U.S." for a story that never says
            // "United States"); a form seen only in ALL CAPS takes the gazetteer's spelling.
            guard let written = fullest(mentions),
                  written.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) || written.utf8.contains(0x2E)
                  || written.utf8.count <= 3
            else { return known }
            return written
        }
        if let known = cluster.knownName { return known }
        if cluster.type == .place || cluster.type == .organization,
           !cluster.key.isEmpty, cluster.key.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) || mentions.isEmpty {
            // Prefer the fullest written form over the key when they differ only in case.
            if let fullest = fullest(mentions), fullest.uppercased() == cluster.key.uppercased() { return fullest }
            return cluster.key
        }
        guard let name = fullest(mentions) else { return cluster.key }
        // A person or place seen only in ALL CAPS (a dateline, a subhead) reads better in title case.
        let shouted = !name.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) && name.utf8.count > 4
        return shouted && cluster.type != .organization ? titleCased(name) : name
    }

    /// The mention with the most words, then the most bytes; mixed case over ALL CAPS.
    private func fullest(_ mentions: [Mention]) -> String? {
        var best: (text: String, score: (Int, Int, Int))?
        for mention in mentions {
            // Spaces and lower-case letters counted in one pass over the bytes in
            // place (the UTF-8 view's iterator, twice, cost most of naming an entity).
            let (words, mixed, count) = mention.text.withUTF8Bytes { b -> (Int, Int, Int) in
                var words = 1, mixed = 0
                for c in b {
                    if c == 0x20 { words += 1 } else if c >= 0x61 && c <= 0x7A { mixed = 1 }
                }
                return (words, mixed, b.count)
            }
            let score = (mixed, words, count)
            if best == nil || score > best!.score { best = (mention.text, score) }
        }
        return best?.text
    }
}

/// A few distinct names in the order first seen. A cluster holds one to a
/// handful, and a `Set` for each cost an allocation and a hash table per
/// cluster: the array is searched instead.
struct NameForms: Sequence, ExpressibleByArrayLiteral {
    private(set) var names: [String] = []

    init(arrayLiteral elements: String...) {
        for name in elements { insert(name) }
    }

    var isEmpty: Bool { names.isEmpty }

    func contains(_ name: String) -> Bool { names.contains(name) }

    /// Adds `name` unless it is there; whether it was added.
    @discardableResult
    mutating func insert(_ name: String) -> (inserted: Bool, memberAfterInsert: String) {
        if let present = names.first(where: { $0 == name }) { return (false, present) }
        names.append(name)
        return (true, name)
    }

    mutating func formUnion(_ other: NameForms) {
        for name in other.names { insert(name) }
    }

    func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }
}

/// The text of a span, or nil when it does not fall on UTF-8 boundaries.
func slice(_ text: String, _ span: Span) -> String? {
    let utf8 = text.utf8
    guard span.start >= 0, span.end <= utf8.count, span.start <= span.end else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: span.start)
    let end = utf8.index(utf8.startIndex, offsetBy: span.end)
    guard let s = String(utf8[start..<end]) else { return nil }
    return s
}
