// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-coveo-push",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CoveoPush", targets: ["CoveoPush"]),
        .executable(name: "coveo-push-benchmark", targets: ["coveo-push-benchmark"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCoveoZlib",
            path: "Sources/CCoveoZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "CoveoPush", dependencies: ["CCoveoZlib"]),
        .executableTarget(name: "coveo-push-benchmark", dependencies: ["CoveoPush"]),
        .testTarget(name: "CoveoPushTests", dependencies: ["CoveoPush"]),
    ],
    swiftLanguageModes: [.v6]
)
