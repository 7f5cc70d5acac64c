import NewsArchive
import NewsKit

/// The reader's whole state (first cut: empty; see the reader issue).
public struct ReaderState: Sendable {
    public init() {}
}
