/// NITF 3.x: `body.head` hedline, byline and dateline; `body.content` for
/// the text; `docdata` for the release date and the document id (the story's
/// identity when it is a URN or URL, else the file is). The distributor or
/// copyright holder is the agency when the dateline names none.
public struct NITFParser: StoryParser {
    public init() {}

    public func accepts(_ format: InputFormat) -> Bool { format == .nitf }

    public func stories(text: String, source: String) throws -> [Story] {
        let tree = try XMLTree(text: text, source: source, format: "NITF")
        let head = tree.root.first("head")
        let docdata = head?.first("docdata")
        let bodyHead = tree.root.first("body")?.first("body.head")
        guard let content = tree.root.first("body")?.first("body.content") else {
            throw StoryInputError.malformed(path: source, reason: "malformed NITF: no body.content")
        }
        let id = docdata?.first("doc-id")?.attribute("id-string")
        let byline = bodyHead?.first("byline")
        let bylineText = byline.map { b in
            // The byline's title (`<byttl>`) is a role, not a name.
            b.children.compactMap { node -> String? in
                switch node {
                case .text(let t): return t
                case .element(let e): return e.name == "byttl" ? nil : e.text
                }
            }.joined()
        }
        let agency = bodyHead?.first("distributor")?.plainText ?? docdata?.first("doc.copyright")?.attribute("holder")
        let datelineElement = bodyHead?.first("dateline")
        let places = datelineElement?.all("location").compactMap(\.plainText) ?? []
        let released = docdata?.first("date.release")?.attribute("norm") ?? docdata?.first("date.issue")?.attribute("norm")
        guard let story = StoryBody.story(
            source: id.map { StoryIdentity.hasScheme($0) ? $0 : source } ?? source,
            headline: bodyHead?.first("hedline")?.first("hl1")?.plainText ?? head?.first("title")?.plainText,
            author: bylineText, blocks: HTMLText.blocks(xhtml: content), url: StoryIdentity.webURL(id),
            published: released.map(Self.isoDate),
            dateline: StoryBody.dateline(text: datelineElement?.plainText, places: places, agency: agency))
        else { throw StoryInputError.empty(path: source) }
        return [story]
    }

    /// NITF's ISO 8601 basic form (`20260610T0930Z`) in the extended one
    /// (`2026-06-10T09:30Z`); anything else as it is.
    static func isoDate(_ s: String) -> String {
        let chars = Array(s)
        guard chars.count >= 8, chars[0..<8].allSatisfy(\.isNumber) else { return s }
        var out = String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8])
        if chars.count >= 13, chars[8] == "T", chars[9..<13].allSatisfy(\.isNumber) {
            out += "T" + String(chars[9..<11]) + ":" + String(chars[11..<13])
            if chars.count >= 15, chars[13..<15].allSatisfy(\.isNumber) {
                out += ":" + String(chars[13..<15]) + String(chars[15...])
            } else {
                out += String(chars[13...])
            }
        }
        return out
    }
}
