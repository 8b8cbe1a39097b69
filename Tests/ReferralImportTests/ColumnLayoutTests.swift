import ReferralCore
import TestSupport
import Testing

@testable import ReferralImport

/// Columns read per row before a field's own (``ColumnNames/reading(_:before:role:)``).
@Suite struct ColumnLayoutTests {
  let folder: TemporaryFolder

  init() throws { folder = try TemporaryFolder() }

  static let leads = """
    lead_id,created_at,source,Lead Source
    L1,2026-10-01,Offline sources,Customer Referral
    L2,2026-10-02,Organic search,
    L3,2026-10-03,,Trade show

    """

  func sources(_ names: ColumnNames) throws -> [String] {
    let files = InputFiles(leads: try folder.file("leads.csv", Self.leads))
    let data = try Importer.load(files, options: ImportOptions(columns: names))
    return data.leads.map { data.sources[Int($0.source)] }
  }

  @Test func aColumnReadFirstWinsWhereItIsFilledIn() throws {
    let names = ColumnNames().reading(["Lead Source"], before: .source, role: .leads)
    // L1: Lead Source; L2: empty there, so the field's own column; L3: Lead Source.
    #expect(try sources(names) == ["Customer Referral", "Organic search", "Trade show"])
  }

  @Test func withoutItTheFieldsOwnColumnIsRead() throws {
    #expect(try sources(ColumnNames()) == ["Offline sources", "Organic search", ""])
  }

  /// A config's mapping names the one column read.
  @Test func aMappingOfTheFieldEndsIt() throws {
    var names = ColumnNames().reading(["Lead Source"], before: .source, role: .leads)
    names.override(.source, role: .leads, header: "source")
    #expect(try sources(names) == ["Offline sources", "Organic search", ""])
  }

  /// An export with only the column read first reads the field from it.
  @Test func theColumnReadFirstAloneIsTheFieldsColumn() throws {
    let files = InputFiles(leads: try folder.file("only.csv", "lead_id,created_at,Lead Source\nL1,2026-10-01,Customer Referral\n"))
    let names = ColumnNames().reading(["Lead Source"], before: .source, role: .leads)
    let data = try Importer.load(files, options: ImportOptions(columns: names))
    #expect(data.leads.map { data.sources[Int($0.source)] } == ["Customer Referral"])
    #expect(data.inputs[0].ignoredColumns.isEmpty)
  }
}
