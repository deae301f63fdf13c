import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSessionTransport {
    /// Turns a URLSession error into `CancellationError` or a ``TransportError``, without headers or URLs.
    static func mapError(_ error: any Error, summary: String) -> any Error {
        guard let urlError = error as? URLError else {
            let nsError = error as NSError
            return TransportError(.other, "\(summary) failed (\(nsError.domain) \(nsError.code))")
        }
        let kind: TransportError.Kind
        let what: String
        switch urlError.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            (kind, what) = (.timedOut, "timed out")
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .internationalRoamingOff, .dataNotAllowed, .callIsActive:
            (kind, what) = (.cannotConnect, "could not connect")
        case .networkConnectionLost:
            (kind, what) = (.connectionLost, "lost the connection")
        case .badServerResponse, .cannotParseResponse, .cannotDecodeRawData, .cannotDecodeContentData,
            .zeroByteResource, .httpTooManyRedirects, .redirectToNonExistentLocation, .dataLengthExceedsMaximum,
            .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired, .userCancelledAuthentication, .userAuthenticationRequired:
            (kind, what) = (.badResponse, "got an unusable response")
        case .fileDoesNotExist, .noPermissionsToReadFile, .cannotOpenFile, .fileIsDirectory,
            .requestBodyStreamExhausted:
            (kind, what) = (.bodyUnreadable, "could not read the request body")
        default:
            (kind, what) = (.other, "failed")
        }
        return TransportError(kind, "\(summary) \(what) (URLError \(urlError.code.rawValue))")
    }
}
