import Foundation
import Testing
@testable import NewsKit

@Suite struct JSONWriterTests {
    /// The fast writer and `JSONEncoder` describe the same document.
    @Test func fastExtractJSONDecodesToTheSameOutput() throws {
        let text = "Mayor \u{201C}backs\u{201D} plan\n\nBy Ana Ruiz\n\nLIMA (Reuters) - Mayor Tomas Ibarra said on Monday: \u{201C}We start now.\u{201D}\n\n\u{201C}Tabs\there, a \\\\ backslash and a \"straight\" quote,\u{201D} he said.\n"
        let story = try StoryLoader().parse(data: Data(text.utf8), source: "dir/a \"b\".txt")
        let out = ExtractOutput(articles: [ArticleJSON(Extractor().annotate(story))])
        let fast = try JSONDecoder().decode(ExtractOutput.self, from: Data(out.jsonBytes()))
        let slow = try JSONDecoder().decode(ExtractOutput.self, from: try JSONOutput.encode(out))
        #expect(fast.articles == slow.articles)
        #expect(fast.formatVersion == slow.formatVersion)
        #expect(!fast.articles[0].quotes.isEmpty)
    }

    @Test func escapesControlCharactersQuotesAndBackslashes() throws {
        var w = JSONWriter()
        w.beginObject()
        w.field("s", "a\"b\\c\n\u{1}\u{1B}[2J é")
        w.field("n", nil as String?)
        w.endObject()
        let s = String(decoding: w.bytes, as: UTF8.self)
        #expect(s == #"{"s":"a\"b\\c\n\u0001\u001b[2J é","n":null}"#)
        let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
        #expect(back?["s"] as? String == "a\"b\\c\n\u{1}\u{1B}[2J é")
    }

    /// Integers are written digit by digit, as `String(n)` prints them.
    @Test func integersAsSwiftPrintsThem() {
        let numbers = [0, 7, 9, 10, 99, 100, 123_456, 1_000_000_007, Int.max, -1, -42, Int.min]
        var w = JSONWriter()
        w.beginArray()
        for n in numbers { w.value(n) }
        w.beginObject(); w.field("a", 12); w.key("b"); w.value(range: 3, 45); w.endObject()
        w.endArray()
        let expected = "[" + numbers.map(String.init).joined(separator: ",") + ",{\"a\":12,\"b\":[3,45]}]"
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }

    /// Strings are scanned eight bytes at a time: every escape at every
    /// offset, next to non-ASCII bytes, is still found.
    @Test func escapesAtEveryOffset() throws {
        let specials = ["\"", "\\", "\n", "\u{1F}", "\t", "\u{0}", "é", "“", "\u{7F}", " "]
        for special in specials {
            for offset in 0..<20 {
                let s = String(repeating: "a", count: offset) + special + String(repeating: "ü", count: offset % 7)
                var w = JSONWriter()
                w.value(s)
                let back = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
                #expect(back == s)
                let text = String(decoding: w.bytes, as: UTF8.self)
                #expect(!text.dropFirst().dropLast().unicodeScalars.contains { $0.value < 0x20 })
            }
        }
    }
}
