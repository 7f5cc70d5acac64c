/// The names of the attribution passes (`QuoteAttribution.method`) and how
/// often each is right.
enum AttributionPass {
    // Quote -> speaker mention: the cue patterns around the quote.
    /// `“…,” Quill said`, `“…,” said Quill`.
    static let cueAfterQuote = "cue-after-quote"
    /// `“…,” Quill, who …, said on Tuesday after the vote`: the verb far after the quote, ending its clause.
    static let cueAfterClause = "cue-after-clause"
    /// `Quill said “…”`, `Quill told reporters that “…”`.
    static let cueBeforeQuote = "cue-before-quote"
    /// `Quill said: “…”`.
    static let colonIntro = "colon-intro"
    /// `“…,” according to Quill`.
    static let accordingTo = "according-to"
    /// `Quill agreed, calling it “…”`: the subject of a participle's sentence.
    static let participleSubject = "participle-subject"
    /// `…, adding “…”` with no subject in the sentence: the speaker of the quote before.
    static let participleInherit = "participle-inherit"
    /// A phrase quoted in someone's paraphrase (`He warned of “a lost decade”`).
    static let paraphraseSubject = "paraphrase-subject"
    /// `Quill said (that) …` without quote marks.
    static let reportedSpeech = "reported-speech"

    // Mention -> speaker.
    /// `he` / `she` / `they` / `it` to the subject it agrees with.
    static let pronoun = "pronoun"
    /// `the adviser` after `a senior Treasury adviser`.
    static let descriptor = "descriptor"
    /// `the company` after `Crestline Health said`.
    static let organisationNoun = "organisation-noun"

    // Conversation: quotes with no cue of their own.
    /// A second quote in the paragraph: the speaker of the quote before it.
    static let followOn = "follow-on"
    /// A paragraph-opening quote after a paragraph that quotes the same speaker.
    static let conversation = "conversation"
    /// A paragraph-opening quote after a paragraph ending `… he said:`.
    static let introParagraph = "intro-paragraph"
    /// `Quill said the talks had failed. “We will not go back.”`
    static let sentenceBefore = "sentence-before"

    // Headline.
    /// A headline quote whose words a body quote repeats: that quote's speaker.
    static let headlineMatch = "headline-match"
    /// `Quill says “…”` in the headline.
    static let headlineCue = "headline-cue"
    /// `Quill: “…”` in the headline.
    static let headlineColon = "headline-colon"

    /// How often a pass gives the right speaker (provisional until calibrated).
    static func confidence(_ method: String) -> Double {
        calibrated[method] ?? 0.5
    }

    static let calibrated: [String: Double] = [
        cueAfterQuote: 0.9, cueAfterClause: 0.8, cueBeforeQuote: 0.85, colonIntro: 0.85, accordingTo: 0.85,
        participleSubject: 0.75, participleInherit: 0.7, paraphraseSubject: 0.6, reportedSpeech: 0.7,
        pronoun: 0.75, descriptor: 0.7, organisationNoun: 0.7,
        followOn: 0.8, conversation: 0.75, introParagraph: 0.8, sentenceBefore: 0.7,
        headlineMatch: 0.8, headlineCue: 0.7, headlineColon: 0.7,
    ]
}
