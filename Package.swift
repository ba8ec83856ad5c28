// swift-tools-version: 6.1
// Fenci: a Chinese text service. Modules by responsibility; dependencies point one way:
// FenciSegmenter ← FenciAnalysis ← FenciServer → FenciRPC; FenciCorpus is a leaf; `fenci` sits on top.
import PackageDescription

let package = Package(
    name: "Fenci",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fenci", targets: ["fenci"]),
        .library(name: "FenciSegmenter", targets: ["FenciSegmenter"]),
        .library(name: "FenciResources", targets: ["FenciResources"]),
        .library(name: "FenciCorpus", targets: ["FenciCorpus"]),
        .library(name: "FenciRPC", targets: ["FenciRPC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - C
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CFenciData", path: "Sources/CFenciData"),

        // MARK: - Libraries
        .target(name: "FenciCorpus", dependencies: ["CZlib"]),
        .target(name: "FenciSegmenter"),
        .target(name: "FenciResources", dependencies: ["FenciSegmenter", "FenciCorpus", "CFenciData"]),
        .target(name: "FenciRPC"),

        // MARK: - Executable
        .executableTarget(
            name: "fenci",
            dependencies: [
                "FenciSegmenter", "FenciResources", "FenciCorpus", "FenciRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["FenciResources", "FenciSegmenter"], path: "Tests/TestSupport"),
        .testTarget(name: "FenciCorpusTests", dependencies: ["FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciSegmenterTests", dependencies: ["FenciSegmenter", "FenciResources", "FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciResourcesTests", dependencies: ["FenciResources", "FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciRPCTests", dependencies: ["FenciRPC", "TestSupport"]),
        .testTarget(name: "FenciCLITests", dependencies: ["FenciCorpus", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
