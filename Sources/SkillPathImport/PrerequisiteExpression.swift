/// A Princeton prerequisite expression: course codes joined by `&` (and) and `|` (or), with parentheses.
/// `&` binds tighter than `|`. Atoms are course codes (`COS126`, `CEE102A`), may-be-concurrent codes
/// (`$MAT175`, treated as prerequisites), ranges (`<SPA207`: that course or any higher-numbered one in the
/// department) and wildcards (`MAT2**`, `AAS***`; a bare department such as `ECO` means any of its courses).
indirect enum PrerequisiteExpression: Equatable {
    case atom(String)
    case all([PrerequisiteExpression])
    case any([PrerequisiteExpression])

    struct ParseError: Error, Equatable {
        var message: String
    }

    static func parse(_ text: String) throws(ParseError) -> PrerequisiteExpression {
        var parser = Parser(tokens: tokens(text))
        let expression = try parser.alternatives()
        if parser.position < parser.tokens.count { throw ParseError(message: "unexpected '\(parser.tokens[parser.position])'") }
        return expression
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if "()&|".contains(character) || character.isWhitespace {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if !character.isWhitespace { tokens.append(String(character)) }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        // "CHI 3**" is written with a space now and then: join a department to the number after it.
        var joined: [String] = []
        for token in tokens {
            if let last = joined.last, last.allSatisfy(\.isLetter), last.count >= 2, let first = token.first, first.isNumber || first == "*" {
                joined[joined.count - 1] = last + token
            } else {
                joined.append(token)
            }
        }
        return joined
    }

    struct Parser {
        let tokens: [String]
        var position = 0
        /// Parentheses nested deeper than this are refused: the parser recurses once per level, and a
        /// crafted file must not be able to overflow the stack.
        static let maximumDepth = 64
        var depth = 0

        mutating func alternatives() throws(ParseError) -> PrerequisiteExpression {
            var terms = [try conjunction()]
            while position < tokens.count, tokens[position] == "|" {
                position += 1
                terms.append(try conjunction())
            }
            return terms.count == 1 ? terms[0] : .any(terms)
        }

        mutating func conjunction() throws(ParseError) -> PrerequisiteExpression {
            var factors = [try factor()]
            while position < tokens.count, tokens[position] == "&" {
                position += 1
                factors.append(try factor())
            }
            return factors.count == 1 ? factors[0] : .all(factors)
        }

        mutating func factor() throws(ParseError) -> PrerequisiteExpression {
            guard position < tokens.count else { throw ParseError(message: "the expression ends too early") }
            let token = tokens[position]
            position += 1
            if token == "(" {
                depth += 1
                defer { depth -= 1 }
                guard depth <= Self.maximumDepth else { throw ParseError(message: "parentheses nested deeper than \(Self.maximumDepth) levels") }
                let inner = try alternatives()
                guard position < tokens.count, tokens[position] == ")" else { throw ParseError(message: "a '(' is never closed") }
                position += 1
                return inner
            }
            guard token != ")" && token != "&" && token != "|" else { throw ParseError(message: "unexpected '\(token)'") }
            return .atom(token)
        }
    }
}
