import Foundation
import Testing
@testable import NewsKit

@Suite struct LoaderTests {
    @Test func refusesBinaryAndBadUTF8() throws {
        let loader = StoryLoader()
        #expect(throws: StoryInputError.binary(path: "b")) { try loader.parse(data: Data([0x41, 0, 0x42]), source: "b") }
        #expect(throws: StoryInputError.notUTF8(path: "u")) { try loader.parse(data: Data([0x41, 0xFF, 0x42]), source: "u") }
        #expect(throws: StoryInputError.empty(path: "e")) { try loader.parse(data: Data("  \n".utf8), source: "e") }
    }

    @Test func errorsNameTheFile() {
        let error = StoryInputError.notUTF8(path: "/tmp/stories/bad.txt")
        #expect(error.description == "/tmp/stories/bad.txt: not valid UTF-8 text")
        #expect(!error.description.contains("\n"))
    }

    @Test func stripsBOM() throws {
        let story = try StoryLoader().parse(data: Data([0xEF, 0xBB, 0xBF] + Array("Headline\n\nBody.".utf8)), source: "x")
        #expect(story.headline == "Headline")
    }

    @Test func decodesUTF16WithBOM() throws {
        let text = "Ferry “fares” frozen\n\nBy Amira Dahl\n\nLISBON (Reuters) - Fares stay at €2.\n"
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        for data in [little, big] {
            let story = try StoryLoader().parse(data: data, source: "u16.txt")
            #expect(story.headline == "Ferry “fares” frozen")
            #expect(story.byline == ["Amira Dahl"])
            #expect(story.paragraphs.first?.text == "Fares stay at €2.")
        }
    }

    @Test func refusesBrokenUTF16() {
        // A lone high surrogate (D800) with nothing after it.
        #expect(throws: StoryInputError.unreadable(path: "s", reason: "invalid UTF-16 text")) {
            try StoryLoader().parse(data: Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8]), source: "s")
        }
    }

    @Test func walksDirectoriesForTextStories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("desk/sub"), withIntermediateDirectories: true)
        try "A\n\nOne.".write(to: root.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try "B\n\nTwo.".write(to: root.appendingPathComponent("desk/sub/a.txt"), atomically: true, encoding: .utf8)
        try "not a story".write(to: root.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        try "hidden".write(to: root.appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
        let loader = StoryLoader()
        let found = loader.files(in: [root.path, root.appendingPathComponent("missing.txt").path])
        let paths = found.compactMap { try? $0.get() }
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["b.txt", "a.txt"])
        #expect(found.contains { if case .failure(.missing) = $0 { true } else { false } })
        let stories = try paths.map { try loader.load(path: $0) }
        #expect(stories.map(\.headline) == ["A", "B"])
    }

    @Test func missingFileIsAnErrorNamingIt() {
        #expect(throws: StoryInputError.missing(path: "/nonexistent/story.txt")) {
            try StoryLoader().load(path: "/nonexistent/story.txt")
        }
    }
}
