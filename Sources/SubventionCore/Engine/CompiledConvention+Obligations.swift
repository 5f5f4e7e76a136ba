extension CompiledConvention {
    /// Every obligation with its resolved deadline and its state at `asOf`.
    public func obligations(events: [String: CalendarDate], asOf: CalendarDate?) -> [ObligationStatus] {
        let context = DateContext(period: convention.period, events: events)
        return convention.obligations.map { obligation in
            let dueDate = obligation.due.resolve(in: context)
            let fulfilledOn = obligation.fulfilledBy.flatMap { events[$0] }
            let state: ObligationStatus.State
            switch (fulfilledOn, dueDate) {
            case (let done?, let deadline?):
                state = done <= deadline ? .fulfilled : .fulfilledLate
            case (.some, nil):
                state = .fulfilled
            case (nil, let deadline?):
                if let asOf, asOf > deadline { state = .late } else { state = .pending }
            case (nil, nil):
                state = .undetermined
            }
            return ObligationStatus(obligation: obligation, dueDate: dueDate, fulfilledOn: fulfilledOn, state: state)
        }
    }
}
