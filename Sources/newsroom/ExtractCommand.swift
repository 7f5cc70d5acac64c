import ArgumentParser
import Foundation
import NewsKit

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Parse stories and print quotes by speaker and entities (no archive)."
    )

    @Flag(name: .long, help: "Print JSON (the schema in README.md).")
    var json = false

    @Argument(help: "Story files or folders (walked for .txt, feed, NewsML, NITF, ninjs and HTML files).")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one story file or folder") }
    }

    func run() throws {
        let loader = StoryLoader()
        let extractor = Extractor()
        let files = loader.files(in: paths)
        var failed = false
        var first = true
        if json { emit(ExtractOutput.head) }
        // Extraction is pure: annotate a chunk on all cores, print it in input
        // order, then the next chunk, so memory stays flat on large inputs.
        var chunkStart = 0
        while chunkStart < files.count {
            let chunk = Array(files[chunkStart..<min(files.count, chunkStart + 512)])
            chunkStart += chunk.count
            // A feed or a NewsML message gives several stories, in document order.
            let results = ParallelMap.map(chunk) { file -> [Result<AnnotatedStory, StoryInputError>] in
                switch file {
                case .failure(let e): return [.failure(e)]
                case .success(let path):
                    do throws(StoryInputError) { return try loader.stories(path: path).map { .success(extractor.annotate($0)) } }
                    catch { return [.failure(error)] }
                }
            }
            for result in results.joined() {
                switch result {
                case .failure(let e):
                    warn(e.description)
                    failed = true
                case .success(let a) where json:
                    emitBytes((first ? [] : [UInt8(ascii: ",")]) + ArticleJSON(a).jsonBytes())
                    first = false
                case .success(let a):
                    // Story text is untrusted: no escape sequence, bell or backspace
                    // from a story may reach the terminal (as in the archive commands).
                    emit(ExtractText.render(a).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { plain(String($0)) }.joined(separator: "\n"))
                }
            }
        }
        if json { emit(ExtractOutput.tail + "\n") }
        if failed { throw ExitStatus.inputFailed }
    }
}
