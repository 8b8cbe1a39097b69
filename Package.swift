// swift-tools-version: 6.1
import Foundation
import PackageDescription

// referral-report: Import → Attribute → Render, one module per stage, a thin CLI on top.
// Stages never import each other backwards: ReferralImport (over CSVStream) and
// ReferralAttribution meet only in ReferralCore's values; ReferralRender reads the attribution
// result; ReferralPipeline is the edge that touches files; the executable only wires it.

let package = Package(
  name: "referral-report",
  products: [
    .executable(name: "referral-report", targets: ["referral-report"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: The C boundary
    .systemLibrary(
      name: "CLibCSV",
      path: "Sources/CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    .target(name: "CSVStream", dependencies: ["CLibCSV", "CFieldArena", "Scheduler"]),
    .target(name: "CFieldArena"),
    .target(name: "CSystemShims"),

    // MARK: The one place the run goes parallel
    .target(name: "Scheduler"),

    // CSVStream and ReferralCore stay `public`, the only modules that do: the import and the
    // attribution call their small functions per row (`ByteView`, `CSVRowView`, `Day`, the
    // tables' columns), and Swift 6.3 inlines a function into another module only when it is
    // `public` (its default cross-module optimisation, and `@inlinable`): it never serializes a
    // `package` body, `@inlinable` or not, short of library evolution with package CMO.
    // Measured in docs/PERFORMANCE.md ("package access").

    // MARK: Values shared by the stages
    .target(name: "ReferralCore", dependencies: ["CSVStream", "Scheduler"]),

    // MARK: Excel workbooks, read into CSV for the one parser
    .target(name: "Workbook", dependencies: ["ReferralCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),

    // MARK: Stages
    .target(name: "ReferralImport", dependencies: ["CSVStream", "ReferralCore", "Scheduler", "Workbook"]),
    .target(name: "ReferralAttribution", dependencies: ["ReferralCore", "Scheduler"]),
    .target(name: "ReferralRender", dependencies: ["ReferralAttribution", "ReferralCore", "CSVStream"]),

    // MARK: The edge: configuration, files in, files out
    .target(
      name: "ReferralPipeline",
      dependencies: [
        "ReferralImport", "ReferralAttribution", "ReferralRender", "ReferralCore", "CSVStream", "CSystemShims", "Scheduler",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    .target(name: "ReferralSample", dependencies: ["ReferralCore", "CSVStream", "ReferralImport", "ReferralPipeline"]),
    .executableTarget(
      name: "referral-report",
      dependencies: [
        "ReferralPipeline", "ReferralSample", "CSystemShims",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    .executableTarget(name: "referral-bench", dependencies: ["CSVStream", "ReferralCore", "ReferralSample", "ReferralAttribution"]),

    // MARK: Tests (mirror the sources)
    .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"]),
    .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "ReferralCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .testTarget(name: "CSVStreamTests", dependencies: ["CSVStream", "CLibCSV", "ReferralCore"], exclude: ["Fixtures"]),
    // Datasets for tests, made by importing CSV text as a run does.
    .target(name: "TestSupport", dependencies: ["ReferralCore", "ReferralImport", "CSVStream"], path: "Tests/TestSupport"),
    .testTarget(name: "ReferralCoreTests", dependencies: ["ReferralCore", "CSVStream", "TestSupport"]),
    .testTarget(name: "ReferralImportTests", dependencies: ["ReferralImport", "ReferralCore", "CSVStream", "TestSupport"]),
    .testTarget(name: "ReferralAttributionTests", dependencies: ["ReferralAttribution", "ReferralCore", "ReferralImport", "TestSupport"]),
    .testTarget(
      name: "ReferralRenderTests",
      dependencies: ["ReferralRender", "ReferralAttribution", "ReferralCore", "CSVStream", "TestSupport"]
    ),
    .testTarget(
      name: "ReferralPipelineTests",
      dependencies: [
        "ReferralPipeline", "ReferralSample", "ReferralCore", "ReferralImport", "ReferralAttribution", "ReferralRender", "CSVStream", "TestSupport",
      ],
      exclude: ["Fixtures", "FuzzCorpus"]
    ),
  ]
)

// The libFuzzer harness exists only for `make fuzz`, which builds it with -sanitize=fuzzer
// (libFuzzer supplies its main); a plain build would fail to link it.
if ProcessInfo.processInfo.environment["REFERRAL_REPORT_FUZZ"] != nil {
  package.targets.append(
    .executableTarget(
      name: "import-fuzzer",
      dependencies: ["CSVStream", "ReferralImport", "ReferralAttribution", "ReferralRender", "ReferralPipeline"]))
}

// Every target keeps Swift's dynamic exclusivity checks, release builds too: turning them off
// for the per-row stages (-enforce-exclusivity=unchecked) once saved 8% of the import, but
// measured again on this code (1M leads, 21 alternated runs, twice)
// it no longer paid: CPU 1.674 s with the flag against 1.683 s without, wall 0.938 against
// 0.919 s.
for target in package.targets where target.type != .system && !["CSystemShims", "CFieldArena"].contains(target.name) {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
