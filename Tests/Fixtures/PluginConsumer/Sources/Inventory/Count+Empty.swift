// A hand-written extension beside the definition (a target needs one Swift file of its own).
extension Count {
    /// Whether the shelf has nothing in stock.
    public var isEmpty: Bool { items == 0 }
}
