import Foundation
import GRDB

/// The archive's tables, created and upgraded by named migrations in order.
/// A new schema version is a new migration appended here, never an edit of
/// an old one: archives written by older binaries upgrade in place, and an
/// archive with a migration this binary does not know is refused.
///
/// Archive order (newest first) is `dateKey DESC, storyId DESC`; tables that
/// are listed in that order carry `dateKey` so one index serves each list.
///
/// Rows that belong to a story (quotes, mentions, links) carry no foreign
/// key to it: there is no index by story alone to keep the archive small,
/// and a cascading delete would scan them. The writer removes them first.

enum ArchiveSchema {
    /// The migrations this binary knows, for messages (counted, so it
    /// cannot lag behind a new migration as the hand-kept number did).
    static let version = migrator.migrations.count

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: stories, quotes, entities, mentions, full text") { db in
            try db.execute(sql: """
                CREATE TABLE story (
                  id INTEGER PRIMARY KEY,
                  source TEXT NOT NULL,
                  contentHash TEXT NOT NULL,
                  headline TEXT NOT NULL,
                  date TEXT,
                  dateKey INTEGER NOT NULL,
                  agency TEXT,
                  body TEXT NOT NULL,
                  layout TEXT NOT NULL,
                  entityIds TEXT NOT NULL,
                  quoteCount INTEGER NOT NULL,
                  entityCount INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX story_hash ON story(contentHash);
                CREATE INDEX story_source ON story(source);
                CREATE INDEX story_order ON story(dateKey, id);

                CREATE TABLE entity (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,
                  type TEXT NOT NULL,
                  nameKey TEXT NOT NULL,
                  surname TEXT,
                  mentionCount INTEGER NOT NULL DEFAULT 0,
                  storyCount INTEGER NOT NULL DEFAULT 0,
                  quoteCount INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX entity_by_mentions ON entity(mentionCount);
                CREATE INDEX entity_by_type_mentions ON entity(type, mentionCount);
                CREATE INDEX entity_by_surname ON entity(surname, type);

                CREATE TABLE entity_alias (
                  alias TEXT NOT NULL,
                  type TEXT NOT NULL,
                  entityId INTEGER NOT NULL REFERENCES entity(id),
                  PRIMARY KEY (alias, type, entityId)
                ) WITHOUT ROWID;

                CREATE TABLE entity_word (
                  word TEXT NOT NULL,
                  entityId INTEGER NOT NULL REFERENCES entity(id),
                  PRIMARY KEY (word, entityId)
                ) WITHOUT ROWID;

                CREATE TABLE story_entity (
                  entityId INTEGER NOT NULL REFERENCES entity(id),
                  dateKey INTEGER NOT NULL,
                  storyId INTEGER NOT NULL,
                  mentionCount INTEGER NOT NULL,
                  quoteCount INTEGER NOT NULL,
                  PRIMARY KEY (entityId, dateKey, storyId)
                ) WITHOUT ROWID;
                -- A story's rows: its entityIds column with its dateKey.

                -- The table is its own index (archive order per entity);
                -- text is NULL when it is just the words at the range.
                CREATE TABLE mention (
                  entityId INTEGER NOT NULL,
                  dateKey INTEGER NOT NULL,
                  storyId INTEGER NOT NULL,
                  field INTEGER NOT NULL,
                  paragraph INTEGER NOT NULL,
                  start INTEGER NOT NULL,
                  "end" INTEGER NOT NULL,
                  ordinal INTEGER NOT NULL,
                  text TEXT,
                  PRIMARY KEY (entityId, dateKey DESC, storyId DESC, field, paragraph, start)
                ) WITHOUT ROWID;

                CREATE TABLE quote (
                  id INTEGER PRIMARY KEY,
                  storyId INTEGER NOT NULL,
                  dateKey INTEGER NOT NULL,
                  ordinal INTEGER NOT NULL,
                  text TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  speaker TEXT,
                  speakerId INTEGER,
                  speakerOrdinal INTEGER,
                  paragraph INTEGER NOT NULL,
                  start INTEGER NOT NULL,
                  "end" INTEGER NOT NULL,
                  detail TEXT NOT NULL
                );
                CREATE INDEX quote_order ON quote(dateKey DESC, storyId DESC, ordinal);
                CREATE INDEX quote_by_speaker ON quote(speakerId, dateKey DESC, storyId DESC, ordinal);
                -- A story's quotes: quote_order with the story's dateKey.
                """)
            try db.create(virtualTable: "story_fts", using: FTS5()) { t in
                t.synchronize(withTable: "story")
                t.tokenizer = .unicode61(diacritics: .remove)
                // Searches are sets of words, never phrases: column detail
                // keeps ranking and snippets at 40% of the index size.
                t.detail = "column"
                t.column("headline")
                t.column("body")
            }
            // Quote text is part of its story's body, so story_fts finds the
            // stories and the quote's own words are checked after (no second
            // full-text index of the same words).
        }
        migrator.registerMigration("v2: mentions packed into story_entity; full text indexed per batch") { db in
            // One row per entity and story carries all its mentions (see
            // `MentionSpans`): ingest writes a third fewer rows.
            try db.execute(sql: "ALTER TABLE story_entity ADD COLUMN spans BLOB")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT entityId, dateKey, storyId, field, paragraph, start, "end", ordinal, text FROM mention
                ORDER BY entityId, dateKey, storyId
                """)
            let update = try db.makeStatement(sql: """
                UPDATE story_entity SET spans = ? WHERE entityId = ? AND dateKey = ? AND storyId = ?
                """)
            var key: [Int64] = []
            var spans: [MentionSpan] = []
            func flush() throws {
                guard key.count == 3 else { return }
                try update.execute(arguments: [Data(MentionSpans.pack(MentionSpans.normalize(spans))),
                                               key[0], key[1], key[2]])
            }
            while let r = try rows.next() {
                let k: [Int64] = [r[0], r[1], r[2]]
                if k != key {
                    try flush()
                    key = k
                    spans.removeAll(keepingCapacity: true)
                }
                spans.append(MentionSpan(ordinal: r[7], field: r[3], paragraph: r[4], start: r[5], end: r[6], text: r[8]))
            }
            try flush()
            try db.execute(sql: "DROP TABLE mention")
            // The writer indexes a batch's stories in one statement and
            // removes replaced ones itself (`ArchiveWriter.flush()`): the
            // per-row triggers made FTS5 write a segment per story.
            try db.execute(sql: "DROP TRIGGER IF EXISTS __story_fts_ai")
            try db.execute(sql: "DROP TRIGGER IF EXISTS __story_fts_ad")
        }
        migrator.registerMigration("v3: quote attribution confidence") { db in
            // How sure the attribution is (`QuoteAttribution.confidence`), for
            // `quotes --min-confidence`; the rest of the attribution lives in
            // the quote's detail JSON. Quotes written before stay NULL
            // (unknown) until their story is ingested again.
            try db.execute(sql: "ALTER TABLE quote ADD COLUMN confidence REAL")
        }
        migrator.registerMigration("v4: validators of downloaded URLs (fetch)") { db in
            // One row per feed or page URL: what makes the next download
            // conditional. Written after the URL's stories are stored.
            try db.execute(sql: """
                CREATE TABLE fetch_state (
                  url TEXT PRIMARY KEY,
                  etag TEXT,
                  lastModified TEXT,
                  status INTEGER NOT NULL,
                  fetchedAt TEXT NOT NULL
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v5: quote text kept in the body") { db in
            // A quote whose text is exactly its paragraph's bytes at its range
            // (nearly all) is stored as an empty `text` and the body offset it
            // starts at; it is read back from the story's body
            // (`SQLiteArchive.quoteText`). Rows written before keep their
            // text (NULL offset) and read as before.
            try db.execute(sql: "ALTER TABLE quote ADD COLUMN bodyStart INTEGER")
        }
        migrator.registerMigration("v6: story count kept by triggers") { db in
            // The reader shows the archive's story count on its first frame;
            // count(*) walks a whole index (10 ms warm and 50-70 ms cold at
            // 1,000,000 stories), so the count is kept beside the stories by
            // triggers, exact on every path that adds or removes one.
            try db.execute(sql: """
                CREATE TABLE story_count (n INTEGER NOT NULL);
                INSERT INTO story_count (n) SELECT count(*) FROM story;
                CREATE TRIGGER story_count_insert AFTER INSERT ON story BEGIN UPDATE story_count SET n = n + 1; END;
                CREATE TRIGGER story_count_delete AFTER DELETE ON story BEGIN UPDATE story_count SET n = n - 1; END;
                """)
        }
        migrator.registerMigration("v7: compact quote detail") { _ in
            // Quote details written from now on leave out what the row holds
            // (`QuoteDetail.json(speaker:confidence:)`): the method as its
            // `MethodCode`, a chain that ends with the row's speaker without
            // it (`g`), a confidence that is the row's column; the layout
            // (`StoredLayout.json`) with one-letter keys, no empty lists, body
            // paragraphs as their length alone. A binary that knows only up
            // to v6 would misread those rows, so the version says they may be
            // there. Older rows keep their form and read as before; no row is
            // rewritten (the saving is on what is written after).
        }
        return migrator
    }
}
