// swift-tools-version: 6.1
// Fenci's benchmarks, in their own package so the main package carries no benchmark
// dependency. Run from this directory: `swift package benchmark` (see README).
import PackageDescription

let package = Package(
    name: "FenciBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Fenci", path: ".."),
        // Only the MallocInterposer trait: the default traits pull in a package the mirror lacks.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "FenciSegmenter", package: "Fenci"),
                .product(name: "FenciResources", package: "Fenci"),
            ],
            path: "Tools/BenchmarkSupport"
        ),
        .executableTarget(
            name: "Tokenize",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
                .product(name: "FenciSegmenter", package: "Fenci"),
                .product(name: "FenciResources", package: "Fenci"),
            ],
            path: "Benchmarks/Tokenize",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Analysis",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
                .product(name: "FenciAnalysis", package: "Fenci"),
                .product(name: "FenciResources", package: "Fenci"),
            ],
            path: "Benchmarks/Analysis",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Protocol",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
                .product(name: "FenciRPC", package: "Fenci"),
                .product(name: "FenciServer", package: "Fenci"),
                .product(name: "FenciSegmenter", package: "Fenci"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Protocol",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "LoadGenerator",
            path: "Tools/LoadGenerator"
        ),
    ],
    swiftLanguageModes: [.v6]
)
