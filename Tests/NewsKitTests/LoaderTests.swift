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

    @Test func stripsBOM() throws {
        let story = try StoryLoader().parse(data: Data([0xEF, 0xBB, 0xBF] + Array("Headline\n\nBody.".utf8)), source: "x")
        #expect(story.headline == "Headline")
    }
}
