import Foundation
import Testing
@testable import NewsKit

/// The accuracy scorer on small hand-made inputs, with figures worked out by hand.
@Suite struct ScorerTests {
    typealias Gold = ExpectedAnnotations.ExpectedQuote
    typealias Sys = AccuracyScorer.SystemQuote

    @Test func quoteNormalisation() {
        #expect(TextNormalization.quote("  “Hello,   world!” ") == "hello, world")
        #expect(TextNormalization.quote("‘We’ll see’…") == "we'll see")
        #expect(TextNormalization.quote("ﬁne") == "fine")  // NFKC folds the ligature
        #expect(TextNormalization.speaker("The  Senior Adviser") == "senior adviser")
        #expect(TextNormalization.speaker("Anna Theron") == "anna theron")
        #expect(TextNormalization.name("“The State Department.”") == "state department")
    }

    @Test func tokensKeepApostrophesInsideWords() {
        #expect(TextNormalization.quoteTokens("Don’t stop — rock ’n’ roll, don't") ==
                ["don't": 2, "stop": 1, "rock": 1, "n": 1, "roll": 1])
        #expect(TextNormalization.quoteTokens("— … —").isEmpty)
    }

    @Test func overlapIsMultisetIntersectionOverUnion() {
        #expect(TextNormalization.overlap(["a": 2, "b": 1], ["a": 1, "b": 1, "c": 1]) == 0.5)
        #expect(TextNormalization.overlap(["a": 1], [:]) == 0)
        #expect(TextNormalization.overlap(["a": 1, "b": 1], ["b": 1, "a": 1]) == 1)
    }

    @Test func matchingNeedsEightyPercent() {
        let gold = [Gold(text: "one two three four five six seven eight nine ten", speakers: ["Ada Lind"])]
        // 8 of 10 words, union 10: 0.8 matches.
        let near = [Sys(text: "one two three four five six seven eight", speaker: "Ada Lind")]
        let (q, sp, at, _) = AccuracyScorer().scoreQuotes(gold, near)
        #expect(q == PRF(truePositives: 1, system: 1, gold: 1))
        #expect(sp == SpeakerAccuracy(correct: 1, matched: 1))
        #expect(at == PRF(truePositives: 1, system: 1, gold: 1))
        // 7 of 10: 0.7 does not.
        let far = [Sys(text: "one two three four five six seven", speaker: "Ada Lind")]
        let (q2, _, _, misses) = AccuracyScorer().scoreQuotes(gold, far)
        #expect(q2 == PRF(truePositives: 0, system: 1, gold: 1))
        #expect(misses.count == 2)
    }

    @Test func greedyOneToOneBestFirst() {
        let gold = [
            Gold(text: "we will build the bridge", speakers: ["Ada Lind"]),
            Gold(text: "we will build the bridge now", speakers: ["Ben Okafor"]),
        ]
        let system = [
            Sys(text: "we will build the bridge now", speaker: "Ben Okafor"),
            Sys(text: "we will build the bridge", speaker: "Ada Lind"),
            Sys(text: "we will build the bridge", speaker: "Ada Lind"),
        ]
        let (q, sp, _, misses) = AccuracyScorer().scoreQuotes(gold, system)
        // Exact pairs (overlap 1) are taken first, so both speakers come out right;
        // the duplicate is spurious.
        #expect(q == PRF(truePositives: 2, system: 3, gold: 2))
        #expect(sp == SpeakerAccuracy(correct: 2, matched: 2))
        #expect(misses == ["SPURIOUS “we will build the bridge” (Ada Lind)"])
        #expect(q.precision == 2.0 / 3.0)
        #expect(q.recall == 1)
        #expect(q.f1 == 0.8)
    }

    @Test func tiesPreferTheRightSpeaker() {
        let gold = [Gold(text: "excellent", speakers: ["Ada Lind"]), Gold(text: "excellent", speakers: ["Ben Okafor"])]
        let system = [Sys(text: "excellent", speaker: "Ben Okafor"), Sys(text: "excellent", speaker: "Ada Lind")]
        let (_, sp, _, _) = AccuracyScorer().scoreQuotes(gold, system)
        #expect(sp == SpeakerAccuracy(correct: 2, matched: 2))
    }

    @Test func speakerComparisonDropsArticleAndCase() {
        let gold = [Gold(text: "a real convergence", speakers: ["senior Finance Ministry adviser"])]
        let right = [Sys(text: "“a real convergence”", speaker: "A senior finance ministry adviser")]
        let wrong = [Sys(text: "a real convergence", speaker: "he")]
        #expect(AccuracyScorer().scoreQuotes(gold, right).1 == SpeakerAccuracy(correct: 1, matched: 1))
        #expect(AccuracyScorer().scoreQuotes(gold, wrong).1 == SpeakerAccuracy(correct: 0, matched: 1))
    }

    @Test func unattributedExpectedQuotesAreOptional() {
        let gold = [Gold(text: "Harbour Lights", speakers: []), Gold(text: "we are ready", speakers: ["Ada Lind"])]
        let scorer = AccuracyScorer()
        let leftOut = scorer.scoreQuotes(gold, [Sys(text: "we are ready", speaker: "Ada Lind")]).0
        let unattributed = scorer.scoreQuotes(gold, [Sys(text: "Harbour Lights", speaker: nil), Sys(text: "we are ready", speaker: "Ada Lind")]).0
        let invented = scorer.scoreQuotes(gold, [Sys(text: "Harbour Lights", speaker: "Ada Lind"), Sys(text: "we are ready", speaker: "Ada Lind")]).0
        #expect(leftOut == PRF(truePositives: 1, system: 1, gold: 1))
        #expect(unattributed == PRF(truePositives: 1, system: 1, gold: 1))
        #expect(invented == PRF(truePositives: 1, system: 2, gold: 1))
    }

    @Test func optionalExpectedQuotesCostNothing() {
        let gold = [Gold(text: "an insult to the crews", speakers: ["Dock Union"], optional: true),
                    Gold(text: "we are ready", speakers: ["Ada Lind"])]
        let scorer = AccuracyScorer()
        let found = scorer.scoreQuotes(gold, [Sys(text: "an insult to the crews", speaker: "Ada Lind"), Sys(text: "we are ready", speaker: "Ada Lind")])
        let leftOut = scorer.scoreQuotes(gold, [Sys(text: "we are ready", speaker: "Ada Lind")])
        #expect(found.0 == PRF(truePositives: 1, system: 1, gold: 1))
        #expect(found.1 == SpeakerAccuracy(correct: 1, matched: 1))
        #expect(leftOut.0 == PRF(truePositives: 1, system: 1, gold: 1))
        #expect(leftOut.3.isEmpty)
    }

    @Test func namesAreStrictNormalisedAndDeduplicated() {
        let (prf, misses) = AccuracyScorer().scoreNames(
            gold: ["Ada Lind", "Ben Okafor", "Carla Ruiz"],
            system: ["ada lind", "Ada Lind", "Okafor", "Dov Peretz"], label: "person")
        #expect(prf == PRF(truePositives: 1, system: 3, gold: 3))
        #expect(misses.contains("MISSED person ben okafor"))
        #expect(misses.contains("SPURIOUS person okafor"))
    }

    @Test func scoresAnAnnotatedStory() {
        let story = Story(source: "s.txt", headline: "Lind calls vote ‘historic’", paragraphs: [Paragraph("x")])
        let span = Span(paragraph: 0, start: 0, end: 1)
        let annotated = AnnotatedStory(
            story: story,
            quotes: [
                Quote(text: "We won,", kind: .direct, speaker: "Ada Lind", parts: [span]),
                Quote(text: "the vote was fair", kind: .indirect, speaker: "Ada Lind", parts: [span]),
            ],
            headlineQuotes: [Quote(text: "historic", kind: .partial, speaker: "Ada Lind", parts: [span])],
            entities: [Entity(name: "Ada Lind", type: .person), Entity(name: "Oslo", type: .place),
                       Entity(name: "Harbour Party", type: .organization)])
        let expected = ExpectedAnnotations(
            quotes: [Gold(text: "We won,", kind: "direct", speakers: ["Ada Lind"]),
                     Gold(text: "It was close", kind: "direct", speakers: ["Ada Lind"])],
            headlineQuotes: [Gold(text: "historic", kind: "partial", speakers: ["Ada Lind"])],
            people: ["Ada Lind"], organizations: ["Harbour Party"], places: ["Oslo", "Bergen"])
        let score = AccuracyScorer().score(annotated, against: expected, name: "s")
        #expect(score.quotes == PRF(truePositives: 1, system: 1, gold: 2))  // the indirect quote is not scored
        #expect(score.headlineQuotes == PRF(truePositives: 1, system: 1, gold: 1))
        #expect(score.people.f1 == 1)
        #expect(score.places == PRF(truePositives: 1, system: 1, gold: 2))
        #expect(score.misses.contains("MISSED “It was close” (Ada Lind)"))
        let total = score + score
        #expect(total.quotes == PRF(truePositives: 2, system: 2, gold: 4))
    }

    @Test func decodesExpectedFiles() throws {
        let json = #"""
        {"quotes": [{"text": "a", "kind": "direct", "speaker": "Ada Lind"},
                    {"text": "b", "kind": "partial", "speaker": null},
                    {"text": "c", "kind": "direct", "speaker": ["Ada Lind", "Lind"], "optional": true}],
         "headline_quotes": [], "indirect": [{"text": "d", "speaker": "Ada Lind"}],
         "people": ["Ada Lind"], "organizations": [], "places": ["Oslo"]}
        """#
        let e = try JSONDecoder().decode(ExpectedAnnotations.self, from: Data(json.utf8))
        #expect(e.quotes.map(\.speakers) == [["Ada Lind"], [], ["Ada Lind", "Lind"]])
        #expect(e.quotes.map(\.optional) == [false, false, true])
        #expect(e.indirect.first?.kind == nil)
        #expect(e.places == ["Oslo"])
    }

    @Test func evaluatesAFolderOfStories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("a.txt", "Harbour vote\n\n“We won,” Ada Lind said.\n\nMore.\n\nEnd.")
        try write("a.expected.json", #"{"quotes": [{"text": "We won,", "kind": "direct", "speaker": "Ada Lind"}], "people": ["Ada Lind"]}"#)
        try write("b.txt", "Ferry vote\n\n“We lost,” Ben Okafor said.\n\nMore.")
        try write("b.gold.json", #"{"quotes": [{"text": "We lost,", "speaker": ["Ben Okafor", "Okafor"]}]}"#)
        try write("c.txt", "No truth for this one\n\nBody.")
        try write("d.txt", "Broken truth\n\nBody.")
        try write("d.expected.json", "{not json")
        let evaluation = CorpusEvaluation(directory: root)
        #expect(evaluation.cases.map(\.name) == ["a", "b"])
        #expect(evaluation.errors.count == 1)
        #expect(evaluation.errors.first?.path.hasSuffix("d.expected.json") == true)
        // A stand-in extractor that finds one quote a story, with the speaker's surname only.
        let (total, stories) = evaluation.score { story in
            let span = Span(paragraph: 0, start: 0, end: 1)
            let text = story.paragraphs[0].text
            let quoted = String(text.split(separator: "”")[0].dropFirst())
            let surname = String(text.split(separator: " ").dropLast().last ?? "")
            return AnnotatedStory(story: story, quotes: [Quote(text: quoted, kind: .direct, speaker: surname, parts: [span])])
        }
        #expect(total.quotes == PRF(truePositives: 2, system: 2, gold: 2))
        #expect(total.speakers == SpeakerAccuracy(correct: 1, matched: 2))  // "Okafor" is accepted in b only
        #expect(stories.map(\.name) == ["a", "b"])
        let report = CorpusEvaluation.report(total: total, stories: stories)
        #expect(report.contains("a: SPEAKER “We won,” expected Ada Lind, got Lind"))
        #expect(report.contains("a: MISSED person ada lind"))
    }
}
