import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath mentors SKILL | --target ROLE`: who could mentor you.
enum MentorsCommand: Command {
    static let spec = CommandSpec(
        path: ["mentors"], summary: "who could mentor you (or a report) in a skill, or in every skill a role needs you to raise",
        synopsis: "mentors (SKILL [--level N] | --target ROLE) [--employee ID] [--outside-line] [--limit N] [--json]",
        discussion: """
        A mentor offered the skill ('skillpath mentors offer'), has room, and holds it on evidence someone
        else gave at least one level above what you need (or at 4 and above). People outside your
        reporting line (your managers and the people under you) come first; --outside-line keeps only them.
        Of a mentor you see the name and the skill matched, nothing else of their profile.
        """,
        options: [
            OptionSpec("target", value: "ROLE", help: "every skill your plan to this role must raise"),
            OptionSpec("level", value: "N", help: "with SKILL: the level you need (default one above yours)"),
            OptionSpec("employee", value: "ID", help: "a report's (managers; anyone's, for administrators)"),
            OptionSpec("outside-line", help: "only mentors outside your reporting line"),
            OptionSpec("limit", value: "N", help: "mentors per skill (default 5, at most 50)"),
        ],
        positionals: ["SKILL"], minimumPositionals: 0, maximumPositionals: 1,
        examples: ["skillpath mentors python", "skillpath mentors --target data-engineer --outside-line"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let skill = arguments.positionals.first
        guard (skill == nil) != (arguments.value("target") == nil) else {
            throw .usage("give a SKILL or --target ROLE (one of them)", hint: "usage: skillpath \(spec.synopsis)")
        }
        let result = try context.daemon().call(MentorsFind.self, MentorsFind.Params(
            employee: arguments.value("employee"), skill: skill, level: try arguments.positiveInteger("level"), targetRole: arguments.value("target"),
            outsideLineOnly: arguments.flag("outside-line"), limit: try arguments.positiveInteger("limit") ?? MentorsFind.defaultLimit))
        if context.printedJSON(result) { return .success }
        let shown = Shown()
        var rows: [[String]] = []
        for need in result["skills"]?.arrayValue ?? [] {
            let label = "\(need["name"]?.stringValue ?? "?") \(shown.text(need["have"]))→\(shown.text(need["need"]))"
            let mentors = need["mentors"]?.arrayValue ?? []
            if mentors.isEmpty { rows.append([label, "—", "nobody offers it at that level", "", "", ""]) }
            for mentor in mentors {
                rows.append([
                    label, shown.text(mentor["employee"]), mentor["name"]?.stringValue ?? "?", shown.text(mentor["level"]), shown.text(mentor["evidence"]),
                    "\(shown.text(mentor["freeCapacity"]))\(mentor["outsideLine"]?.boolValue == false ? " (your line)" : "")",
                ])
            }
        }
        guard !rows.isEmpty else {
            context.console.line("Nothing to find mentors for: the plan raises no skill.")
            return .success
        }
        context.console.table(header: ["Skill", "Mentor", "Name", "Level", "Evidence", "Free places"], rows: rows, rightAligned: [3], shrinkable: [2])
        return .success
    }
}

/// `skillpath mentors offer`: offer to mentor.
enum MentorsOfferCommand: Command {
    static let spec = CommandSpec(
        path: ["mentors", "offer"], summary: "offer to mentor your skills (all, or --skill ones) up to --capacity mentees; --capacity 0 withdraws",
        synopsis: "mentors offer --capacity N [--skill SKILL]... [--employee ID] [--json]",
        options: [
            OptionSpec("capacity", value: "N", help: "mentees at once (0 withdraws the offer, at most 20)"),
            OptionSpec("skill", value: "SKILL", repeatable: true, help: "a skill you offer (default: every skill you qualify in)"),
            OptionSpec("employee", value: "ID", help: "someone else's offer (administrators)"),
        ],
        examples: ["skillpath mentors offer --capacity 2 --skill python,sql", "skillpath mentors offer --capacity 0"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        guard let text = arguments.value("capacity"), let capacity = Int(text), (0...MentorOffer.maximumCapacity).contains(capacity) else {
            throw .usage("--capacity must be a number from 0 to \(MentorOffer.maximumCapacity)")
        }
        let daemon = context.daemon()
        let employee = try ownID(daemon, unless: arguments.value("employee"))
        let result = try daemon.call(MentorsOffer.self, MentorsOffer.Params(employee: employee, skills: arguments.values("skill"), capacity: capacity))
        if context.printedJSON(result) { return .success }
        let skills = (result["skills"]?.arrayValue ?? []).compactMap(\.stringValue)
        context.console.line(capacity == 0
            ? "\(employee) no longer offers to mentor."
            : "\(employee) offers to mentor \(skills.isEmpty ? "every skill they qualify in" : skills.joined(separator: ", ")), up to \(Plural.count(capacity, "mentee")) at once.")
        return .success
    }
}

/// `skillpath mentoring`: your mentorings; `start` and `end` record them.
enum MentoringCommand: Command {
    static let spec = CommandSpec(
        path: ["mentoring"], summary: "the mentorings you are in (as mentor or learner), or a report's",
        synopsis: "mentoring [--employee ID] [--json]",
        options: [OptionSpec("employee", value: "ID", help: "a report's (managers; anyone's, for administrators)")],
        examples: ["skillpath mentoring"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let result = try context.daemon().call(MentoringList.self, MentoringList.Params(employee: context.arguments.value("employee")))
        if context.printedJSON(result) { return .success }
        let list = result["mentorings"]?.arrayValue ?? []
        guard !list.isEmpty else {
            context.console.line("No mentorings. Find a mentor with 'skillpath mentors SKILL'.")
            return .success
        }
        let shown = Shown()
        context.console.table(
            header: ["ID", "Mentor", "Learner", "Skill", "Started", "Ended"],
            rows: list.map { [shown.text($0["id"]), shown.text($0["mentor"]), shown.text($0["learner"]), shown.text($0["skill"]), shown.text($0["started"]), $0["ended"]?.stringValue ?? "—"] },
            rightAligned: [0])
        return .success
    }
}

enum MentoringStartCommand: Command {
    static let spec = CommandSpec(
        path: ["mentoring", "start"], summary: "record that MENTOR starts mentoring you (or --learner) in SKILL",
        synopsis: "mentoring start MENTOR SKILL [--learner ID] [--date DATE] [--note TEXT] [--json]",
        options: [
            OptionSpec("learner", value: "ID", help: "the learner (default you)"),
            OptionSpec("date", value: "DATE", help: "the first day (default today)"),
            OptionSpec("note", value: "TEXT", help: "what it is about"),
        ],
        positionals: ["MENTOR", "SKILL"], minimumPositionals: 2, maximumPositionals: 2,
        examples: ["skillpath mentoring start e-004 python"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let result = try context.daemon().call(MentoringStart.self, MentoringStart.Params(
            mentor: arguments.positionals[0], learner: arguments.value("learner"), skill: arguments.positionals[1], date: try arguments.date("date"),
            note: arguments.value("note")))
        if context.printedJSON(result) { return .success }
        let shown = Shown()
        context.console.line("Mentoring \(shown.text(result["id"])): \(shown.text(result["mentor"])) mentors \(shown.text(result["learner"])) in \(shown.text(result["skill"])) from \(shown.text(result["started"])).")
        return .success
    }
}

enum MentoringEndCommand: Command {
    static let spec = CommandSpec(
        path: ["mentoring", "end"], summary: "record that a mentoring ended",
        synopsis: "mentoring end ID [--date DATE] [--json]",
        options: [OptionSpec("date", value: "DATE", help: "the last day (default today)")],
        positionals: ["ID"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath mentoring end 1"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let id = try positiveID(context.arguments.positionals[0], "ID", is: "a mentoring id")
        let result = try context.daemon().call(MentoringEnd.self, MentoringEnd.Params(id: id, date: try context.arguments.date("date")))
        if context.printedJSON(result) { return .success }
        context.console.line("Mentoring \(id) ended on \(Shown().text(result["ended"])).")
        return .success
    }
}
