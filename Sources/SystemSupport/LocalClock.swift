import Glibc

/// The wall clock in the machine's time zone, read in one place: the daemon fixes "today" once per request
/// from it, the CLI once per command.
public enum LocalClock {
    /// Today's date in the local time zone, as days since 1970-01-01.
    public static func todayDaysSinceEpoch() -> Int {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        // The local calendar day, counted as if it were a UTC day: timegm reads the parts without a zone.
        parts.tm_hour = 12
        parts.tm_min = 0
        parts.tm_sec = 0
        return Int(timegm(&parts) / 86_400)
    }
}
