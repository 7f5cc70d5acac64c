/// Turning a found cue into a speaker, and the walk over a story's quotes.
extension AttributionSession {
    struct Resolved {
        var speaker: String?
        var entity: Int?
        var kind: SpeakerClass
        /// The mention-to-speaker pass that changed the words found ("pronoun",
        /// "organisation-noun"), or the conversation pass that
        /// supplied the speaker; nil when the words found are the speaker.
        var method: String? = nil
    }

    /// Attributes every body quote in order, so that pronouns and follow-on
    /// quotes can use the speakers found before them.
    func attributeBody() -> [Quote] {
        var out: [Quote] = []
        out.reserveCapacity(quotes.count)
        var lastByParagraph: [Int: (speaker: String, entity: Int?, end: Int)] = [:]
        var previousQuoteSpeaker: (speaker: String, entity: Int?, paragraph: Int)?
        let inherit = SpeakerFind(kind: .inherit, text: "", span: nil, cue: nil)
        for var q in quotes {
            guard let first = q.parts.first, let last = q.parts.last else { continue }
            var find: SpeakerFind?
            for part in [first, last] where find == nil || find?.kind == .inherit {
                guard part.field == .body, let t = texts[part.paragraph] else { continue }
                guard let (a, z) = tokenRange(t, part) else { continue }
                if let f = findCue(t, a, z) {
                    if f.kind == .inherit, find != nil { continue }
                    find = f
                }
                if part == first && first == last { break }
            }
            var resolved: Resolved?
            if let f = find, f.kind != .inherit {
                resolved = resolve(f, at: Self.order(f.span ?? first))
            }
            if resolved?.speaker == nil, find == nil, q.kind == .partial, let prev = lastByParagraph[first.paragraph],
               prev.end <= first.start, let t = texts[first.paragraph], let (a, _) = tokenRange(t, first),
               t.tokens[t.sentenceHead[a]].start >= prev.end,
               let f = sentenceSubject(t, from: t.sentenceHead[a], to: a), f.kind == .name || f.kind == .descriptor,
               let r = resolve(f, at: Self.order(f.span ?? first)), r.speaker != nil, r.speaker != prev.speaker {
                // `… ,” Quill said. The agency called the plan “reckless.”`: a later sentence of
                // the paragraph with a subject of its own quotes that subject, not the speaker before.
                resolved = r
                find = SpeakerFind(kind: f.kind, text: f.text, span: f.span, cue: nil,
                                   method: AttributionPass.paraphraseSubject)
            }
            if resolved?.speaker == nil {
                // A follow-on quote: the speaker of the quote before it in the paragraph.
                if let prev = lastByParagraph[first.paragraph], prev.end <= first.start {
                    resolved = Resolved(speaker: prev.speaker, entity: prev.entity, kind: .other,
                                        method: AttributionPass.followOn)
                    if find == nil { find = inherit }
                } else if find?.kind == .inherit, let prev = previousQuoteSpeaker, prev.paragraph >= first.paragraph - 1 {
                    resolved = Resolved(speaker: prev.speaker, entity: prev.entity, kind: .other,
                                        method: AttributionPass.participleInherit)
                } else if startsParagraph(first), let prev = introducedBy(paragraph: first.paragraph - 1,
                                                                            previous: previousQuoteSpeaker) {
                    resolved = prev
                    if find == nil { find = inherit }
                }
            }
            if resolved?.speaker == nil, find == nil, q.kind == .direct, !looksLikeTitle(q),
               let t = texts[first.paragraph], let (a, _) = tokenRange(t, first),
               let r = speakerOfSentence(before: a > 0 && t.roles[a - 1] == .mark ? a - 1 : a, in: t) {
                // `Quill said the talks had failed. “We will not go back.”`: the speaker of the sentence before.
                resolved = r
                resolved?.method = AttributionPass.sentenceBefore
                find = inherit
            }
            if resolved?.speaker == nil, find == nil, q.kind == .direct, !looksLikeTitle(q), startsParagraph(first),
               first.paragraph > 0, let tp = texts[first.paragraph - 1], !tp.tokens.isEmpty,
               let r = speakerOfSentence(before: tp.tokens.count, in: tp) {
                // `Quill said the talks had failed.` ¶ `“We will not go back.”`: a paragraph that is
                // only a quote continues the speaker of the paragraph before's last sentence.
                resolved = r
                resolved?.method = AttributionPass.sentenceBefore
                find = inherit
            }
            if resolved?.speaker == nil, find == nil, q.kind == .direct, !looksLikeTitle(q), startsParagraph(first),
               Self.isWholeSentences(q.text), first.paragraph > 0, let tp = texts[first.paragraph - 1], !tp.tokens.isEmpty,
               let r = topicOfLastSentence(tp) {
                // `Viguerie is upbeat about Cruz.` ¶ `“He can win.”`: the person the paragraph before ends on.
                resolved = r
                resolved?.method = AttributionPass.topicBefore
                find = inherit
            }
            if resolved?.speaker == nil, find == nil, !looksLikeTitle(q),
               let t = texts[first.paragraph], let (a, _) = tokenRange(t, first) {
                // A phrase quoted in someone's paraphrase (`He warned of “a lost decade”`):
                // the subject of its sentence, when that is a person or a pronoun.
                let s = t.sentenceHead[a]
                if let f = sentenceSubject(t, from: s, to: a), f.kind == .name || isPronounFind(f),
                   let r = resolve(f, at: Self.order(f.span ?? first)), r.kind == .person || isPronounFind(f) {
                    resolved = r
                    find = SpeakerFind(kind: f.kind, text: f.text, span: f.span, cue: nil,
                                       method: AttributionPass.paraphraseSubject)
                } else if let f = mainClauseSubject(t, quoteAt: a), let r = resolve(f, at: Self.order(f.span ?? first)),
                          r.speaker != nil {
                    resolved = r
                    find = SpeakerFind(kind: f.kind, text: f.text, span: f.span, cue: nil,
                                       method: AttributionPass.paraphraseSubject)
                }
            }
            if resolved?.speaker == nil, find == nil, let p = partialInClause(q) {
                // A phrase quoted in someone's paraphrase (PartialQuotes.swift).
                resolved = p.resolved
                find = p.find
            }
            q.speaker = resolved?.speaker
            q.speakerEntity = resolved?.entity
            q.cue = find?.cue
            q.speakerSpan = find?.span
            if let s = resolved?.speaker, let r = resolved {
                q.attribution = attribution(r, find: find, speaker: s, kind: q.kind)
                if let f = find, case .pronoun(let g) = f.kind, g == .male || g == .female, let e = r.entity,
                   entities[e].type == .person, gender(ofPerson: entities[e].name) == nil {
                    quotedGender[e] = g
                }
                lastByParagraph[last.paragraph] = (s, resolved?.entity, last.end)
                previousQuoteSpeaker = (s, resolved?.entity, last.paragraph)
                if let f = find, let span = f.span, f.kind == .name || f.kind == .descriptor || isPronounFind(f) {
                    addEvent(SubjectEvent(order: Self.order(span), name: s, entity: resolved?.entity,
                                          kind: resolved?.kind ?? .other))
                }
            }
            if q.speaker == nil && find == nil && isScareQuote(q) { continue }
            out.append(q)
        }
        // Reported speech, between the quotes in story order.
        var reported: [Quote] = []
        for c in indirect {
            guard let r = resolve(c.find, at: Self.order(c.find.span ?? c.content)), let speaker = r.speaker,
                  let t = texts[c.content.paragraph] else { continue }
            var f = c.find
            f.method = AttributionPass.reportedSpeech
            reported.append(Quote(text: t.slice(c.content.start, c.content.end), kind: .indirect, speaker: speaker,
                                  speakerEntity: r.entity, parts: [c.content], cue: c.find.cue, speakerSpan: c.find.span,
                                  attribution: attribution(r, find: f, speaker: speaker, kind: .partial)))
        }
        if !reported.isEmpty {
            out.append(contentsOf: reported)
            out.sort { Self.order($0.parts[0]) < Self.order($1.parts[0]) }
        }
        return out
    }

    /// Why the quote has speaker `s`: the pass that decided (the resolution's
    /// own pass when the words found are not the speaker, else the cue's
    /// pattern), the words found and the chain from them to `s`.
    func attribution(_ r: Resolved, find: SpeakerFind?, speaker s: String, kind: QuoteKind) -> QuoteAttribution {
        let method = r.method ?? find?.method ?? AttributionPass.cueAfterQuote
        var chain: [String] = []
        if let f = find, f.kind != .inherit, !f.text.isEmpty, f.text != s { chain.append(f.text) }
        chain.append(s)
        return QuoteAttribution(method: method, cue: find?.cue, mention: find?.kind == .inherit ? nil : find?.span,
                                chain: chain, confidence: AttributionPass.confidence(method, kind: kind))
    }

    /// When the quote opening at token `open` starts a sentence after a
    /// sentence of the reporter's own (no quote in it) that reports speech
    /// (`Quill said …`, `Quill distanced himself by saying …`): its speaker.
    func speakerOfSentence(before open: Int, in t: AttributionText) -> Resolved? {
        guard open >= 2, t.isStop(open - 1) else { return nil }
        let e = open - 2
        let s = t.sentenceHead[e]
        guard e - s <= Self.subjectWindow else { return nil }
        var k = s
        while k <= e {
            if !t.isPlain(k) { return nil }
            k += 1
        }
        // The first speech verb with a subject: the sentence's own, not one in what it reports.
        k = s
        while k <= e {
            defer { k += 1 }
            guard isSpeechVerb(t, k), !isNegated(t, k) else { continue }
            var found: SpeakerFind?
            if isParticiple(t, k) {
                if let f = sentenceSubject(t, from: s, to: k), f.kind == .name || isPronounFind(f) { found = f }
            } else if let f = subjectBefore(t, k, lowerBound: s), f.kind != .inherit {
                found = f
            }
            if let f = found, let span = f.span, let r = resolve(f, at: Self.order(span)), r.speaker != nil { return r }
        }
        return nil
    }

    /// `“It will pass in the spring.”`: four words or more, ending as a sentence (or a cue's
    /// quote) ends, not a slogan (`“A change warrior.”`) or a headline (`“Carnage on the road”`).
    static func isWholeSentences(_ text: String) -> Bool {
        guard let end = text.unicodeScalars.last(where: { !"\"'’”»« ".unicodeScalars.contains($0) }),
              ".?!…,".unicodeScalars.contains(end) else { return false }
        return text.split(whereSeparator: { $0 == " " }).count >= 4
    }

    /// The person who is the subject of the last sentence of `t`, when that
    /// sentence is the reporter's own (no quote in it).
    func topicOfLastSentence(_ t: AttributionText) -> Resolved? {
        let last = t.tokens.count - 1
        let s = t.sentenceHead[last]
        guard (s...last).allSatisfy({ t.isPlain($0) }), let f = sentenceSubject(t, from: s, to: last), f.kind == .name || isPronounFind(f), let span = f.span,
              let r = resolve(f, at: Self.order(span)), r.speaker != nil, let e = r.entity, entities[e].type == .person
        else { return nil }
        return r
    }

    func isPronounFind(_ f: SpeakerFind) -> Bool {
        if case .pronoun = f.kind { return true }
        return false
    }

    /// Headline quotes: the person who says the same words in the body (`US
    /// hails ‘steady progress’` over `Quill said the talks made “steady
    /// progress”`), else cues in the headline itself (`Quill says “…”`, `Quill: ‘…’`).
    func attributeHeadline(_ quotes: [Quote], body: [Quote]) -> [Quote] {
        var out: [Quote] = []
        let t = headlineText
        for var q in quotes {
            guard let part = q.parts.first, let (a, z) = tokenRange(t, part) else { out.append(q); continue }
            var find = findCue(t, a, z)
            if find == nil {
                // `Quill: “…”` — a name and a colon before the quote.
                let open = a > 0 && t.roles[a - 1] == .mark ? a - 1 : a
                if open >= 2, t.isPunct(open - 1, 0x3A), let f = nounPhrase(t, endingAt: open - 2, lowerBound: 0) {
                    find = with(f, method: AttributionPass.headlineColon)
                }
            }
            var resolved: Resolved?
            if var f = find, f.kind != .inherit {
                if f.method != AttributionPass.headlineColon { f.method = AttributionPass.headlineCue }
                find = f
                resolved = resolve(f, at: Self.order(part))
            }
            if resolved?.kind != .person, let echo = bodyQuote(repeating: q, in: body) {
                // `US hails ‘…’`: the country or body in the headline stands for the person quoted below.
                q.speaker = echo.speaker
                q.speakerEntity = echo.speakerEntity
                q.cue = echo.cue
                q.speakerSpan = echo.speakerSpan
                if let s = echo.speaker {
                    q.attribution = QuoteAttribution(
                        method: AttributionPass.headlineMatch, cue: echo.cue, mention: echo.speakerSpan,
                        chain: echo.attribution?.chain ?? [s], confidence: AttributionPass.confidence(AttributionPass.headlineMatch, kind: .partial))
                }
            } else if let f = find, let r = resolved {
                q.speaker = r.speaker
                q.speakerEntity = r.entity
                q.cue = f.cue
                q.speakerSpan = f.span
                if let s = r.speaker { q.attribution = attribution(r, find: f, speaker: s, kind: .partial) }
            }
            out.append(q)
        }
        return out
    }

    /// The first quoted (not reported) body quote of a person that repeats the
    /// words of `q`: the same words (case and outer punctuation aside), or, for
    /// four words or more, words it holds. A two-word term that merely recurs
    /// in someone's sentence (`dark comet`) is no echo.
    func bodyQuote(repeating q: Quote, in body: [Quote]) -> Quote? {
        let words = Self.normalized(q.text)
        guard words.utf8.count >= 3 else { return nil }
        let long = words.split(separator: " ").count >= 4
        for b in body where b.kind != .indirect && b.speaker != nil {
            guard let e = b.speakerEntity.map({ entities[$0].type }) ?? personKind(b.speaker!), e == .person else { continue }
            let text = Self.normalized(b.text)
            if text == words || (long && text.contains(words)) { return b }
        }
        return nil
    }

    /// Lower-cased, without punctuation or spaces at either end.
    static func normalized(_ text: String) -> Substring {
        var words = Substring(text.lowercasedQuickly())
        while let c = words.first, !(c.isLetter || c.isNumber) { words = words.dropFirst() }
        while let c = words.last, !(c.isLetter || c.isNumber) { words = words.dropLast() }
        return words
    }

    /// A speaker with no entity: a person when the story names them in full.
    func personKind(_ name: String) -> EntityType? {
        isPersonLike(name, order: Int.max) ? .person : nil
    }

    /// Tokens inside a part (first and last), if any.
    func tokenRange(_ t: AttributionText, _ part: Span) -> (Int, Int)? {
        guard let a = AttributionText.firstToken(t.tokens, atOrAfter: part.start), t.tokens[a].start < part.end else {
            return nil
        }
        var z = a
        if let next = AttributionText.firstToken(t.tokens, atOrAfter: part.end) { z = next - 1 } else { z = t.tokens.count - 1 }
        return z >= a ? (a, z) : nil
    }

    /// The quote opens its paragraph (nothing but the mark before it).
    func startsParagraph(_ part: Span) -> Bool {
        guard let t = texts[part.paragraph], let (a, _) = tokenRange(t, part) else { return false }
        return a == 0 || (a == 1 && t.roles[0] == .mark)
    }

    /// A paragraph-opening quote with no cue of its own continues the paragraph
    /// before when that one introduces it (`… he said:`) or quotes someone.
    func introducedBy(paragraph p: Int, previous: (speaker: String, entity: Int?, paragraph: Int)?) -> Resolved? {
        guard p >= 0, let t = texts[p], !t.tokens.isEmpty else { return nil }
        let last = t.tokens.count - 1
        if t.isPunct(last, 0x3A) || (last > 0 && t.isPunct(last - 1, 0x3A)) {
            // The last sentence: its speech verb, else the name before a verb.
            let s = t.sentenceHead[last]
            var k = last
            while k >= s {
                if isSpeechVerb(t, k), let f = subjectBefore(t, k, lowerBound: s), var r = resolve(f, at: Self.order(f.span ?? t.span(k, k))) {
                    r.method = AttributionPass.introParagraph
                    return r
                }
                // `Stated Quill:`, `Said the mayor:`: the subject after an inverted verb.
                if isSpeechVerb(t, k), t.isIn(SpeechLexicon.invertibleVerbKeys, SpeechLexicon.invertibleVerbs, k),
                   let f = subjectAfter(t, k, upperBound: last + 1), f.kind == .name || f.kind == .descriptor,
                   let span = f.span, endsClauseBeforeQuote(t, after: span, quoteOpen: last + 1),
                   var r = resolve(f, at: Self.order(span)) {
                    r.method = AttributionPass.introParagraph
                    return r
                }
                k -= 1
            }
            k = last - 1
            while k > s {
                // `Transcript as follows:`, `The memo, as follows:`: a document introduces it too.
                let asFollows = k + 1 < last && t.key(k) == 0x6173 && t.key(k + 1) == 0x66_6F6C_6C6F_7773 // as follows
                if t.tokens[k].kind == .word, !t.tokens[k].isCapitalized, t.isNameWord(k - 1) || (asFollows && t.has(k - 1, .sourceNoun)),
                   let f = nounPhrase(t, endingAt: k - 1, lowerBound: s), f.kind == .name || (asFollows && f.kind == .descriptor),
                   var r = resolve(f, at: Self.order(f.span!)) {
                    r.method = AttributionPass.introParagraph
                    return r
                }
                k -= 1
            }
        }
        if let prev = previous, prev.paragraph == p {
            return Resolved(speaker: prev.speaker, entity: prev.entity, kind: .other, method: AttributionPass.conversation)
        }
        return nil
    }

    /// One word, or Title Case words (`A Short History of Tides`): a name or a
    /// title of a work rather than anyone's words.
    func looksLikeTitle(_ q: Quote) -> Bool {
        if let answer = Self.looksLikeTitleBytes(q.text) { return answer }
        let words = q.text.split(whereSeparator: { $0 == " " })
        if words.count <= 1 { return true }
        var capitals = 0
        for w in words {
            if let c = w.unicodeScalars.first, c.properties.isUppercase { capitals += 1 }
        }
        return capitals * 3 >= words.count * 2
    }

    /// `looksLikeTitle` on the text's bytes, when every space stands between
    /// two ASCII bytes (or at an end), so that each space byte is a `Character`
    /// of its own and splits exactly as `split(whereSeparator:)` does; nil otherwise.
    static func looksLikeTitleBytes(_ text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            let n = b.count
            var words = 0, capitals = 0
            var i = 0
            while i < n {
                if b[i] == 0x20 {
                    if i > 0, b[i - 1] >= 0x80 { return nil }
                    if i + 1 < n, b[i + 1] >= 0x80 { return nil }
                    i += 1
                    continue
                }
                // A word starts: its first scalar.
                words += 1
                let (s, _) = UTF8Scalar.decode(b, at: i)
                if s < 0x80 {
                    if s >= 0x41 && s <= 0x5A { capitals += 1 }
                } else if let u = Unicode.Scalar(s), u.properties.isUppercase {
                    capitals += 1
                }
                while i < n, b[i] != 0x20 { i += 1 }
            }
            if words <= 1 { return true }
            return capitals * 3 >= words * 2
        } ?? nil
    }

    /// A short phrase or title in quote marks with nobody saying it.
    func isScareQuote(_ q: Quote) -> Bool {
        var words = 0
        var inWord = false
        for u in q.text.utf8 {
            let w = u >= 0x80 || UTF8Scalar.isASCIILetter(u) || UTF8Scalar.isDigit(u)
            if w && !inWord { words += 1 }
            inWord = w
        }
        return q.kind == .partial || words <= 6
    }

    // MARK: - resolution

    func addEvent(_ e: SubjectEvent) {
        // Kept apart from the subjects found up front: quotes are attributed in
        // story order, so this is an append, where an insert into `events`
        // moved every later subject (quadratic on a long story).
        var lo = 0, hi = addedEvents.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if addedEvents[mid].order <= e.order { lo = mid + 1 } else { hi = mid }
        }
        addedEvents.insert(e, at: lo)
    }

    /// The index after the last event of `list` (sorted by order) that comes before `order`.
    static func end(before order: Int, in list: [SubjectEvent]) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].order < order { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Subject events before `order`, nearest first (an added event before a
    /// found one of the same order, as when both lived in one sorted list).
    /// Starts by binary search instead of walking back from the story's end.
    func eventsBefore(_ order: Int) -> UnfoldSequence<SubjectEvent, (Int, Int)> {
        let found = events, added = addedEvents
        return sequence(state: (Self.end(before: order, in: found), Self.end(before: order, in: added))) { s in
            if s.1 > 0, s.0 == 0 || added[s.1 - 1].order >= found[s.0 - 1].order {
                s.1 -= 1
                return added[s.1]
            }
            guard s.0 > 0 else { return nil }
            s.0 -= 1
            return found[s.0]
        }
    }

    /// The first of `pick`'s answers over the classified subject events before
    /// `order`, nearest first (as `eventsBefore`). The subjects found up front are
    /// classified once each: a story's pronouns walked back over them again and again.
    func firstClassified(before order: Int, _ pick: (SubjectEvent) -> Resolved?) -> Resolved? {
        if classifiedFound.count != events.count { classifiedFound = Array(repeating: nil, count: events.count) }
        var i = Self.end(before: order, in: events)
        var j = Self.end(before: order, in: addedEvents)
        while true {
            let e: SubjectEvent
            if j > 0, i == 0 || addedEvents[j - 1].order >= events[i - 1].order {
                j -= 1
                e = classified(addedEvents[j])
            } else if i > 0 {
                i -= 1
                if let known = classifiedFound[i] {
                    e = known
                } else {
                    e = classified(events[i])
                    classifiedFound[i] = e
                }
            } else {
                return nil
            }
            if let r = pick(e) { return r }
        }
    }

    func resolve(_ f: SpeakerFind, at order: Int) -> Resolved? {
        switch f.kind {
        case .inherit:
            return nil
        case .name:
            var name = canonicalName(f.text, order: order)
            if !name.utf8.contains(0x20), let span = f.span, let g = honorific(before: span),
               let full = fullName(name, agreeingWith: g) {
                name = full
            }
            if let span = f.span, let e = entityIndex(overlapping: span), agrees(entity: entities[e].name, with: name) {
                return Resolved(speaker: entities[e].name, entity: e, kind: classOf(entity: e))
            }
            let kind: SpeakerClass = isOrganizationName(name) ? .organization
                : (isPersonLike(name, order: order) ? .person : .other)
            return Resolved(speaker: name, entity: nil, kind: kind)
        case .descriptor:
            let words = f.text.splitAtSpaces()
            let head = Self.descriptorHead(f.text)
            var kind: SpeakerClass = head.hasSuffix("s") ? .plural : .other
            if lexicon.organizationHeads.contains(head.lowercased()) { kind = .organization }
            // `the department`: the organisation of that name named earlier in the story.
            if words.count == 1, let head = words.first, let org = organizationEnding(in: String(head), before: order) {
                return Resolved(speaker: org.name, entity: org.entity, kind: .organization,
                                method: AttributionPass.organisationNoun)
            }
            // `the company said` after `Crestline Health said`: the organisation named just before.
            if words.count == 1, let head = words.first, SpeechLexicon.organizationStandIns.contains(head.lowercased()),
               let org = organizationSubject(before: order) {
                return Resolved(speaker: org.name, entity: org.entity, kind: .organization,
                                method: AttributionPass.organisationNoun)
            }
            // `the adviser` after `a senior Treasury adviser` stays `adviser`: the story's own words
            // at the quote (an unnamed source is never a guess; PolNeAR's gold agrees, 20 of 20).
            return Resolved(speaker: f.text, entity: nil, kind: kind)
        case .pronoun(.firstPerson) where f.text == "i":
            // `“I am not shy,” I said.`: a first-person story's writer: the byline's one
            // author, else the story's own word.
            let writer = story.byline.count == 1 ? story.byline[0] : "I"
            return Resolved(speaker: writer, entity: nil, kind: .person, method: AttributionPass.pronoun)
        case .pronoun(let p):
            var r = resolvePronoun(p, at: order)
            r?.method = AttributionPass.pronoun
            return r
        }
    }

    /// The recognizer's canonical name is used only when it extends the name
    /// found at the quote: same last word, and a fuller form only of a lone surname
    /// that is not shared by two people in the story.
    func agrees(entity: String, with name: String) -> Bool {
        let ew = NameWords(entity)
        let nw = NameWords(name)
        guard ew.count > 0, nw.count > 0 else { return false }
        if ew.count == nw.count { return entity.lowercased() == name.lowercased() }
        if ew.count >= 2, ew.count < nw.count {
            // `Meanwhile Rihanna Olsen`, `Archbishop Aris Shirvanian`: the recognizer's name is the
            // name proper, the words before it an opener or a title the cue's run kept.
            let e = entity.lowercased(), n = name.lowercased()
            return n.hasSuffix(" " + e)
        }
        guard ew.count > nw.count, nw.count == 1 else { return false }
        let nl = nw.last.lowercased()
        guard ew.last.lowercased() == nl else { return false }
        if SpeechLexicon.sentenceStarters.contains(ew.first.lowercased()) { return false }
        if let forms = fullNames[nl]?.forms, forms.count > 1 { return false }
        return true
    }

    /// The organisation that last stood as a subject or speaker before `order`,
    /// in its paragraph or the two before (a person or group in between ends the search).
    func organizationSubject(before order: Int) -> SubjectEvent? {
        for raw in eventsBefore(order) {
            guard raw.order >= order - 3_000_000 else { return nil }
            if raw.pronoun != nil { continue }
            let e = classified(raw)
            if e.kind == .organization { return e }
            if e.kind == .person || e.kind == .plural { return nil }
        }
        return nil
    }

    func organizationEnding(in head: String, before order: Int) -> SubjectEvent? {
        let lower = head.lowercased()
        for e in eventsBefore(order) where e.kind == .organization {
            if e.name.lowercased().hasSuffix(lower) { return e }
        }
        return nil
    }

    /// The class of a subject, deciding one-word names now: an entity's type,
    /// else a person when the story has a full name ending with the word.
    func classified(_ e: SubjectEvent) -> SubjectEvent {
        if e.pronoun != nil { return e }
        var e = e
        if e.entity == nil, e.kind != .plural, let i = entityNamed(e.name) {
            e.entity = i
            e.kind = classOf(entity: i)
            e.name = entities[i].name
            return e
        }
        if e.kind == .person, !e.name.utf8.contains(0x20) {
            e.name = e.honorific.flatMap { fullName(e.name, agreeingWith: $0) } ?? canonicalName(e.name, order: e.order)
            return e
        }
        guard e.kind == .other, !e.name.utf8.contains(0x20) else { return e }
        if isPersonLike(e.name, order: e.order) {
            e.kind = .person
            e.name = canonicalName(e.name, order: e.order)
        }
        return e
    }

    /// The one full name of the story ending in `surname` whose first name takes
    /// `g`, when the surname is shared (`Ms. Kahn` of Khizar and Ghazala Kahn).
    func fullName(_ surname: String, agreeingWith g: SpeechLexicon.PronounKind) -> String? {
        guard let forms = fullNames[surname.lowercased()]?.forms, forms.count > 1 else { return nil }
        var found: String?
        for form in forms {
            let words = NameWords(form.name)
            guard words.count >= 2, lexicon.pronounGender(ofFirstName: words.first.lowercased()) == g else { continue }
            if let f = found {
                // `Ghazala Kahn` and `Ghazala M. Kahn` are one person: the longer form.
                guard NameWords(f).first == words.first else { return nil }
                if form.name.count > f.count { found = form.name }
            } else {
                found = form.name
            }
        }
        return found
    }

    /// `Mr.` / `Mrs.` / `Ms.` / `Miss` written right before the name at `span`.
    func honorific(before span: Span) -> SpeechLexicon.PronounKind? {
        guard span.field == .body, span.paragraph < story.paragraphs.count else { return nil }
        let before = String(decoding: story.paragraphs[span.paragraph].text.utf8.prefix(span.start).suffix(6), as: UTF8.self)
        for (h, g) in [("Mr. ", SpeechLexicon.PronounKind.male), ("Mr ", .male), ("Mrs. ", .female), ("Ms. ", .female),
                       ("Mrs ", .female), ("Ms ", .female), ("Miss ", .female)] where before.hasSuffix(h) {
            // Not the end of a longer word (`Sr. `).
            let rest = before.dropLast(h.count)
            if rest.last.map({ $0.isLetter }) ?? false { continue }
            return g
        }
        return nil
    }

    /// The pronoun a person takes: the story's own `Mr.` / `Ms.` for the
    /// surname first, else the first name's (`first-name-genders.txt`); nil
    /// when neither tells.
    func gender(ofPerson name: String) -> SpeechLexicon.PronounKind? {
        let words = NameWords(name)
        guard words.count > 0 else { return nil }
        if !surnameGender.isEmpty, let g = surnameGender[words.last.lowercased()] { return g }
        if words.count >= 2, let g = lexicon.pronounGender(ofFirstName: words.first.lowercased()) { return g }
        // The story's own pronouns for a name the lexicon does not tell.
        guard let e = entityNamed(name) else { return nil }
        return storyGender[e] ?? quotedGender[e]
    }

    /// The person named last before `order` with the title or role `head`
    /// (`Vice President Joe Biden`, `Sen. Dana Whitlock`, `Ada Quill, the
    /// fleet's captain`), whose gender agrees with `p`.
    func personTitled(_ head: Substring, before order: Int, agreeingWith p: SpeechLexicon.PronounKind) -> Resolved? {
        let role = head.lowercased()
        guard role.count >= 3, !entities.isEmpty else { return nil }
        let forms = [role + " "] + (Self.titleAbbreviations[role].map { [$0 + ". ", $0 + " "] } ?? [])
        var best: (order: Int, entity: Int)?
        for (i, e) in entities.enumerated() where e.type == .person {
            if let g = gender(ofPerson: e.name), g != p { continue }
            for m in e.mentions where m.span.field == .body {
                let o = Self.order(m.span)
                guard o < order, best == nil || o > best!.order, m.span.paragraph < story.paragraphs.count else { continue }
                let bytes = story.paragraphs[m.span.paragraph].text.utf8
                let before = bytes.prefix(m.span.start).suffix(40)
                let after = bytes.dropFirst(m.span.end).prefix(60)
                let lowerBefore = String(decoding: before, as: UTF8.self).lowercased()
                var titled = forms.contains { lowerBefore.hasSuffix($0) }
                if !titled, after.first == 0x2C {
                    // `, the fleet's captain,` / `, a senator from Ohio`: the appositive after the name.
                    let lowerAfter = String(decoding: after, as: UTF8.self).lowercased()
                    if lowerAfter.hasPrefix(", the ") || lowerAfter.hasPrefix(", a ") || lowerAfter.hasPrefix(", an ") {
                        let clause = lowerAfter.dropFirst(2).prefix { $0 != "," && $0 != "." }
                        titled = clause.split(separator: " ").contains { $0 == Substring(role) }
                    }
                }
                if titled { best = (o, i) }
            }
        }
        guard let b = best else { return nil }
        return Resolved(speaker: entities[b.entity].name, entity: b.entity, kind: .person)
    }

    /// Source nouns that tell their pronoun.
    static let descriptorGender: [String: SpeechLexicon.PronounKind] = {
        var out: [String: SpeechLexicon.PronounKind] = [:]
        for w in ["man", "boy", "father", "son", "husband", "brother", "spokesman", "chairman", "congressman",
                  "businessman", "king", "grandfather", "dad", "uncle", "nephew", "gentleman", "councilman",
                  "assemblyman", "anchorman", "policeman", "fireman", "sportsman", "actor", "widower", "monk"] {
            out[w] = .male
        }
        for w in ["woman", "girl", "mother", "daughter", "wife", "sister", "spokeswoman", "chairwoman",
                  "congresswoman", "businesswoman", "queen", "grandmother", "mom", "aunt", "niece", "lady",
                  "councilwoman", "assemblywoman", "anchorwoman", "policewoman", "actress", "widow", "nun"] {
            out[w] = .female
        }
        return out
    }()

    static let titleAbbreviations: [String: String] = [
        "senator": "sen", "governor": "gov", "representative": "rep", "congressman": "rep", "congresswoman": "rep",
        "president": "pres", "general": "gen", "lieutenant": "lt", "colonel": "col", "professor": "prof", "doctor": "dr",
    ]

    /// No subject before fits: the person mentioned last before `order` (this
    /// paragraph or the two before) whose gender agrees with `p`.
    func nearestPerson(before order: Int, agreeingWith p: SpeechLexicon.PronounKind) -> Resolved? {
        guard order >= 0, !entities.isEmpty else { return nil }
        let paragraph = order / 1_000_000, start = order % 1_000_000
        var q = paragraph
        while q >= 0, paragraph - q <= 2 {
            var best: PlacedMention?
            for m in mentionsByParagraph[MentionPlace(field: .body, paragraph: q)] ?? []
            where entities[m.entity].type == .person && (q < paragraph || m.end <= start) {
                if let g = gender(ofPerson: entities[m.entity].name), g != p { continue }
                if best == nil || m.start > best!.start { best = m }
            }
            if let b = best { return Resolved(speaker: entities[b.entity].name, entity: b.entity, kind: .person) }
            q -= 1
        }
        return nil
    }

    func resolvePronoun(_ p: SpeechLexicon.PronounKind, at order: Int) -> Resolved? {
        switch p {
        case .male, .female:
            return firstClassified(before: order) { e in
                guard e.kind == .person else { return nil }
                if let ep = e.pronoun {
                    // A pronoun subject of the same gender before: the same person, if it can be told.
                    guard ep == p, pronounDepth < 3 else { return nil }
                    if let known = pronounSubjects[e.order] { return known }
                    pronounDepth += 1
                    defer { pronounDepth -= 1 }
                    let r = resolvePronoun(p, at: e.order)
                    pronounSubjects[e.order] = r
                    return r
                }
                if e.isDescriptor || !(e.name.unicodeScalars.first?.properties.isUppercase ?? false) {
                    // `she` is not `a young man`, `he` not `the spokeswoman`.
                    if let g = Self.descriptorGender[Self.descriptorHead(e.name.lowercased()).lowercased()], g != p { return nil }
                    // `he` after `the vice president said`: the person the story gave that title.
                    if let named = personTitled(NameWords(e.name).last, before: e.order, agreeingWith: p) { return named }
                }
                if let g = e.honorific ?? gender(ofPerson: e.name), g != p { return nil }
                return Resolved(speaker: e.name, entity: e.entity, kind: .person)
            } ?? nearestPerson(before: order, agreeingWith: p)
        case .neuter:
            return firstClassified(before: order) { e in
                e.kind == .organization ? Resolved(speaker: e.name, entity: e.entity, kind: .organization) : nil
            }
        case .plural:
            return firstClassified(before: order) { e in
                e.kind == .plural || e.kind == .organization ? Resolved(speaker: e.name, entity: e.entity, kind: e.kind) : nil
            }
        case .firstPerson:
            return nil
        }
        return nil
    }
}
