import CoveoPush
import Foundation

/// Crawls a folder of Markdown notes into a Coveo Push source.
struct NotesCrawler {
    let client: PushClient
    let sourceId: String

    /// Pushes every `.md` file of `folder`, with its date, metadata and permissions, between
    /// an INCREMENTAL status and IDLE.
    func crawl(folder: URL) async throws -> PushReport {
        let files = try FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        let documents = files.filter { $0.pathExtension == "md" }.map { file in
            var document = Document(documentId: file.absoluteString)
            document.title = file.deletingPathExtension().lastPathComponent
            document.fileExtension = ".md"
            document.date = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
            document.content = .file(file)  // compressed as a stream, never read whole
            document.metadata["collection"] = "notes"
            document.permissions = .sets([PermissionSet(allowed: [.group("Staff")])])
            return document
        }
        return try await client.withStatus(.incremental, sourceId: sourceId) {
            try await client.push(documents, sourceId: sourceId)
        }
    }

    /// Builds a crawler for the organization, source and key in the environment.
    static func fromEnvironment(_ environment: [String: String]) throws -> NotesCrawler {
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: Region(rawValue: environment["COVEO_REGION"] ?? "us")),
            organizationId: environment["COVEO_ORGANIZATION_ID"] ?? "",
            credentials: .apiKey(try APIKey(environment["COVEO_API_KEY"] ?? "")))
        configuration.userAgentSuffix = "NotesCrawler/1.0"
        configuration.logHandler = { event in print(event) }  // one line per request and response
        let client = try PushClient(configuration: configuration)
        return NotesCrawler(client: client, sourceId: environment["COVEO_SOURCE_ID"] ?? "")
    }
}
