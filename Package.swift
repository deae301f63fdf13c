// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-coveo-push",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CoveoPush", targets: ["CoveoPush"]),
        .library(name: "CoveoPushEmulator", targets: ["CoveoPushEmulator"]),
        .library(name: "CoveoPushTesting", targets: ["CoveoPushTesting"]),
        .executable(name: "coveo-push", targets: ["coveo-push"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCoveoZlib",
            path: "Sources/CCoveoZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // The SDK: models, encoding, batching, the client and the URLSession transport.
        .target(name: "CoveoPush", dependencies: ["CCoveoZlib"]),
        // The in-memory Push and Stream service and the loopback HTTP server in front of it.
        .target(name: "CoveoPushEmulator", dependencies: ["CoveoPush"]),
        // What a crawler's tests need: mock and recording transports, the test clock; re-exports the emulator.
        .target(name: "CoveoPushTesting", dependencies: ["CoveoPush", "CoveoPushEmulator"]),
        // The coveo-push command's code (package API only); links the emulator, never the testing library.
        .target(name: "CoveoPushCLI", dependencies: ["CoveoPush", "CoveoPushEmulator"]),
        .executableTarget(name: "coveo-push", dependencies: ["CoveoPushCLI"]),
        // Raw-socket HTTP helpers shared by the tests and the benchmark; not a product.
        .target(name: "CoveoPushTestSupport", dependencies: ["CoveoPush"]),
        // Not a product: run it with `swift run -c release coveo-push-benchmark`.
        .executableTarget(
            name: "coveo-push-benchmark",
            dependencies: ["CoveoPush", "CoveoPushTesting", "CoveoPushCLI", "CoveoPushTestSupport", "CCoveoZlib"]),
        .testTarget(name: "CoveoPushTests", dependencies: ["CoveoPush", "CoveoPushTesting", "CoveoPushTestSupport"]),
        .testTarget(
            name: "CoveoPushTestingTests",
            dependencies: ["CoveoPush", "CoveoPushEmulator", "CoveoPushTesting", "CoveoPushTestSupport"]),
        .testTarget(
            name: "CoveoPushCLITests",
            dependencies: ["CoveoPushCLI", "CoveoPushTesting", "CoveoPushTestSupport", "coveo-push"]),
    ],
    swiftLanguageModes: [.v6]
)
