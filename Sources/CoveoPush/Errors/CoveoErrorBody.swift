import Foundation

/// The error body of the Push API, `{"errorCode": …, "message": …}`; both keys optional, since gateways send
/// `{"message": …}` alone and S3 sends XML.
struct CoveoErrorBody: Sendable {
    var errorCode: String?
    var message: String?

    init?(_ body: Data) {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return nil
        }
        errorCode = object["errorCode"] as? String
        message = (object["message"] as? String).map { $0.replacingOccurrences(of: "\n", with: " ") }
        if errorCode == nil && message == nil { return nil }
    }
}
