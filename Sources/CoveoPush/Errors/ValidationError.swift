/// Input that breaks a rule of the Push API or of this SDK, found before any request is sent.
///
/// The error names the rule that was broken and what broke it (a document ID, an identity name, a
/// configuration field), so a crawler can log it and move on to the next document.
///
/// ```swift
/// do {
///     try document.validate()
/// } catch let error as ValidationError where error.rule == .reservedKey {
///     print(error)  // document 'https://example.com/a': reserved key: 'data' cannot be metadata
/// }
/// ```
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A rule of the Push API or of this SDK. An open set: new rules may be added.
    public struct Rule: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A short identifier of the rule, such as `reservedKey`.
        public let rawValue: String
        /// Creates a rule from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The identifier, in words.
        public var description: String { Self.words[rawValue] ?? Self.platformWords[rawValue] ?? rawValue }

        /// A document ID must be an absolute URI (a scheme followed by a non-empty part).
        public static let invalidDocumentId = Rule(rawValue: "invalidDocumentId")
        /// A reserved key (`data`, `permissions`, …) cannot be used as a metadata name.
        public static let reservedKey = Rule(rawValue: "reservedKey")
        /// A typed field (`title`, `date`, …) must be set through its property, not as metadata.
        public static let typedFieldAsMetadata = Rule(rawValue: "typedFieldAsMetadata")
        /// Two keys differ only in case; the service treats keys case-insensitively.
        public static let duplicateKey = Rule(rawValue: "duplicateKey")
        /// A metadata name is empty.
        public static let emptyKey = Rule(rawValue: "emptyKey")
        /// A document has more than one kind of content.
        public static let multipleContents = Rule(rawValue: "multipleContents")
        /// Pre-encoded `compressedBinaryData` is not valid base64.
        public static let invalidBase64 = Rule(rawValue: "invalidBase64")
        /// More than 5,000 permission identities on one item.
        public static let tooManyPermissions = Rule(rawValue: "tooManyPermissions")
        /// A metadata value the service does not accept (nested array or object, NaN, infinity).
        public static let unsupportedMetadataValue = Rule(rawValue: "unsupportedMetadataValue")
        /// A file extension must start with a dot.
        public static let invalidFileExtension = Rule(rawValue: "invalidFileExtension")
        /// Content beyond a size limit of the service.
        public static let contentTooLarge = Rule(rawValue: "contentTooLarge")
        /// A content file cannot be read.
        public static let unreadableFile = Rule(rawValue: "unreadableFile")
        /// This compression type cannot be produced by the SDK (LZMA must be supplied pre-compressed).
        public static let unsupportedCompression = Rule(rawValue: "unsupportedCompression")
        /// A required identifier (organization, source, provider, identity name, API key) is empty.
        public static let emptyIdentifier = Rule(rawValue: "emptyIdentifier")
        /// A URL is malformed or not of the expected form.
        public static let invalidURL = Rule(rawValue: "invalidURL")
        /// Plain `http` is only allowed to loopback hosts.
        public static let insecureURL = Rule(rawValue: "insecureURL")
        /// A URL points to a host that is not a Coveo Push API host.
        public static let foreignHost = Rule(rawValue: "foreignHost")
        /// The HIPAA environment exists in the US region only.
        public static let hipaaRegion = Rule(rawValue: "hipaaRegion")
        /// An orderingId more than one hour in the future would block the source.
        public static let futureOrderingId = Rule(rawValue: "futureOrderingId")
        /// A numeric parameter is outside its allowed range.
        public static let outOfRange = Rule(rawValue: "outOfRange")
        /// An API key or access token that cannot be sent in an HTTP header (whitespace, line breaks, control
        /// characters or non-ASCII text).
        public static let invalidAPIKey = Rule(rawValue: "invalidAPIKey")
        /// A request parameter does not have the form the service accepts (such as a stream shard name).
        public static let invalidParameter = Rule(rawValue: "invalidParameter")
        /// More distinct metadata keys than a field analysis accepts (Coveo's default limit is 5,000 fields).
        public static let tooManyKeys = Rule(rawValue: "tooManyKeys")
        /// Two metadata keys of one document normalise to the same name.
        public static let keyCollision = Rule(rawValue: "keyCollision")

        private static let words: [String: String] = [
            "invalidDocumentId": "invalid document ID",
            "reservedKey": "reserved key",
            "typedFieldAsMetadata": "typed field set as metadata",
            "duplicateKey": "keys differing only in case",
            "emptyKey": "empty key",
            "multipleContents": "more than one kind of content",
            "invalidBase64": "invalid base64",
            "tooManyPermissions": "too many permissions",
            "unsupportedMetadataValue": "unsupported metadata value",
            "invalidFileExtension": "invalid file extension",
            "contentTooLarge": "content too large",
            "unreadableFile": "unreadable file",
            "unsupportedCompression": "unsupported compression",
            "emptyIdentifier": "empty identifier",
            "invalidURL": "invalid URL",
            "insecureURL": "insecure URL",
            "foreignHost": "foreign host",
            "hipaaRegion": "HIPAA outside the US region",
            "futureOrderingId": "orderingId in the future",
            "outOfRange": "value out of range",
            "invalidAPIKey": "invalid API key",
            "invalidParameter": "invalid parameter",
            "tooManyKeys": "too many metadata keys",
            "keyCollision": "keys normalising to one name",
        ]
    }

    /// What the rule applies to.
    public enum Subject: Sendable, Hashable, CustomStringConvertible {
        /// A document, by its ID.
        case document(String)
        /// A security identity, by its name.
        case identity(String)
        /// A configuration field or request parameter, by its name.
        case configuration(String)

        /// `document 'ID'`, `identity 'NAME'` or `configuration 'FIELD'`.
        public var description: String {
            switch self {
            case .document(let id): return "document '\(id)'"
            case .identity(let name): return "identity '\(name)'"
            case .configuration(let field): return "configuration '\(field)'"
            }
        }
    }

    /// The rule that was broken.
    public var rule: Rule
    /// What broke it.
    public var subject: Subject
    /// A one-line explanation. Never contains credentials.
    public var message: String

    /// Creates a validation error.
    public init(_ rule: Rule, _ subject: Subject, _ message: String) {
        self.rule = rule
        self.subject = subject
        self.message = message
    }

    /// `SUBJECT: RULE: MESSAGE`, on one line.
    public var description: String { "\(subject): \(rule): \(message)" }
}
