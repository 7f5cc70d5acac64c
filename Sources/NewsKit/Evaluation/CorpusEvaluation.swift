import Foundation

/// A folder of stories with their truth files, scored end to end.
///
/// Each `NAME.txt` is paired with `NAME.expected.json` (the project's corpus)
/// or `NAME.gold.json` (the evaluation set's format); stories without one are
/// skipped. Used by the accuracy test, and usable from a command line tool.
public struct CorpusEvaluation: Sendable {
    public struct Case: Sendable {
        public var name: String
        public var story: Story
        public var expected: ExpectedAnnotations
    }

    public var cases: [Case]
    /// Files that could not be read, each naming its file.
    public var errors: [StoryInputError]

    /// Loads every story under `directory` that has a truth file.
    public init(directory: URL, loader: StoryLoader = StoryLoader()) {
        cases = []
        errors = []
        for result in loader.files(in: [directory.path]) {
            let path: String
            switch result {
            case .success(let p): path = p
            case .failure(let e): errors.append(e); continue
            }
            let url = URL(fileURLWithPath: path)
            let name = url.deletingPathExtension().lastPathComponent
            let folder = url.deletingLastPathComponent()
            let candidates = [name + ".expected.json", name + ".gold.json"].map { folder.appendingPathComponent($0) }
            guard let truth = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { continue }
            do {
                let expected = try ExpectedAnnotations.load(from: truth)
                cases.append(Case(name: name, story: try loader.load(path: path), expected: expected))
            } catch let error as StoryInputError {
                errors.append(error)
            } catch {
                errors.append(.unreadable(path: path, reason: "\(error)"))
            }
        }
    }

    /// Scores every case with `annotate`; returns the total and one score a story.
    public func score(
        scorer: AccuracyScorer = AccuracyScorer(), annotate: (Story) -> AnnotatedStory
    ) -> (total: AccuracyScore, stories: [AccuracyScore]) {
        var total = AccuracyScore(name: "TOTAL")
        var stories: [AccuracyScore] = []
        for c in cases {
            let s = scorer.score(annotate(c.story), against: c.expected, name: c.name)
            stories.append(s)
            total = total + s
        }
        return (total, stories)
    }

    /// A plain-text report: one row a story, the total, then every miss.
    public static func report(total: AccuracyScore, stories: [AccuracyScore]) -> String {
        func figure(_ x: Double?) -> String { x.map { String(format: "%5.3f", $0) } ?? "    -" }
        func row(_ s: AccuracyScore) -> String {
            let name = s.name.count > 40 ? String(s.name.prefix(40)) : s.name.padding(toLength: 40, withPad: " ", startingAt: 0)
            let counts = String(format: "%4d/%4d/%4d", s.quotes.truePositives, s.quotes.system, s.quotes.gold)
            return name + " " + counts + "   "
                + [s.quotes.f1, s.speakers.accuracy, s.people.f1, s.places.f1, s.organizations.f1].map(figure)
                .joined(separator: "      ")
        }
        var lines = ["story                                    quotes tp/sys/gold   F1   speakers  people F1  places F1  orgs F1"]
        lines += stories.map(row)
        lines.append(row(total))
        lines.append("quote P \(figure(total.quotes.precision)) R \(figure(total.quotes.recall)); "
                     + "speakers \(total.speakers.correct)/\(total.speakers.matched); "
                     + "attribution F1 \(figure(total.attribution.f1)); headline quotes F1 \(figure(total.headlineQuotes.f1))")
        lines.append("misses:")
        for s in stories {
            for miss in s.misses { lines.append("  \(s.name): \(miss)") }
        }
        return lines.joined(separator: "\n")
    }
}
