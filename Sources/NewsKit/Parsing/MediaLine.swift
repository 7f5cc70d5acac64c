/// Trailing lines that reference pictures or tags rather than carry text:
/// `tagreuters.com…-VIEWIMAGE`, `Image: …`, `Photo: …`, `#tags`, bare URLs.
struct MediaLine {
    static func matches(_ line: String) -> Bool {
        if line.contains("VIEWIMAGE") || line.hasPrefix("tagreuters") { return true }
        let lower = line.lowercased()
        for prefix in ["image:", "photo:", "picture:", "pictures:", "video:", "graphic:", "photos:"]
        where lower.hasPrefix(prefix) {
            return true
        }
        if !line.contains(" "), lower.hasPrefix("http://") || lower.hasPrefix("https://") { return true }
        let words = line.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
    }
}
