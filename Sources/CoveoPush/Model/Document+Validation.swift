import Foundation

extension Document {
    /// Checks every rule of the Push API and of this SDK that can be checked before sending.
    ///
    /// The rules: the document ID and parent ID are absolute URIs; the file extension starts with a dot;
    /// metadata names follow ``DocumentKeys`` (not reserved, not typed, unique ignoring case); metadata values
    /// are supported (no nesting, no NaN or infinity, dates within years 0001–9999); pre-encoded content is
    /// valid base64 and file references are not empty; LZMA is never asked of the SDK's compressor; text content
    /// and pre-encoded base64 content fit a file container (256 MB: over the 5 MB inline limits they are offloaded
    /// to one); at most 5,000 permission identities.
    ///
    /// - Throws: ``ValidationError`` naming this document and the rule.
    package func validate() throws(ValidationError) {
        try validate(metadataNamesClassified: false)
    }

    /// ``validate()``, where `metadataNamesClassified` says the metadata names were already found to be neither
    /// reserved nor typed nor equal ignoring case (by the item reader): only their emptiness is checked then.
    func validate(metadataNamesClassified: Bool) throws(ValidationError) {
        let subject = ValidationError.Subject.document(documentId)
        if let problem = Self.uriProblem(documentId) {
            throw ValidationError(.invalidDocumentId, subject, "the document ID \(problem)")
        }
        if let parentId, let problem = Self.uriProblem(parentId) {
            throw ValidationError(.invalidDocumentId, subject, "the parent ID \(problem)")
        }
        if let fileExtension, !Self.isValidExtension(fileExtension) {
            throw ValidationError(
                .invalidFileExtension, subject,
                "the file extension '\(fileExtension)' must be a dot followed by letters, digits, '-' or '_'")
        }
        for date in [date, modifiedDate] {
            if let date, !ISO8601Timestamp.canRepresent(date) {
                throw ValidationError(.outOfRange, subject, "a date is outside the years 0001–9999")
            }
        }
        if !metadataNamesClassified {
            try DocumentKeys.validateMetadataNames(metadata.lazy.map(\.name), documentId: documentId)
        } else if metadata.contains(where: { $0.name.isEmpty }) {
            throw ValidationError(.emptyKey, subject, "a metadata name cannot be empty")
        }
        for entry in metadata {
            if let reason = entry.value.unsupportedReason() {
                throw ValidationError(.unsupportedMetadataValue, subject, "metadata '\(entry.name)': \(reason)")
            }
        }
        if let content { try Self.validate(content, subject: subject) }
        if let permissions, permissions.identityCount > PushLimits.maxPermissionsPerItem {
            throw ValidationError(
                .tooManyPermissions, subject,
                "\(permissions.identityCount) permission identities; the limit is \(PushLimits.maxPermissionsPerItem)")
        }
    }

    private static func validate(_ content: DocumentContent, subject: ValidationError.Subject) throws(ValidationError) {
        switch content {
        case .text(let text):
            if text.utf8.count > PushLimits.maxFileContainerBytes {
                throw ValidationError(
                    .contentTooLarge, subject,
                    "text content is \(text.utf8.count) bytes; 'data' is sent inline up to \(PushLimits.maxDataBytes) "
                        + "and through a file container up to \(PushLimits.maxFileContainerBytes)")
            }
        case .binary(_, let compression), .file(_, let compression):
            if !compression.isProducibleBySDK {
                throw ValidationError(
                    .unsupportedCompression, subject,
                    "the SDK cannot produce \(compression.rawValue); supply such content pre-compressed")
            }
        case .compressed:
            break
        case .base64(let text, _):
            if text.utf8.count / 4 * 3 > PushLimits.maxFileContainerBytes {
                throw ValidationError(
                    .contentTooLarge, subject,
                    "compressedBinaryData is \(text.utf8.count) bytes of base64; it is sent inline up to "
                        + "\(PushLimits.maxCompressedBinaryDataBytes) and through a file container up to "
                        + "\(PushLimits.maxFileContainerBytes) bytes once decoded")
            }
            if !Base64Check.isValid(text) {
                throw ValidationError(.invalidBase64, subject, "compressedBinaryData is not valid base64")
            }
        case .fileReference(let fileId, _):
            if fileId.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(.emptyIdentifier, subject, "compressedBinaryDataFileId is empty")
            }
        }
    }

    /// Why a string is not an absolute URI, or `nil` when it is one: a scheme (a letter, then letters, digits,
    /// `+`, `-`, `.`), a colon, and at least one more character, with no control characters anywhere.
    static func uriProblem(_ uri: String) -> String? {
        var text = uri
        let problem = text.withUTF8 { bytes -> String? in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
                return "'\(uri)' is not an absolute URI (it needs a scheme such as https: or file:)"
            }
            guard bytes[0].isASCIILetter,
                bytes[1..<colon].allSatisfy({
                    $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
                })
            else {
                return "'\(uri)' does not start with a valid URI scheme"
            }
            if colon == bytes.count - 1 {
                return "'\(uri)' has nothing after its scheme"
            }
            if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                return "contains a control character"
            }
            return nil
        }
        return problem
    }

    private static func isValidExtension(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: ".") else { return false }
            return bytes.dropFirst().allSatisfy {
                $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            }
        }
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
