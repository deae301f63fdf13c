import CoveoPush
import CoveoPushEmulator

/// What the built-in emulator holds after a run, for the newcomer who ran `coveo-push push` without a target.
enum EmulatorReport {
    /// The banner printed first when no target is given.
    static let banner =
        "coveo-push: no target given, so this runs against the built-in in-memory Push API emulator "
        + "(nothing leaves this machine). To push to a real source, set COVEO_ORGANIZATION_ID, COVEO_SOURCE_ID and "
        + "COVEO_API_KEY (or use --push-api-url or --base-url)."

    /// The most items the listing shows; a larger source is summarized by its count.
    static let listedItems = 20

    /// Lists the items of the emulator's source: the count and the first ``listedItems`` by document ID.
    static func items(of emulator: InMemoryPushService, sourceId: String) async -> String {
        let (count, items) = await emulator.itemSample(sourceId: sourceId, limit: listedItems)
        var lines = ["The emulator now holds \(count) item\(count == 1 ? "" : "s") in source '\(sourceId)':"]
        for item in items {
            var line = "  \(item.documentId)"
            if let title = item.title { line += "  \"\(title)\"" }
            if let content = item.content {
                line += "  (\(content.count) bytes of \(item.contentKind.rawValue) content)"
            } else if let data = item.data {
                line += "  (\(data.utf8.count) bytes of text)"
            }
            lines.append(line)
        }
        if count > items.count { lines.append("  … and \(count - items.count) more") }
        return lines.joined(separator: "\n")
    }

    /// The most unmapped keys the line names; more are counted.
    static let listedKeys = 20

    /// The metadata keys of the emulator's items that match no field, which Coveo would drop at indexing, or
    /// `nil` when every key has a field.
    static func unmappedKeys(of emulator: InMemoryPushService, organizationId: String) async -> String? {
        let keys = await emulator.unmappedMetadataKeys(organizationId: organizationId)
        guard !keys.isEmpty else { return nil }
        var names = keys.prefix(listedKeys).joined(separator: ", ")
        if keys.count > listedKeys { names += " and \(keys.count - listedKeys) more" }
        return "Coveo would drop these metadata keys: no field named \(names); run `coveo-push fields sync`"
    }
}
