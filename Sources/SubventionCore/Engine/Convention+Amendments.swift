extension Convention {
    /// The avenants effective at `date` (every avenant when `date` is nil), in the order of their effect.
    public func amendments(effectiveAt date: CalendarDate?) -> [Amendment] {
        amendments
            .filter { amendment in date.map { amendment.effective <= $0 } ?? true }
            .sorted { $0.effective < $1.effective }
    }

    /// The convention as it stands at `date`: every avenant effective by then applied in order
    /// (every avenant when `date` is nil). What an avenant leaves out stays as it was.
    public func applyingAmendments(at date: CalendarDate?) -> Convention {
        var amended = self
        for amendment in amendments(effectiveAt: date) {
            if let total = amendment.declaredTotal { amended.declaredTotal = total }
            if let components = amendment.components { amended.components = components }
            if let installments = amendment.installments { amended.installments = installments }
            if let settlement = amendment.settlement { amended.settlement = settlement }
        }
        amended.amendments = []
        return amended
    }
}
