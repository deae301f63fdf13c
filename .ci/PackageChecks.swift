// Checks that keep the package's promises visible in review; built and run by `.ci/public-api` and `.ci/run`.
//
//   PackageChecks listing MODULE SYMBOLGRAPH_DIR   prints MODULE's public declarations, one per line, sorted
//   PackageChecks closure TARGET                   reads `swift package describe --type json` on stdin and
//                                                  prints every target TARGET depends on, directly or not
import Foundation

/// One symbol graph file as written by `swift-symbolgraph-extract`, reduced to what a listing needs.
struct SymbolGraph: Decodable {
    struct Symbol: Decodable {
        struct Kind: Decodable { let identifier: String }
        struct Identifier: Decodable { let precise: String }
        struct Fragment: Decodable { let spelling: String }
        let kind: Kind
        let identifier: Identifier
        let pathComponents: [String]
        let declarationFragments: [Fragment]?
    }
    struct Relationship: Decodable {
        let kind: String
        let source: String
        let target: String
        let targetFallback: String?
    }
    let symbols: [Symbol]
    let relationships: [Relationship]
}

/// Symbol kinds counted as types in the listing's header.
let typeKinds: Set<String> = [
    "swift.struct", "swift.enum", "swift.class", "swift.actor", "swift.protocol", "swift.typealias",
    "swift.associatedtype",
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PackageChecks: \(message)\n".utf8))
    exit(2)
}

/// The listing of every public declaration of `module` found in `directory`'s symbol graphs (the module's own
/// and its extensions of other modules), without source locations, sorted; a header counts types and lines.
func listing(module: String, directory: String) throws -> String {
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
        $0 == "\(module).symbols.json" || $0.hasPrefix("\(module)@")
    }
    var lines: Set<String> = []
    var types = 0
    for file in files.sorted() {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file))
        let graph = try JSONDecoder().decode(SymbolGraph.self, from: data)
        let extended = file.split(separator: "@").dropFirst().first.map { "[extends \($0.dropLast(13))] " } ?? ""
        var paths: [String: String] = [:]
        for symbol in graph.symbols where !symbol.identifier.precise.contains("::SYNTHESIZED::") {
            let path = symbol.pathComponents.joined(separator: ".")
            paths[symbol.identifier.precise] = path
            let declaration = (symbol.declarationFragments ?? []).map(\.spelling).joined()
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
                    separator: " ")
            if typeKinds.contains(symbol.kind.identifier) { types += 1 }
            lines.insert("\(extended)\(path): \(declaration)")
        }
        for relation in graph.relationships where relation.kind == "conformsTo" {
            guard let path = paths[relation.source] else { continue }
            let target =
                relation.targetFallback.map { String($0.split(separator: ".").last ?? "") }
                ?? graph.symbols.first { $0.identifier.precise == relation.target }?.pathComponents.last
                ?? relation.target
            lines.insert("\(extended)\(path): conforms to \(target)")
        }
    }
    let body = lines.sorted().joined(separator: "\n")
    let conformances = lines.filter { $0.contains(": conforms to ") }.count
    let header =
        "# \(module): \(types) public types, \(lines.count - conformances) declarations, \(conformances) conformances"
    return header + "\n" + body + (body.isEmpty ? "" : "\n")
}

/// One target of `swift package describe --type json`.
struct Description: Decodable {
    struct Target: Decodable {
        let name: String
        let target_dependencies: [String]?
        let product_dependencies: [String]?
    }
    let targets: [Target]
}

/// Every target `root` depends on, directly or through other targets, sorted.
func closure(of root: String, in description: Description) -> [String] {
    let byName = Dictionary(description.targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    guard byName[root] != nil else { fail("no target named \(root)") }
    var seen: Set<String> = []
    var pending = [root]
    while let name = pending.popLast() {
        for dependency in (byName[name]?.target_dependencies ?? []) + (byName[name]?.product_dependencies ?? [])
        where seen.insert(dependency).inserted {
            pending.append(dependency)
        }
    }
    return seen.sorted()
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "listing" where arguments.count == 3:
    let values = Array(arguments)
    do {
        print(try listing(module: values[1], directory: values[2]), terminator: "")
    } catch {
        fail("cannot read the symbol graphs of \(values[1]): \(error)")
    }
case "closure" where arguments.count == 2:
    let input = FileHandle.standardInput.readDataToEndOfFile()
    guard let start = input.firstIndex(of: UInt8(ascii: "{")) else { fail("no JSON on stdin") }
    do {
        let description = try JSONDecoder().decode(Description.self, from: input[start...])
        print(closure(of: Array(arguments)[1], in: description).joined(separator: "\n"))
    } catch {
        fail("cannot read the package description: \(error)")
    }
default:
    fail("usage: PackageChecks listing MODULE SYMBOLGRAPH_DIR | PackageChecks closure TARGET")
}
