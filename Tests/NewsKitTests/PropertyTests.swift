import Foundation
import Testing
@testable import NewsKit

/// Random and adversarial stories (fixed seeds, so a failure repeats) through
/// parse and extract: never a crash, and `StoryInvariants` hold — every quote
/// part, speaker and mention lies inside its paragraph on UTF-8 boundaries.
@Suite struct PropertyTests {
    /// Pieces a story is built from: ordinary words, invented names, speech
    /// cues, every kind of quote mark and apostrophe, multibyte text and controls.
    static let pieces: [String] = [
        "the", "ferry", "council", "said", "told", "says", "according to", "added", "asked", "he", "she", "they",
        "Orla Penhallow", "Dr. Hesketh Marr", "Mayor Dana Quill", "Elswick Ferry Board", "Port Elswick",
        "Tomasz Wren", "Ms. Ilka Brandt", "the Quenby Tramways Company", "St. Aldric's", "O'Rourke", "Mc",
        "“", "”", "\"", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "`", "''", "``", "「", "」",
        "don't", "rock 'n' roll", "'90s", "the riders'", "isn’t",
        ",", ".", ":", ";", "—", "–", "-", "(", ")", "...", "…", "?", "!", "\u{00A0}",
        "Пётр Волков", "сказал", "المتحدث", "قال", "林晓明", "说", "Se\u{301}bastien", "a\u{308}", "🚢", "👩🏽‍✈️", "🇵🇹",
        "\u{1B}[2J", "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{7}", "\u{8}", "\u{85}", "\u{9B}31m", "\u{202E}", "\u{200B}", "\t",
        "\u{FEFF}", "\u{FFFD}", "\u{0}",
        "\n", "\n\n", "\r\n", "\r", "\r\n\r\n",
        "By Orla Penhallow\n\n", "PORT ELSWICK, May 3 (Tidewire) - ", "(Reporting by Tomasz Wren; Editing by Ilka Brandt)",
        "FARES FROZEN", "Photo: Dana Quill", "tagtidewire.com2031binary_X01",
    ]

    static func randomText(_ rng: inout SplitMix64, count: Int) -> String {
        var out = ""
        for _ in 0..<count {
            out += pieces[rng.below(pieces.count)]
            if rng.below(3) != 0 { out += " " }
        }
        return out
    }

    /// Parse and annotate one input; a story that comes out must keep the invariants.
    static func check(_ data: Data, _ label: String) {
        let story: Story
        do throws(StoryInputError) {
            story = try StoryLoader().parse(data: data, source: label)
        } catch {
            #expect(error.path == label && !error.description.contains("\n"), "\(label): \(error)")
            return
        }
        let annotated = Extractor().annotate(story)
        if let problem = StoryInvariants.firstViolation(in: annotated) {
            Issue.record("\(label): \(problem)\n\(String(decoding: data.prefix(2000), as: UTF8.self).debugDescription)")
        }
        // Speakers and quote texts are plain text of the story, never a control sequence.
        for q in annotated.quotes + annotated.headlineQuotes {
            #expect(!q.text.isEmpty, "\(label): empty quote")
        }
    }

    @Test(arguments: 0..<8)
    func randomStoriesKeepTheInvariants(_ batch: Int) {
        for i in 0..<60 {
            var rng = SplitMix64(seed: 0xFA17, stream: UInt64(batch * 1000 + i))
            let text = Self.randomText(&rng, count: 20 + rng.below(400))
            Self.check(Data(text.utf8), "random-\(batch)-\(i).txt")
        }
    }

    /// Well-formed stories with quotes, then the bytes mutated: flipped,
    /// inserted, deleted and duplicated — often invalid UTF-8 or a cut character.
    @Test(arguments: 0..<4)
    func mutatedStoriesKeepTheInvariants(_ batch: Int) {
        let base = Array("""
        Ferry fares frozen, says “board”

        By Orla Penhallow

        PORT ELSWICK, May 3 (Tidewire) - The Elswick Ferry Board froze fares on Tuesday.

        “We heard the town,” chair Wendeline Ashcombe said. “Fares stay where they are.”

        Mayor Dana Quill called it «a good day». „Wir bleiben dabei“, said Ilka Brandt, who isn’t a rider.

        ‘It’s about time,’ said rider Tomasz Wren — 🚢 — of Port Elswick.

        (Reporting by Orla Penhallow; Editing by Hesketh Marr)

        """.utf8)
        let specials: [UInt8] = [0x00, 0x0A, 0x0D, 0x1B, 0x22, 0x27, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF, 0x20]
        for i in 0..<120 {
            var rng = SplitMix64(seed: 0xB17E5, stream: UInt64(batch * 1000 + i))
            var bytes = base
            for _ in 0..<(1 + rng.below(12)) {
                let at = rng.below(bytes.count + 1)
                switch rng.below(5) {
                case 0 where at < bytes.count: bytes[at] = specials[rng.below(specials.count)]
                case 1: bytes.insert(specials[rng.below(specials.count)], at: at)
                case 2 where at < bytes.count: bytes.remove(at: at)
                case 3:
                    let piece = Array(Self.pieces[rng.below(Self.pieces.count)].utf8)
                    bytes.insert(contentsOf: piece, at: at)
                default:
                    let end = min(bytes.count, at + rng.below(40))
                    bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
                }
            }
            Self.check(Data(bytes), "mutated-\(batch)-\(i).txt")
        }
    }

    /// Adversarial shapes, each the worst case of one rule.
    @Test func adversarialStoriesKeepTheInvariants() {
        let cases: [String] = [
            String(repeating: "“", count: 3000),
            String(repeating: "”", count: 3000),
            String(repeating: "'", count: 3000),
            String(repeating: "“a ", count: 1000) + String(repeating: "” said Orla Penhallow. ", count: 1000),
            String(repeating: "Orla ", count: 3000),
            String(repeating: "said ", count: 3000),
            String(repeating: "Dr. ", count: 2000),
            String(repeating: "\n", count: 5000) + "Headline\n\n“x,” said y.",
            "Headline\n" + String(repeating: "\r", count: 5000) + "body",
            "“" + String(repeating: "\n\n“Continued paragraph without a close", count: 300),
            "Headline\n\nBy\n\nBy By By\n\n(Reporting by)\n\n(\n\n“”\n\n‘’\n\n«»",
            "“" + String(repeating: "a\u{301}\u{308}", count: 2000) + "” said Se\u{301}bastien.",
            String(repeating: "👩🏽‍✈️“", count: 1000),
            "Headline\n\n" + String(repeating: "(", count: 2000) + "Reporting by Tomasz Wren",
            "PORT ELSWICK, May 3 (Tidewire) - " + String(repeating: "PORT ELSWICK, ", count: 1000),
            "Headline\n\n" + String(repeating: "A. B. C. D. ", count: 1000),
        ]
        for (i, text) in cases.enumerated() {
            Self.check(Data(text.utf8), "adversarial-\(i).txt")
        }
    }
}
