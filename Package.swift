// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Newsroom",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsroom", targets: ["newsroom"]),
        .library(name: "NewsKit", targets: ["NewsKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Data files (gazetteers, the sample corpus) from the top-level Resources/ folder.
        .target(
            name: "NewsResources",
            path: "Resources",
            exclude: [],
            resources: [.copy("gazetteers"), .copy("corpus"), .copy("formats")]
        ),
        // Model, parsing and extraction: pure Swift, no I/O beyond reading files.
        .target(name: "NewsKit", dependencies: ["NewsResources"]),
        // libpq, the PostgreSQL C client: a system library, no build time.
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The archive: SQLite (GRDB, FTS5) embedded, PostgreSQL (libpq) shared;
        // cross-story linking and queries.
        .target(
            name: "NewsArchive",
            dependencies: ["NewsKit", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // New inputs arriving: feeds and pages over HTTP (URLSession), drop folders.
        .target(name: "NewsFetch", dependencies: ["NewsKit", "NewsArchive"]),
        // The reader as pure Swift: state, actions, layout, cell buffer. No terminal.
        .target(name: "NewsReader", dependencies: ["NewsKit", "NewsArchive"]),
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .executableTarget(
            name: "newsroom",
            dependencies: [
                "NewsKit", "NewsArchive", "NewsReader", "NewsFetch", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer harness over parsing and extraction (`make fuzz`).
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "newsroom-fuzz", dependencies: ["NewsKit", "CFuzzDriver"]),
        // `make bench`: the figures of issue 5 (generated corpus, extraction, ingest, reader).
        .executableTarget(name: "newsroom-bench", dependencies: ["NewsKit", "NewsArchive", "NewsReader"]),
        // What the tests that run the real binary share: finding it, running
        // it, temporary folders, and a tmux terminal. Only test targets use it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "NewsKitTests", dependencies: ["NewsKit"]),
        .testTarget(name: "NewsArchiveTests", dependencies: ["NewsArchive", "NewsKit", "TestSupport"]),
        .testTarget(name: "NewsReaderTests", dependencies: ["NewsReader", "NewsArchive", "NewsKit"]),
        .testTarget(name: "NewsFetchTests", dependencies: ["NewsFetch", "NewsArchive", "NewsKit", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["NewsKit", "NewsArchive", "TestSupport"]),
    ]
)
