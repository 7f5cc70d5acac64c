import Foundation
import NewsArchive
import Testing
@testable import NewsReader

@Test func zzProbe() throws {
    guard let path = ProcessInfo.processInfo.environment["READER_PROBE_DB"] else { return }
    func ms(_ f: () throws -> Void) rethrows -> Double { let t = Date(); try f(); return Date().timeIntervalSince(t) * 1000 }
    var session: ReaderSession!
    let archive = try SQLiteArchive(path: path, mode: .readOnly)
    print("first frame", try ms { session = ReaderSession(archive: archive, width: 160, height: 48); _ = session.render() })
    print("j", ms { session.press(.character("j")); _ = session.render() })
    print("enter", ms { session.press(.enter); _ = session.render() })
    print("G", ms { session.press(.tab); session.press(.backTab); session.state.focus == .stories ? session.press(.character("G")) : (); _ = session.render() })
    print("render only", ms { _ = session.render() })
    let people = try archive.entities(type: .person, story: nil, offset: 0, limit: 3)
    for p in people {
        print("person", p.name, p.mentionCount, p.quoteCount)
        print(" f+type", ms { session.press(.character("f")); for c in p.name { session.press(.character(c)) } })
        print(" enter", ms { session.press(.enter); _ = session.render() })
        print(" ]", ms { session.press(.character("]")); _ = session.render() }, session.state.message ?? "")
        print(" ]", ms { session.press(.character("]")); _ = session.render() }, session.state.message ?? "")
        session.press(.character("F"))
    }
    print("search", ms { session.press(.character("/")); session.send(.type("harbour")); session.press(.enter); _ = session.render() }, session.state.message ?? "")
    print("scope a", ms { session.press(.character("a")); _ = session.render() })
    print("related", ms { session.press(.character("r")); _ = session.render() })
}
