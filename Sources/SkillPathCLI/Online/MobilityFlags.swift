import SkillPathJSON

/// Flags and cells the mobility commands share.
enum MobilityFlags {
    /// Plan hours, marked when the plan cannot close the whole gap (the hours then buy only part of it).
    static func hours(_ entry: JSONValue) -> String {
        Shown().text(entry["hours"]) + (entry["complete"]?.boolValue == false ? "+" : "")
    }
}
