import CoveoPush
import Foundation

extension TransportResponse {
    /// A response with a JSON body and `Content-Type: application/json`.
    ///
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - jsonText: The body, sent as UTF-8 exactly as given.
    public static func json(_ status: Int, _ jsonText: String) -> TransportResponse {
        TransportResponse(
            statusCode: status,
            headers: ["Content-Type": "application/json"],
            body: Data(jsonText.utf8)
        )
    }

    /// A Coveo error response: `{"errorCode":"…","message":"…"}` with the given status.
    ///
    /// - Parameters:
    ///   - status: The HTTP status code, such as 412.
    ///   - errorCode: Coveo's error code, such as `SOURCE_DOES_NOT_EXIST`, or `nil` to leave the key out.
    ///   - message: The human-readable message.
    public static func coveoError(status: Int, errorCode: String?, message: String = "") -> TransportResponse {
        var members: [String] = []
        if let errorCode { members.append("\"errorCode\":\(jsonString(errorCode))") }
        members.append("\"message\":\(jsonString(message))")
        return .json(status, "{\(members.joined(separator: ","))}")
    }

    /// A response with no body.
    public static func empty(_ status: Int) -> TransportResponse {
        TransportResponse(statusCode: status)
    }

    /// The `201 Created` answer to "create a file container":
    /// `{"uploadUri":"…","fileId":"…","requiredHeaders":{…}}`.
    ///
    /// - Parameters:
    ///   - uploadUri: Where the batch is to be uploaded.
    ///   - fileId: The container's ID, used to push the batch.
    ///   - requiredHeaders: The headers the upload must carry; by default the ones Coveo returns.
    public static func fileContainer(
        uploadUri: String,
        fileId: String,
        requiredHeaders: [String: String] = [
            "x-amz-server-side-encryption": "AES256",
            "Content-Type": "application/octet-stream",
        ]
    ) -> TransportResponse {
        let headers = requiredHeaders.sorted { $0.key < $1.key }
            .map { "\(jsonString($0.key)):\(jsonString($0.value))" }
            .joined(separator: ",")
        let text =
            "{\"uploadUri\":\(jsonString(uploadUri)),\"fileId\":\(jsonString(fileId)),"
            + "\"requiredHeaders\":{\(headers)}}"
        return .json(201, text)
    }

    /// A `429 TOO_MANY_REQUESTS` Coveo error, with a `Retry-After` header in seconds when given.
    public static func tooManyRequests(retryAfter seconds: Int? = nil) -> TransportResponse {
        var response = coveoError(status: 429, errorCode: "TOO_MANY_REQUESTS", message: "Too many requests.")
        if let seconds { response.headers["Retry-After"] = String(seconds) }
        return response
    }

    /// `text` as a JSON string literal, quotes included.
    private static func jsonString(_ text: String) -> String {
        JSONValue.string(text).jsonText
    }
}
