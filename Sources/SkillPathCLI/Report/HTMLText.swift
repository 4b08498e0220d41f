/// Building well-formed (X)HTML by hand: every text and attribute value goes through `escape`, every element
/// is closed, so the page parses as XML as well as HTML.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `<name attributes>content</name>`; content is already markup.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ content: String = "") -> String {
        let attributeText = attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        return "<\(name)\(attributeText)>\(content)</\(name)>"
    }

    /// An element holding plain text.
    static func text(_ name: String, _ attributes: [(String, String)], _ content: String) -> String {
        element(name, attributes, escape(content))
    }

    static func text(_ name: String, _ content: String) -> String {
        element(name, [], escape(content))
    }

    /// A number for SVG coordinates: at most two decimals, never in exponent form.
    static func coordinate(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return magnitude % 100 == 0 ? "\(sign)\(magnitude / 100)" : "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }
}
