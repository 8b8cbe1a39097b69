import ReferralCore

/// A JSON value with ordered keys, so `summary.json` reads in the documented order and the
/// same result always gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  /// Money: at most two decimals, never a binary fraction.
  case money(Money)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

  public static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
  public static func optional(_ value: Money?) -> JSONValue { value.map(JSONValue.money) ?? .null }

  /// Pretty-printed with two-space indentation and a final newline. Written as UTF-8 bytes
  /// (appending to a `String` piece by piece costs several times more for a large report).
  public func serialized() -> String {
    var out: [UInt8] = []
    out.reserveCapacity(1 << 16)
    write(to: &out, depth: 0)
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
  }

  private func write(to out: inout [UInt8], depth: Int) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .number(let d): out.append(contentsOf: (d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null").utf8)
    case .money(let m): out.append(contentsOf: m.description.utf8)
    case .string(let s): Self.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
      out.append(contentsOf: "[\n".utf8)
      for (i, item) in items.enumerated() {
        Self.indent(depth + 1, &out)
        item.write(to: &out, depth: depth + 1)
        out.append(contentsOf: (i < items.count - 1 ? ",\n" : "\n").utf8)
      }
      Self.indent(depth, &out)
      out.append(0x5D)
    case .object(let members):
      if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
      out.append(contentsOf: "{\n".utf8)
      for (i, (key, value)) in members.enumerated() {
        Self.indent(depth + 1, &out)
        Self.writeString(key, to: &out)
        out.append(contentsOf: ": ".utf8)
        value.write(to: &out, depth: depth + 1)
        out.append(contentsOf: (i < members.count - 1 ? ",\n" : "\n").utf8)
      }
      Self.indent(depth, &out)
      out.append(0x7D)
    }
  }

  private static func indent(_ depth: Int, _ out: inout [UInt8]) {
    for _ in 0..<(depth * 2) { out.append(0x20) }
  }

  private static func writeString(_ s: String, to out: inout [UInt8]) {
    out.append(0x22)
    if let done = s.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, to: &out) }) {
      _ = done
    } else {
      writeEscaped(Array(s.utf8), to: &out)
    }
    out.append(0x22)
  }

  /// The bytes of a JSON string's contents; U+2028 and U+2029 (E2 80 A8/A9) are escaped too,
  /// as they end lines in JavaScript.
  private static func writeEscaped<Bytes: RandomAccessCollection>(_ bytes: Bytes, to out: inout [UInt8])
  where Bytes.Element == UInt8, Bytes.Index == Int {
    if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
      out.append(contentsOf: bytes)
      return
    }
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      switch byte {
      case 0x22: out.append(contentsOf: "\\\"".utf8)
      case 0x5C: out.append(contentsOf: "\\\\".utf8)
      case 0x0A: out.append(contentsOf: "\\n".utf8)
      case 0x0D: out.append(contentsOf: "\\r".utf8)
      case 0x09: out.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        let hex = String(byte, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
      case 0xE2 where index + 2 < bytes.endIndex && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        out.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        index += 2
      default: out.append(byte)
      }
      index += 1
    }
  }
}
