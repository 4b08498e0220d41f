/// A manual page in roff (man(7) macros), built from the same text a program prints for `--help`, so that
/// the page and the help can never say different things.
public struct ManPage: Sendable {
    /// A titled section: paragraphs, then labelled items (an option and what it does).
    public struct Section: Sendable {
        public var title: String
        public var paragraphs: [String]
        public var items: [(label: String, text: String)]
        /// Preformatted lines (examples), kept as they are.
        public var literal: [String]

        public init(_ title: String, paragraphs: [String] = [], items: [(label: String, text: String)] = [], literal: [String] = []) {
            self.title = title
            self.paragraphs = paragraphs
            self.items = items
            self.literal = literal
        }
    }

    public var name: String
    public var section: Int
    public var version: String
    public var summary: String
    public var synopsis: [String]
    public var sections: [Section]

    public init(name: String, section: Int, version: String, summary: String, synopsis: [String], sections: [Section]) {
        self.name = name
        self.section = section
        self.version = version
        self.summary = summary
        self.synopsis = synopsis
        self.sections = sections
    }

    /// The page as roff. No date in the header: the same program always prints the same page.
    public func render() -> String {
        var lines = [
            ".TH \(Self.escape(name.uppercased())) \(section) \"\" \"\(Self.escape(name)) \(Self.escape(version))\" \"SkillPath\"",
            ".SH NAME",
            "\(Self.escape(name)) \\- \(Self.escape(summary))",
            ".SH SYNOPSIS",
        ]
        for (number, line) in synopsis.enumerated() {
            if number > 0 { lines.append(".br") }
            lines.append(Self.escape(line))
        }
        for part in sections {
            lines.append(part.title.hasPrefix("  ") ? ".SS \(Self.escape(part.title.trimmingSpaces))" : ".SH \(Self.escape(part.title.uppercased()))")
            for paragraph in part.paragraphs {
                lines.append(".PP")
                lines += Self.escapedLines(paragraph)
            }
            for item in part.items {
                lines += [".TP", "\\fB\(Self.escape(item.label))\\fR"] + Self.escapedLines(item.text)
            }
            if !part.literal.isEmpty {
                lines += [".PP", ".nf"] + part.literal.map { Self.escape($0) } + [".fi"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Prose: escaped, with markdown code spans (`catalog check`) set in bold, as man pages set commands.
    static func escapedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { codeSpansInBold(escape(String($0))) }
    }

    /// Each pair of backticks around a code span becomes `\fB` … `\fR`; a line with an odd number keeps
    /// its backticks, since there is no telling which one is unpaired.
    static func codeSpansInBold(_ line: String) -> String {
        let ticks = line.count { $0 == "`" }
        guard ticks > 0, ticks % 2 == 0 else { return line }
        var opening = true
        var result = ""
        for character in line {
            guard character == "`" else {
                result.append(character)
                continue
            }
            result += opening ? "\\fB" : "\\fR"
            opening.toggle()
        }
        return result
    }

    /// Text safe in roff: backslashes as `\e`, hyphens as `\-` (so options copy and paste as ASCII), other
    /// characters beyond ASCII as `\[uXXXX]`, and a leading dot or quote guarded so that it is not read as a
    /// request.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case _ where scalar.isASCII: escaped.unicodeScalars.append(scalar)
            // Anything else as a named code point, which groff and mandoc read whatever the input encoding.
            default: escaped += "\\[u" + String(String(scalar.value, radix: 16, uppercase: true).paddedToFour) + "]"
            }
        }
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " })
    }

    /// At least four hex digits, as `\[uXXXX]` wants.
    fileprivate var paddedToFour: String {
        String(repeating: "0", count: max(0, 4 - count)) + self
    }
}
