import Foundation
import TestSupport
import Testing
@testable import NewsArchive

/// The archive backends the conformance tests run on, with identical
/// expectations: SQLite always, PostgreSQL when `NEWSROOM_TEST_PG` names a
/// server (`make test` starts a throwaway one and sets it).
enum Backend: String, CustomStringConvertible, Sendable {
    case sqlite, postgres

    var description: String { rawValue }

    /// The backends to run on here.
    static var available: [Backend] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A fresh, empty archive of this backend: an SQLite file in a temporary
    /// folder, or a schema of its own on the test server (dropped after).
    func withArchive(_ body: (any ArchiveStore, TempFolder) throws -> Void) throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        switch self {
        case .sqlite:
            try body(try SQLiteArchive(path: folder.file("a/archive.sqlite")), folder)
        case .postgres:
            try TestPostgres.withSchema { url in try body(try PostgresArchive(url: url), folder) }
        }
    }

    /// The location of a fresh archive for the real binary (`--db`).
    func withLocation(_ body: (String, TempFolder) throws -> Void) throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        switch self {
        case .sqlite: try body(folder.file("archive.sqlite"), folder)
        case .postgres: try TestPostgres.withSchema { url in try body(url, folder) }
        }
    }
}

/// The test PostgreSQL server of `NEWSROOM_TEST_PG`.
enum TestPostgres {
    static var url: String? {
        guard let u = ProcessInfo.processInfo.environment["NEWSROOM_TEST_PG"], !u.isEmpty else { return nil }
        return u
    }

    static let skipReason: Comment = """
        PostgreSQL conformance run skipped: NEWSROOM_TEST_PG is unset (no test server), so the archive tests ran on SQLite only; `make test` starts a throwaway PostgreSQL cluster and sets it
        """

    /// Runs `body` with the URL of a new, empty schema (the archive's
    /// tables go there through `search_path`), dropped afterwards.
    static func withSchema(_ body: (String) throws -> Void) throws {
        guard let base = url else { throw ArchiveError("NEWSROOM_TEST_PG is unset") }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = PGConnection(url: base)
        try admin.locked { c in _ = try c.run("CREATE SCHEMA \(schema)", []) }
        defer { _ = try? admin.locked { c in try c.run("DROP SCHEMA \(schema) CASCADE", []) } }
        try body(base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)")
    }

    /// Runs one statement on the archive at `url` (tests that look inside or cut connections).
    @discardableResult
    static func run(_ url: String, _ sql: String, _ parameters: [any PGParameter] = []) throws -> PGRows {
        try PGConnection(url: url).locked { c in try c.run(sql, parameters) }
    }
}

@Suite struct PostgresServerTests {
    /// When the variable is unset this test is reported as skipped with the
    /// reason, so a run without a server never passes PostgreSQL silently.
    @Test("PostgreSQL conformance run", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
    func theTestServerAnswers() throws {
        try TestPostgres.withSchema { url in
            let archive = try PostgresArchive(url: url)
            #expect(try archive.storyCount() == 0)
            let applied = try TestPostgres.run(url, "SELECT max(version) FROM newsroom_schema")
            #expect(applied.int(0, 0) == PostgresSchema.version)
        }
    }
}
