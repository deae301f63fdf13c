import Foundation

/// An answer of the emulator: the response, and the error code it carries for the request log.
struct EmulatorAnswer: Sendable {
    var response: TransportResponse
    var errorCode: String?
    var fault: InjectedFault?

    init(response: TransportResponse, errorCode: String? = nil, fault: InjectedFault? = nil) {
        self.response = response
        self.errorCode = errorCode
        self.fault = fault
    }

    var isSuccess: Bool { response.isSuccess }

    /// A success with an optional JSON body.
    static func success(_ statusCode: Int, json: String? = nil) -> EmulatorAnswer {
        var headers = HeaderFields()
        if json != nil { headers["Content-Type"] = "application/json" }
        return EmulatorAnswer(
            response: TransportResponse(
                statusCode: statusCode, headers: headers,
                body: Data((json ?? "").utf8)))
    }

    /// 202 with `{}`, what the service answers to accepted work.
    static let accepted = success(202, json: "{}")

    /// A Coveo-style error: `{"errorCode": "…", "message": "…"}`, or `{"message": "…"}` when `errorCode` is nil.
    static func error(_ statusCode: Int, _ errorCode: String?, _ message: String) -> EmulatorAnswer {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        if let errorCode {
            writer.key("errorCode")
            writer.string(errorCode)
        }
        writer.key("message")
        writer.string(message)
        writer.endObject()
        let headers: HeaderFields = ["Content-Type": "application/json"]
        return EmulatorAnswer(
            response: TransportResponse(statusCode: statusCode, headers: headers, body: Data(writer.bytes)),
            errorCode: errorCode)
    }

    /// An S3-style XML error, as the upload host answers.
    static func s3Error(_ statusCode: Int, _ code: String, _ message: String) -> EmulatorAnswer {
        let body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>"
            + xmlEscaped(message) + "</Message></Error>"
        let headers: HeaderFields = ["Content-Type": "application/xml"]
        return EmulatorAnswer(
            response: TransportResponse(statusCode: statusCode, headers: headers, body: Data(body.utf8)),
            errorCode: code)
    }

    static func missingParameter(_ name: String) -> EmulatorAnswer {
        error(412, "MISSING_PARAMETER", "Parameter '\(name)' is missing.")
    }

    static func invalidParameter(_ name: String, _ detail: String) -> EmulatorAnswer {
        error(412, "INVALID_PARAMETER", "Parameter '\(name)' is invalid: \(detail).")
    }

    static func invalidJSON(_ detail: String) -> EmulatorAnswer {
        error(400, "INVALID_JSON", "Invalid JSON: \(detail).")
    }

    static func tooLarge(_ limit: Int) -> EmulatorAnswer {
        error(413, "REQUEST_ENTITY_TOO_LARGE", "The request is larger than \(limit) bytes.")
    }

    private static func xmlEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
