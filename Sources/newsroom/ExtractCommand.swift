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

    @Argument(help: "Story files or folders (walked for .txt files).")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one story file or folder") }
    }

    func run() throws {
        let loader = StoryLoader()
        let extractor = Extractor()
        let files = loader.files(in: paths)
        var failed = false
        // Extraction is pure: annotate in parallel, print in input order.
        let results = ParallelMap.map(files) { file -> Result<AnnotatedStory, StoryInputError> in
            switch file {
            case .failure(let e): return .failure(e)
            case .success(let path):
                do throws(StoryInputError) { return .success(extractor.annotate(try loader.load(path: path))) }
                catch { return .failure(error) }
            }
        }
        var articles: [ArticleJSON] = []
        for result in results {
            switch result {
            case .failure(let e):
                warn(e.description)
                failed = true
            case .success(let a):
                if json {
                    articles.append(ArticleJSON(a))
                } else {
                    // Story text is untrusted: no escape sequence, bell or backspace
                    // from a story may reach the terminal (as in the archive commands).
                    emit(ExtractText.render(a).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { plain(String($0)) }.joined(separator: "\n"))
                }
            }
        }
        if json {
            emit(String(decoding: try JSONOutput.encode(ExtractOutput(articles: articles)), as: UTF8.self) + "\n")
        }
        if failed { throw ExitStatus.inputFailed }
    }
}
