import Foundation

/// Turns responses into HTTP/1.1 bytes.
///
/// Every response carries `Content-Length` (except 204 and 304, which have no body by definition) and, when the
/// connection will close, `Connection: close`. Framing and hop-by-hop fields set by a handler are replaced, and
/// fields that could not be sent safely (a name that is not a token, a value with CR, LF or another control
/// character) are dropped, so a handler can never corrupt the stream.
enum HTTPResponseWriter {
    /// What the `Connection` field should say.
    enum Persistence: Sendable, Hashable {
        /// The connection stays open; HTTP/1.1's default, so no field is written.
        case keepAlive
        /// The connection stays open and the client must be told (`Connection: keep-alive`, for HTTP/1.0).
        case explicitKeepAlive
        /// The server closes the connection after this response (`Connection: close`).
        case close
    }

    /// The interim response sent to a client waiting on `Expect: 100-continue`.
    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Fields the server manages itself; a handler's values for them are ignored.
    static let managedFieldNames: Set<String> = [
        "content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection", "te", "trailer",
        "upgrade",
    ]

    /// Serializes a final response.
    ///
    /// - Parameters:
    ///   - statusCode: A status code in `200...999`.
    ///   - headers: The fields to send; managed and unsafe fields are left out.
    ///   - body: The body, ignored for 204 and 304.
    ///   - persistence: What happens to the connection afterwards.
    static func serialize(
        statusCode: Int, headers: HeaderFields, body: Data, persistence: Persistence
    ) -> [UInt8] {
        var text = "HTTP/1.1 \(statusCode) \(reasonPhrase(for: statusCode))\r\n"
        for field in headers where isSendable(field) {
            text += "\(field.name): \(field.value)\r\n"
        }
        let hasBody = statusCode != 204 && statusCode != 304
        if hasBody { text += "Content-Length: \(body.count)\r\n" }
        switch persistence {
        case .keepAlive: break
        case .explicitKeepAlive: text += "Connection: keep-alive\r\n"
        case .close: text += "Connection: close\r\n"
        }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if hasBody { bytes.append(contentsOf: body) }
        return bytes
    }

    /// Serializes an error answered by the server itself, with a Coveo-style JSON body.
    ///
    /// - Parameters:
    ///   - statusCode: The status code.
    ///   - errorCode: The `errorCode` member of the body (`BAD_REQUEST`).
    ///   - message: The `message` member of the body.
    ///   - persistence: What happens to the connection afterwards.
    static func serializeError(
        statusCode: Int, errorCode: String, message: String, persistence: Persistence
    ) -> [UInt8] {
        serialize(
            statusCode: statusCode, headers: ["Content-Type": "application/json"],
            body: errorBody(errorCode: errorCode, message: message), persistence: persistence)
    }

    /// `{"errorCode":"…","message":"…"}`, the shape of the Push API's error bodies.
    static func errorBody(errorCode: String, message: String) -> Data {
        Data("{\"errorCode\":\(jsonString(errorCode)),\"message\":\(jsonString(message))}".utf8)
    }

    /// A JSON string literal.
    static func jsonString(_ value: String) -> String {
        JSONValue.string(value).jsonText
    }

    /// Whether a handler's field can be written: not managed by the server, a token name, a safe value.
    static func isSendable(_ field: HeaderFields.Field) -> Bool {
        let name = field.name.utf8
        return !name.isEmpty && name.allSatisfy(\.isHTTPTokenCharacter)
            && field.value.utf8.allSatisfy(\.isFieldValueCharacter)
            && !managedFieldNames.contains(field.name.lowercased())
    }

    /// The reason phrase of a status code (`Not Found`), or `Status` for codes without a common one.
    static func reasonPhrase(for statusCode: Int) -> String {
        switch statusCode {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 412: return "Precondition Failed"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 417: return "Expectation Failed"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        case 505: return "HTTP Version Not Supported"
        default: return "Status"
        }
    }
}
