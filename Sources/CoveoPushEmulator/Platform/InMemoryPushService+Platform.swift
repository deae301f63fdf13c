import CoveoPush
import Foundation

/// The Platform API of the emulator: fields, sources, security providers, privilege evaluation, denied privileges
/// and the metadata keys no field maps.
///
/// Rules (assumptions where the service's are not documented, listed in `Documentation/Testing.md`): a field
/// create or batch is applied all or nothing; a duplicate name answers 412 `FIELD_ALREADY_EXISTS`; a batch over
/// 500 fields or an organization over 5,000 fields is refused; source names are unique ignoring case (412
/// `SOURCE_ALREADY_EXISTS`); a `POST` of an existing provider ID answers 412 `SECURITY_PROVIDER_ALREADY_EXISTS`;
/// a provider's `referencedBy` sources and cascading providers must exist (a source exists once created here or
/// pushed to); unknown IDs answer 404 `FIELD_NOT_FOUND`, `SOURCE_NOT_FOUND`, `SECURITY_PROVIDER_NOT_FOUND`.
///
/// Fault keys (see ``FaultPlan``): `organizationId/name` for a single field create and a source create,
/// `organizationId/id` for provider creates and every get, the organization for listings and batch creates, the
/// body's `organizationId` for privilege evaluation.
extension InMemoryPushService {
    /// The most fields an organization may have (Coveo's default limit).
    static let maxFieldsPerOrganization = 5_000

    // MARK: - Inspection

    /// The fields of an organization, sorted by name: its standard fields, then those created through the
    /// Platform routes.
    public func fields(organizationId: String) -> [FieldDefinition] {
        (platform.organizations[organizationId]?.fields ?? StandardFields.byName).values.map(\.definition)
            .sorted { $0.name < $1.name }
    }

    /// The metadata keys of the items stored in an organization's sources that match no field of the
    /// organization (compared ignoring case), as first spelled, sorted. Coveo drops these keys at indexing.
    ///
    /// Keys are noted as items are stored, so a key stays listed after its items are deleted. In discard mode
    /// nothing is stored and the list stays empty.
    ///
    /// - Parameter organizationId: The organization, or `nil` for every organization.
    public func unmappedMetadataKeys(organizationId: String? = nil) -> [String] {
        var keys: Set<String> = []
        for (id, organization) in platform.organizations where organizationId == nil || id == organizationId {
            for (folded, spelling) in organization.metadataKeys where organization.fields[folded] == nil {
                keys.insert(spelling)
            }
        }
        return keys.sorted()
    }

    /// Notes the metadata keys of a stored item: memory per distinct spelling, not per item.
    func noteMetadataKeys(_ metadata: [String: JSONValue], organizationId: String) {
        guard !metadata.isEmpty else { return }
        withOrganization(organizationId) { organization in
            for key in metadata.keys where organization.keySpellings.insert(key).inserted {
                let folded = key.lowercased()
                if organization.metadataKeys[folded] == nil { organization.metadataKeys[folded] = key }
            }
        }
    }

    // MARK: - Privileges

    /// 403 `ACCESS_DENIED` when the route requires a denied privilege.
    nonisolated func privilegeRefusal(_ route: EmulatedRoute) -> EmulatorAnswer? {
        let denied = configuration.deniedPrivileges
        guard !denied.isEmpty, let privilege = route.requiredPrivilege, denied.contains(privilege) else { return nil }
        return .error(403, "ACCESS_DENIED", "The API key lacks the privilege \(privilege) this operation requires.")
    }

    // MARK: - Applying

    /// Changes an organization's Platform state in place, creating it on first use.
    func withOrganization<Result>(
        _ organizationId: String, _ change: (inout PlatformState.Organization) -> Result
    ) -> Result {
        change(&platform.organizations[organizationId, default: PlatformState.Organization()])
    }

    /// Applies a prepared Platform API request.
    func applyPlatform(_ work: PlatformWork, organizationId: String) -> EmulatorAnswer {
        switch work {
        case .listFields(let query):
            return listFields(query, organizationId: organizationId)
        case .getField(let name):
            guard let field = platform.organizations[organizationId]?.fields[name] ?? StandardFields.byName[name]
            else {
                return .error(404, "FIELD_NOT_FOUND", "The field '\(name)' does not exist.")
            }
            return PlatformJSON.answer(200, PlatformJSON.field(field))
        case .createFields(let fields):
            return createFields(fields, organizationId: organizationId)
        case .deleteFields(let names):
            return withOrganization(organizationId) { organization in
                for name in names {
                    guard let field = organization.fields[name] else {
                        return .error(
                            404, "FIELD_NOT_FOUND", "The field '\(name)' does not exist; nothing was deleted.")
                    }
                    if field.system {
                        return .invalidParameter("fields", "'\(name)' is a standard field, which cannot be deleted")
                    }
                }
                for name in names { organization.fields[name] = nil }
                return .success(204)
            }
        case .createSource(let draft):
            return createSource(draft, organizationId: organizationId)
        case .deleteSource(let id):
            guard platform.organizations[organizationId]?.sources[id] != nil else {
                return .error(404, "SOURCE_NOT_FOUND", "The source '\(id)' does not exist.")
            }
            withOrganization(organizationId) { organization in
                organization.sources[id] = nil
                organization.sourceOrder.removeAll { $0 == id }
            }
            sources[ScopedKey(organizationId: organizationId, id: id)] = nil
            return .success(200)
        case .getSource(let id):
            guard let record = platform.organizations[organizationId]?.sources[id] else {
                return .error(404, "SOURCE_NOT_FOUND", "The source '\(id)' does not exist.")
            }
            return PlatformJSON.answer(200, sourceJSON(record, organizationId: organizationId))
        case .listSources(let page, let filter):
            let organization = platform.organizations[organizationId] ?? PlatformState.Organization()
            let all = organization.sourceOrder.compactMap { organization.sources[$0] }.filter {
                filter.selects($0.draft)
            }
            .map {
                sourceJSON($0, organizationId: organizationId)
            }
            guard let page else { return PlatformJSON.answer(200, .array(all)) }
            return PlatformJSON.answer(200, PlatformJSON.page(all, key: "sourceModels", page))
        case .putProvider(let model, let id, let createOnly):
            return putProvider(model, id: id, createOnly: createOnly, organizationId: organizationId)
        case .getProvider(let id):
            let organization = platform.organizations[organizationId] ?? PlatformState.Organization()
            guard let model = organization.providers[id] else {
                return .error(404, "SECURITY_PROVIDER_NOT_FOUND", "The security provider '\(id)' does not exist.")
            }
            return PlatformJSON.answer(200, .object(model))
        case .deleteProvider(let id):
            guard id != StandardFields.emailProviderId else {
                return .invalidParameter("id", "the built-in '\(id)' cannot be deleted")
            }
            guard platform.organizations[organizationId]?.providers[id] != nil else {
                return .error(404, "SECURITY_PROVIDER_NOT_FOUND", "The security provider '\(id)' does not exist.")
            }
            withOrganization(organizationId) { organization in
                organization.providers[id] = nil
                organization.providerOrder.removeAll { $0 == id }
            }
            return .success(204)
        case .listProviders:
            let organization = platform.organizations[organizationId] ?? PlatformState.Organization()
            let all = organization.providerOrder.compactMap { organization.providers[$0] }.map(JSONValue.object)
            return PlatformJSON.answer(200, .array(all))
        case .evaluate(let organization, let requested, let privilege):
            let approved = !configuration.deniedPrivileges.contains(privilege)
            return PlatformJSON.answer(
                200,
                .object([
                    "organizationId": .string(organization), "approved": .bool(approved),
                    "evaluationReport": .object([
                        "privilegeEvaluationResultCodes": [
                            .string(approved ? "OPERATION_GRANTED" : "OPERATION_NOT_ALLOWED")
                        ]
                    ]),
                    "requestedPrivilege": requested,
                ]))
        }
    }

    private func listFields(_ query: FieldQuery, organizationId: String) -> EmulatorAnswer {
        let fields = (platform.organizations[organizationId]?.fields ?? StandardFields.byName).values
        let needle = query.nameContains?.lowercased()
        var selected = fields.filter { field in
            if let needle, !field.definition.name.contains(needle) { return false }
            if let type = query.type, field.definition.type != type { return false }
            if let origin = query.origin, field.system != (origin == "SYSTEM") { return false }
            if let names = query.names, !names.contains(field.definition.name) { return false }
            return true
        }
        selected.sort {
            query.descending ? $0.definition.name > $1.definition.name : $0.definition.name < $1.definition.name
        }
        return PlatformJSON.answer(200, PlatformJSON.page(selected.map(PlatformJSON.field), key: "items", query.page))
    }

    /// Creates every field or none: a name that exists refuses the whole request.
    private func createFields(_ fields: [EmulatedField], organizationId: String) -> EmulatorAnswer {
        withOrganization(organizationId) { organization in
            if let taken = fields.first(where: { organization.fields[$0.definition.name] != nil }) {
                return .error(
                    412, "FIELD_ALREADY_EXISTS",
                    "The field '\(taken.definition.name)' already exists; nothing was created.")
            }
            guard organization.fields.count + fields.count <= Self.maxFieldsPerOrganization else {
                return .error(
                    412, "FIELD_LIMIT_EXCEEDED",
                    "The organization would have more than \(Self.maxFieldsPerOrganization) fields; nothing was created."
                )
            }
            for field in fields { organization.fields[field.definition.name] = field }
            return .success(204)
        }
    }

    private func createSource(_ draft: SourceDraft, organizationId: String) -> EmulatorAnswer {
        let createdDate = Self.epochMilliseconds(configuration.currentDate())
        let seed = configuration.faults.seed
        let record: PlatformState.SourceRecord? = withOrganization(organizationId) { organization in
            let folded = draft.name.lowercased()
            if organization.sources.values.contains(where: { $0.draft.name.lowercased() == folded }) { return nil }
            var id: String
            repeat {
                organization.sourceSequence += 1
                id = Self.sourceId(organizationId, seed: seed, sequence: organization.sourceSequence)
            } while organization.sources[id] != nil
            let record = PlatformState.SourceRecord(id: id, draft: draft, createdDate: createdDate)
            organization.sources[id] = record
            organization.sourceOrder.append(id)
            return record
        }
        guard let record else {
            return .error(412, "SOURCE_ALREADY_EXISTS", "A source named '\(draft.name)' already exists.")
        }
        return PlatformJSON.answer(201, sourceJSON(record, organizationId: organizationId))
    }

    /// An ID of the service's shape: 26 lowercase letters and digits, `-`, the organization ID. Deterministic for
    /// a seed, organization and sequence number.
    static func sourceId(_ organizationId: String, seed: UInt64, sequence: UInt64) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var state = FaultHash.fnv1a(organizationId) ^ FaultHash.mix(seed ^ 0x5_0C0E) ^ sequence
        var id = ""
        for index in 0..<26 {
            if index % 12 == 0 { state = FaultHash.mix(state &+ UInt64(index)) }
            id.append(alphabet[Int(state % 36)])
            state /= 36
        }
        return "\(id)-\(organizationId)"
    }

    private func sourceJSON(_ record: PlatformState.SourceRecord, organizationId: String) -> JSONValue {
        let organization = platform.organizations[organizationId]
        var references: [(id: String, type: String)] = []
        for id in organization?.providerOrder ?? [] {
            guard let model = organization?.providers[id],
                model["referencedBy"]?.arrayValue?.contains(where: {
                    $0.member("type")?.stringValue == "SOURCE" && $0.member("id")?.stringValue == record.id
                }) == true
            else { continue }
            references.append((id, model["type"]?.stringValue ?? ""))
        }
        let count = sources[ScopedKey(organizationId: organizationId, id: record.id)]?.items.count ?? 0
        return PlatformJSON.source(record, numberOfDocuments: count, providers: references)
    }

    private func putProvider(
        _ model: JSONObject, id: String, createOnly: Bool, organizationId: String
    ) -> EmulatorAnswer {
        let organization = platform.organizations[organizationId] ?? PlatformState.Organization()
        if createOnly, organization.providers[id] != nil {
            return .error(
                412, "SECURITY_PROVIDER_ALREADY_EXISTS", "The security provider '\(id)' already exists.")
        }
        for reference in model["referencedBy"]?.arrayValue ?? [] {
            let target = reference.member("id")?.stringValue ?? ""
            if reference.member("type")?.stringValue == "SOURCE" {
                let known =
                    organization.sources[target] != nil
                    || sources[ScopedKey(organizationId: organizationId, id: target)] != nil
                guard known else {
                    return .invalidParameter("referencedBy", "no source '\(target)' exists in the organization")
                }
            } else if organization.providers[target] == nil {
                return .invalidParameter("referencedBy", "no security provider '\(target)' exists")
            }
        }
        if case .object(let cascading) = model["cascadingSecurityProviders"] ?? .null {
            for entry in cascading.members {
                let target = entry.value.member("id")?.stringValue ?? entry.value.member("name")?.stringValue ?? ""
                guard organization.providers[target] != nil || target == id else {
                    return .invalidParameter("cascadingSecurityProviders", "no security provider '\(target)' exists")
                }
            }
        }
        withOrganization(organizationId) { organization in
            if organization.providers[id] == nil { organization.providerOrder.append(id) }
            organization.providers[id] = model
        }
        return PlatformJSON.answer(200, .object(model))
    }
}
