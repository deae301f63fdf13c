extension DroppedItem.Reason {
    /// A `partialUpdate` entry has no `operator`, or one that is not `arrayAppend`, `arrayRemove`,
    /// `fieldValueReplace`, `dictionaryPut` or `dictionaryRemove` (compared ignoring case).
    public static let unknownOperator = DroppedItem.Reason(rawValue: "unknownOperator")
    /// A `partialUpdate` entry lacks its `field` or `value`, names a reserved field such as `documentId`, has a
    /// value of the wrong shape for its operator, or targets a field whose stored value the operator cannot change
    /// (an array operator on a dictionary field, a dictionary operator on any other value).
    public static let invalidPartialUpdate = DroppedItem.Reason(rawValue: "invalidPartialUpdate")
    /// A `partialUpdate` entry names an item the source does not hold (partial updates change existing items
    /// only), or, during a stream load, an item the load did not add.
    public static let missingItem = DroppedItem.Reason(rawValue: "missingItem")
}
