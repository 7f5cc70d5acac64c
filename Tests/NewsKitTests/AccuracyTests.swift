import Foundation
import NewsResources
import Testing
@testable import NewsKit

/// The bundled corpus against its hand-written expected annotations.
@Suite struct AccuracyTests {
    struct Case {
        var name: String
        var story: Story
        var expected: ExpectedAnnotations
    }

    /// Every `.txt` of the bundled corpus, loaded through `StoryLoader`, with its
    /// `NAME.expected.json`.
    static func corpus() throws -> [Case] {
        let root = NewsResources.corpusURL
        let loader = StoryLoader()
        var cases: [Case] = []
        for result in loader.files(in: [root.path]) {
            let path = try result.get()
            let url = URL(fileURLWithPath: path)
            let name = url.deletingPathExtension().lastPathComponent
            let expectedURL = url.deletingLastPathComponent().appendingPathComponent(name + ".expected.json")
            cases.append(Case(name: name, story: try loader.load(path: path),
                              expected: try ExpectedAnnotations.load(from: expectedURL)))
        }
        return cases
    }

    /// All the words of a story, and the paragraphs run together the way a
    /// multi-paragraph quote's parts are joined (one space, reopening mark dropped).
    static func texts(of story: Story) -> (all: String, joined: String) {
        let body = story.paragraphs.map(\.text).joined(separator: "\n")
        let all = [story.headline, story.bylineText ?? "", story.dateline?.raw ?? "", body].joined(separator: "\n")
        let joined = body.replacingOccurrences(of: "\n“", with: " ").replacingOccurrences(of: "\n\"", with: " ")
            .replacingOccurrences(of: "\n»", with: " ")
        return (all, joined)
    }

    @Test func corpusStoriesParse() throws {
        let cases = try Self.corpus()
        #expect(cases.count >= 18)
        for c in cases {
            #expect(!c.story.headline.isEmpty, "\(c.name)")
            #expect(c.story.paragraphs.count >= 3, "\(c.name)")
        }
        // Wire stories (byline or dateline) and newspaper copy (neither) are both there.
        let newspaper = cases.filter { $0.story.byline.isEmpty && $0.story.dateline == nil }
        #expect(newspaper.count >= 4)
        #expect(cases.filter { !$0.story.credits.isEmpty }.count >= 8)
    }

    @Test func expectedFilesNameOnlyWhatTheStorySays() throws {
        for c in try Self.corpus() {
            let (all, joined) = Self.texts(of: c.story)
            for q in c.expected.quotes + c.expected.headlineQuotes {
                #expect(q.kind == "direct" || q.kind == "partial", "\(c.name): kind of “\(q.text)”")
                #expect(all.contains(q.text) || joined.contains(q.text), "\(c.name): quote “\(q.text)” is not in the story")
            }
            for q in c.expected.quotes + c.expected.headlineQuotes + c.expected.indirect {
                for speaker in q.speakers {
                    #expect(all.contains(speaker), "\(c.name): speaker \(speaker) is not in the story")
                }
            }
            for name in c.expected.people + c.expected.organizations {
                #expect(all.contains(name), "\(c.name): \(name) is not in the story")
            }
            for place in c.expected.places {
                #expect(all.contains(place) || all.contains(place.uppercased()), "\(c.name): place \(place) is not in the story")
            }
            #expect(!c.expected.quotes.isEmpty, "\(c.name) has no quotes")
        }
    }

    /// The corpus keeps a story for every quote and attribution pattern the
    /// extractor must handle (issue sections 1-4).
    @Test func corpusCoversEveryPattern() throws {
        let cases = try Self.corpus()
        let all = cases.map { Self.texts(of: $0.story).all }.joined(separator: "\n")
        let patterns = [
            "said in a statement", "told a news briefing: “", "said: “", "said on X: “", "According to ", "according to ",
            "said on X.", "In a post on X,", "called it an “", "called it a “", ", saying, “", "told reporters.",
            "” it said.", "” they said", "” she said.", "” he said.", "He added: “", "She added: “", "He also repeated charges that",
            "said Solberg", "Ministry said in a statement", "A senior ", "officials", "’s ", "don’t", "’90s", "rock ’n’ roll", "so-called “",
            "``", "''", "Rep. ", "Sen. ", "Gov. ", "Dr. ", "Mr. ", "Ms. ", "Secretary of State ", "spokesperson ", " … ",
            "65\" ", "6'4\" ",  // inch marks: straight double quotes that open nothing
            "«", "‹", "»", "›", "„", "\u{202F}»",  // Swiss, German, French marks
        ]
        for pattern in patterns {
            #expect(all.contains(pattern), "no story has \(pattern)")
        }
        let body = cases.flatMap(\.story.paragraphs).map(\.text)
        // A quote running over paragraphs: opened and not closed in one paragraph.
        #expect(body.contains { $0.hasPrefix("“") && !$0.contains("”") })
        #expect(body.contains { $0.hasPrefix("\"") && $0.filter { $0 == "\"" }.count % 2 == 1 })
        // Single quotes nested in double quotes, curly and straight.
        #expect(body.contains { $0.contains("“") && $0.contains("‘") })
        #expect(body.contains { $0.contains("\"") && $0.contains(" '") })
        #expect(cases.contains { !$0.expected.headlineQuotes.isEmpty })
        #expect(cases.contains { $0.expected.quotes.contains { $0.speakers.isEmpty } })
        // An unbalanced mark, and a plural possessive (operators’) before a quote.
        #expect(cases.contains { $0.expected.quotes.contains { $0.optional } })
        #expect(body.contains { $0.contains("s’ ") && $0.contains("“") })
        #expect(cases.contains { $0.story.paragraphs.contains { $0.kind == .subhead } })
        #expect(cases.contains { !$0.story.media.isEmpty })
        #expect(cases.contains { $0.story.dateline?.date != nil })
        #expect(cases.contains { ($0.story.dateline?.places.count ?? 0) > 1 })
        let words = cases.map { $0.story.paragraphs.reduce(0) { $0 + $1.text.split(separator: " ").count } }
        #expect(words.contains { $0 >= 1000 } && words.contains { $0 <= 160 })
    }

    @Test func speakersRecurAcrossStories() throws {
        var stories: [String: Set<String>] = [:]
        for c in try Self.corpus() {
            for q in c.expected.quotes + c.expected.indirect {
                for s in q.speakers { stories[s, default: []].insert(c.name) }
            }
        }
        #expect(stories.values.contains { $0.count >= 3 })
        #expect(stories.values.filter { $0.count >= 2 }.count >= 4)
    }

    @Test func extractionAccuracy() throws {
        let evaluation = CorpusEvaluation(directory: NewsResources.corpusURL)
        #expect(evaluation.errors.isEmpty, "\(evaluation.errors)")
        #expect(evaluation.cases.count >= 18)
        let extractor = Extractor()
        let (total, stories) = evaluation.score { extractor.annotate($0) }
        // One line at a time: `swift test` forwarding the output through a pipe
        // lost parts of the table when it came as one large write.
        for line in CorpusEvaluation.report(total: total, stories: stories).split(separator: "\n") {
            print(line)
        }
        func figure(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "-" }
        #expect((total.quotes.f1 ?? 0) >= 0.97, "quotes F1 \(figure(total.quotes.f1))")
        #expect((total.speakers.accuracy ?? 0) >= 0.95, "speaker accuracy \(figure(total.speakers.accuracy))")
        #expect((total.people.f1 ?? 0) >= 0.95, "people F1 \(figure(total.people.f1))")
    }
}
