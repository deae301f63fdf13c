import Foundation

/// Expands the paths of a command line into the files to read: files as given, folders walked recursively in
/// sorted order, skipping dot files and dot folders.
enum InputFiles {
    /// The files, in the order they are read.
    ///
    /// - Throws: ``UsageError`` for a path that does not exist or cannot be listed, or when no path is given.
    static func list(_ paths: [String]) throws(UsageError) -> [String] {
        guard !paths.isEmpty else { throw UsageError("give at least one file or folder") }
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError("no such file or folder: \(path)")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                throw UsageError("cannot list the folder \(path)")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var entryIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue {
                    found.append(full)
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }
}
