import Foundation

extension PostgresArchive {
    public func fetchState(url: String) throws -> FetchState? {
        try read { c in
            let r = try c.run("SELECT url, etag, last_modified, status, fetched_at FROM fetch_state WHERE url = $1", [url])
            guard !r.isEmpty else { return nil }
            return FetchState(url: r.text(0, 0), etag: r.string(0, 1), lastModified: r.string(0, 2),
                              status: r.int(0, 3), fetchedAt: r.text(0, 4))
        }
    }

    public func saveFetchState(_ state: FetchState) throws {
        try read { c in
            _ = try c.run("""
                INSERT INTO fetch_state (url, etag, last_modified, status, fetched_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                  status = excluded.status, fetched_at = excluded.fetched_at
                """, [state.url, state.etag, state.lastModified, state.status, state.fetchedAt])
        }
    }
}
