import CoveoPush
import CoveoPushEmulator
import Foundation

/// `coveo-push emulate`: serves the in-memory Push API emulator over HTTP on 127.0.0.1 until interrupted.
struct EmulateCommand: Subcommand {
    static let name = "emulate"
    static let summary = "Serve the in-memory Push API emulator on 127.0.0.1 until interrupted (Ctrl-C)."
    static let usage =
        "coveo-push emulate [--port N] [--api-key KEY] [--deny-privilege NAME[,NAME...]]\n"
        + "       [--indexing-delay SECONDS] [--reject-rate F] [--reject-ids FILE] [--seed N]"
    static let port = "--port"
    static let apiKey = "--api-key"
    static let denyPrivilege = "--deny-privilege"
    static let specs: [OptionSpec] = [
        .value(port, "N", "the port to listen on (default: any free port)"),
        .value(apiKey, "KEY", "accept only this key (default: any key)"),
        .value(
            denyPrivilege, "NAME[,NAME...]",
            "privileges the key lacks (FIELD:CREATE, SOURCE_ITEMS:EDIT, ...): they evaluate false, their routes 403"),
        EmulatorIndexing.emulate.delaySpec(), EmulatorIndexing.emulate.rejectRateSpec(),
        EmulatorIndexing.emulate.rejectIdsSpec(), EmulatorIndexing.emulate.seedSpec(),
    ]
    static let sendsRequests = false

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard arguments.positionals.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.positionals[0])'")
        }
        let port = try arguments.int(Self.port, in: 0...65_535) ?? 0
        var configuration = InMemoryPushService.Configuration()
        if let key = arguments.string(Self.apiKey) {
            do {
                _ = try APIKey(key)
            } catch {
                throw UsageError("--api-key: \(error.message)")
            }
            configuration.apiKey = key
        }
        if let denied = arguments.string(Self.denyPrivilege) {
            configuration.deniedPrivileges = try DeniedPrivileges.parse(denied, option: Self.denyPrivilege)
        }
        if let indexing = try EmulatorIndexing.emulate.parse(arguments) { configuration.indexing = indexing }
        let server: LoopbackPushServer
        do {
            (server, _) = try LoopbackPushServer.emulator(configuration: configuration, port: UInt16(port))
        } catch {
            throw UsageError("cannot serve on port \(port): \(error)")
        }
        let base = server.baseURL.absoluteString + "/push/v1"
        let console = environment.console
        console.line("Push API emulator listening on \(base)")
        console.line("Platform API at \(server.baseURL.absoluteString)/rest")
        if !configuration.deniedPrivileges.isEmpty {
            let names = configuration.deniedPrivileges.map(\.description).sorted().joined(separator: ", ")
            console.line("Denied privileges (their routes answer 403): \(names)")
        }
        if configuration.indexing != .immediate {
            let indexing = configuration.indexing
            console.line(
                "Indexing: delay \(indexing.delay), reject rate \(indexing.rejectionRate), "
                    + "\(indexing.rejectedDocumentIds.count) rejected IDs, seed \(indexing.seed)")
        }
        console.line("Push to it from another shell (any organization and source IDs work):")
        let key = arguments.string(Self.apiKey) != nil ? "<the key given to --api-key>" : "any-key"
        console.line(
            "  COVEO_API_KEY=\(key.contains("<") ? "'\(key)'" : key) coveo-push push --base-url \(base) "
                + "--organization my-organization --source my-source PATH...")
        console.line("Stop it with Ctrl-C.")
        do {
            while true { try await Task.sleep(for: .seconds(3600)) }
        } catch {
            await server.shutdown()
            console.line("emulator stopped")
            return .success
        }
    }
}
