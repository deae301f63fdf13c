/// Where an input record came from: a file, and a line for JSON inputs.
package struct InputPosition: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given or found while walking a folder.
    package var file: String
    /// The 1-based line, for JSON and JSON Lines files.
    package var line: Int?

    /// Creates a position.
    package init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or the file alone.
    package var description: String { line.map { "\(file):\($0)" } ?? file }
}
