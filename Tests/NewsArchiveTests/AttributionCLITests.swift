import Foundation
import Testing
import TestSupport

/// `attribution` through the real binary: `extract --json`, then the same
/// values from the archive with `quotes --json`, and `--min-confidence`.
@Suite struct AttributionCLITests {
    @Test func extractAndQuotesGiveTheSameAttribution() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try folder.write("in/ferry.txt", AttributedStory.text)
        let (ex, out) = try bin.json(["extract", "--json", folder.file("in")], in: folder)
        #expect(ex.status == 0, "\(ex.stderr)")
        let article = try #require((out["articles"] as? [[String: Any]])?.first)
        let paragraphs = try #require(article["paragraphs"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        let quotes = try #require(article["quotes"] as? [[String: Any]]).filter { $0["kind"] as? String != "indirect" }
        #expect(quotes.count == 2)
        var byText: [String: [String: Any]] = [:]
        for q in quotes {
            let text = try #require(q["text"] as? String)
            let a = try #require(q["attribution"] as? [String: Any], "no attribution for \(text)")
            #expect(!(a["method"] as? String ?? "").isEmpty)
            let confidence = try #require(a["confidence"] as? Double)
            #expect(confidence > 0 && confidence <= 1)
            let chain = try #require(a["chain"] as? [String])
            #expect(chain.last == q["speaker"] as? String)
            // The mention's words stand at its range in its paragraph.
            let m = try #require(a["mention"] as? [String: Any])
            let p = try #require(m["paragraph"] as? Int), range = try #require(m["range"] as? [Int])
            let words = String(decoding: Array(paragraphs[p].utf8)[range[0]..<range[1]], as: UTF8.self)
            #expect(words == m["text"] as? String)
            #expect(chain.first == words)
            byText[text] = a
        }
        // `he` goes through the chain to the harbour master.
        let he = try #require(byText["Nobody loses a job,"])
        #expect(he["chain"] as? [String] == ["he", "Einar Tveit"])
        #expect(he["cue"] as? String == "said")

        let db = folder.file("archive.sqlite")
        #expect(try bin.run(["ingest", "--db", db, folder.file("in")], in: folder).status == 0)
        let (qr, listed) = try bin.json(["quotes", "--db", db, "--json"], in: folder)
        #expect(qr.status == 0, "\(qr.stderr)")
        let records = try #require(listed["quotes"] as? [[String: Any]]).filter { $0["kind"] as? String != "indirect" }
        #expect(records.count == 2)
        for r in records {
            let text = try #require(r["text"] as? String)
            let stored = try #require(r["attribution"] as? [String: Any])
            let extracted = try #require(byText[text])
            #expect(NSDictionary(dictionary: stored) == NSDictionary(dictionary: extracted), "\(text)")
        }
        // --min-confidence keeps exactly the quotes at or above it.
        let confidences = records.compactMap { ($0["attribution"] as? [String: Any])?["confidence"] as? Double }
        let all = try #require(listed["quotes"] as? [[String: Any]])
        let top = try #require(confidences.max())
        let (fr, filtered) = try bin.json(["quotes", "--db", db, "--json", "--min-confidence", String(top)], in: folder)
        #expect(fr.status == 0, "\(fr.stderr)")
        let kept = try #require(filtered["quotes"] as? [[String: Any]])
        let expected = all.filter { (($0["attribution"] as? [String: Any])?["confidence"] as? Double ?? -1) >= top }
        #expect(kept.count == expected.count && kept.count >= 1)
        #expect(kept.allSatisfy { (($0["attribution"] as? [String: Any])?["confidence"] as? Double ?? -1) >= top })
    }
}
