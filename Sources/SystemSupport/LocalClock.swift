import Glibc
import Locking

/// The wall clock in the machine's time zone, read in one place: the daemon fixes "today" once per request
/// from it, the CLI once per command.
public enum LocalClock {
    /// The last day worked out, and the wall-clock seconds it spans: a request on the same day reads it back
    /// instead of converting the time through the zone rules (`localtime_r` takes glibc's time-zone lock, and
    /// the daemon asks on every request).
    private static let cached = Locked(CachedDay(day: 0, from: 1, until: 0))

    private struct CachedDay: Sendable {
        var day: Int
        /// Local midnight that began the day, and the one that ends it (both `time_t`).
        var from: Int
        var until: Int
    }

    /// Today's date in the local time zone, as days since 1970-01-01.
    public static func todayDaysSinceEpoch() -> Int {
        let now = Int(time(nil))
        if let day = cached.withLock({ $0.from <= now && now < $0.until ? $0.day : nil }) { return day }
        let fresh = day(containing: now)
        cached.withLock { $0 = fresh }
        return fresh.day
    }

    /// The local calendar day holding `now`, with its bounds (a wall-clock step either way lands outside
    /// them and is worked out again).
    private static func day(containing now: Int) -> CachedDay {
        var seconds = time_t(now)
        var parts = tm()
        localtime_r(&seconds, &parts)
        var noon = parts
        // The local calendar day, counted as if it were a UTC day: timegm reads the parts without a zone.
        noon.tm_hour = 12
        noon.tm_min = 0
        noon.tm_sec = 0
        let day = Int(timegm(&noon) / 86_400)
        var start = parts
        start.tm_hour = 0
        start.tm_min = 0
        start.tm_sec = 0
        start.tm_isdst = -1
        var end = start
        end.tm_mday += 1
        let from = Int(mktime(&start))
        let until = Int(mktime(&end))
        // A zone whose midnight does not exist (a DST jump at 00:00) can make mktime disagree: then no cache.
        guard from <= now, now < until else { return CachedDay(day: day, from: 1, until: 0) }
        return CachedDay(day: day, from: from, until: until)
    }
}
