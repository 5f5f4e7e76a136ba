/// An event of another convention that conditions this one (convention liée): `condition: { convention: …,
/// evenement: … }` of an échéance.
public struct EventLink: Hashable, Sendable {
    /// The other convention's id.
    public var convention: String
    /// The event, in the other convention's vocabulary (``Convention/eventVocabulary``).
    public var event: String
    /// Where the condition is written, for diagnostics made once the other convention is read.
    public var position: SourcePosition?

    public init(convention: String, event: String, position: SourcePosition? = nil) {
        self.convention = convention
        self.event = event
        self.position = position
    }

    /// `convention-a/rapport-remis`: the name a bilan of this convention dates the event under.
    public var qualifiedName: String { "\(convention)/\(event)" }
}
