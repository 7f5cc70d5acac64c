import Foundation
import GRDB

extension SQLiteArchive {
    public func fetchState(url: String) throws -> FetchState? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT url, etag, lastModified, status, fetchedAt FROM fetch_state WHERE url = ?",
                             arguments: [url]).map {
                FetchState(url: $0[0], etag: $0[1], lastModified: $0[2], status: $0[3], fetchedAt: $0[4])
            }
        }
    }

    public func saveFetchState(_ state: FetchState) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO fetch_state (url, etag, lastModified, status, fetchedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, lastModified = excluded.lastModified,
                  status = excluded.status, fetchedAt = excluded.fetchedAt
                """, arguments: [state.url, state.etag, state.lastModified, state.status, state.fetchedAt])
        }
    }
}
