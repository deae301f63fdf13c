import CoveoPushEmulator
import Foundation

/// Reads the privileges an emulator denies from `--deny-privilege` or `--emulator-deny-privilege`: a
/// comma-separated list of `DOMAIN:TYPE` or `OWNER:DOMAIN:TYPE` names the emulator's routes require.
enum DeniedPrivileges {
    /// The privileges named by `text`.
    ///
    /// - Throws: ``UsageError`` naming the option, the bad name and the known names.
    static func parse(_ text: String, option: String) throws(UsageError) -> Set<EmulatedPrivilege> {
        var denied: Set<EmulatedPrivilege> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let privilege = EmulatedPrivilege(trimmed), EmulatedPrivilege.known.contains(privilege) else {
                throw UsageError(
                    "\(option): '\(trimmed)' is not a privilege the emulator checks; use one or more of "
                        + EmulatedPrivilege.known.map(\.description).joined(separator: ", ")
                        + " (comma-separated)")
            }
            denied.insert(privilege)
        }
        return denied
    }
}
