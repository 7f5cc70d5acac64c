import Foundation
import Testing
@testable import NewsKit

@Suite struct GenerationTests {
    /// Blank-line separated paragraphs of a generated story.
    func paragraphs(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        let a = WireStoryGenerator(seed: 42), b = WireStoryGenerator(seed: 42), c = WireStoryGenerator(seed: 43)
        for i in [0, 1, 17, 999, 54_321] {
            #expect(a.story(i) == b.story(i))
            #expect(a.story(i) != c.story(i))
        }
        // Stories are independent of the order they are made in.
        let late = a.story(54_321)
        _ = a.story(3)
        #expect(a.story(54_321) == late)
        #expect(a.story(1) != a.story(2))
    }

    @Test func wordCountsStayInRange() {
        let g = WireStoryGenerator(seed: 9)
        var counts: [Int] = []
        for i in 0..<60 {
            let bytes = g.story(i)
            let n = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            #expect(WireStoryGenerator.wordRange.contains(n), "story \(i) has \(n) words")
            counts.append(n)
        }
        // Not all one length: the corpus has short and long stories.
        #expect(counts.max()! - counts.min()! > 300)
    }

    @Test func storiesHaveTheWireShape() throws {
        let g = WireStoryGenerator(seed: 5)
        for i in 0..<20 {
            let paras = paragraphs(g.story(i))
            #expect(paras.count > 8)
            #expect(!paras[0].hasPrefix("By "))
            #expect(paras[1].hasPrefix("By "))
            // Dateline: PLACE[/PLACE][, Month D] (Agency) -
            let lead = paras[2]
            let agencyClose = try #require(lead.range(of: ") -"))
            #expect(lead[..<agencyClose.lowerBound].contains("("))
            #expect(lead.prefix(4) == lead.prefix(4).uppercased())
            #expect(paras.contains { p in p.count > 5 && p == p.uppercased() && !p.contains("“") && !p.hasPrefix("TAG") })
            #expect(paras.contains { $0.hasPrefix("(Reporting by ") && $0.hasSuffix(")") })
        }
    }

    @Test func everyQuotePatternAppears() {
        let g = WireStoryGenerator(seed: 11)
        let text = (0..<80).map { String(decoding: g.story($0), as: UTF8.self) }.joined(separator: "\n\n")
        let patterns = [
            ",” said ",                 // “…,” said X
            " said.",                   // “…,” X said.
            ": “",                      // X said: “…”
            ",” according to ",         // “…,” according to X
            "called it “",              // partial
            ",” she said", ",” he said",  // pronouns
            "said in a statement",      // organisation
            ",” it said.",              // organisation pronoun
            "asked not to be named",    // unnamed source
            "VIEWIMAGE",                // tag lines
        ]
        for p in patterns { #expect(text.contains(p), "no \(p) in 80 stories") }
        // A multi-paragraph quote: a paragraph opens a quote it does not close.
        let open = paragraphs(Array(text.utf8)).contains { p in
            p.components(separatedBy: "“").count > p.components(separatedBy: "”").count
        }
        #expect(open)
    }

    @Test func speakersRecurAcrossStories() {
        let g = WireStoryGenerator(seed: 3)
        var seen: [String: Int] = [:]
        for i in 0..<200 {
            for p in paragraphs(g.story(i)) where p.hasPrefix("“") {
                if let r = p.range(of: ",” said ") {
                    let name = p[r.upperBound...].prefix { $0 != "." && $0 != "," }
                    seen[String(name), default: 0] += 1
                }
            }
        }
        #expect(seen.values.contains { $0 >= 3 })
        #expect(seen.count > 50)
    }

    @Test func writerLaysOutFoldersAndIsRepeatable() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = CorpusWriter(seed: 21)
        let first = try writer.write(count: 1_005, to: root + "/a")
        _ = try writer.write(count: 1_005, to: root + "/b")
        #expect(first.stories == 1_005)
        let folders = try FileManager.default.contentsOfDirectory(atPath: root + "/a").filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == ["000", "001"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/a/001").count == 5)
        for i in [0, 999, 1_004] {
            let rel = CorpusWriter.relativePath(ofStory: i)
            let a = try Data(contentsOf: URL(fileURLWithPath: root + "/a/" + rel))
            let b = try Data(contentsOf: URL(fileURLWithPath: root + "/b/" + rel))
            #expect(a == b)
            #expect(Array(a) == writer.generator.story(i))
        }
        let recorded = try #require(CorpusWriter.recorded(at: root + "/a"))
        #expect(recorded.seed == 21 && recorded.stories == 1_005)
        #expect(CorpusWriter.folders(forStories: 10_000).count == 10)
        // Generated files load through the real loader.
        let story = try StoryLoader().load(path: root + "/a/" + CorpusWriter.relativePath(ofStory: 7))
        #expect(!story.headline.isEmpty)
    }

    @Test func unwritableFolderIsAOneLineError() {
        #expect(throws: CorpusWriteError.self) {
            try CorpusWriter(seed: 1).write(count: 3, to: "/proc/no-such-place/corpus")
        }
    }
}
