/// French wording shared by the reports.
package enum French {
    /// A count and its noun, in the singular for 0 and 1 and in the plural above, as French writes it:
    /// `count(9, "convention")` is « 9 conventions », `count(1, "programme")` « 1 programme »,
    /// `count(2, "réussi")` « 2 réussis ».
    ///
    /// - Parameter plural: the plural when it is not the noun followed by « s » (« travaux »).
    package static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count > 1 ? plural ?? noun + "s" : noun)
    }
}
