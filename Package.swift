// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-coveo-push",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CoveoPush", targets: ["CoveoPush"]),
        .library(name: "CoveoPushTesting", targets: ["CoveoPushTesting"]),
        .executable(name: "coveo-push", targets: ["coveo-push"]),
        .executable(name: "coveo-push-benchmark", targets: ["coveo-push-benchmark"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCoveoZlib",
            path: "Sources/CCoveoZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "CoveoPush", dependencies: ["CCoveoZlib"]),
        .target(name: "CoveoPushTesting", dependencies: ["CoveoPush"]),
        .target(name: "CoveoPushCLI", dependencies: ["CoveoPush", "CoveoPushTesting"]),
        .executableTarget(name: "coveo-push", dependencies: ["CoveoPushCLI"]),
        .executableTarget(
            name: "coveo-push-benchmark", dependencies: ["CoveoPush", "CoveoPushTesting", "CoveoPushCLI", "CCoveoZlib"]),
        .testTarget(name: "CoveoPushTests", dependencies: ["CoveoPush", "CoveoPushTesting"]),
        .testTarget(name: "CoveoPushTestingTests", dependencies: ["CoveoPush", "CoveoPushTesting"]),
        .testTarget(name: "CoveoPushCLITests", dependencies: ["CoveoPushCLI", "CoveoPushTesting", "coveo-push"]),
    ],
    swiftLanguageModes: [.v6]
)
