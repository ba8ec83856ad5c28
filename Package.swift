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
        .library(name: "FenciAnalysis", targets: ["FenciAnalysis"]),
        .library(name: "FenciRPC", targets: ["FenciRPC"]),
        .library(name: "FenciServer", targets: ["FenciServer"]),
    ],
    traits: [
        // On by default; `swift build --disable-default-traits` builds with the C library's malloc.
        .trait(name: "Jemalloc", description: "Link jemalloc (libjemalloc-dev) as the process allocator."),
        .default(enabledTraits: ["Jemalloc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // MARK: - C
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CFenciData", path: "Sources/CFenciData"),

        // MARK: - Libraries
        .target(name: "FenciCorpus", dependencies: ["CZlib"]),
        .target(name: "FenciSegmenter"),
        .target(name: "FenciResources", dependencies: ["FenciSegmenter", "FenciAnalysis", "FenciCorpus", "CFenciData"]),
        .target(name: "FenciAnalysis", dependencies: ["FenciSegmenter"]),
        .target(name: "FenciRPC"),
        .target(
            name: "FenciServer",
            dependencies: [
                "FenciRPC", "FenciSegmenter", "FenciAnalysis", "FenciResources", "FenciCorpus",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),

        // MARK: - Executable
        .executableTarget(
            name: "fenci",
            dependencies: [
                "FenciSegmenter", "FenciAnalysis", "FenciResources", "FenciCorpus", "FenciRPC", "FenciServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            linkerSettings: [
                // Only linked, never called: being first in NEEDED makes jemalloc the malloc of
                // the whole process, Swift runtime and Foundation included (see README).
                .linkedLibrary("jemalloc", .when(platforms: [.linux], traits: ["Jemalloc"])),
            ]
        ),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["FenciResources", "FenciSegmenter", "FenciAnalysis"], path: "Tests/TestSupport"),
        .testTarget(name: "FenciCorpusTests", dependencies: ["FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciSegmenterTests", dependencies: ["FenciSegmenter", "FenciResources", "FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciResourcesTests", dependencies: ["FenciResources", "FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciRPCTests", dependencies: ["FenciRPC", "TestSupport"]),
        .testTarget(name: "FenciAnalysisTests", dependencies: ["FenciAnalysis", "FenciResources", "TestSupport"]),
        .testTarget(name: "FenciCLITests", dependencies: ["FenciCorpus", "TestSupport"]),
        .testTarget(name: "FenciServerTests", dependencies: [
            "FenciServer", "FenciRPC", "FenciCorpus", "TestSupport",
            .product(name: "MetricsTestKit", package: "swift-metrics"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
