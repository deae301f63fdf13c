/// One entry read from the inputs: an operation, or a problem that makes it skipped.
struct InputRecord: Sendable {
    let position: InputPosition
    let outcome: Result<InputOperation, InputProblem>
}
