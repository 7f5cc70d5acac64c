/// Partial quotes inside someone's paraphrase.
///
/// A quoted stretch the other passes found no cue for (`Quill dismissed the
/// plan as “reckless”`, `She blamed the delays on “neglect.”`, or a verb of
/// speech whose subject stands before an earlier quote of the sentence) is
/// the words of the person whose clause frames it: the subject of the nearest
/// verb of saying, thinking or describing before it in its sentence (speech
/// verbs of `SpeechLexicon` and the framing verbs below), resolved like any
/// speaker (a pronoun to the person it refers to). Measured on 840 real US
/// stories (PolNeAR train): 43 gold quotes more kept and 6 kept ones given a
/// speaker they lacked, 38 of those 49 with the right speaker. A quoted name, title, nickname or a
/// term mentioned as a word (`the so-called “Harbour Pact”`, `the word
/// “levy”`) is nobody's words and stays out, as do stretches in a sentence
/// with no such verb.
extension AttributionSession {
    /// Passes of this file (`QuoteAttribution.method`).
    enum PartialPass {
        /// `Quill dismissed the plan as “reckless”`: the subject of the framing verb before the quote.
        static let inClause = "partial-in-clause"
    }

    /// Verbs that frame someone's words without being verbs of speech proper:
    /// `dismissed it as “…”`, `compared it to “…”`, `portrayed himself as “…”`.
    static let framingVerbs: Set<String> = [
        "dismiss", "dismisses", "dismissed", "imply", "implies", "implied", "compare", "compares", "compared",
        "portray", "portrays", "portrayed", "cite", "cites", "cited", "deem", "deems", "deemed",
        "consider", "considers", "considered", "refer", "refers", "referred", "frame", "frames", "framed",
        "question", "questions", "questioned", "reject", "rejects", "rejected", "defend", "defends", "defended",
        "blame", "blames", "blamed", "invoke", "invokes", "invoked", "echo", "echoes", "echoed",
        "offer", "offers", "offered", "promote", "promotes", "promoted", "pitch", "pitches", "pitched",
        "view", "views", "viewed", "regard", "regards", "regarded",
        "envision", "envisions", "envisioned", "cast", "casts", "paint", "paints", "painted",
        // Findings and rulings: `the study found that …`, `the judge ruled that …`.
        "find", "finds", "found", "determine", "determines", "determined", "rule", "rules", "ruled",
        "estimate", "estimates", "estimated",
    ]
    static let framingVerbKeys = SpeechWordSet(framingVerbs)

    /// Past forms of framing and speech verbs that end in neither -ed nor -s.
    static let irregularPast: Set<String> = ["said", "told", "wrote", "found", "thought", "felt", "cast", "saw", "spoke"]
    static let irregularPastKeys = SpeechWordSet(irregularPast)
    /// `went on to say`, `chose not to say`: a particle or `not` before `to`.
    static let particlesBeforeTo: Set<String> = ["on", "not", "up", "out"]
    static let particleBeforeToKeys = SpeechWordSet(particlesBeforeTo)

    /// Nouns that mention a quoted stretch as a word or a title (`the word
    /// “levy”`, `the slogan “…”`) rather than quote anyone's use of it.
    static let mentionNouns: Set<String> = [
        "word", "words", "term", "terms", "phrase", "phrases", "label", "labels", "slogan", "slogans",
        "hashtag", "headline", "headlined", "title", "titled", "entitled", "motto", "nickname", "nicknamed",
        "so-called", "dubbed", "named", "byline", "banner", "sign", "signs", "read", "reads", "reading",
    ]
    static let mentionNounKeys = SpeechWordSet(mentionNouns)

    /// The speaker of a quote with no cue of its own, when the clause it sits
    /// in is someone's paraphrase: the finder of the subject and its resolution.
    func partialInClause(_ q: Quote) -> (find: SpeakerFind, resolved: Resolved)? {
        guard let first = q.parts.first, first.field == .body, let t = texts[first.paragraph],
              let (a, _) = tokenRange(t, first), !isNameOrTerm(q, t, a) else { return nil }
        let open = a > 0 && t.roles[a - 1] == .mark ? a - 1 : a
        let s = t.sentenceHead[a]
        guard open > s else { return nil }
        var v = open - 1
        // The nearest framing verb before the quote in its sentence, over earlier quotes
        // of the sentence but not past a semicolon (a new clause) or far back.
        while v >= s, open - v <= 60 {
            if t.isPunct(v, 0x3B) { break }
            // `… “beyond repair.” Ada Lunde …`: a quote ending its sentence, which the splitter may not have seen.
            if t.roles[v] == .mark, v > 0, t.isStop(v - 1), t.roles[v - 1] != .plain { break }
            if isFramingVerb(t, v) {
                if isParticiple(t, v) || isNegated(t, v) { v -= 1; continue }
                if let f = clauseSubject(t, v, sentenceStart: s),
                   f.kind == .name || f.kind == .descriptor || isPronounFind(f),
                   let r = resolve(f, at: Self.order(f.span ?? first)), r.speaker != nil,
                   r.kind == .person || r.kind == .organization || r.kind == .plural || f.kind == .descriptor || isPronounFind(f) {
                    return (SpeakerFind(kind: f.kind, text: f.text, span: f.span, cue: t.lower(v),
                                        method: PartialPass.inClause), r)
                }
            }
            v -= 1
        }
        return nil
    }

    /// The subject of the verb at `v`: as `subjectBefore` reads it, else that of
    /// the verb a `to` infinitive hangs on (`Pence went on to say`), else the
    /// name a relative clause follows (`Roffman, who estimates that`), else the
    /// sentence's subject (a name or pronoun) for a predicate after `and`, else
    /// a noun phrase of the reporter's own opening the sentence.
    func clauseSubject(_ t: AttributionText, _ v: Int, sentenceStart s: Int) -> SpeakerFind? {
        if let f = subjectBefore(t, v, lowerBound: s), f.kind != .inherit { return f }
        if v - 2 > s, t.tokens[v - 1].kind == .word, t.key(v - 1) == 0x746F { // to
            var w = v - 2
            // `went on to say`, `chose not to say`: a particle or `not` before `to`.
            if w - 1 > s, t.tokens[w].kind == .word, t.isIn(Self.particleBeforeToKeys, Self.particlesBeforeTo, w) { w -= 1 }
            if t.tokens[w].kind == .word, !t.tokens[w].isCapitalized, t.isPlain(w),
               let f = subjectBefore(t, w, lowerBound: s), f.kind != .inherit { return f }
        }
        if v - 3 >= s, t.tokens[v - 1].kind == .word, t.key(v - 1) == 0x77_686F /* who */, t.isPunct(v - 2, 0x2C),
           let f = nounPhrase(t, endingAt: v - 3, lowerBound: s), f.kind == .name {
            return f
        }
        if v - 1 > s, t.tokens[v - 1].kind == .word, t.key(v - 1) == 0x616E64, // and
           let f = sentenceSubject(t, from: s, to: v - 1), f.kind == .name || isPronounFind(f) {
            // `The group published a letter … and called on people to “…”`: the sentence's subject.
            return f
        }
        return openingNounPhrase(t, before: v, sentenceStart: s)
    }

    /// `The intelligence community has concluded that …`: a noun phrase of the
    /// reporter's own (a determiner and one to three lower-case words) opening
    /// the sentence right before the verb (auxiliaries and -ly adverbs between),
    /// whatever its head noun.
    func openingNounPhrase(_ t: AttributionText, before v: Int, sentenceStart s: Int) -> SpeakerFind? {
        var j = v - 1
        while j > s, t.tokens[j].kind == .word, !t.tokens[j].isCapitalized {
            let tok = t.tokens[j]
            let ly = tok.length > 4 && t.bytes[tok.end - 2] == 0x6C && t.bytes[tok.end - 1] == 0x79
            guard ly || t.isIn(SpeechLexicon.auxiliaryKeys, SpeechLexicon.auxiliaries, j) else { break }
            j -= 1
        }
        guard j > s, t.isDeterminer(s) else { return nil }
        // `A simple call to …`: a bare form right after the phrase is its noun, not a verb.
        let tok = t.tokens[v]
        let inflected = t.bytes[tok.end - 1] == 0x73 || (t.bytes[tok.end - 1] == 0x64 && t.bytes[tok.end - 2] == 0x65)
            || t.isIn(Self.irregularPastKeys, Self.irregularPast, v)
        guard inflected || j < v - 1 else { return nil }
        return bareNounPhrase(t, from: s, to: j + 1)
    }

    func isFramingVerb(_ t: AttributionText, _ v: Int) -> Bool {
        if isSpeechVerb(t, v) { return true }
        let tok = t.tokens[v]
        guard tok.kind == .word, !tok.isCapitalized, tok.length >= 3, tok.length <= 12, t.isPlain(v) else { return false }
        return t.isIn(Self.framingVerbKeys, Self.framingVerbs, v)
    }

    /// A name, title or nickname (a capitalised single word, Title Case words),
    /// or a stretch mentioned as a word (`the word “levy”`, `so-called “…”`).
    func isNameOrTerm(_ q: Quote, _ t: AttributionText, _ a: Int) -> Bool {
        if looksLikeTitle(q) {
            // One lower-case word (`“reckless”`) can be someone's word; a capitalised one is a name.
            let words = q.text.split(whereSeparator: { $0 == " " })
            guard words.count == 1, let c = words[0].unicodeScalars.first(where: { $0.properties.isAlphabetic }),
                  c.properties.isLowercase else { return true }
        }
        var k = a - 1
        var seen = 0
        while k >= 0, seen < 2 {
            if t.tokens[k].kind == .word {
                if t.isIn(Self.mentionNounKeys, Self.mentionNouns, k) { return true }
                seen += 1
            }
            k -= 1
        }
        return false
    }
}
