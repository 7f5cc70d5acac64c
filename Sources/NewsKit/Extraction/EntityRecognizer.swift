/// Finds people, organisations and places and clusters their mentions.
/// (First cut: finds nothing yet.)
public struct EntityRecognizer: Sendable {
    public let gazetteer: Gazetteer
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public func recognize(_ story: Story) -> [Entity] { [] }
}
