import Foundation

/// Hears of stories other processes commit to a PostgreSQL archive: every
/// write transaction that adds or replaces stories sends a NOTIFY with
/// their number (delivered at commit, so only committed stories count),
/// and an open reader LISTENs on a connection of its own. The payload is
/// "SCHEMA COUNT": a channel is heard database-wide, an archive is a schema.
public final class StoryNotifications: @unchecked Sendable {
    static let channel = "newsroom_stories"
    let connection: PGConnection
    /// The archive's schema, read when listening starts.
    var schema = ""

    init(url: String) {
        // LISTEN again after any reconnect.
        connection = PGConnection(url: url, setup: ["LISTEN \(Self.channel)"])
    }

    /// How many stories were committed since the last call, waiting up to
    /// `timeout` seconds for the first word of them. A lost connection
    /// reconnects on the next call (what was sent meanwhile is missed).
    public func newStories(timeout: Double = 0) -> Int {
        do {
            return try connection.notifications(timeout: timeout).reduce(0) { sum, payload in
                let parts = payload.split(separator: " ")
                guard parts.count == 2, parts[0] == schema else { return sum }
                return sum + (Int(parts[1]) ?? 0)
            }
        } catch {
            connection.disconnect()
            return 0
        }
    }
}

extension PostgresArchive {
    /// Starts listening for stories committed by any writer.
    public func storyNotifications() throws -> StoryNotifications {
        let n = StoryNotifications(url: url)
        n.schema = try Self.describing(url: url) {
            try n.connection.locked { c in try c.run("SELECT current_schema()", []).text(0, 0) }
        }
        return n
    }
}
