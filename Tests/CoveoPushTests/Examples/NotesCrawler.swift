import CoveoPush
import Foundation

/// Crawls a folder of Markdown notes into a Coveo Push source.
struct NotesCrawler {
    let client: PushClient
    let sourceId: String

    /// Rebuilds the source from every `.md` file of `folder`: notes deleted since the last crawl disappear.
    func crawl(folder: URL) async throws -> PushReport {
        let files = try FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        return try await client.rebuild(sourceId: sourceId) { session in
            for file in files where file.pathExtension == "md" {
                var note = Document(documentId: file.absoluteString)
                note.title = file.deletingPathExtension().lastPathComponent
                note.fileExtension = ".md"
                note.date = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
                note.content = .file(file)  // compressed as a stream, never read whole
                note.metadata["collection"] = "notes"
                note.permissions = .sets([PermissionSet(allowed: [.group("Staff")])])
                try await session.addOrUpdate(note)
            }
        }
    }

    /// Builds a crawler for the organization, source, key and region in the environment.
    static func fromEnvironment(_ environment: [String: String]) throws -> NotesCrawler {
        let client = try PushClient(
            organizationId: environment["COVEO_ORGANIZATION_ID"] ?? "", apiKey: environment["COVEO_API_KEY"] ?? "",
            region: Region(rawValue: environment["COVEO_REGION"] ?? "us"))
        return NotesCrawler(client: client, sourceId: environment["COVEO_SOURCE_ID"] ?? "")
    }
}
