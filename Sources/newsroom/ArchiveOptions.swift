import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

/// `--db FILE|URL` and `--json`, shared by every archive command.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArchiveOptions.dbHelp, completion: .file())
    var db: String?

    static let dbHelp = ArgumentHelp(
        "The archive: an SQLite file, or a PostgreSQL URL (postgresql://user@host:5432/news).",
        discussion: "Default: $NEWSROOM_DB, else $XDG_DATA_HOME/newsroom/archive.sqlite, else ~/.local/share/newsroom/archive.sqlite. "
            + "A server password comes from PGPASSWORD or ~/.pgpass, never from the URL.",
        valueName: "file-or-url")

    @Flag(name: .long, help: "Print one JSON object (see README).")
    var json = false

    /// The archive path: `--db`, else the environment's default.
    var path: String { db ?? Self.defaultPath(environment: ProcessInfo.processInfo.environment) }

    static func defaultPath(environment: [String: String]) -> String {
        if let p = environment["NEWSROOM_DB"], !p.isEmpty { return p }
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return x + "/newsroom/archive.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/newsroom/archive.sqlite"
    }

    /// Opens the archive (SQLite file or PostgreSQL URL), or says why not on
    /// one line and exits 1.
    func open(_ mode: SQLiteArchive.Mode = .readOnly, batchSize: Int? = nil) throws -> any ArchiveStore {
        do {
            return try ArchiveLocation.open(path, mode: mode, batchSize: batchSize, notice: { warn($0) })
        } catch {
            throw fail(error)
        }
    }

    /// Prints `records` under `key` with the format version, as one JSON object.
    func printJSON<R: Encodable>(_ key: String, _ records: [R]) throws {
        emit(String(decoding: try JSONOutput.encode(RecordList(key: key, records: records)), as: UTF8.self) + "\n")
    }
}

/// Reports an error on one line and returns the exit code to throw.
func fail(_ error: any Error) -> ExitCode {
    if let e = error as? ArchiveError {
        warn(e.description)
    } else {
        warn("\(error)")
    }
    return ExitStatus.inputFailed
}

/// `{"formatVersion": 1, "<key>": [...]}`.
struct RecordList<R: Encodable>: Encodable {
    static var formatVersion: Int { 1 }
    var key: String
    var records: [R]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.formatVersion, forKey: Key("formatVersion"))
        try c.encode(records, forKey: Key(key))
    }
}

/// Story text is untrusted: on a terminal, control characters (escape
/// sequences, bells, backspaces) become spaces and everything stays on one line.
func plain(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { s -> Unicode.Scalar in
        switch s.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator:
            return " "
        case .format:
            // Bidirectional overrides could reorder the rest of the line.
            let bidi = s.value == 0x200E || s.value == 0x200F || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value)
            return bidi ? " " : s
        default:
            return s
        }
    }))
}

/// Resolves a user's name to one entity; on none or several, says so on one
/// line (listing the candidates) and throws the exit code.
func resolveOne(_ archive: some ArchiveStore, name: String, what: String, type: EntityType? = nil,
                speakersOnly: Bool = false) throws -> EntityRecord {
    let resolution: NameResolution
    do {
        resolution = try archive.resolve(name: name, type: type, speakersOnly: speakersOnly)
    } catch {
        throw fail(error)
    }
    switch resolution {
    case .one(let e):
        return e
    case .none:
        warn("\(what) '\(plain(name))': no match in the archive")
        throw ExitStatus.inputFailed
    case .ambiguous(let candidates):
        let list = candidates.prefix(10).map { "\(plain($0.name)) (id \($0.id), \($0.type))" }.joined(separator: "; ")
        warn("\(what) '\(plain(name))' is ambiguous: \(list)\(candidates.count > 10 ? "; …" : "") — give more of the name")
        throw ExitStatus.inputFailed
    }
}

extension QuoteKind: ExpressibleByArgument {}
extension EntityType: ExpressibleByArgument {}
