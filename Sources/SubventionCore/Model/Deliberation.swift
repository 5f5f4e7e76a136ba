/// A decision that authorises a convention: the assembly, its number and date.
public struct Deliberation: Hashable, Sendable {
    /// The deciding body (« Commission permanente », « Conseil d'administration du CCAS »).
    public var body: String
    public var number: String?
    public var date: CalendarDate?

    public init(body: String, number: String? = nil, date: CalendarDate? = nil) {
        self.body = body
        self.number = number
        self.date = date
    }
}
