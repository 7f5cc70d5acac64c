import Foundation
import Testing
@testable import NewsKit

/// Pseudo-random stories built from the pieces the parser looks for (marks,
/// dashes, brackets, bylines, credits, media lines, line ends of every kind,
/// multi-byte text): the parser must never trap, and what it returns must be
/// well formed.
@Suite struct ParsingRobustnessTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "By ", "Ada Lind", " and ", ", ", "(Reuters)", " - ", " — ", " – ", "-", "--", "(", ")", "“", "”", "‘", "’",
        "\"", "'", "``", "''", "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u{FEFF}", "PARIS/OSLO", "WASHINGTON, April 17",
        "(Reporting by Ada Lind in Oslo; Editing by Ben Ode)", "Reporting by ", "; ", "tagreuters.com-VIEWIMAGE",
        "Image: ", "#tag", "https://x.example", "The mayor said.", "HARBOUR FEES", "é", "日本", "👩‍🚀", ".", ":",
    ]

    @Test func randomStoriesParseIntoWellFormedParts() throws {
        var rng = SplitMix(state: 20_260_417)
        let parser = WireStoryParser()
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) {
                text += Self.pieces.randomElement(using: &rng)!
            }
            let story: Story
            do {
                story = try parser.parse(text: text, source: "r\(round).txt")
            } catch let error as StoryInputError {
                #expect(error == .empty(path: "r\(round).txt"), "round \(round)")
                continue
            }
            #expect(!story.headline.isEmpty, "round \(round)")
            for p in story.paragraphs {
                #expect(!p.text.isEmpty, "round \(round): empty paragraph")
                #expect(!p.text.utf8.contains(0x0A) && !p.text.utf8.contains(0x0D), "round \(round): line end inside a paragraph")
                #expect(p.text.first != " " && p.text.last != " ", "round \(round): untrimmed paragraph")
            }
            #expect(story.paragraphs.filter { $0.kind == .credit }.count <= 1, "round \(round)")
            if let dateline = story.dateline {
                #expect(!dateline.raw.isEmpty, "round \(round)")
            }
        }
    }

    @Test func randomBytesLoadOrFailWithTheFileName() {
        var rng = SplitMix(state: 7)
        let loader = StoryLoader()
        let heads: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
        for round in 0..<2000 {
            var bytes = heads.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 0...200, using: &rng) {
                // Mostly text, sometimes anything.
                bytes.append(Bool.random(using: &rng) ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0...255, using: &rng))
            }
            let source = "bytes-\(round).txt"
            do {
                let story = try loader.parse(data: Data(bytes), source: source)
                #expect(!story.headline.isEmpty)
            } catch {
                #expect(error.path == source)
                #expect(!error.description.contains("\n"))
            }
        }
    }
}
