/// Finding the speech cue and its subject in the reporter's words around a quote.
extension AttributionSession {
    func isSpeechVerb(_ t: AttributionText, _ i: Int) -> Bool {
        let tok = t.tokens[i]
        guard tok.kind == .word, tok.length >= 3, tok.length <= 14, t.isPlain(i) else { return false }
        // A capitalised verb only at the start of a sentence (`Said Quill: …`).
        if tok.isCapitalized && !t.sentenceStart[i] { return false }
        guard t.has(i, .speechVerb) else { return false }
        // `Varga’s thinking`, `their warning`: a gerund after a possessive is a noun.
        if i > 0, tok.length >= 5, t.bytes[tok.end - 1] == 0x67, t.bytes[tok.end - 2] == 0x6E, t.bytes[tok.end - 3] == 0x69,
           t.tokens[i - 1].kind == .word, t.possessiveSuffix(i - 1) > 0 || t.isIn(Self.possessiveKeys, Self.possessives, i - 1) {
            return false
        }
        // `Quill said, and I quote, “…”`: the writer's aside, not the cue.
        if i > 0, tok.length == 5, t.key(i) == 0x71_756F_7465, t.tokens[i - 1].kind == .word, t.key(i - 1) == 0x69, // quote, i
           i + 1 < t.tokens.count, t.tokens[i + 1].kind == .punctuation {
            return false
        }
        // `the Tarn state firefighters`, `his comments`: a noun after an article or a possessive.
        if i > 0, t.isIn(Self.nounHomographKeys, Self.nounHomographs, i) {
            // `secretary of state`, `in a statement`, `for comment`: the object of a preposition.
            if t.tokens[i - 1].kind == .word, t.isIn(Self.nounPrepositionKeys, Self.nounPrepositions, i - 1) { return false }
            var p = i - 1
            // `the Daily Caller reports`: a name and its verb, unless a preposition opens the
            // phrase (`after the Halden attacks`).
            var nameThenVerbForm = false
            func opensNounPhrase(_ p: Int) -> Bool {
                guard t.isDeterminer(p) || t.isIn(Self.possessiveKeys, Self.possessives, p) else { return false }
                return !nameThenVerbForm || (p > 0 && t.tokens[p - 1].kind == .word
                    && (t.isIn(Self.nounPrepositionKeys, Self.nounPrepositions, p - 1)
                        || t.isIn(Self.introClauseOpenerKeys, Self.introClauseOpeners, p - 1)))
            }
            for step in 0..<5 {
                // `A 2014 Harbour Intelligence Committee report found`: a year among the modifiers.
                if p > 0, t.tokens[p].kind == .number, t.tokens[p].length == 4 { p -= 1; continue }
                // `a Tramp-style retort`: the hyphen of a compound modifier.
                if p > 0, t.isPunct(p, 0x2D), t.tokens[p].start == t.tokens[p - 1].end { p -= 1; continue }
                guard p > 0, t.tokens[p].kind == .word else { break }
                if opensNounPhrase(p) { return false }
                if t.tokens[p].isCapitalized {
                    // `the Tarn state …`, `the Harbour Intelligence Committee report` (not `the Saudis
                    // state in …`, a plural subject).
                    guard !t.sentenceStart[p], p < i - 1 || t.bytes[t.tokens[p].end - 1] != 0x73 else { break }
                    if t.bytes[tok.end - 1] == 0x73 { nameThenVerbForm = true }
                } else {
                    // At most two lower-case modifiers, next to the noun (not `suggested they tweet`).
                    guard step < 2, t.pronounKind(p) == nil else { break }
                    // `the neighbouring state`, `his latest comments`, `a heavily Tarnish state`: modifiers between;
                    // `the new report`, `the congressional report`: a word that is no plural before a noun
                    // that is none (not `the officials report`, nor `the ad claims`, subject and verb).
                    let last = t.tokens[p].end - 1
                    let adverb = t.tokens[p].length > 4 && t.bytes[last] == 0x79 && t.bytes[last - 1] == 0x6C // -ly
                    let singulars = t.bytes[last] != 0x73 && t.bytes[tok.end - 1] != 0x73
                    guard Self.isVerbForm(t, p) || t.key(p) == 0x6C61_7465_7374 /* latest */ || adverb || singulars else { break }
                }
                p -= 1
            }
            if t.tokens[p].kind == .word, opensNounPhrase(p) { return false }
        }
        return true
    }

    /// Speech verbs that are nouns too (`state`, `report`, `comments`).
    static let nounHomographs: Set<String> = [
        "state", "states", "report", "reports", "claim", "claims", "comment", "comments", "note", "notes", "answer",
        "answers", "call", "calls", "quote", "quotes", "tweet", "tweets", "post", "posts", "charge", "charges", "joke",
        "jokes", "promise", "promises", "vow", "vows", "boast", "quip", "reply", "replies", "question", "questions",
        "protest", "protests", "estimate", "estimates", "fear", "fears", "hope", "hopes", "worry", "warning", "plea",
        "argument", "statement", "word", "words", "remark", "remarks", "response", "counter", "insist", "order", "orders",
        "attack", "attacks", "retort", "retorts",
    ]
    static let nounHomographKeys = SpeechWordSet(nounHomographs)
    /// Prepositions a verb does not follow (`to` does: `to state`).
    static let nounPrepositions: Set<String> = ["of", "for", "in", "on", "at", "with", "from", "by", "about", "without"]
    static let nounPrepositionKeys = SpeechWordSet(nounPrepositions)
    static let possessives: Set<String> = ["his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"]
    static let possessiveKeys = SpeechWordSet(possessives)

    /// The cue for the quoted tokens `a...z` of `t`: right of the quote first
    /// (`“…,” Quill said`), then `according to`, then the nearest verb to the left.
    func findCue(_ t: AttributionText, _ a: Int, _ z: Int) -> SpeakerFind? {
        let n = t.tokens.count
        let open = a > 0 && t.roles[a - 1] == .mark ? a - 1 : a
        let close = z + 1 < n && t.roles[z + 1] == .mark ? z + 1 : z
        // Right frame: to the end of the sentence or the next quote.
        let r0 = close + 1
        var r1 = r0
        while r1 < n, t.isPlain(r1), !(t.sentenceStart[r1] && r1 > r0), !t.isPunct(r1, 0x3B) { r1 += 1 }
        if r0 < n, t.sentenceStart[r0] {
            // A new sentence after the marks. Only `…?” Quill asked` (the splitter cannot
            // tell it from a new sentence) still attributes; after a full stop nothing does.
            let asks = t.isPunct(z, 0x3F) || t.isPunct(z, 0x21)
            // `“How are you today?” Miller, a retired worker, said into the phone.`
            let appositive = asks && t.isNameWord(r0) && {
                let (_, e) = runExtent(t, from: r0)
                return e + 1 < r1 && t.isPunct(e + 1, 0x2C)
            }()
            r1 = asks ? (appositive ? min(r1, r0 + 20) : min(r1, r0 + 5)) : (isBareCueSentence(t, r0) ? r1 : r0)
        }
        // Left frame: back to the start of the sentence or the previous quote.
        var l0 = open
        if !t.sentenceStart[open] {
            while l0 > 0, t.isPlain(l0 - 1), !t.isPunct(l0 - 1, 0x3B) {
                l0 -= 1
                if t.sentenceStart[l0] { break }
            }
        }
        let l1 = open

        // `, according to Quill`
        if let f = accordingTo(t, r0, r1) ?? accordingTo(t, l0, l1) { return with(f, method: "according-to") }

        var v = r0
        while v < r1 {
            defer { v += 1 }
            if isReadCue(t, v) {
                // `“…,” read the statement`, `“…,” the banner over the quay read`.
                if onlyPunctuation(t, r0, v), let f = subjectAfter(t, v, upperBound: r1), f.kind == .descriptor || f.kind == .name {
                    return withCue(f, t, v, method: "cue-after-quote")
                }
                if v - r0 <= 8, let f = subjectBefore(t, v, lowerBound: r0) ?? bareNounPhrase(t, from: r0, to: v),
                   f.kind == .descriptor || f.kind == .name {
                    return withCue(f, t, v, method: "cue-after-quote")
                }
                continue
            }
            guard isSpeechVerb(t, v) || isPutIt(t, v) else { continue }
            let gap = v - r0
            // `Cruz said he would make the sand “glow,” and Tramp vowed to …`: a clause joined
            // after the quote has a speaker of its own; a quote inside the sentence's first
            // clause is that clause's, found to the left.
            if open > l0, v > r0, !t.isPunct(v - 1, 0x2C), joinsClause(t, from: r0, to: v) { break }
            if gap <= 12, let f = subjectBefore(t, v, lowerBound: r0) {
                if case .inherit = f.kind { continue }
                return withCue(f, t, v, method: "cue-after-quote")
            }
            // `“…,” the progressive heavyweights wrote`: a noun phrase of the reporter's own
            // between the quote and its verb is the speaker, whatever its head noun.
            if gap <= 6, let f = bareNounPhrase(t, from: r0, to: v) { return withCue(f, t, v, method: "cue-after-quote") }
            let invertible = t.isIn(SpeechLexicon.invertibleVerbKeys, SpeechLexicon.invertibleVerbs, v)
            if invertible, onlyPunctuation(t, r0, v), let f = subjectAfter(t, v, upperBound: r1) {
                return withCue(f, t, v, method: "cue-after-quote")
            }
            // `“…” that Quill can win, said Ada Lund, a strategist.`
            if invertible, v > r0, t.isPunct(v - 1, 0x2C), let f = subjectAfter(t, v, upperBound: r1),
               f.kind == .name || f.kind == .descriptor {
                return withCue(f, t, v, method: "cue-after-quote")
            }
            if gap > 12, let f = subjectBefore(t, v, lowerBound: r0), f.kind != .inherit,
               isClauseFinal(t, v, r1) || (f.kind == .name && f.span?.start == t.tokens[r0].start) {
                // (`“…,” Valdez Andersen, who works at …, said on a call set up by …`: the name
                // right after the quote opens the clause, however long what follows the verb.)
                return withCue(f, t, v, method: "cue-after-clause")
            }
        }
        var k = l1 - 1
        while k >= l0 {
            defer { k -= 1 }
            // `The banner read: “…”`: `read` introduces only right before the colon.
            if isReadCue(t, k), k == open - 2, t.isPunct(open - 1, 0x3A),
               let f = subjectBefore(t, k, lowerBound: l0) ?? bareNounPhrase(t, from: l0, to: k),
               f.kind == .descriptor || f.kind == .name {
                return withCue(f, t, k, method: "colon-intro")
            }
            guard isSpeechVerb(t, k) || isPutIt(t, k) else { continue }
            // `Lorrin will continue to be “a champion”`, `is said to be “furious”`: no speech of the subject's.
            if k + 1 < l1, t.tokens[k + 1].kind == .word, t.key(k + 1) == 0x746F, k + 2 < l1, t.tokens[k + 2].kind == .word,
               !t.tokens[k + 2].isCapitalized, !t.isDeterminer(k + 2), t.pronounKind(k + 2) == nil { continue }
            if isParticiple(t, k) {
                // `…, with Quill warning that …`: the participle's own subject.
                if k - 1 >= l0, let f = nounPhrase(t, endingAt: k - 1, lowerBound: l0), f.kind == .name,
                   let span = f.span, let first = AttributionText.firstToken(t.tokens, atOrAfter: span.start),
                   isWith(t, before: first, lowerBound: l0)
                    || (first - 1 >= l0 && t.isPlain(first - 1) && (t.key(first - 1) == 0x61_6E64 || t.isPunct(first - 1, 0x2C))) {
                    // `…, Quill saying she was “encouraged” and Tramp calling it a “great meeting.”`:
                    // the participle's own subject.
                    return withCue(f, t, k, method: "participle-subject")
                }
                // `Quill agreed, praising it as “…”`: the subject of the sentence.
                if let f = sentenceSubject(t, from: l0, to: k) { return withCue(f, t, k, method: "participle-subject") }
                // `Kerpen needled the CNN “reporter,” saying, “…”`: the subject stands before an
                // earlier quote of the sentence, which cut the frame short.
                let head = t.sentenceHead[k]
                if head < l0, let f = sentenceSubject(t, from: head, to: k), let span = f.span,
                   let first = AttributionText.firstToken(t.tokens, atOrAfter: span.start), first < l0, t.isPlain(first) {
                    return withCue(f, t, k, method: "participle-subject")
                }
                // `But while denouncing the “perversion” of …, she has …`: the main clause's subject.
                if let f = mainClauseSubject(t, quoteAt: a) { return withCue(f, t, k, method: "participle-subject") }
                return SpeakerFind(kind: .inherit, text: "", span: nil, cue: t.lower(k))
            }
            let before = open > 0 && t.isPunct(open - 1, 0x3A) ? "colon-intro" : "cue-before-quote"
            if let f = subjectBefore(t, k, lowerBound: l0) {
                // `Tramp says if people think …“…”`, `Quill said that voters will say “no”`: a cue
                // inside the complement of an earlier one; the quote is the outer speaker's.
                if let m = matrixSpeaker(t, of: f, lowerBound: l0) { return m }
                return withCue(f, t, k, method: before)
            }
            if t.isIn(SpeechLexicon.invertibleVerbKeys, SpeechLexicon.invertibleVerbs, k),
               let f = subjectAfter(t, k, upperBound: l1), f.kind == .name || f.kind == .descriptor,
               let span = f.span, endsClauseBeforeQuote(t, after: span, quoteOpen: l1) {
                return withCue(f, t, k, method: before)
            }
            if let f = clauseSubjectPhrase(t, before: k, lowerBound: l0) { return withCue(f, t, k, method: before) }
        }
        // `Ada Quill: “…”`, `More from Quill: “…”`: a person's name and a colon, no verb.
        if open >= 2, t.isPunct(open - 1, 0x3A), let f = personBeforeColon(t, open - 1, lowerBound: l0) {
            return with(f, method: "colon-intro")
        }
        return nil
    }

    /// The speaker of an earlier cue whose complement holds the subject `f`
    /// (`Tramp says if people think`, `Quill said she expected that voters will
    /// say`): `if`/`that`/`whether` right before the subject, and before it, with
    /// no comma between, a speech verb whose subject is a name or a pronoun.
    func matrixSpeaker(_ t: AttributionText, of f: SpeakerFind, lowerBound lb: Int) -> SpeakerFind? {
        guard let span = f.span, let s0 = AttributionText.firstToken(t.tokens, atOrAfter: span.start), s0 - 2 >= lb,
              t.tokens[s0 - 1].kind == .word else { return nil }
        // `Tramp said harbour executives were calling “every 15 minutes”`: no `that`.
        if isSpeechVerb(t, s0 - 1), !isParticiple(t, s0 - 1), t.isPlain(s0 - 1),
           let m = subjectBefore(t, s0 - 1, lowerBound: lb), m.kind == .name || isPronoun(m) {
            return withCue(m, t, s0 - 1, method: "cue-before-quote")
        }
        guard t.isIn(Self.contentClauseOpenerKeys, Self.contentClauseOpeners, s0 - 1) else { return nil }
        var v = s0 - 2
        while v >= lb, s0 - v <= 10 {
            if t.isPunct(v, 0x2C) || t.isPunct(v, 0x3B) || !t.isPlain(v) { return nil }
            if isSpeechVerb(t, v), !isParticiple(t, v), let m = subjectBefore(t, v, lowerBound: lb),
               m.kind == .name || isPronoun(m) {
                return withCue(m, t, v, method: "cue-before-quote")
            }
            v -= 1
        }
        return nil
    }

    /// A conjunction opening a new clause in `from..<to` (`…,” and Tramp vowed`,
    /// `…,” but Quill said`): `and` or `but` first, or after a comma.
    func joinsClause(_ t: AttributionText, from: Int, to: Int) -> Bool {
        var k = from
        while k < to {
            if t.tokens[k].kind == .word, t.isPlain(k) {
                let w = t.key(k)
                guard w == 0x61_6E64 || w == 0x62_7574 else { return false } // and, but
                return k == from || t.isPunct(k - 1, 0x2C)
            }
            k += 1
        }
        return false
    }

    /// `As Quill spoke, the attendees chanted, “…”`, `Quill said as the heckler
    /// yelled: “…”`: an article or descriptor opener and one to three lower-case
    /// words right before the verb at `k` (adverbs aside), opening their clause
    /// (after a comma, the sentence start or a conjunction): the verb's subject,
    /// whatever its head noun.
    func clauseSubjectPhrase(_ t: AttributionText, before k: Int, lowerBound lb: Int) -> SpeakerFind? {
        var end = k - 1
        while end > lb, isAdverbOrAuxiliary(t, end) { end -= 1 }
        var j = end
        while j >= lb, end - j <= 3, t.tokens[j].kind == .word, t.isPlain(j) {
            let w = t.lower(j)
            if t.isDeterminer(j) || SpeechLexicon.descriptorOpeners.contains(w) { break }
            if t.tokens[j].isCapitalized || SpeechLexicon.phraseBreakers.contains(w) { return nil }
            j -= 1
        }
        guard j >= lb, j < end, t.tokens[j].kind == .word,
              t.isDeterminer(j) || t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, j) else { return nil }
        let p = j - 1
        guard p < lb || t.sentenceStart[j] || t.isPunct(p, 0x2C)
                || (t.tokens[p].kind == .word && Self.clauseOpeners.contains(t.lower(p))) else { return nil }
        return bareNounPhrase(t, from: j, to: end + 1)
    }

    static let clauseOpeners: Set<String> = [
        "as", "when", "while", "after", "before", "because", "and", "but", "then", "until", "since", "where",
    ]

    /// `one former GOP leadership aide`: the name found is a modifier of the
    /// lower-case source noun right after it, not the speaker.
    func modifiesSourceNoun(_ t: AttributionText, _ f: SpeakerFind) -> Bool {
        guard f.kind == .name, let span = f.span, let n = AttributionText.firstToken(t.tokens, atOrAfter: span.end) else {
            return false
        }
        var e = n
        while e < t.tokens.count, e - n < 3, t.tokens[e].kind == .word, !t.tokens[e].isCapitalized, t.isPlain(e) {
            if t.has(e, .sourceNoun) { return true }
            e += 1
        }
        return false
    }

    /// `“… are missing.” Quill said.`: the sentence at `r0` is nothing but a subject
    /// and a verb of saying (four words at most, then its full stop), so it
    /// reports the quote before it though that quote closed its own sentence.
    func isBareCueSentence(_ t: AttributionText, _ r0: Int) -> Bool {
        let end = t.nextSentence[r0]
        guard end - r0 >= 2, end - r0 <= 5, t.isStop(end - 1) else { return false }
        var v = -1
        var k = r0
        while k < end - 1 {
            guard t.tokens[k].kind == .word, t.isPlain(k) else { return false }
            if v < 0, k > r0, isSpeechVerb(t, k) { v = k }
            k += 1
        }
        guard v == end - 2, let f = subjectBefore(t, v, lowerBound: r0), f.kind != .inherit, let span = f.span else {
            return false
        }
        return span.start == t.tokens[r0].start || (t.isDeterminer(r0) && r0 + 1 < end && span.start == t.tokens[r0 + 1].start)
    }

    /// `read` / `reads` of a text's words (`the statement read`, `read the email`);
    /// the callers take it as a cue only with a text or a name as its subject.
    func isReadCue(_ t: AttributionText, _ v: Int) -> Bool {
        guard t.tokens[v].kind == .word, t.isPlain(v), !t.tokens[v].isCapitalized else { return false }
        let k = t.key(v)
        return k == 0x72_6561_64 || k == 0x7265_6164_73 // read, reads
    }

    /// `As Quill put it, “…”`: `put it` reports speech like a verb of saying.
    func isPutIt(_ t: AttributionText, _ v: Int) -> Bool {
        guard t.tokens[v].kind == .word, t.isPlain(v), !t.tokens[v].isCapitalized, t.key(v) == 0x70_7574, // put
              v + 1 < t.tokens.count, t.tokens[v + 1].kind == .word, t.key(v + 1) == 0x6974 else { return false } // it
        return v + 2 >= t.tokens.count || t.tokens[v + 2].kind == .punctuation
    }

    /// `the progressive heavyweights`, `some protesters`: a determiner or
    /// descriptor opener and one to three lower-case words filling `from..<to`
    /// (punctuation first): a descriptor without its article.
    func bareNounPhrase(_ t: AttributionText, from: Int, to verb: Int) -> SpeakerFind? {
        // `“…,” the editorial board recently wrote`: adverbs before the verb are not the phrase's.
        var to = verb
        while to - 1 > from, t.tokens[to - 1].kind == .word, isAdverbOrAuxiliary(t, to - 1) { to -= 1 }
        var a = from
        while a < to, t.tokens[a].kind == .punctuation, t.isPunct(a, 0x2C) { a += 1 }
        guard a < to, t.tokens[a].kind == .word else { return nil }
        let opener = t.lower(a)
        let isArticle = t.isDeterminer(a)
        guard isArticle || SpeechLexicon.descriptorOpeners.contains(opener) else { return nil }
        let first = isArticle ? a + 1 : a
        guard to - first >= 1, to - first <= 3 else { return nil }
        var k = first
        while k < to {
            // `Another commenter said`: only the opener may carry the sentence's capital.
            let capitalOK = k == a && !isArticle && t.sentenceStart[k]
            guard t.tokens[k].kind == .word, !t.tokens[k].isCapitalized || capitalOK, t.isPlain(k),
                  !t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, k), t.pronounKind(k) == nil,
                  !t.isIn(SpeechLexicon.auxiliaryKeys, SpeechLexicon.auxiliaries, k) else { return nil }
            k += 1
        }
        guard to - 1 > first || !isArticle || !t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, first) else { return nil }
        var text = t.string(from: first, to: to - 1)
        // `Another commenter said`: the sentence's capital is not the descriptor's.
        if t.tokens[first].isCapitalized, let c = text.first { text = c.lowercased() + text.dropFirst() }
        return SpeakerFind(kind: .descriptor, text: text, span: t.span(first, to - 1))
    }

    /// `recently`, `also`, `has`: skipped between a subject and its verb.
    func isAdverbOrAuxiliary(_ t: AttributionText, _ k: Int) -> Bool {
        let tok = t.tokens[k]
        guard tok.kind == .word, !tok.isCapitalized else { return false }
        let ly = tok.length > 4 && t.bytes[tok.end - 2] == 0x6C && t.bytes[tok.end - 1] == 0x79
        return ly || t.isIn(SpeechLexicon.auxiliaryKeys, SpeechLexicon.auxiliaries, k)
    }

    /// The name of a person (two words or more, or the surname of a full name in
    /// the story; no organisation or place) ending right before the colon at `colon`.
    func personBeforeColon(_ t: AttributionText, _ colon: Int, lowerBound lb: Int) -> SpeakerFind? {
        var z = colon - 1
        // `Rep. Ada Quill (R-S.C.): “…”`: the bracket before the colon is skipped.
        if z >= lb, t.isPunct(z, 0x29), let open = openingBracket(t, before: z, lowerBound: lb) { z = open - 1 }
        guard z >= lb, t.isNameWord(z), t.possessiveSuffix(z) == 0 else { return nil }
        let a = runStart(t, endingAt: z, lowerBound: lb)
        guard let (first, words, isOrg) = nameTokens(t, a, z), !isOrg, !isPlaceLike(t, first),
              words >= 2 || fullNames[t.lower(z)] != nil else { return nil }
        // All capitals (`RED STATES OUTNUMBER BLUE`) is a heading, not a name.
        var k = first
        while k <= z {
            if t.tokens[k].kind == .word, t.tokens[k].length > 1, t.isUpperCase(k) { return nil }
            k += 1
        }
        return nameRun(t, a, z)
    }

    /// The first name or pronoun standing as a subject (followed by a lower-case
    /// word) in `from..<to`.
    /// How many tokens before a quote `sentenceSubject` reads.
    static let subjectWindow = 300

    func sentenceSubject(_ t: AttributionText, from sentenceStart: Int, to: Int) -> SpeakerFind? {
        // Look back at most `subjectWindow` tokens: a run-on "sentence" holding
        // thousands of quotes made every quote rescan it from its start
        // (quadratic); no real subject stands that far before its quote.
        let from = max(sentenceStart, to - Self.subjectWindow)
        var v = from
        while v < to {
            if isSpeechVerb(t, v), !isParticiple(t, v), let f = subjectBefore(t, v, lowerBound: from),
               f.kind != .inherit {
                return f
            }
            v += 1
        }
        var k = from
        // `Ever since she endorsed Tramp, Quill has …`, `When asked, Quill …`: the opening
        // clause's subject is not the sentence's; start after its comma.
        if from == sentenceStart, let main = mainClauseStart(t, from: from, to: to) { k = main }
        while k < to {
            // `The Florida senator took a heckler in stride, saying …`: an unnamed subject.
            if t.tokens[k].kind == .word, !t.tokens[k].isCapitalized, k + 1 < to, t.tokens[k + 1].kind == .word,
               !t.tokens[k + 1].isCapitalized, k - from <= 6, t.has(k, .sourceNoun),
               let f = nounPhrase(t, endingAt: k, lowerBound: from), f.kind == .descriptor, f.span?.start == t.tokens[from].start
                || (from + 1 < to && t.isDeterminer(from) && f.span?.start == t.tokens[from + 1].start) {
                if let named = nameInDescriptorTail(t, head: k, upperBound: to) { return named }
                return wholeSubjectDescriptor(t, f, head: k, upperBound: to)
            }
            if t.tokens[k].kind == .word, let p = t.pronounKind(k), k + 1 < to,
               t.tokens[k + 1].kind == .word, !t.tokens[k + 1].isCapitalized {
                return SpeakerFind(kind: .pronoun(p), text: t.lower(k), span: t.span(k, k))
            }
            if t.isNameWord(k) || isTitleWord(t, k) {
                let (a, z) = runExtent(t, from: k)
                if k == from || rolesOnly(t, from: from, to: k),
                   t.possessiveSuffix(z) == 0, z + 2 < to, t.isPunct(z + 1, 0x2C), t.isPlain(z + 1),
                   t.tokens[z + 2].kind == .word, t.isDeterminer(z + 2) || t.key(z + 2) == 0x77_686F // who
                    || (k > from && !t.tokens[z + 2].isCapitalized),
                   !isPlaceLike(t, a), let f = nameRun(t, a, z) {
                    // `Dottie Marsh, the party's chairwoman, is backing Tramp and …`: the name
                    // opening the sentence before its appositive is the subject.
                    return f
                }
                if k > from, t.isPlain(k - 1), t.tokens[k - 1].kind == .word, !t.tokens[k - 1].isCapitalized,
                   Self.isVerbForm(t, k - 1) {
                    // `… is backing Tramp as a delegate`, `the raid that killed Blaise`: an object.
                    k = z + 1
                    continue
                }
                if t.possessiveSuffix(z) == 0, z + 1 < to, t.tokens[z + 1].kind == .word, !t.tokens[z + 1].isCapitalized,
                   !t.has(z + 1, .sourceNoun), !t.has(z + 1, .titleText),
                   !(a == z && isModifierBeforeNoun(t, a)), !(a == z && startsSentence(t, a) && !isKnownName(t, a)),
                   let f = nameRun(t, a, z) {
                    // Not `Republican presidential candidate …` nor `Hours later, …`.
                    return f
                }
                k = z + 1
                continue
            }
            k += 1
        }
        return nil
    }

    /// The unnamed subject `f` opening a sentence, with the source nouns after its
    /// head (`The billionaire businessman`, `His chief aide`) and the head's object
    /// when a verb ends it (`A spokeswoman for the Harbour Board emailed`).
    func wholeSubjectDescriptor(_ t: AttributionText, _ f: SpeakerFind, head k: Int, upperBound to: Int) -> SpeakerFind {
        guard let span = f.span, let first = AttributionText.firstToken(t.tokens, atOrAfter: span.start) else { return f }
        var h = k
        while h + 1 < to, h - k < 3, t.tokens[h + 1].kind == .word, t.isPlain(h + 1), !t.tokens[h + 1].isCapitalized,
              t.has(h + 1, .sourceNoun) || t.has(h + 1, .titleText), !isSpeechVerb(t, h + 1) { h += 1 }
        var end = h
        if h + 2 < to, t.tokens[h + 1].kind == .word, t.isIn(Self.objectLinkKeys, Self.objectLinks, h + 1) {
            var j = h + 2
            while j < to, j - h <= 9, t.isPlain(j), t.tokens[j].kind == .word,
                  t.tokens[j].isCapitalized || !(Self.isVerbForm(t, j) || isSpeechVerb(t, j) || isAdverbOrAuxiliary(t, j)) { j += 1 }
            if j > h + 2, j < to, t.tokens[j].kind == .word, !t.tokens[j].isCapitalized,
               Self.isVerbForm(t, j) || isSpeechVerb(t, j) || isAdverbOrAuxiliary(t, j) { end = j - 1 }
        }
        guard end > k else { return f }
        return SpeakerFind(kind: .descriptor, text: t.string(from: first, to: end), span: t.span(first, end), cue: f.cue)
    }

    /// Only role and party words in `from..<to` (`Republican presidential nominee`).
    func rolesOnly(_ t: AttributionText, from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        var k = from
        while k < to {
            guard t.tokens[k].kind == .word, t.isPlain(k) else { return false }
            let ok = t.isDeterminer(k) || t.has(k, .sourceNoun) || t.has(k, .titleText) || isTitleWord(t, k)
                || isAffiliation(t, k) || t.has(k, .demonym) || (!t.tokens[k].isCapitalized && !isSpeechVerb(t, k) && k + 1 < to)
            guard ok else { return false }
            k += 1
        }
        return t.has(to - 1, .sourceNoun) || t.has(to - 1, .titleText) || isTitleWord(t, to - 1)
    }

    static let clauseOpenerAdverbs: Set<String> = ["ever", "even", "just", "only", "but", "and"]
    static let clauseOpenerAdverbKeys = SpeechWordSet(clauseOpenerAdverbs)

    /// After an opening subordinate clause (`When …,`, `Ever since …,`, `Asked …,`):
    /// the first token after its comma, when a comma ends it before `to`.
    func mainClauseStart(_ t: AttributionText, from: Int, to: Int, throughQuotes: Bool = false) -> Int? {
        var o = from
        if o + 1 < to, t.tokens[o].kind == .word, t.isIn(Self.clauseOpenerAdverbKeys, Self.clauseOpenerAdverbs, o) { o += 1 }
        guard o < to, t.tokens[o].kind == .word,
              t.isIn(Self.introClauseOpenerKeys, Self.introClauseOpeners, o)
                || (t.tokens[o].isCapitalized && Self.isVerbForm(t, o) && o + 1 < to && t.tokens[o + 1].kind == .word
                    && !t.tokens[o + 1].isCapitalized) else { return nil }
        var k = o + 1
        while k < to, k - o < 40 {
            if !t.isPlain(k) {
                guard throughQuotes else { return nil }
                // `… “not neighbourly,” the pope …`: the comma before the closing mark ends the clause.
                if t.isPunct(k, 0x2C), k + 1 < to, t.roles[k + 1] == .mark { return k + 2 < to ? k + 2 : nil }
            } else if t.isPunct(k, 0x2C) {
                return k + 1 < to ? k + 1 : nil
            }
            k += 1
        }
        return nil
    }

    /// `But while denouncing the “perversion” of tax avoidance, she has …`, `In
    /// declaring his words “not Christian,” the pope again showed …`: a quote in an
    /// opening clause (the quote's first token at `a`) is the main clause's
    /// subject's, which stands right after the clause's comma.
    func mainClauseSubject(_ t: AttributionText, quoteAt a: Int) -> SpeakerFind? {
        let s = t.sentenceHead[a]
        // The opening clause is short (mainClauseStart reads 40 tokens): no walk to the end of a run-on sentence.
        let limit = min(t.tokens.count, max(a, s + 60) + 20)
        var end = a + 1
        while end < limit, !t.sentenceStart[end] { end += 1 }
        guard let m = mainClauseStart(t, from: s, to: end, throughQuotes: true), m > a, t.isPlain(m), m + 1 < end else { return nil }
        if t.tokens[m].kind == .word, let p = t.pronounKind(m), t.tokens[m + 1].kind == .word, !t.tokens[m + 1].isCapitalized {
            return SpeakerFind(kind: .pronoun(p), text: t.lower(m), span: t.span(m, m))
        }
        if t.isNameWord(m) || isTitleWord(t, m) {
            let (ra, rz) = runExtent(t, from: m)
            guard rz + 1 < end, t.possessiveSuffix(rz) == 0, t.tokens[rz + 1].kind == .word, !t.tokens[rz + 1].isCapitalized
            else { return nil }
            return nameRun(t, ra, rz)
        }
        // `the Latin American pope again demonstrated`: an article, a few words, a source noun, a verb.
        guard t.tokens[m].kind == .word, t.isDeterminer(m) else { return nil }
        var h = m + 1
        while h < end, h - m <= 5, t.tokens[h].kind == .word, !t.has(h, .sourceNoun) { h += 1 }
        guard h < end - 1, t.has(h, .sourceNoun), t.tokens[h + 1].kind == .word, !t.tokens[h + 1].isCapitalized,
              let f = nounPhrase(t, endingAt: h, lowerBound: m), f.kind == .descriptor else { return nil }
        return f
    }

    /// A lower-case word ending in `-ed` or `-ing` (`killed`, `backing`): a verb
    /// form, so a name right after it is its object, not a subject.
    static func isVerbForm(_ t: AttributionText, _ k: Int) -> Bool {
        let tok = t.tokens[k], b = t.bytes, e = tok.end
        guard tok.length >= 4 else { return false }
        if b[e - 2] == 0x65 && b[e - 1] == 0x64 { return true } // ed
        return tok.length >= 5 && b[e - 3] == 0x69 && b[e - 2] == 0x6E && b[e - 1] == 0x67 // ing
    }

    /// A one-word name the story knows: the surname of a full name in it, or an entity.
    func isKnownName(_ t: AttributionText, _ k: Int) -> Bool {
        fullNames[t.lower(k)] != nil || entityNamed(t.string(k)) != nil
    }

    /// `with` stands before the name at token `k` and its titles (`with U.S.
    /// Secretary of State Ada Quill`).
    func isWith(_ t: AttributionText, before k: Int, lowerBound lb: Int) -> Bool {
        var j = k - 1
        while j >= lb, k - j <= 8 {
            let tok = t.tokens[j]
            if tok.kind == .word, !tok.isCapitalized {
                if t.key(j) == 0x6F66 { j -= 1; continue } // Secretary of State
                return t.key(j) == 0x7769_7468 // with
            }
            guard tok.kind == .word || t.isPunct(j, 0x2E) else { return false }
            j -= 1
        }
        return false
    }

    /// `saying`, `adding`: a participle with no subject of its own. Not the
    /// progressive `is telling`, `was saying`, whose subject stands before it.
    func isParticiple(_ t: AttributionText, _ k: Int) -> Bool {
        guard t.endsWithIng(k) else { return false }
        guard k > 0, t.tokens[k - 1].kind == .word, t.tokens[k - 1].length <= 5 else { return true }
        switch t.key(k - 1) {
        case 0x6973, 0x617265, 0x776173, 0x7765_7265: return false // is, are, was, were
        default: return true
        }
    }

    /// `said Quill: “…”`, `said Quill, “…”`: only punctuation (or an appositive
    /// ending in a comma) between the name after the verb and the quote.
    func endsClauseBeforeQuote(_ t: AttributionText, after span: Span, quoteOpen: Int) -> Bool {
        guard let next = AttributionText.firstToken(t.tokens, atOrAfter: span.end) else { return true }
        if next >= quoteOpen { return true }
        if t.isPunct(next, 0x3A) || t.isPunct(next, 0x2C) {
            return next + 1 >= quoteOpen || t.isPunct(quoteOpen - 1, 0x2C) || t.isPunct(quoteOpen - 1, 0x3A)
        }
        return false
    }

    /// `Sen. Ada Quill of Tarn, the ranking member on the committee, who`: the
    /// person named before the relative clause opening after `comma`, over one
    /// appositive at most; nil when no person stands there.
    func personBeforeRelative(_ t: AttributionText, comma: Int, lowerBound lb: Int) -> SpeakerFind? {
        var end = comma - 1
        for _ in 0..<2 {
            guard end >= lb else { return nil }
            if let f = nounPhrase(t, endingAt: end, lowerBound: lb), f.kind == .name, let span = f.span,
               let first = AttributionText.firstToken(t.tokens, atOrAfter: span.start) {
                let last = (AttributionText.firstToken(t.tokens, atOrAfter: span.end) ?? t.tokens.count) - 1
                // Not `the Wisconsin Republican, who …`: a description, not a name.
                let described = first > lb && t.tokens[first - 1].kind == .word && t.isDeterminer(first - 1)
                if last >= first, !described, let (_, words, isOrg) = nameTokens(t, first, last), !isOrg,
                   words >= 2 || fullNames[t.lower(last)] != nil, !isPlaceLike(t, first) {
                    return f
                }
            }
            // Back over the appositive to the comma before it.
            var j = end
            while j >= lb, comma - j <= 30, !t.isPunct(j, 0x2C) {
                guard t.isPlain(j) else { return nil }
                j -= 1
            }
            guard j >= lb, t.isPunct(j, 0x2C) else { return nil }
            end = j - 1
        }
        return nil
    }

    /// The `(` matching the `)` at `close`, within a few tokens.
    func openingBracket(_ t: AttributionText, before close: Int, lowerBound lb: Int) -> Int? {
        var j = close - 1
        while j >= lb, close - j <= 12 {
            if t.isPunct(j, 0x28) { return j > lb ? j : nil }
            if t.isPunct(j, 0x29) { return nil }
            j -= 1
        }
        return nil
    }

    /// The full stop at `j` closes an abbreviation inside a phrase, not a sentence:
    /// a title or initial's (`Gov.`, `J.`), or any short capitalised word's right
    /// before a comma (`of Tarn, Keld., said`, `Ada Quill Jr., the head of …`, `R-Ky.,`).
    func isAbbreviationDot(_ t: AttributionText, _ j: Int) -> Bool {
        guard j > 0, t.isPunct(j, 0x2E), t.tokens[j].start == t.tokens[j - 1].end else { return false }
        if isTitleWord(t, j - 1) || t.isInitial(j - 1) { return true }
        let w = t.tokens[j - 1]
        // `the No. 2 in the leadership`: a number's abbreviation before its digits.
        if w.kind == .word, w.length == 2, t.key(j - 1) == 0x6E6F, j + 1 < t.tokens.count, t.tokens[j + 1].kind == .number {
            return true
        }
        guard w.kind == .word, w.isCapitalized, j + 1 < t.tokens.count, t.isPunct(j + 1, 0x2C) else { return false }
        // The part after a hyphen counts (`R-Calif.`).
        var a = w.end
        while a > w.start, t.bytes[a - 1] != 0x2D { a -= 1 }
        return w.end - a <= 5
    }

    func onlyPunctuation(_ t: AttributionText, _ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to {
            if t.tokens[k].kind != .punctuation { return false }
            k += 1
        }
        return true
    }

    /// `said that`, `asked whether`, `asked if`: a content clause after its verb.
    static let contentClauseOpeners: Set<String> = ["if", "that", "whether"]
    static let contentClauseOpenerKeys = SpeechWordSet(contentClauseOpeners)
    /// The organisation after a role (`president and CEO of …`).
    static let roleObjectLinks: Set<String> = ["of", "at", "for", "from", "with"]
    static let roleObjectLinkKeys = SpeechWordSet(roleObjectLinks)

    func withCue(_ f: SpeakerFind, _ t: AttributionText, _ v: Int, method: String? = nil) -> SpeakerFind {
        var f = f
        f.cue = t.lower(v)
        if let m = method { f.method = m }
        return f
    }

    func with(_ f: SpeakerFind, method: String) -> SpeakerFind {
        var f = f
        f.method = method
        return f
    }

    /// The verb ends its clause: after it only a few adjunct words (`said on Tuesday`).
    func isClauseFinal(_ t: AttributionText, _ v: Int, _ end: Int) -> Bool {
        var words = 0
        var k = v + 1
        while k < end {
            if t.tokens[k].kind == .word { words += 1 }
            k += 1
        }
        return words <= 8
    }

    func accordingTo(_ t: AttributionText, _ from: Int, _ to: Int) -> SpeakerFind? {
        guard to - from >= 3 else { return nil }
        var k = from
        while k + 2 < to {
            if t.tokens[k].kind == .word, t.has(k, .according), t.key(k + 1) == 0x746F {
                if var f = subjectAfter(t, k + 1, upperBound: to) {
                    f.cue = "according to"
                    if f.kind == .descriptor, let span = f.span { f = wholePhrase(t, f, span, upperBound: to) }
                    return f
                }
            }
            k += 1
        }
        return nil
    }

    /// `according to a study last year by economists at Tarn University,`: after
    /// `according to` the source is the whole noun phrase up to the clause's end (a
    /// comma, full stop or quote mark within 20 tokens), not only its head.
    func wholePhrase(_ t: AttributionText, _ f: SpeakerFind, _ span: Span, upperBound ub: Int) -> SpeakerFind {
        guard let a = AttributionText.firstToken(t.tokens, atOrAfter: span.start),
              let n = AttributionText.firstToken(t.tokens, atOrAfter: span.end) else { return f }
        var j = n
        while j < ub, j - n <= 20, t.isPlain(j) {
            if t.isPunct(j, 0x2C) || (t.isStop(j) && !isAbbreviationDot(t, j)) || t.isDashOrBracket(j) { break }
            // `her lawyers in a court filing`: a manner phrase is not the source's.
            if j + 1 < ub, t.tokens[j].kind == .word, t.key(j) == 0x696E || t.key(j) == 0x6F6E, t.isDeterminer(j + 1), // in, on
               t.tokens[j + 1].length <= 2 { break }
            j += 1
        }
        let manner = j < ub && t.tokens[j].kind == .word
        guard j > n, j - n <= 20, j == ub || manner || !t.isPlain(j) || t.isPunct(j, 0x2C) || t.isStop(j) || t.isDashOrBracket(j),
              t.tokens[j - 1].kind == .word || t.tokens[j - 1].kind == .number else { return f }
        var g = f
        g.text = t.string(from: a, to: j - 1)
        g.span = t.span(a, j - 1)
        return g
    }

    /// The subject of the verb at `v`, read leftwards: adverbs and auxiliaries
    /// skipped, an appositive or relative clause between commas jumped over.
    func subjectBefore(_ t: AttributionText, _ v: Int, lowerBound lb: Int) -> SpeakerFind? {
        var k = v - 1
        while k >= lb {
            if isAdverbOrAuxiliary(t, k) { k -= 1; continue }
            // `Quill on Wednesday said`, `Quill last week told`, `Quill in a statement said`.
            if let before = adjunctStart(t, endingAt: k, lowerBound: lb) { k = before - 1; continue }
            break
        }
        guard k >= lb else { return nil }
        // `Sen. Ada Quill of Tarn, the ranking member, who said …`: the person the relative clause is of.
        if t.tokens[k].kind == .word, t.key(k) == 0x77_686F, k - 1 > lb, t.isPunct(k - 1, 0x2C) { // who
            return personBeforeRelative(t, comma: k - 1, lowerBound: lb)
        }
        // `Quill (D-Ohio), said` / `Quill (D-Ohio) said`: skip the bracket.
        if t.isPunct(k, 0x2C), k - 1 >= lb, t.isPunct(k - 1, 0x29), let open = openingBracket(t, before: k - 1, lowerBound: lb) {
            return nounPhrase(t, endingAt: open - 1, lowerBound: lb)
        }
        if t.isPunct(k, 0x29), let open = openingBracket(t, before: k, lowerBound: lb) {
            return nounPhrase(t, endingAt: open - 1, lowerBound: lb)
        }
        if t.isPunct(k, 0x2C) {
            // `Ada Quill, a fisher from Tarn, Keldmark, said`: the name the clause opens with.
            if let f = appositiveHead(t, before: k, lowerBound: lb) { return f }
            // `Quill, the mayor’s aide, said` / `Quill, who …, said`
            var j = k - 1
            let limit = max(lb, k - 40)
            while j >= limit, !t.isPunct(j, 0x2C) {
                if (t.isStop(j) && !isAbbreviationDot(t, j)) || !t.isPlain(j) { return nil }
                j -= 1
            }
            guard j >= lb, j > limit || t.isPunct(j, 0x2C), j - 1 >= lb else { return nil }
            let outer = nounPhrase(t, endingAt: j - 1, lowerBound: lb)
            // `A spokeswoman for Bayline Marine, Joan Pruitt, said`, `The leader of the Harbour
            // League, Jonas Greeve, warned`: the outer name is an object; the name between the commas speaks.
            if let f = outer, f.kind == .name, let span = f.span,
               descriptorBeforeObject(t, nameStart: span.start, lowerBound: lb) != nil
                || followsPreposition(t, nameStart: span.start, lowerBound: lb)
                || followsVerbForm(t, nameStart: span.start, lowerBound: lb),
               let inner = nounPhrase(t, endingAt: k - 1, lowerBound: j + 1), inner.kind == .name {
                return inner
            }
            if let f = outer, f.kind == .name || isPronoun(f) { return f }
            // `The union’s head, Ada Quill, said`: the name between the commas.
            if let inner = nounPhrase(t, endingAt: k - 1, lowerBound: j + 1), inner.kind == .name,
               let span = inner.span, t.tokens[j + 1].start >= span.start - 12 || outer?.kind == .descriptor {
                return inner
            }
            if let f = outer, f.kind == .descriptor { return f }
            return nil
        }
        if let f = coordinatedSubject(t, and: k, lowerBound: lb) { return f }
        if let f = subjectBeforeRelative(t, endingAt: k, lowerBound: lb) { return f }
        // `A spokesman for the campaign said`, `the secretary of state said`: the source noun with its object.
        if let f = descriptorWithObject(t, endingAt: k, lowerBound: lb) { return f }
        let found = nounPhrase(t, endingAt: k, lowerBound: lb)
        if let f = found, f.kind == .name, let span = f.span, let head = descriptorBeforeObject(t, nameStart: span.start, lowerBound: lb) {
            return head
        }
        // `Anthony Anton, president and CEO of Tarn Restaurant Association stated`: the appositive's
        // closing comma left out; the organisation is the role's object, the name before it speaks.
        if let f = found, f.kind == .name, let span = f.span, let first = AttributionText.firstToken(t.tokens, atOrAfter: span.start),
           first - 1 > lb, t.tokens[first - 1].kind == .word,
           t.isIn(Self.roleObjectLinkKeys, Self.roleObjectLinks, first - 1),
           let head = appositiveHead(t, before: k + 1, lowerBound: lb), head.kind == .name,
           let hs = head.span, hs.start < span.start {
            return head
        }
        // `Stacy Bakker of Halden, South Tarnia says`: the state after the town the person is from.
        if let f = found, f.kind == .name, let span = f.span, let first = AttributionText.firstToken(t.tokens, atOrAfter: span.start),
           first - 2 > lb, t.isPunct(first - 1, 0x2C), t.isNameWord(first - 2) {
            let town = runStart(t, endingAt: first - 2, lowerBound: lb)
            if let person = personBeforeOf(t, at: town, lowerBound: lb) { return person }
        }
        return found
    }

    /// `Quill smiled and said`, `He praised Tramp and added`: the cue verb is the
    /// second of two joined by `and` (at `k`); the subject is the first verb's,
    /// the name or pronoun that opens the clause (after a sentence start or a comma).
    func coordinatedSubject(_ t: AttributionText, and k: Int, lowerBound lb: Int) -> SpeakerFind? {
        guard k - 1 > lb, t.tokens[k].kind == .word, t.key(k) == 0x61_6E64, t.isPlain(k - 1), // and
              t.tokens[k - 1].kind == .word, !t.tokens[k - 1].isCapitalized, !t.has(k - 1, .sourceNoun) else { return nil }
        var c = k - 1
        while c > lb, k - c < 12, t.isPlain(c - 1), !t.isPunct(c - 1, 0x2C), !t.isPunct(c - 1, 0x3B),
              !t.sentenceStart[c] { c -= 1 }
        guard c < k - 1, t.isPlain(c), t.sentenceStart[c] || c == lb || t.isPunct(c - 1, 0x2C) || t.isPunct(c - 1, 0x3B)
        else { return nil }
        // The clause opens with its subject, then a lower-case verb.
        if t.tokens[c].kind == .word, let p = t.pronounKind(c), t.tokens[c + 1].kind == .word, !t.tokens[c + 1].isCapitalized {
            return SpeakerFind(kind: .pronoun(p), text: t.lower(c), span: t.span(c, c))
        }
        guard t.isNameWord(c) || isTitleWord(t, c) else { return nil }
        let (a, z) = runExtent(t, from: c)
        guard z + 1 < k, t.possessiveSuffix(z) == 0, t.tokens[z + 1].kind == .word, !t.tokens[z + 1].isCapitalized,
              !t.has(z + 1, .sourceNoun), !t.has(z + 1, .titleText), !isSpeechVerb(t, z + 1) else { return nil }
        return nameRun(t, a, z)
    }

    /// The name starting at `nameStart` is the object of a preposition (`of the
    /// Harbour League`, `in April`), so no subject.
    func followsPreposition(_ t: AttributionText, nameStart: Int, lowerBound lb: Int) -> Bool {
        guard let n = AttributionText.firstToken(t.tokens, atOrAfter: nameStart) else { return false }
        var p = n - 1
        if p >= lb, t.tokens[p].kind == .word, t.isDeterminer(p) { p -= 1 }
        return p >= lb && t.tokens[p].kind == .word && SpeechLexicon.prepositionKeys.contains(t.key(p))
    }

    /// The name starting at `nameStart` is the object of a verb form (`One pastor
    /// supporting Mr. Cruz, Darran Whiting, said`), so no subject.
    func followsVerbForm(_ t: AttributionText, nameStart: Int, lowerBound lb: Int) -> Bool {
        guard let n = AttributionText.firstToken(t.tokens, atOrAfter: nameStart) else { return false }
        var p = n - 1
        // Titles written before the name (`Mr.`, `Sen.`) are part of it.
        while p >= lb, t.isPunct(p, 0x2E) || isTitleWord(t, p) { p -= 1 }
        return p >= lb && t.tokens[p].kind == .word && !t.tokens[p].isCapitalized && t.isPlain(p) && Self.isVerbForm(t, p)
    }

    /// `A senior Treasury adviser travelling with Quill said`: the name is the
    /// object of a preposition in the subject's modifier; the subject is the
    /// descriptor before it (a source noun within a few words, no comma between).
    static let modifierPrepositions: Set<String> = ["with", "for", "to", "from", "at", "by", "alongside", "near", "beside"]
    static let modifierPrepositionKeys = SpeechWordSet(modifierPrepositions)
    func descriptorBeforeObject(_ t: AttributionText, nameStart: Int, lowerBound lb: Int) -> SpeakerFind? {
        guard let n = AttributionText.firstToken(t.tokens, atOrAfter: nameStart) else { return nil }
        var p = n - 1
        while p >= lb, t.isPunct(p, 0x2E) || (t.tokens[p].kind == .word && t.tokens[p].isCapitalized) { p -= 1 }
        guard p >= lb, t.tokens[p].kind == .word, !t.tokens[p].isCapitalized,
              t.isIn(Self.modifierPrepositionKeys, Self.modifierPrepositions, p) else { return nil }
        var j = p - 1
        while j >= lb, p - j <= 8, t.isPlain(j), t.tokens[j].kind == .word {
            if !t.tokens[j].isCapitalized, t.has(j, .sourceNoun) {
                if let f = nounPhrase(t, endingAt: j, lowerBound: lb), f.kind == .descriptor { return f }
                return nil
            }
            j -= 1
        }
        return nil
    }

    /// The last name in `Utah governor Ada Quill`: name runs joined by role words.
    func nameThroughRoles(_ t: AttributionText, from start: Int, upperBound ub: Int) -> SpeakerFind? {
        var best = runExtent(t, from: start)
        guard t.possessiveSuffix(best.1) == 0 else { return nil }
        var e = best.1 + 1
        var roles = 0
        while e < ub, roles <= 4, t.tokens[e].kind == .word {
            if t.isNameWord(e) {
                let run = runExtent(t, from: e)
                if t.possessiveSuffix(run.1) > 0 || roles == 0 { break }
                best = run
                e = run.1 + 1
                roles = 0
                continue
            }
            guard t.has(e, .titleText) || t.has(e, .sourceNoun) || t.key(e) == 0x72_616E_6B69_6E67 /* ranking */ else { break }
            roles += 1
            e += 1
        }
        return nameRun(t, best.0, min(best.1, ub - 1))
    }

    /// A time or manner phrase ending at `k` (`on Wednesday`, `last week`,
    /// `in a statement`, `earlier this month`): where it starts, or nil.
    func adjunctStart(_ t: AttributionText, endingAt k: Int, lowerBound lb: Int) -> Int? {
        guard k >= lb, t.tokens[k].kind == .word || t.tokens[k].kind == .number else { return nil }
        guard t.tokens[k].kind == .number || t.isIn(SpeechLexicon.adjunctHeadKeys, SpeechLexicon.adjunctHeads, k) else {
            return nil
        }
        let w = t.lower(k)
        var j = k - 1
        while j >= lb, k - j <= 4 {
            guard t.tokens[j].kind == .word || t.tokens[j].kind == .number else { return nil }
            if t.isIn(SpeechLexicon.adjunctOpenerKeys, SpeechLexicon.adjunctOpeners, j) { return j }
            j -= 1
        }
        // A bare day name: `Quill Wednesday said`.
        if ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"].contains(w) {
            return k
        }
        return nil
    }

    func isPronoun(_ f: SpeakerFind) -> Bool {
        if case .pronoun = f.kind { return true }
        return false
    }

    /// A name, pronoun or descriptor ending at token `k`.
    func nounPhrase(_ t: AttributionText, endingAt k: Int, lowerBound lb: Int) -> SpeakerFind? {
        guard k >= lb, k < t.tokens.count, t.tokens[k].kind == .word || t.isAgeNoun(k), t.isPlain(k) else { return nil }
        if let p = t.pronounKind(k) {
            return SpeakerFind(kind: .pronoun(p), text: t.lower(k), span: t.span(k, k), cue: nil)
        }
        // `one senior Democrat`, `a former Republican`: a party noun after a lower-case modifier is a descriptor.
        // The modifier is an opener itself or follows one (`one senior`), not a verb (`to disprove Republican claims`).
        func opens(_ j: Int) -> Bool {
            j >= lb && t.tokens[j].kind == .word && (t.isDeterminer(j) || t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, j))
        }
        let partyHead = k - 1 >= lb && t.tokens[k - 1].kind == .word && t.isPlain(k - 1) && t.isIn(Self.partyNounKeys, Self.partyNouns, k)
            && (!t.tokens[k - 1].isCapitalized || (t.sentenceStart[k - 1] && t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, k - 1)))
            && (t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, k - 1)
                || (!t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, k - 1) && opens(k - 2)))
        if (t.isNameWord(k) || isTitleWord(t, k)) && !isCapitalizedSourceNoun(t, k) && !partyHead {
            if t.possessiveSuffix(k) > 0 { return nil }
            let a = runStart(t, endingAt: k, lowerBound: lb)
            // `Ada Quill of the Harbour Authority said`: the person, not what she is of.
            if let person = personBeforeOf(t, at: a, lowerBound: lb) { return person }
            return nameRun(t, a, k)
        }
        // A descriptor: `a senior Quill adviser`, `French officials`, `the department`.
        guard !t.tokens[k].isCapitalized || t.sentenceStart[k] || isCapitalizedSourceNoun(t, k) || partyHead else { return nil }
        guard t.has(k, .sourceNoun) || t.isAgeNoun(k) || partyHead else { return nil }
        var a = k
        var count = 1
        while a - 1 >= lb, count < 7 {
            let j = a - 1
            guard t.tokens[j].kind == .word || (t.tokens[j].kind == .number) || t.isPunct(j, 0x2D) else { break }
            if t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, j) { a = j; break }
            if t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, j) || t.isDeterminer(j) { break }
            if t.isIn(lexicon.speechVerbKeys, lexicon.speechVerbs, j) && !t.tokens[j].isCapitalized { break }
            a = j
            count += 1
        }
        // `one of the sources`, `two of his aides`: the part of the group that speaks.
        var o = a - 1
        if o > lb, t.tokens[o].kind == .word, t.isDeterminer(o) || t.isIn(Self.possessiveKeys, Self.possessives, o) { o -= 1 }
        if o > lb, t.tokens[o].kind == .word, t.isPlain(o), t.key(o) == 0x6F66, // of
           t.tokens[o - 1].kind == .word || t.tokens[o - 1].kind == .number, t.isPlain(o - 1),
           t.tokens[o - 1].kind == .number || t.isIn(Self.partitiveKeys, Self.partitives, o - 1) {
            a = o - 1
        }
        // Sentence-initial capitals that are function words are not part of it.
        // Not `One` / `Some` / `Many`, which stay in the descriptor as in `one official`.
        while a < k, t.tokens[a].isCapitalized, t.isIn(SpeechLexicon.sentenceStarterKeys, SpeechLexicon.sentenceStarters, a),
              !t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, a) { a += 1 }
        var text = t.string(from: a, to: k)
        // `Critics said`: the sentence's capital is not the descriptor's.
        if a == k, t.tokens[a].isCapitalized, startsSentence(t, a), let c = text.first, !isKnownName(t, a) {
            text = c.lowercased() + text.dropFirst()
        }
        return SpeakerFind(kind: .descriptor, text: text, span: t.span(a, k), cue: nil)
    }

    static let partyNouns: Set<String> = ["democrat", "democrats", "republican", "republicans"]
    static let partyNounKeys = SpeechWordSet(partyNouns)
    static let partitives: Set<String> = [
        "one", "two", "three", "four", "five", "some", "many", "several", "none", "each", "both", "all", "most", "another",
        "any", "few", "neither", "either",
    ]
    static let partitiveKeys = SpeechWordSet(partitives)

    /// `Critics said …`, `Officials warned …`: a source noun capitalised only
    /// because it opens the sentence (alone, no name the story knows).
    func isCapitalizedSourceNoun(_ t: AttributionText, _ k: Int) -> Bool {
        guard t.tokens[k].isCapitalized, startsSentence(t, k), t.has(k, .sourceNoun) else { return false }
        if k + 1 < t.tokens.count, t.isNameWord(k + 1) || isTitleWord(t, k + 1) { return false }
        return !isKnownName(t, k)
    }

    /// `his campaign manager Jeff Weaver`, `her aide, Ada Quill, who …`: the name
    /// right after a descriptor's head noun (at `k`), alone or between commas.
    func nameAfterDescriptor(_ t: AttributionText, at k: Int, upperBound ub: Int) -> SpeakerFind? {
        var n = k
        if n < ub, t.isPunct(n, 0x2C) { n += 1 }
        guard n < ub, t.isPlain(n), t.isNameWord(n) else { return nil }
        let (a, z) = runExtent(t, from: n)
        guard z < ub, t.possessiveSuffix(z) == 0 else { return nil }
        // Between commas, the name must close its appositive (`, Ada Quill,` / `, Ada Quill.`).
        if n > k, z + 1 < ub, !(t.isPunct(z + 1, 0x2C) || t.isStop(z + 1)) { return nil }
        guard let (_, words, isOrg) = nameTokens(t, a, z), !isOrg, words >= 2 || fullNames[t.lower(z)] != nil else {
            return nil
        }
        return nameRun(t, a, z)
    }

    /// `a White House official who spoke anonymously to discuss strategy said`:
    /// a relative clause without commas between the subject and its verb (the
    /// clause's words end at `k`); the subject is the source noun or name before `who`.
    func subjectBeforeRelative(_ t: AttributionText, endingAt k: Int, lowerBound lb: Int) -> SpeakerFind? {
        guard k >= lb, t.tokens[k].kind == .word, !t.tokens[k].isCapitalized else { return nil }
        var j = k
        while j > lb, k - j < 12 {
            guard t.isPlain(j), t.tokens[j].kind == .word || t.tokens[j].kind == .number || t.isPunct(j, 0x2D) else { return nil }
            if j < k, t.key(j) == 0x77_686F { break } // who
            // `… who gained attention when he yelled`: the verb has a subject of its own.
            if t.pronounKind(j) != nil || t.isIn(Self.ownSubjectOpenerKeys, Self.ownSubjectOpeners, j) {
                return nil
            }
            j -= 1
        }
        guard j > lb, j < k - 1, t.key(j) == 0x77_686F, let f = nounPhrase(t, endingAt: j - 1, lowerBound: lb),
              f.kind == .descriptor || f.kind == .name else { return nil }
        // `Democrats in Iowa who watched …`: not the place.
        if f.kind == .name, let span = f.span, followsPreposition(t, nameStart: span.start, lowerBound: lb) { return nil }
        return f
    }
    /// Conjunctions before a verb with a subject of its own (`… who gained attention when he yelled`).
    static let ownSubjectOpeners: Set<String> = ["when", "because", "after", "if", "as", "while", "since", "before", "that"]
    static let ownSubjectOpenerKeys = SpeechWordSet(ownSubjectOpeners)

    /// `a spokesman for the campaign`, `the head of the agency`, `an aide to Quill`
    /// ending at `k`: a source noun, right after it a link (`of`, `for`, `to`, `at`,
    /// `from`, `with`) and its object of at most five words. The descriptor is the
    /// whole phrase (the noun alone says too little: not `campaign`, nor `spokesman`).
    func descriptorWithObject(_ t: AttributionText, endingAt k: Int, lowerBound lb: Int) -> SpeakerFind? {
        guard k >= lb, t.isPlain(k), t.tokens[k].kind == .word, t.possessiveSuffix(k) == 0,
              t.tokens[k].isCapitalized || !t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, k),
              t.tokens[k].isCapitalized || !Self.isVerbForm(t, k)
                || (k > lb && t.tokens[k - 1].kind == .word && t.possessiveSuffix(k - 1) > 0) else { return nil }
        var j = k
        while j > lb, k - j < 5 {
            guard t.isPlain(j), t.tokens[j].kind == .word || t.tokens[j].kind == .number || t.isPunct(j, 0x2D) else { return nil }
            // (`state` of `the secretary of state said` is a noun there.)
            if (j < k && isSpeechVerb(t, j)) || t.pronounKind(j) != nil { return nil }
            // `… to take back his words and`: a verb phrase, no noun's object.
            if j < k, !t.tokens[j].isCapitalized, t.isIn(Self.verbPhraseLinkKeys, Self.verbPhraseLinks, j) { return nil }
            if j < k, !t.tokens[j].isCapitalized, t.isIn(Self.objectLinkKeys, Self.objectLinks, j) || isPostmodifierLink(t, j, lowerBound: lb) { break }
            j -= 1
        }
        guard j > lb, j < k, t.tokens[j].kind == .word, !t.tokens[j].isCapitalized else { return nil }
        // `a source familiar with the talks`, `people close to the mayor`: the adjective between noun and link.
        let post = isPostmodifierLink(t, j, lowerBound: lb)
        guard post || t.isIn(Self.objectLinkKeys, Self.objectLinks, j) else { return nil }
        let noun = post ? j - 2 : j - 1
        guard noun >= lb, t.isPlain(noun), t.tokens[noun].kind == .word, !t.tokens[noun].isCapitalized || (post && t.sentenceStart[noun]),
              t.has(noun, .sourceNoun) || t.has(noun, .titleText) else { return nil }
        var first = noun
        if let head = nounPhrase(t, endingAt: noun, lowerBound: lb), head.kind == .descriptor, let span = head.span,
           let f = AttributionText.firstToken(t.tokens, atOrAfter: span.start) {
            first = f
        } else {
            // `the secretary of state`: a title noun, with the lower-case modifiers before it.
            while first - 1 >= lb, noun + 1 - first < 4, t.isPlain(first - 1), t.tokens[first - 1].kind == .word,
                  !t.tokens[first - 1].isCapitalized, !t.isDeterminer(first - 1), !isSpeechVerb(t, first - 1),
                  !t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, first - 1) { first -= 1 }
            guard first - 1 < lb || t.isDeterminer(first - 1) || t.sentenceStart[first] || t.tokens[first - 1].kind == .punctuation
            else { return nil }
        }
        // `… of the agency`: not the object of an earlier preposition (`in a letter to the board`).
        if first - 1 >= lb, t.tokens[first - 1].kind == .word, SpeechLexicon.prepositionKeys.contains(t.key(first - 1)) {
            return nil
        }
        return SpeakerFind(kind: .descriptor, text: t.string(from: first, to: k), span: t.span(first, k))
    }

    /// `with` of `familiar with`, `to` of `close to`, `in` of `involved in` at `j`:
    /// a preposition after an adjective that follows a source noun.
    func isPostmodifierLink(_ t: AttributionText, _ j: Int, lowerBound lb: Int) -> Bool {
        guard j - 2 >= lb, t.tokens[j].kind == .word, t.tokens[j - 1].kind == .word, t.isPlain(j - 1),
              t.isIn(Self.postmodifierKeys, Self.postmodifiers, j - 1),
              t.isIn(Self.postmodifierLinkKeys, Self.postmodifierLinks, j) else { return false }
        return t.tokens[j - 2].kind == .word && (!t.tokens[j - 2].isCapitalized || t.sentenceStart[j - 2])
            && t.has(j - 2, .sourceNoun)
    }
    static let postmodifiers: Set<String> = ["familiar", "close", "closest", "involved", "briefed", "knowledgeable", "loyal", "allied", "opposed", "aligned", "linked", "connected", "sympathetic", "friendly"]
    static let postmodifierKeys = SpeechWordSet(postmodifiers)
    static let postmodifierLinks: Set<String> = ["with", "to", "in", "on", "about"]
    static let postmodifierLinkKeys = SpeechWordSet(postmodifierLinks)
    static let objectLinks: Set<String> = ["of", "for", "to", "at", "from", "with"]
    static let objectLinkKeys = SpeechWordSet(objectLinks)
    /// Conjunctions that join verb phrases (`… to take back his words and`), not a noun's object.
    static let verbPhraseLinks: Set<String> = ["and", "or", "but", "than"]
    static let verbPhraseLinkKeys = SpeechWordSet(verbPhraseLinks)

    /// The name a descriptor opening its sentence goes on to give: `The French
    /// minister of energy, Ada Quill, alluded …`, `Former prosecutor and Harbour
    /// Mayor Rudi Gallo, who …` (the head noun at `head`).
    func nameInDescriptorTail(_ t: AttributionText, head: Int, upperBound ub: Int) -> SpeakerFind? {
        let j = head + 1
        guard j + 1 < ub, t.tokens[j].kind == .word, t.isPlain(j) else { return nil }
        if t.key(j) == 0x61_6E64 { // and
            guard t.isNameWord(j + 1) || isTitleWord(t, j + 1) else { return nil }
            let (a, z) = runExtent(t, from: j + 1)
            guard z < ub, t.possessiveSuffix(z) == 0, let (_, words, isOrg) = nameTokens(t, a, z), !isOrg, words >= 2,
                  z + 1 >= ub || t.isPunct(z + 1, 0x2C) || (t.tokens[z + 1].kind == .word && !t.tokens[z + 1].isCapitalized)
            else { return nil }
            return nameRun(t, a, z)
        }
        guard t.isIn(SpeechLexicon.descriptorLinkKeys, SpeechLexicon.descriptorLinks, j) else { return nil }
        var e = j + 1
        while e < ub, e - j <= 8, t.tokens[e].kind == .word, t.isPlain(e), !isSpeechVerb(t, e) { e += 1 }
        guard e < ub, t.isPunct(e, 0x2C) else { return nil }
        return nameAfterDescriptor(t, at: e, upperBound: ub)
    }

    /// Where the run of capitalised words (titles, initials with their dots) ending at `k` starts.
    func runStart(_ t: AttributionText, endingAt k: Int, lowerBound lb: Int) -> Int {
        var a = k
        while a - 1 >= lb {
            let j = a - 1
            if t.isNameWord(j) || isTitleWord(t, j) {
                if t.possessiveSuffix(j) > 0 { break }
                a = j; continue
            }
            if t.isPunct(j, 0x2E), j - 1 >= lb, t.tokens[j].start == t.tokens[j - 1].end,
               isTitleWord(t, j - 1) || t.isInitial(j - 1) {
                a = j - 1; continue
            }
            // `de la Cruz`, `van der Berg`: lower-case particles belong to the surname after them.
            if t.tokens[j].kind == .word, !t.tokens[j].isCapitalized, t.tokens[j].length <= 3, t.isPlain(j),
               t.isIn(Self.nameParticleKeys, Self.nameParticles, j), t.isNameWord(a) {
                var p = j
                while p - 1 >= lb, t.tokens[p - 1].kind == .word, !t.tokens[p - 1].isCapitalized,
                      t.tokens[p - 1].length <= 3, t.isIn(Self.nameParticleKeys, Self.nameParticles, p - 1) { p -= 1 }
                // Only at the start of a clause or after a given name: not `the Port de Brel`.
                if p - 1 < lb || t.tokens[p - 1].kind == .punctuation || t.isNameWord(p - 1) { a = p; continue }
            }
            break
        }
        return a
    }

    /// The person in `Ada Quill of the Harbour Authority` / `Mayor Ada Quill of
    /// Porthaven` / `Ada Quill at the Institute of Tides`, given where the last
    /// run starts: going left over runs joined by `of`, `at`, `for`, `from`, the
    /// first name of two words or more (or the surname of a full name in the
    /// story) that is no organisation (`Bank of England`) and no lone title
    /// (`Secretary of State`).
    func personBeforeOf(_ t: AttributionText, at a: Int, lowerBound lb: Int) -> SpeakerFind? {
        var runFirst = a
        var person: SpeakerFind?
        for _ in 0..<4 {
            var j = runFirst - 1
            if j >= lb, t.tokens[j].kind == .word, t.key(j) == 0x74_6865 { j -= 1 } // the
            guard j - 1 >= lb, t.tokens[j].kind == .word else { break }
            let link = t.key(j)
            guard link == 0x6F66 || link == 0x6174 || link == 0x666F_72 || link == 0x6672_6F6D, // of, at, for, from
                  t.isNameWord(j - 1) || isTitleWord(t, j - 1), t.possessiveSuffix(j - 1) == 0 else { break }
            let z = j - 1
            let start = runStart(t, endingAt: z, lowerBound: lb)
            runFirst = start
            guard let (first, words, isOrg) = nameTokens(t, start, z), !isOrg, !isPlaceLike(t, first) else { continue }
            // `Chairman G.K. Butterly of North Tarnia`: a title or initials before a surname make a person too.
            if words < 2 && fullNames[t.lower(z)] == nil && first == start { continue }
            person = nameRun(t, start, z)
        }
        return person
    }

    /// `Ada Quill, a fisher from Tarn, Keldmark, said`: when the clause before
    /// the verb's comma opens with a name followed by a comma and an appositive
    /// or relative clause (a lower-case word next), that name, however many
    /// commas the appositive holds. Only names of people (two words, or the
    /// surname of a full name in the story) and organisations.
    func appositiveHead(_ t: AttributionText, before k: Int, lowerBound lb: Int) -> SpeakerFind? {
        var s = lb
        while s < k, t.tokens[s].kind == .punctuation { s += 1 }
        // `But Tom Fitton, the president of …, said`: a conjunction opening the sentence.
        if s + 1 < k, t.tokens[s].kind == .word, t.isIn(Self.sentenceLinkKeys, Self.sentenceLinks, s) {
            s += 1
            if s + 1 < k, t.isPunct(s, 0x2C) { s += 1 }
        }
        guard s < k, k - s <= 80, t.isPlain(s), t.isNameWord(s) || isTitleWord(t, s) else { return nil }
        let (a, z) = runExtent(t, from: s)
        // `Rep. Ada Quill (D-Md.), chair of …`: the bracket after the name is skipped.
        var c = z + 1
        if c < k, t.isPunct(c, 0x28) {
            var e = c + 1
            while e < k, e - c <= 12, !t.isPunct(e, 0x29) { e += 1 }
            guard e < k, t.isPunct(e, 0x29) else { return nil }
            c = e + 1
        }
        // `Ada Quill, a fisher …`, `Ada Quill, 30, of Tarn, …`: a lower-case word or an age next.
        guard c + 1 < k, t.isPunct(c, 0x2C), t.possessiveSuffix(z) == 0,
              (t.tokens[c + 1].kind == .word && !t.tokens[c + 1].isCapitalized)
                || (t.tokens[c + 1].kind == .number && c + 2 < k && t.isPunct(c + 2, 0x2C)) else { return nil }
        var j = c + 1
        while j < k {
            if !t.isPlain(j) || (t.isStop(j) && !isAbbreviationDot(t, j)) { return nil }
            j += 1
        }
        guard let (first, words, isOrg) = nameTokens(t, a, z), !isPlaceLike(t, first),
              isOrg || words >= 2 || fullNames[t.lower(z)] != nil else { return nil }
        return nameRun(t, a, z)
    }

    static let sentenceLinks: Set<String> = ["but", "and", "yet", "still", "meanwhile", "however", "also", "so"]
    static let sentenceLinkKeys = SpeechWordSet(sentenceLinks)

    /// The subject after an inverted verb: `said Quill`, `said the mayor’s aide`, `according to Quill`.
    func subjectAfter(_ t: AttributionText, _ v: Int, upperBound ub: Int) -> SpeakerFind? {
        var k = v + 1
        while k < ub, t.tokens[k].kind == .word, t.isDeterminer(k) { k += 1 }
        guard k < ub, t.tokens[k].kind == .word || t.isAgeNoun(k), t.isPlain(k) else { return nil }
        let lower = t.lower(k)
        if let p = SpeechLexicon.pronounKind(lower), k == v + 1 {
            return SpeakerFind(kind: .pronoun(p), text: lower, span: t.span(k, k), cue: nil)
        }
        if let named = nameAfterCoordinatedRoles(t, from: k, upperBound: ub) { return named }
        if t.isNameWord(k) || isTitleWord(t, k) {
            let (a, z) = runExtent(t, from: k)
            // `said Oversight ranking Democrat Ada Quill (D-Md.)`: role words, then the name.
            if t.possessiveSuffix(z) == 0 {
                var e = z + 1
                var lastRun: (Int, Int)?
                while e < ub, e - z <= 6, t.tokens[e].kind == .word || isOrdinal(t, e) {
                    // `said Air Force 1st Lt. Tyler Livingston`: a rank's ordinal is a role word.
                    if t.tokens[e].kind == .number {
                        guard e + 1 < ub, t.isNameWord(e + 1) || isTitleWord(t, e + 1) else { break }
                        let run = runExtent(t, from: e + 1)
                        if t.possessiveSuffix(run.1) > 0 { lastRun = nil; break }
                        lastRun = run
                        e = run.1 + 1
                        continue
                    }
                    if t.isNameWord(e) {
                        // `said Republican political consultant Ada Quill`: a role noun right before the name.
                        if e > z + 1, !(t.has(e - 1, .titleText) || t.has(e - 1, .sourceNoun) || t.key(e - 1) == 0x72_616E_6B69_6E67 /* ranking */) {
                            break
                        }
                        let run = runExtent(t, from: e)
                        lastRun = run
                        e = run.1 + 1
                        if t.possessiveSuffix(run.1) > 0 { lastRun = nil; break }
                        continue
                    }
                    guard t.has(e, .titleText) || t.has(e, .sourceNoun) || t.key(e) == 0x72_616E_6B69_6E67 /* ranking */
                        || (!t.has(e, .notName) && !t.tokens[e].isCapitalized && !isSpeechVerb(t, e)) else { break }
                    e += 1
                }
                if let (a2, z2) = lastRun, e >= ub || !t.tokens[e].isCapitalized {
                    return nameRun(t, a2, min(z2, ub - 1))
                }
                // `according to Senate aides`: a name used as a modifier of a source noun.
                if lastRun == nil, e > z + 1, t.has(e - 1, .sourceNoun) {
                    return descriptorTail(t, from: a, head: e - 1, upperBound: ub)
                }
            }
            if t.possessiveSuffix(z) > 0 {
                // `said Quill’s spokesman`: the descriptor after the possessive.
                var e = z + 1
                while e < ub, t.tokens[e].kind == .word, !t.tokens[e].isCapitalized,
                      !t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, e) { e += 1 }
                if e - 1 > z, t.has(e - 1, .sourceNoun) {
                    if let named = nameAfterDescriptor(t, at: e, upperBound: ub) { return named }
                    return SpeakerFind(kind: .descriptor, text: t.string(from: a, to: e - 1), span: t.span(a, e - 1))
                }
                return nil
            }
            // `said RNC spokesman Sean Quill`: the name after the role words.
            var e = z + 1
            while e < ub, e - z <= 4, t.tokens[e].kind == .word, !t.tokens[e].isCapitalized,
                  t.has(e, .sourceNoun) || t.has(e, .titleText) { e += 1 }
            if e > z + 1, e < ub, t.isNameWord(e) {
                let (a2, z2) = runExtent(t, from: e)
                if t.possessiveSuffix(z2) == 0 { return nameRun(t, a2, min(z2, ub - 1)) }
            }
            // `said the Keldish ambassador at the time, John E. Herbert`: a one-word modifier of
            // a source noun; the descriptor (and the name it introduces) below.
            let modifier = a == z && e > z + 1 && (t.has(z + 1, .sourceNoun) || t.has(z + 1, .titleText))
                && (isAffiliation(t, z) || t.has(z, .demonym) || isPlaceLike(t, z) || k > v + 1)
            if !modifier { return nameRun(t, a, min(z, ub - 1)) }
        }
        // `according to shipping executive Karl Dunmore`: role words, then the name.
        var r = k
        while r < ub, r - k < 4, t.tokens[r].kind == .word, !t.tokens[r].isCapitalized,
              !t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, r) { r += 1 }
        if r > k, r < ub, t.isNameWord(r), t.has(r - 1, .sourceNoun) || t.has(r - 1, .titleText),
           let f = nameThroughRoles(t, from: r, upperBound: ub), !modifiesSourceNoun(t, f) {
            return f
        }
        // `said retired neurosurgeon Ben Carson, asked …`: role words in no list, then a
        // person's full name that ends the clause (or goes on with `of`).
        if r > k, r - k <= 3, r < ub, t.isNameWord(r), !(k..<r).contains(where: { j in
            !t.isPlain(j) || isAdverbOrAuxiliary(t, j) || isSpeechVerb(t, j) || t.pronounKind(j) != nil
                || t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, j) // not `added another Keldmark Democrat`
        }) {
            let (a2, z2) = runExtent(t, from: r)
            if t.possessiveSuffix(z2) == 0, z2 + 1 >= ub || t.isPunct(z2 + 1, 0x2C) || t.isStop(z2 + 1)
                || (t.tokens[z2 + 1].kind == .word && t.key(z2 + 1) == 0x6F66), // of
               let named = personsFullName(t, a2, min(z2, ub - 1)) {
                return named
            }
        }
        // `said one of the sources`, `said two of his aides`.
        if k + 2 < ub, t.tokens[k].kind == .word || t.tokens[k].kind == .number,
           t.tokens[k].kind == .number || t.isIn(Self.partitiveKeys, Self.partitives, k),
           t.tokens[k + 1].kind == .word, t.key(k + 1) == 0x6F66 { // of
            var h = k + 2
            if h + 1 < ub, t.tokens[h].kind == .word, t.isDeterminer(h) || t.isIn(Self.possessiveKeys, Self.possessives, h) { h += 1 }
            while h + 1 < ub, h - k < 6, t.tokens[h + 1].kind == .word, !t.tokens[h + 1].isCapitalized, t.has(h + 1, .sourceNoun) { h += 1 }
            if h < ub, t.tokens[h].kind == .word, t.has(h, .sourceNoun) { return descriptorTail(t, from: k, head: h, upperBound: ub) }
        }
        // Lower-case descriptor: up to a comma, a verb or a preposition.
        var e = k
        while e < ub, e - k < 6, t.tokens[e].kind == .word || t.tokens[e].kind == .number {
            let w = t.lower(e)
            if SpeechLexicon.phraseBreakers.contains(w) && e > k { break }
            e += 1
        }
        // The head is the last source noun in it.
        var head = e - 1
        while head >= k, !t.has(head, .sourceNoun), !t.isAgeNoun(head) { head -= 1 }
        guard head >= k else { return unlistedDescriptor(t, v, from: k, to: e, upperBound: ub) }
        return descriptorTail(t, from: k, head: head, upperBound: ub)
    }

    /// `said former Tarn Gov. and Harbour Party chairman Ed Rondell.`: roles joined by `and`
    /// after an inverted verb, then the full name of a person that ends the clause.
    func nameAfterCoordinatedRoles(_ t: AttributionText, from k: Int, upperBound ub: Int) -> SpeakerFind? {
        var j = k
        var and = -1
        while j < ub, j - k < 14 {
            if t.tokens[j].kind == .word {
                if t.key(j) == 0x61_6E64 { // and
                    guard and < 0, j > k else { return nil }
                    and = j
                } else if !t.tokens[j].isCapitalized, !(t.has(j, .titleText) || t.has(j, .sourceNoun)),
                          t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, j) || isSpeechVerb(t, j) || Self.isVerbForm(t, j) {
                    return nil
                }
            } else if !isAbbreviationDot(t, j) {
                break
            }
            j += 1
        }
        // The clause ends at `j`; a name run right before it, after the roles that follow `and`.
        guard and > k, and + 2 < j, j >= ub || t.isPunct(j, 0x2C) || t.isStop(j) else { return nil }
        var z = j - 1
        if isAbbreviationDot(t, z) { z -= 1 } // `Jr.`
        guard z > and + 1, t.isNameWord(z) else { return nil }
        // The name proper: back from `z` to the role word before it (`Chairman Ed Rendell`).
        var a = z
        while a - 1 > and + 1, t.isNameWord(a - 1), !isTitleWord(t, a - 1), !t.has(a - 1, .titleText), !t.has(a - 1, .sourceNoun) {
            a -= 1
        }
        guard a > and + 1, t.has(a - 1, .titleText) || t.has(a - 1, .sourceNoun) || isTitleWord(t, a - 1) else { return nil }
        return personsFullName(t, a, z)
    }

    /// The run `a...z` as a person's name of two words or more (no organisation, no place).
    func personsFullName(_ t: AttributionText, _ a: Int, _ z: Int) -> SpeakerFind? {
        guard let (_, words, isOrg) = nameTokens(t, a, z), !isOrg, words >= 2, !isPlaceLike(t, a) else { return nil }
        return nameRun(t, a, z)
    }

    /// `1st`, `2nd`, `3rd`, `4th`: a number token with an ordinal's ending.
    func isOrdinal(_ t: AttributionText, _ k: Int) -> Bool {
        let tok = t.tokens[k]
        guard tok.kind == .number, tok.length >= 3 else { return false }
        let a = t.bytes[tok.end - 2] | 0x20, b = t.bytes[tok.end - 1] | 0x20
        return (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
    }

    /// The descriptor `from...head` after an inverted verb, with what follows its
    /// head: the name it introduces (`said his campaign manager Jeff Weaver`,
    /// `said the mayor’s chief of staff, Ruben Ostrow`), else the phrase after the
    /// head to the comma (`adviser to both candidates`, `chief known as Bob`).
    func descriptorTail(_ t: AttributionText, from k: Int, head: Int, upperBound ub: Int) -> SpeakerFind {
        if let named = nameAfterDescriptor(t, at: head + 1, upperBound: ub) { return named }
        var last = head
        if head + 1 < ub, t.tokens[head + 1].kind == .word, t.isIn(SpeechLexicon.descriptorLinkKeys, SpeechLexicon.descriptorLinks, head + 1) {
            // `said former secretary of state Hilda Varga`: a role with its object, then the name.
            var o = head + 2
            while o < ub, o - head <= 4, t.tokens[o].kind == .word, !t.tokens[o].isCapitalized, t.isPlain(o),
                  !t.isIn(SpeechLexicon.phraseBreakerKeys, SpeechLexicon.phraseBreakers, o) { o += 1 }
            if o > head + 2, o < ub, t.isNameWord(o), t.isPlain(o) {
                let (a2, z2) = runExtent(t, from: o)
                if t.possessiveSuffix(z2) == 0, let (_, words, isOrg) = nameTokens(t, a2, z2), !isOrg,
                   words >= 2 || fullNames[t.lower(z2)] != nil, let named = nameRun(t, a2, min(z2, ub - 1)) {
                    return named
                }
            }
            var j = head + 1
            while j < ub, j - head <= 8, t.tokens[j].kind == .word || t.tokens[j].kind == .number
                || (t.tokens[j].kind == .punctuation && t.isPunct(j, 0x2D)) {
                if isSpeechVerb(t, j) { break }
                last = j
                j += 1
            }
            if j < ub, !(t.isPunct(j, 0x2C) || t.isStop(j)) { last = head }
            if last > head, t.tokens[last].kind != .word { last = head }
            if last > head, let named = nameAfterDescriptor(t, at: last + 1, upperBound: ub) { return named }
        }
        return SpeakerFind(kind: .descriptor, text: t.string(from: k, to: last), span: t.span(k, last))
    }
}

extension AttributionSession {
    /// `said the designer, who …`, `wrote one commenter.`, `added another Keldmark
    /// Democrat`: after an inverted verb, an article or a descriptor opener and at most
    /// four words ending the clause (comma, full stop, `who`) name the
    /// source even when its head noun is in no list. The words `from..<to` follow
    /// the verb at `v` and its articles.
    func unlistedDescriptor(_ t: AttributionText, _ v: Int, from k: Int, to e: Int, upperBound ub: Int) -> SpeakerFind? {
        guard e > k, e - k <= 4 else { return nil }
        let opener = t.isIn(SpeechLexicon.descriptorOpenerKeys, SpeechLexicon.descriptorOpeners, k)
        guard k > v + 1 || opener, !(opener && e - k < 2) else { return nil }
        // The clause ends there: not `to say the words “…”`, where the words are the verb's object,
        // nor `said the younger Mr. Quill`.
        guard e < ub, t.isPunct(e, 0x2C) || (t.isStop(e) && !isAbbreviationDot(t, e))
                || (t.tokens[e].kind == .word && ["who", "whose"].contains(t.lower(e))) else { return nil }
        var j = k
        while j < e {
            guard t.tokens[j].kind == .word, t.isPlain(j), !isAdverbOrAuxiliary(t, j), !isSpeechVerb(t, j), !isTitleWord(t, j),
                  t.pronounKind(j) == nil, t.possessiveSuffix(j) == 0 || j < e - 1 else { return nil }
            j += 1
        }
        // Not `said the organisers Tuesday`.
        guard !t.isIn(SpeechLexicon.adjunctHeadKeys, SpeechLexicon.adjunctHeads, e - 1) else { return nil }
        // `said another ferry user, Ada Quill.`: the name the descriptor introduces.
        if t.isPunct(e, 0x2C), let named = nameAfterDescriptor(t, at: e, upperBound: ub) { return named }
        return SpeakerFind(kind: .descriptor, text: t.string(from: k, to: e - 1), span: t.span(k, e - 1))
    }
}

extension SpeakerFind {
    init(kind: Kind, text: String, span: Span?) {
        self.init(kind: kind, text: text, span: span, cue: nil)
    }
}
