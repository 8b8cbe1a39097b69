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

  /// Pretty-printed with two-space indentation and a final newline.
  public func serialized() -> String {
    var out = ""
    write(to: &out, indent: "")
    return out + "\n"
  }

  private func write(to out: inout String, indent: String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
    case .money(let m): out += m.description
    case .string(let s): Self.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      let inner = indent + "  "
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        item.write(to: &out, indent: inner)
        out += i < items.count - 1 ? ",\n" : "\n"
      }
      out += indent + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      let inner = indent + "  "
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += inner
        Self.writeString(key, to: &out)
        out += ": "
        value.write(to: &out, indent: inner)
        out += i < members.count - 1 ? ",\n" : "\n"
      }
      out += indent + "}"
    }
  }

  private static func writeString(_ s: String, to out: inout String) {
    out += "\""
    // Most texts need no escape (0xE2 leads U+2028 and U+2029): copied whole.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) {
      out += s
      out += "\""
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
