import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// The conformance suite of `ArchiveStore`: every test runs on each backend
/// (`Backend.available`) with the same expectations.
@Suite struct ArchiveStoreTests {

    @Test(arguments: Backend.available) func storesOnceAndListsNewestFirst(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let items = [Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()]
            let first = try archive.store(items)
            #expect(first.added == 3 && first.unchanged == 0)
            let again = try archive.store(items)
            #expect(again.added == 0 && again.unchanged == 3)
            #expect(try archive.storyCount() == 3)
            let list = try archive.stories(offset: 0, limit: 10)
            #expect(list.map(\.headline) == [
                "Dockworkers vote to return", "Valmora crane inspections ordered",
                "Port of Valmora strike enters second week",
            ])
            #expect(list[0].date == "2031-03-08")
            #expect(list[0].agency == "Newswire")
            #expect(list[0].quoteCount == 1)
            #expect(try archive.stories(offset: 1, limit: 1).map(\.headline) == ["Valmora crane inspections ordered"])
            #expect(try archive.stories(offset: 5, limit: 1).isEmpty)
        }
    }

    @Test(arguments: Backend.available) func storedStoryComesBackWhole(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let original = Harbour.story1().annotated()
            _ = try archive.store([IngestItem(annotated: original, contentHash: "h1")])
            let id = try #require(try archive.stories(offset: 0, limit: 1).first?.id)
            let back = try #require(try archive.story(id: id))
            #expect(back.annotated == original)
            #expect(back.entityIDs.count == original.entities.count)
            #expect(Set(back.entityIDs).count == 4)
            #expect(try archive.story(id: 999) == nil)
        }
    }

    @Test(arguments: Backend.available) func changedFileAtSamePathReplacesItsOldVersion(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store([Harbour.story1().item(hash: "old"), Harbour.story2().item()])
            let oldID = try #require(try archive.stories(offset: 0, limit: 10).first { $0.source == "/news/harbour-1.txt" }?.id)
            var changed = Harbour.story1()
            changed.paragraphs[1] = "“The cranes must be safe first,” Marrow told reporters."
            changed.quotes = [("The cranes must be safe first,", 0, .direct)]
            changed.entities = [("Ilse Marrow", .person, ["Marrow"])]
            let report = try archive.store([changed.item(hash: "new")])
            #expect(report.updated == 1 && report.added == 0)
            #expect(try archive.storyCount() == 2)
            let marrow = try #require(try archive.findEntities(named: "ilse marrow", type: .person, limit: 5).first)
            let quotes = try archive.quotes(QuoteFilter(speakerID: marrow.id))
            #expect(quotes.map(\.text).sorted() == ["The cranes must be safe first,", "This is the first step,"])
            #expect(quotes.allSatisfy { $0.text != "We will not go back until the cranes are safe," })
            // Counts follow the replacement: the old quote and mentions are gone.
            let record = try #require(try archive.entity(id: marrow.id))
            #expect(record.storyCount == 2 && record.quoteCount == 2 && record.mentionCount == 3)
            #expect(try archive.findEntities(named: "Quenby", type: nil, limit: 5).isEmpty)
            #expect(try archive.search("gates", offset: 0, limit: 10).isEmpty)
            #expect(try archive.search("safe first", offset: 0, limit: 10).count == 1)
            // The story keeps its id.
            #expect(try archive.stories(offset: 0, limit: 10).first { $0.source == "/news/harbour-1.txt" }?.id == oldID)
        }
    }

    @Test(arguments: Backend.available) func aFileThatBecomesACopyOfAnotherDropsItsOldVersion(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store([Harbour.story1().item(hash: "one"), Harbour.story2().item(hash: "two")])
            var copy = Harbour.story2()
            copy.source = "/news/harbour-1.txt"
            let report = try archive.store([copy.item(hash: "two")])
            #expect(report.updated == 1)
            #expect(try archive.stories(offset: 0, limit: 10).map(\.source) == ["/news/harbour-2.txt"])
            #expect(try archive.search("gates", offset: 0, limit: 10).isEmpty)
            #expect(try archive.storyCount() == 1)
        }
    }

    @Test(arguments: Backend.available) func quotesFilterBySpeakerStoryTextAndKind(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            var s2 = Harbour.story2()
            s2.paragraphs.append("The union’s lawyer Teodor Quill called the order “a start”.")
            s2.entities.append(("Teodor Quill", .person, ["Teodor Quill"]))
            s2.quotes.append(("a start", 2, .partial))
            _ = try archive.store([Harbour.story1().item(), s2.item(), Harbour.story3().item()])
            let marrow = try #require(try archive.speakers(matching: "marr", limit: 5).first)
            #expect(marrow.name == "Ilse Marrow")
            let byMarrow = try archive.quotes(QuoteFilter(speakerID: marrow.id))
            #expect(byMarrow.count == 3)
            #expect(byMarrow.map(\.headline) == [
                "Dockworkers vote to return", "Valmora crane inspections ordered",
                "Port of Valmora strike enters second week",
            ])
            #expect(try archive.quoteCount(QuoteFilter(speakerID: marrow.id)) == 3)
            #expect(try archive.quotes(QuoteFilter(speakerID: marrow.id, limit: 1, offset: 1)).map(\.headline)
                    == ["Valmora crane inspections ordered"])
            let partial = try archive.quotes(QuoteFilter(kind: .partial))
            #expect(partial.map(\.text) == ["a start"])
            #expect(partial[0].speaker == "Teodor Quill")
            #expect(partial[0].paragraph == 3)
            let cranes = try archive.quotes(QuoteFilter(text: "CRANES"))
            #expect(cranes.count == 2)
            let storyID = byMarrow[0].story
            #expect(try archive.quotes(QuoteFilter(story: storyID)).count == 1)
            #expect(try archive.quotes(QuoteFilter(text: "\" OR *")).isEmpty)
            // The quote's range points at its words in the paragraph.
            let stored = try #require(try archive.story(id: byMarrow[1].story))
            let p = Array(stored.annotated.story.paragraphs[byMarrow[1].paragraph].text.utf8)
            #expect(String(decoding: p[byMarrow[1].range[0]..<byMarrow[1].range[1]], as: UTF8.self) == byMarrow[1].text)
        }
    }

    @Test(arguments: Backend.available) func entitiesListedMostMentionedFirst(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store([Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()])
            let all = try archive.entities(type: nil, story: nil, offset: 0, limit: 50)
            #expect(all.first?.name == "Ilse Marrow")
            #expect(all.first?.mentionCount == 6)
            #expect(all.first?.storyCount == 3)
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.mentionCount >= $1.mentionCount })
            let places = try archive.entities(type: .place, story: nil, offset: 0, limit: 50)
            #expect(Set(places.map(\.name)) == ["Port of Valmora", "Quenby"])
            let quenby = try #require(places.first { $0.name == "Quenby" })
            #expect(quenby.storyCount == 2)
            let s3 = try #require(try archive.stories(offset: 0, limit: 1).first)
            #expect(Set(try archive.entities(type: nil, story: s3.id, offset: 0, limit: 50).map(\.name))
                    == ["Ilse Marrow", "Quenby"])
            // Accents and case do not matter; words match by prefix.
            #expect(try archive.findEntities(named: "VALMORA harb", type: nil, limit: 5).map(\.name)
                    == ["Valmora Harbour Authority"])
            #expect(try archive.findEntities(named: "quénby", type: nil, limit: 5).map(\.name) == ["Quenby"])
        }
    }

    @Test(arguments: Backend.available) func mentionsInArchiveOrderAndStepping(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store([Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()])
            let marrow = try #require(try archive.findEntities(named: "Marrow", type: .person, limit: 5).first)
            let all = try archive.mentions(entity: marrow.id, offset: 0, limit: 100)
            #expect(all.count == 6)
            #expect(all.map(\.headline) == [
                "Dockworkers vote to return", "Dockworkers vote to return",
                "Valmora crane inspections ordered", "Valmora crane inspections ordered",
                "Port of Valmora strike enters second week", "Port of Valmora strike enters second week",
            ])
            #expect(all[0].paragraph == 0 && all[1].paragraph == 1)
            #expect(all[0].context.contains("Marrow said late on Friday"))
            #expect(try archive.mentions(entity: marrow.id, offset: 4, limit: 100) == Array(all[4...]))
            // Walking forward with next-mention visits the same list, then stops.
            var walked: [MentionRecord] = []
            var at: ArchivePosition? = nil
            while let m = try archive.mention(of: marrow.id, from: at, direction: .forward) {
                walked.append(m)
                at = m.position
                if walked.count > 10 { break }
            }
            #expect(walked == all)
            var back: [MentionRecord] = []
            at = nil
            while let m = try archive.mention(of: marrow.id, from: at, direction: .backward) {
                back.append(m)
                at = m.position
                if back.count > 10 { break }
            }
            #expect(back == all.reversed())
        }
    }

    @Test(arguments: Backend.available) func searchRanksAndNarrowsAndNeverPassesSyntaxThrough(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store([Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()])
            let cranes = try archive.search("cranes", offset: 0, limit: 10)
            #expect(cranes.count == 2)
            #expect(cranes.allSatisfy { $0.snippet.lowercased().contains("[crane") })
            #expect(zip(cranes, cranes.dropFirst()).allSatisfy { $0.rank <= $1.rank })
            #expect(try archive.search("inspections", offset: 0, limit: 10).map(\.headline)
                    == ["Valmora crane inspections ordered"])
            #expect(try archive.search("crane*", offset: 0, limit: 10).count == 3)
            for hostile in ["\"unbalanced", "a OR", "NEAR(", "'; DROP TABLE story; --", "*", "\"", "cranes AND",
                            "speaker:", "kind:loud", "entity:\"unclosed", "(((", "^cranes", "col:cranes"] {
                _ = try archive.search(hostile, offset: 0, limit: 10)
            }
            #expect(try archive.storyCount() == 3)
            let onlyMarrow = try archive.search("speaker:marrow cranes", offset: 0, limit: 10)
            #expect(onlyMarrow.count == 2)
            #expect(try archive.search("speaker:nobody cranes", offset: 0, limit: 10).isEmpty)
            #expect(try archive.search("entity:quenby", offset: 0, limit: 10).count == 2)
            #expect(try archive.search("entity:quenby cranes", offset: 0, limit: 10).count == 2)
            #expect(try archive.search("kind:partial", offset: 0, limit: 10).isEmpty)
            #expect(try archive.search("kind:direct", offset: 0, limit: 10).count == 3)
        }
    }

    /// Every paged list, read a page at a time, is the whole list read at
    /// once, and every count agrees with its list.
    @Test(arguments: Backend.available) func pagesAddUpAndCountsAgree(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let items = (0..<23).map { i in
                StoryBuilder(source: "/harbour/day-\(i).txt", headline: "Quay works, day \(i)",
                             date: String(format: "2031-08-%02d", 1 + i % 9),
                             paragraphs: ["Engineer Ilse Marrow inspected quay section \(i) with Teodor Quill.",
                                          "“Section \(i) is sound,” Marrow said, and Quill agreed."],
                             entities: [("Ilse Marrow", .person, ["Ilse Marrow", "Marrow"]),
                                        ("Teodor Quill", .person, ["Teodor Quill", "Quill"])],
                             quotes: [("Section \(i) is sound,", 0, .direct)]).item()
            }
            _ = try archive.store(items)
            func paged<T: Equatable>(_ size: Int, _ page: (Int, Int) throws -> [T]) rethrows -> [T] {
                var all: [T] = [], offset = 0
                while true {
                    let p = try page(offset, size)
                    all += p
                    offset += p.count
                    if p.count < size { return all }
                }
            }
            let stories = try archive.stories(offset: 0, limit: 100)
            #expect(stories.count == 23)
            #expect(try archive.storyCount() == 23)
            #expect(try paged(4) { try archive.stories(offset: $0, limit: $1) } == stories)
            #expect(zip(stories, stories.dropFirst()).allSatisfy { ($0.date ?? "", $0.id) > ($1.date ?? "", $1.id) })
            let marrow = try #require(try archive.findEntities(named: "Marrow", type: .person, limit: 5).first)
            let quotes = try archive.quotes(QuoteFilter(speakerID: marrow.id, limit: 100))
            #expect(quotes.count == 23)
            #expect(try archive.quoteCount(QuoteFilter(speakerID: marrow.id)) == 23)
            #expect(try paged(5) { try archive.quotes(QuoteFilter(speakerID: marrow.id, limit: $1, offset: $0)) } == quotes)
            #expect(quotes.map(\.story) == stories.map(\.id))
            let sound = try archive.quotes(QuoteFilter(text: "sound", limit: 100))
            #expect(sound.count == 23)
            #expect(try archive.quoteCount(QuoteFilter(text: "sound")) == 23)
            #expect(try paged(6) { try archive.quotes(QuoteFilter(text: "sound", limit: $1, offset: $0)) } == sound)
            let mentions = try archive.mentions(entity: marrow.id, offset: 0, limit: 1000)
            #expect(mentions.count == 46 && mentions.count == marrow.mentionCount)
            #expect(try paged(7) { try archive.mentions(entity: marrow.id, offset: $0, limit: $1) } == mentions)
            let entities = try archive.entities(type: nil, story: nil, offset: 0, limit: 100)
            #expect(try paged(1) { try archive.entities(type: nil, story: nil, offset: $0, limit: $1) } == entities)
            // Equal mention counts: the newer entity first.
            #expect(entities.map(\.name) == ["Teodor Quill", "Ilse Marrow"])
            let hits = try archive.search("quay", offset: 0, limit: 100)
            #expect(hits.count == 23)
            #expect(try paged(4) { try archive.search("quay", offset: $0, limit: $1) } == hits)
            #expect(try archive.search("quay", offset: 23, limit: 5).isEmpty)
            #expect(try archive.stories(offset: -3, limit: 2) == Array(stories.prefix(2)))
            #expect(try archive.stories(offset: 0, limit: -1).isEmpty)
            #expect(try archive.storySummary(id: stories[3].id) == stories[3])
            #expect(try archive.storySummary(id: 999_999) == nil)
            #expect(try archive.entity(id: 999_999) == nil)
        }
    }

    /// Text that means something to SQL, array literals, JSON or the
    /// terminal comes back byte for byte, in the story and in its quotes.
    @Test(arguments: Backend.available) func oddTextComesBackByteForByte(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let odd = #"{"a", NULL} \ "x" 'q' $1 %s ;-- é 漢字 😀 \#u{1B}[2J"#
            let story = StoryBuilder(
                source: #"/news/odd {1,2} \ "x".txt"#, headline: "Odd \(odd)", date: "2031-05-01",
                paragraphs: ["Vera Ostrik said: “\(odd), NULL, {}”.", "Nothing else."],
                entities: [("Vera Ostrik", .person, ["Vera Ostrik"])],
                quotes: [("\(odd), NULL, {}", 0, .direct)])
            let original = story.annotated()
            _ = try archive.store([IngestItem(annotated: original, contentHash: "odd")])
            let id = try #require(try archive.stories(offset: 0, limit: 1).first?.id)
            #expect(try archive.story(id: id)?.annotated == original)
            #expect(try archive.quotes(QuoteFilter()).map(\.text) == ["\(odd), NULL, {}"])
            #expect(try archive.storySummary(id: id)?.source == #"/news/odd {1,2} \ "x".txt"#)
            #expect(try archive.search("ostrik 漢字", offset: 0, limit: 5).map(\.story) == [id])
        }
    }

    @Test(arguments: Backend.available) func relatedStoriesRankedBySharedEntities(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store([Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()])
            let s1 = try #require(try archive.stories(offset: 0, limit: 10).last)
            let related = try archive.related(story: s1.id, limit: 10)
            // Both share two entities with the first story; the newer comes first.
            #expect(related.map(\.story.headline) == ["Dockworkers vote to return", "Valmora crane inspections ordered"])
            #expect(related.map(\.sharedEntities) == [2, 2])
            let s2 = try #require(try archive.stories(offset: 1, limit: 1).first)
            #expect(try archive.related(story: s2.id, limit: 10).map(\.sharedEntities) == [2, 1])
        }
    }
}

@Suite struct StoredFormTests {
    @Test func compactJSONReadsBackWithFoundation() throws {
        let layout = StoredLayout(
            paragraphs: [[12, 0], [0, 1], [7, 2]], bylineText: "By Ana \"Quill\" Lor\\\n\t\u{1}",
            byline: ["Ana Lor", "Bo Ñúñez 😀"],
            dateline: Dateline(raw: "QUENBY (Newswire) -", places: ["QUENBY"], date: nil, agency: "Newswire"),
            credits: [Credit(role: .editing, people: ["Ede \u{1B}[2J"])], media: ["IMG \"x\""])
        let back = try JSONDecoder().decode(StoredLayout.self, from: Data(layout.json.utf8))
        #expect(back.paragraphs == layout.paragraphs)
        #expect(back.bylineText == layout.bylineText)
        #expect(back.byline == layout.byline)
        #expect(back.dateline == layout.dateline)
        #expect(back.credits == layout.credits)
        #expect(back.media == layout.media)
        #expect(!layout.json.contains("paragraphs") && !layout.json.contains("\"media\":[]"))
        // As rows written before v7 hold it: the property names as keys.
        let v6 = #"{"paragraphs":[[4,0],[9,1]],"bylineText":"By Ede \u001b[2J","byline":["Ede"],"dateline":{"raw":"QUENBY (Newswire) -","places":["QUENBY"],"agency":"Newswire"},"credits":[{"role":"editing","people":["Ede"]}],"media":[],"url":"https://example.org/a"}"#
        let old = try JSONDecoder().decode(StoredLayout.self, from: Data(v6.utf8))
        #expect(old.paragraphs == [[4, 0], [9, 1]] && old.bylineText == "By Ede \u{1B}[2J" && old.byline == ["Ede"])
        #expect(old.dateline == Dateline(raw: "QUENBY (Newswire) -", places: ["QUENBY"], date: nil, agency: "Newswire"))
        #expect(old.credits == [Credit(role: .editing, people: ["Ede"])] && old.media == [] && old.url == "https://example.org/a")
        let oldBack = try JSONDecoder().decode(StoredLayout.self, from: Data(old.json.utf8))
        #expect(oldBack.paragraphs == old.paragraphs && oldBack.dateline == old.dateline && oldBack.credits == old.credits
                && oldBack.bylineText == old.bylineText && oldBack.url == old.url && oldBack.byline == old.byline)
        let bare = StoredLayout(paragraphs: [], bylineText: nil, byline: [], dateline: nil, credits: [], media: [])
        let bareBack = try JSONDecoder().decode(StoredLayout.self, from: Data(bare.json.utf8))
        #expect(bareBack.dateline == nil && bareBack.bylineText == nil)
        let detail = QuoteDetail(parts: [[2, 1, 0, 5], [2, 2, 3, 9]], cue: "said \"so\"", speakerSpan: [2, 1, 10, 14])
        let detailBack = try JSONDecoder().decode(QuoteDetail.self, from: Data(detail.json().utf8))
        #expect(detailBack.parts == detail.parts && detailBack.cue == detail.cue && detailBack.speakerSpan == detail.speakerSpan)
        for sparse in [QuoteDetail(parts: [], cue: nil, speakerSpan: nil), QuoteDetail(parts: [], cue: nil, speakerSpan: [2, 0, 1, 4]),
                       QuoteDetail(parts: [], cue: "told", speakerSpan: nil)] {
            let back = try JSONDecoder().decode(QuoteDetail.self, from: Data(sparse.json().utf8))
            #expect(back.parts == sparse.parts && back.cue == sparse.cue && back.speakerSpan == sparse.speakerSpan)
        }
    }

    /// A quote's attribution is written without what repeats the quote's
    /// fields, and reads back the same as the whole form older rows hold.
    @Test func compactAttributionReadsBackAsTheWholeForm() throws {
        let legacy = [
            // cue, mention and mention words all repeat the quote's own
            #"{"c":"said","s":[2,3,0,9],"a":{"m":"cue-after-quote","c":"said","s":[2,3,0,9],"t":"Tovik","h":["Tovik","Arla Tovik"],"f":0.956}}"#,
            // no cue of its own while the quote has one; another mention
            #"{"c":"said","s":[2,3,0,9],"a":{"m":"pronoun","s":[2,4,10,12],"t":"she","h":["he","Arla Tovik"],"f":0.7}}"#,
            // no mention at all while the quote has a speaker span
            #"{"s":[2,3,0,9],"a":{"m":"collective","c":"according to","h":[],"f":0.5}}"#,
            // nothing on the quote, everything on the attribution
            #"{"p":[[0,0,1,4]],"a":{"m":"headline-cue","c":"warns","s":[0,0,0,5],"t":"Orlo","h":["Orlo","Orlo Penn"],"f":0.81}}"#,
        ]
        let decoder = JSONDecoder()
        for text in legacy {
            let old = try decoder.decode(QuoteDetail.self, from: Data(text.utf8))
            let a = try #require(old.attribution)
            #expect(QuoteDetail.attributionJSON(text, speaker: nil, confidence: nil) != nil)
            let compact = old.json()
            #expect(compact.contains(#""b":{"#) && !compact.contains(#""a":"#))
            let back = try decoder.decode(QuoteDetail.self, from: Data(compact.utf8))
            let b = try #require(back.attribution, "\(compact)")
            #expect(b.quoteAttribution == a.quoteAttribution, "\(compact)")
            #expect(b.mentionText == a.mentionText && b.cue == a.cue && b.mention == a.mention, "\(compact)")
            #expect(back.cue == old.cue && back.speakerSpan == old.speakerSpan && back.parts == old.parts)
            #expect(QuoteDetail.attributionJSON(compact, speaker: nil, confidence: nil)
                    == QuoteDetail.attributionJSON(text, speaker: nil, confidence: nil))
            // Beside its row's speaker and confidence (schema v7) it leaves
            // those out and reads back the same with them.
            let speaker = a.chain.last, confidence = a.confidence
            let short = old.json(speaker: speaker, confidence: confidence)
            #expect(!short.contains(#""f":"#) && short.contains(#""m":""#) == (MethodCode.codes[a.method] == nil), "\(short)")
            #expect(short.count < compact.count, "\(short)")
            #expect(short.contains(#""g":"#) == !a.chain.isEmpty, "\(short)")
            let row = try #require(QuoteDetail.decode(short, speaker: speaker, confidence: confidence)?.attribution, "\(short)")
            #expect(row.quoteAttribution == a.quoteAttribution && row.mentionText == a.mentionText, "\(short)")
            #expect(QuoteDetail.attributionJSON(short, speaker: speaker, confidence: confidence)
                    == QuoteDetail.attributionJSON(text, speaker: nil, confidence: nil))
            // Read without the row it cannot stand: no attribution rather than a wrong one.
            if !a.chain.isEmpty { #expect(QuoteDetail.decode(short, speaker: nil, confidence: confidence)?.attribution == nil) }
        }
        // The usual case leaves out the cue, the mention and its words.
        let usual = try decoder.decode(QuoteDetail.self, from: Data(legacy[0].utf8))
        #expect(usual.json() == #"{"c":"said","s":[2,3,0,9],"b":{"m":"cue-after-quote","h":["Tovik","Arla Tovik"],"f":0.956}}"#)
        // As the archive writes it beside the row's speaker and confidence.
        #expect(usual.json(speaker: "Arla Tovik", confidence: 0.956) == #"{"c":"said","s":[2,3,0,9],"b":{"m":0,"g":["Tovik"]}}"#)
        // A method with no code, a chain that does not end with the speaker
        // and a confidence that is not the row's stay in the detail.
        let odd = try decoder.decode(QuoteDetail.self, from: Data(legacy[2].utf8))
        #expect(odd.json(speaker: "Lene Sarr", confidence: 0.4) == #"{"s":[2,3,0,9],"b":{"m":"collective","c":"according to","s":null,"h":[],"f":0.5}}"#)
    }
}

@Suite struct HeadlineQuoteTests {
    @Test(arguments: Backend.available) func headlineQuotesComeFirstAndSayTheirField(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            var a = Harbour.story1().annotated()
            a.story.headline = "Marrow: ‘not until the cranes are safe’"
            let start = Array(a.story.headline.utf8).count - Array("not until the cranes are safe’".utf8).count
            let end = Array(a.story.headline.utf8).count - Array("’".utf8).count
            a.headlineQuotes = [Quote(text: "not until the cranes are safe", kind: .partial, speaker: "Ilse Marrow",
                                      speakerEntity: 0, parts: [Span(field: .headline, paragraph: 0, start: start, end: end)])]
            _ = try archive.store([IngestItem(annotated: a, contentHash: "hq")])
            let quotes = try archive.quotes(QuoteFilter())
            #expect(quotes.map(\.field) == ["headline", "body"])
            #expect(quotes[0].range == [start, end])
            let id = try #require(quotes.first?.story)
            #expect(try archive.story(id: id)?.annotated == a)
        }
    }
}
