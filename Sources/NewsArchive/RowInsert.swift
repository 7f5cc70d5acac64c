import GRDB
import GRDBSQLite

/// A cached statement the writer binds and steps through SQLite's C API.
/// Ingest runs its inserts about fifty times a story; GRDB's
/// `StatementArguments` (an array of boxed values per row, converted one by
/// one) cost as much CPU as SQLite's own insert, on the one writer thread.
struct RowInsert {
    let db: Database
    let statement: Statement

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the values `bind` gives, in order, and runs the statement once.
    func run(_ bind: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage,
                                sql: statement.sql)
        }
    }

    /// The next parameter of the statement, numbered from 1.
    struct Binder {
        let handle: SQLiteStatement
        var index: Int32 = 0

        mutating func int(_ value: Int?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func int64(_ value: Int64?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func double(_ value: Double?) {
            index += 1
            if let value, value.isFinite { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func text(_ value: String?) {
            index += 1
            guard var value else { sqlite3_bind_null(handle, index); return }
            let i = index, h = handle
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
            value.withUTF8 { bytes in
                if let base = bytes.baseAddress {
                    _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(h, i, $0, Int32(bytes.count), Self.transient)
                    }
                } else {
                    sqlite3_bind_text(h, i, "", 0, Self.transient)
                }
            }
        }

        mutating func blob(_ value: [UInt8]) {
            index += 1
            let i = index, h = handle
            value.withUnsafeBytes { bytes in
                // An empty blob is an empty value, not NULL.
                if let base = bytes.baseAddress {
                    sqlite3_bind_blob(h, i, base, Int32(bytes.count), Self.transient)
                } else {
                    sqlite3_bind_zeroblob(h, i, 0)
                }
            }
        }

        static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
    }
}
