import Foundation

/// JSON through Foundation's `JSONSerialization`, with a one-line error
/// naming the source (ninjs files, a page's JSON-LD).
enum JSONInput {
    static func parse(_ text: String, source: String, format: String) throws(StoryInputError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let ns = error as NSError
            let detail = (ns.userInfo["NSDebugDescription"] as? String) ?? ns.localizedDescription
            throw .malformed(path: source, reason: "malformed \(format): \(detail)")
        }
    }

    /// A string, or the first string of an array, or an object's `name`/`value`.
    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return XMLTree.collapse(s)
        case let a as [Any]: return a.lazy.compactMap(string).first
        case let o as [String: Any]: return string(o["name"]) ?? string(o["value"])
        default: return nil
        }
    }

    /// Every string of a value that may be a string, an object or a list of them.
    static func strings(_ value: Any?) -> [String] {
        switch value {
        case let a as [Any]: return a.compactMap(string)
        default: return string(value).map { [$0] } ?? []
        }
    }
}
