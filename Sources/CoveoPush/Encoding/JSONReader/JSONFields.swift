/// A field of the wrong shape found while building a model value from JSON, with where it sits.
///
/// The path is assembled while the error travels up (`permissions` → `[0]` → `allowedPermissions` → …), so
/// reading valid input never builds path strings. The model initializers turn it into a ``ValidationError``.
struct JSONFieldError: Error {
    enum Component {
        case key(String)
        case index(Int)
    }

    var rule: ValidationError.Rule
    /// Outermost first.
    var path: [Component]
    /// What is wrong, following the field's name: `must be a string, not a number`.
    var detail: String

    init(_ rule: ValidationError.Rule, _ detail: String, at path: [Component] = []) {
        self.rule = rule
        self.detail = detail
        self.path = path
    }

    func prefixed(_ component: Component) -> JSONFieldError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }

    /// `permissions[0].allowedPermissions[1].identityType`, or empty at the top level.
    var renderedPath: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The error as a ``ValidationError``; `root` names the top-level value when the path is empty.
    func validationError(_ subject: ValidationError.Subject, root: String = "the value") -> ValidationError {
        let path = renderedPath
        return ValidationError(rule, subject, "\(path.isEmpty ? root : "'\(path)'") \(detail)")
    }

    static func type(_ expected: String, _ value: JSONValue, at path: [Component] = []) -> JSONFieldError {
        JSONFieldError(.invalidParameter, "must be \(expected), not \(value.kindDescription)", at: path)
    }
}

/// Reads the members of one JSON object for a model initializer.
///
/// Keys are matched exactly, as the `Codable` conformances of the model types match them; `null` counts as
/// absent for optional fields (as `decodeIfPresent` does); a key that appears twice is refused rather than one of
/// its values picked.
struct JSONFields {
    let object: JSONObject

    /// Checks that `value` is an object without repeated keys.
    init(_ value: JSONValue) throws(JSONFieldError) {
        guard case .object(let object) = value else { throw JSONFieldError.type("an object", value) }
        if object.hasDuplicateKeys, let duplicate = object.duplicateKeys.first {
            throw JSONFieldError(.duplicateKey, "appears more than once", at: [.key(duplicate)])
        }
        self.object = object
    }

    /// The value of `key`, `nil` when absent or `null`.
    func present(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    /// A string that may be absent or `null`.
    func optionalString(_ key: String) throws(JSONFieldError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw JSONFieldError.type("a string", value, at: [.key(key)]) }
        return text
    }

    /// A string that must be there.
    func requiredString(_ key: String, missingRule: ValidationError.Rule = .invalidParameter) throws(JSONFieldError)
        -> String
    {
        guard let text = try optionalString(key) else { throw JSONFieldError(missingRule, "has no '\(key)'") }
        return text
    }

    /// A boolean that may be absent or `null`.
    func optionalBool(_ key: String) throws(JSONFieldError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else { throw JSONFieldError.type("true or false", value, at: [.key(key)]) }
        return flag
    }

    /// A value that must be there, converted by `convert`.
    func required<Value>(
        _ key: String, _ convert: (JSONValue) throws(JSONFieldError) -> Value
    ) throws(JSONFieldError) -> Value {
        guard let value = present(key) else { throw JSONFieldError(.invalidParameter, "has no '\(key)'") }
        do {
            return try convert(value)
        } catch {
            throw error.prefixed(.key(key))
        }
    }

    /// The elements of an array that may be absent or `null` (then empty), each converted by `element`.
    func array<Element>(
        _ key: String, _ element: (JSONValue) throws(JSONFieldError) -> Element
    ) throws(JSONFieldError) -> [Element] {
        guard let value = present(key) else { return [] }
        do {
            return try Self.array(value, element)
        } catch {
            throw error.prefixed(.key(key))
        }
    }

    /// The elements of an array, each converted by `element`.
    static func array<Element>(
        _ value: JSONValue, _ element: (JSONValue) throws(JSONFieldError) -> Element
    ) throws(JSONFieldError) -> [Element] {
        guard case .array(let values) = value else { throw JSONFieldError.type("an array", value) }
        var result: [Element] = []
        result.reserveCapacity(values.count)
        for index in values.indices {
            do {
                result.append(try element(values[index]))
            } catch {
                throw error.prefixed(.index(index))
            }
        }
        return result
    }

    /// An object of strings that may be absent or `null` (then empty).
    func stringDictionary(_ key: String) throws(JSONFieldError) -> [String: String] {
        guard let value = present(key) else { return [:] }
        do throws(JSONFieldError) {
            let fields = try JSONFields(value)
            var result: [String: String] = [:]
            for member in fields.object.members {
                guard case .string(let text) = member.value else {
                    throw JSONFieldError.type("a string", member.value, at: [.key(member.key)])
                }
                result[member.key] = text
            }
            return result
        } catch {
            throw error.prefixed(.key(key))
        }
    }
}
