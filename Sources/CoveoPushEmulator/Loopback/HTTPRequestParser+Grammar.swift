extension HTTPRequestParser {
    /// The three parts of a request line.
    struct RequestLine: Sendable, Hashable {
        var method: String
        var target: String
        var minorVersion: Int

        /// Parses `METHOD SP request-target SP HTTP/1.x`.
        init(parsing line: ArraySlice<UInt8>) throws(HTTPParseError) {
            let parts = line.split(separator: .space, maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 3 else { throw HTTPParseError(.badRequest, "malformed request line") }
            let (method, target, version) = (parts[0], parts[1], parts[2])
            guard !method.isEmpty, method.allSatisfy(\.isHTTPTokenCharacter) else {
                throw HTTPParseError(.badRequest, "malformed method")
            }
            guard !target.isEmpty, target.allSatisfy(\.isVisibleASCII) else {
                throw HTTPParseError(.badRequest, "malformed request target")
            }
            self.method = String(decoding: method, as: UTF8.self)
            self.target = String(decoding: target, as: UTF8.self)
            guard HTTPRequestHead.pathAndQuery(of: self.target) != nil else {
                throw HTTPParseError(.badRequest, "unsupported request target form")
            }
            self.minorVersion = try Self.parseVersion(version)
        }

        /// Parses `HTTP/d.d`, accepting only major version 1.
        private static func parseVersion(_ version: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
            let bytes = Array(version)
            guard bytes.count == 8, bytes[0..<5].elementsEqual("HTTP/".utf8), bytes[6] == UInt8(ascii: "."),
                let major = bytes[5].decimalDigitValue, let minor = bytes[7].decimalDigitValue
            else { throw HTTPParseError(.badRequest, "malformed HTTP version") }
            guard major == 1 else { throw HTTPParseError(.unsupportedVersion, "only HTTP/1.x is supported") }
            return minor
        }
    }

    /// Parses `name: value`, with optional whitespace around the value.
    static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HeaderFields.Field {
        guard let colon = line.firstIndex(of: .colon) else {
            throw HTTPParseError(.badRequest, "header line without a colon")
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(\.isHTTPTokenCharacter) else {
            throw HTTPParseError(.badRequest, "malformed header name")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == .space || first == .tab { value = value.dropFirst() }
        while let last = value.last, last == .space || last == .tab { value = value.dropLast() }
        guard value.allSatisfy(\.isFieldValueCharacter) else {
            throw HTTPParseError(.badRequest, "control character in a header value")
        }
        return HeaderFields.Field(
            name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// Parses `hex-size [BWS] [; extensions]`; at most 15 hexadecimal digits.
    static func parseChunkSize(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = line[index].hexDigitValue {
            digits += 1
            guard digits <= 15 else { throw HTTPParseError(.badRequest, "chunk size too long") }
            size = size &* 16 &+ digit
            index += 1
        }
        guard digits > 0 else { throw HTTPParseError(.badRequest, "malformed chunk size") }
        while index < line.endIndex, line[index] == .space || line[index] == .tab { index += 1 }
        if index < line.endIndex {
            guard line[index] == .semicolon, line[index...].allSatisfy(\.isFieldValueCharacter) else {
                throw HTTPParseError(.badRequest, "malformed chunk extension")
            }
        }
        return size
    }

    /// Decides how the body is delimited, and checks `Expect` and the body limit.
    func framing(of head: HTTPRequestHead) throws(HTTPParseError) -> Framing {
        if let expectation = head.headers["expect"] {
            guard expectation.trimmingHTTPWhitespace().lowercased() == "100-continue" else {
                throw HTTPParseError(.expectationFailed, "only 'Expect: 100-continue' is supported")
            }
        }
        let hasLength = head.headers.contains("content-length")
        if head.headers.contains("transfer-encoding") {
            guard !hasLength else {
                throw HTTPParseError(.badRequest, "both Content-Length and Transfer-Encoding are present")
            }
            let codings = HTTPRequestHead.tokens(in: head.headers, named: "transfer-encoding")
            guard codings.last == "chunked" else {
                throw codings.isEmpty || codings.contains("chunked")
                    ? HTTPParseError(.badRequest, "chunked must be the last transfer coding")
                    : HTTPParseError(.unsupportedTransferEncoding, "only chunked transfer coding is supported")
            }
            guard codings.count == 1 else {
                throw HTTPParseError(.unsupportedTransferEncoding, "only chunked transfer coding is supported")
            }
            return .chunked
        }
        guard hasLength else { return .none }
        let length = try Self.contentLength(head.headers)
        guard length <= limits.maxBodyBytes else {
            throw HTTPParseError(.bodyTooLarge, "the body exceeds \(limits.maxBodyBytes) bytes")
        }
        return length == 0 ? .none : .length(length)
    }

    /// The value of every `Content-Length`, which must all be the same decimal number.
    private static func contentLength(_ headers: HeaderFields) throws(HTTPParseError) -> Int {
        let values = headers.filter { $0.name.lowercased() == "content-length" }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { String($0).trimmingHTTPWhitespace() }
        guard let first = values.first, values.allSatisfy({ $0 == first }), (1...18).contains(first.utf8.count),
            first.utf8.allSatisfy({ $0.decimalDigitValue != nil }), let length = Int(first)
        else { throw HTTPParseError(.badRequest, "malformed Content-Length") }
        return length
    }
}
