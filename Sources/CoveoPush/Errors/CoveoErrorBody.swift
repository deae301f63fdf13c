import Foundation

/// The error body of a Coveo API, read leniently; every key is optional, since gateways send `{"message": …}` alone
/// and S3 sends XML.
///
/// | Shape | Who sends it | errorCode | message |
/// |---|---|---|---|
/// | `{"errorCode", "message"}` | the Push, Stream and Logs APIs, most Platform endpoints | `errorCode` | `message` |
/// | `{"code", "message"}` | some Platform endpoints | `code` | `message` |
/// | `{"type", "title", "status", "detail"}` (RFC 7807) | some Platform endpoints | `title`, else `type` | `detail`, else `title` |
///
/// Coveo's own platform client reads the same keys (`title`/`type`/`errorCode`/`code`, `detail`/`message`).
struct CoveoErrorBody: Sendable {
    var errorCode: String?
    var message: String?

    init?(_ body: Data) {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return nil
        }
        func text(_ key: String) -> String? {
            guard let value = object[key] as? String, !value.isEmpty else { return nil }
            return value.replacingOccurrences(of: "\n", with: " ")
        }
        errorCode = text("errorCode") ?? text("code") ?? text("title") ?? text("type")
        message = text("message") ?? text("detail") ?? text("title")
        if errorCode == nil && message == nil { return nil }
    }
}
